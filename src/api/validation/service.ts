// Service validation (pkg/apis/core/validation/validation.go: ValidateService, validateServicePort,
// ValidateServiceClusterIPsRelatedFields, ValidateServiceUpdate). Input is the defaulted v1 object.
import type { KObject } from '../types.js';
import type { ErrorList } from './field.js';
import {
  arr,
  duplicate,
  forbidden,
  goStringSlice,
  invalid,
  invalidEach,
  notSupported,
  num,
  obj,
  required,
  str,
} from './field.js';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isIP,
  isIPv6,
  isQualifiedName,
  isValidCIDR,
  isValidPortName,
  isValidPortNum,
  nameIsDNS1035Label,
  parseIPv4,
} from './names.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const AFFINITIES = ['ClientIP', 'None'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
const ANN_TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints';
const ANN_TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
const ANN_LB_SOURCE_RANGES = 'service.beta.kubernetes.io/load-balancer-source-ranges';

type Spec = Record<string, unknown>;

export function isHeadlessService(spec: Spec): boolean {
  const ips = arr(spec.clusterIPs);
  return ips.length === 1 && ips[0] === 'None';
}

/**
 * The server's normalizeClusterIPs on create (run before validation): a client that sets only
 * `clusterIP` gets `clusterIPs: [clusterIP]`. Applied here too so that validation does not depend
 * on the caller having done it.
 */
function normalized(svc: KObject): KObject {
  const spec = obj(svc.spec);
  if (str(spec.clusterIP) && (spec.clusterIPs === undefined || spec.clusterIPs === null || arr(spec.clusterIPs).length === 0)) {
    return { ...svc, spec: { ...spec, clusterIPs: [str(spec.clusterIP)] } };
  }
  return svc;
}

/** apiservice.ExternallyAccessible */
function externallyAccessible(spec: Spec): boolean {
  const t = str(spec.type);
  return t === 'LoadBalancer' || t === 'NodePort' || (t === 'ClusterIP' && arr(spec.externalIPs).length > 0);
}

/** ValidatePortNumOrName (targetPort, probe ports): ints are port numbers, strings IANA_SVC_NAMEs. */
export function validatePortNumOrName(port: unknown, field: string): ErrorList {
  if (typeof port === 'string') return invalidEach(field, port, isValidPortName(port));
  const n = num(port);
  return invalidEach(field, n, isValidPortNum(n));
}

/** Go's `%#v` of the core.ServicePort key used by the duplicate-port check. */
function servicePortKeyDump(protocol: string, port: number): string {
  return (
    `core.ServicePort{Name:"", Protocol:${JSON.stringify(protocol)}, AppProtocol:(*string)(nil), Port:${port}, ` +
    `TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`
  );
}

function validateServicePort(sp: Record<string, unknown>, requireName: boolean, allNames: Set<string>, field: string): ErrorList {
  const errs: ErrorList = [];
  const name = str(sp.name);
  if (requireName && !name) {
    errs.push(required(`${field}.name`));
  } else if (name) {
    errs.push(...invalidEach(`${field}.name`, name, isDNS1123Label(name)));
    if (allNames.has(name)) errs.push(duplicate(`${field}.name`, name));
    else allNames.add(name);
  }
  errs.push(...invalidEach(`${field}.port`, num(sp.port), isValidPortNum(num(sp.port))));
  const protocol = str(sp.protocol);
  if (!protocol) errs.push(required(`${field}.protocol`));
  else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(`${field}.protocol`, protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, `${field}.targetPort`));
  if (sp.appProtocol !== undefined && sp.appProtocol !== null) {
    errs.push(...invalidEach(`${field}.appProtocol`, str(sp.appProtocol), isQualifiedName(str(sp.appProtocol))));
  }
  return errs;
}

function validateClientIPAffinityConfig(config: unknown, field: string): ErrorList {
  const detail = 'when session affinity type is ClientIP';
  if (config === undefined || config === null) return [required(field, detail)];
  const clientIP = obj(config).clientIP;
  if (clientIP === undefined || clientIP === null) return [required(`${field}.clientIP`, detail)];
  const timeout = obj(clientIP).timeoutSeconds;
  if (timeout === undefined || timeout === null) return [required(`${field}.clientIP.timeoutSeconds`, detail)];
  const t = num(timeout);
  if (t <= 0 || t > MAX_CLIENT_IP_AFFINITY_SECONDS) {
    return [invalid(`${field}.clientIP.timeoutSeconds`, t, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`)];
  }
  return [];
}

/** validation.IsValidIP (1.32 wording). */
function validateIP(value: string, field: string): ErrorList {
  return isIP(value) ? [] : [invalid(field, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

/** ValidateNonSpecialIP: used for Endpoints, EndpointSlices and externalIPs. */
export function validateNonSpecialIP(value: string, field: string): ErrorList {
  if (!isIP(value)) return [invalid(field, value, 'must be a valid IP address')];
  const errs: ErrorList = [];
  const v4 = parseIPv4(value);
  const lower = value.toLowerCase();
  const unspecified = v4 ? v4.every((b) => b === 0) : /^[0:]+$/.test(lower);
  const loopback = v4 ? v4[0] === 127 : lower === '::1' || /^(0+:){7}0*1$/.test(lower);
  const linkLocal = v4 ? v4[0] === 169 && v4[1] === 254 : /^fe[89ab]/.test(lower);
  const linkLocalMulticast = v4 ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0 : /^ff[0-9a-f]2:/.test(lower);
  if (unspecified) errs.push(invalid(field, value, `may not be unspecified (${value})`));
  if (loopback) errs.push(invalid(field, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (linkLocal) errs.push(invalid(field, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (linkLocalMulticast) errs.push(invalid(field, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}

/**
 * ValidateServiceClusterIPsRelatedFields. The real server also runs this before allocating IPs (the
 * allocators' initIPFamilyFields), so its errors come out before any allocation error.
 */
export function validateServiceClusterIPsRelatedFields(input: KObject): ErrorList {
  const spec = obj(normalized(input).spec);
  if (str(spec.type) === 'ExternalName') return [];
  const errs: ErrorList = [];
  const clusterIP = str(spec.clusterIP);
  const clusterIPs = spec.clusterIPs === undefined || spec.clusterIPs === null ? undefined : arr<unknown>(spec.clusterIPs).map(str);
  const ipsDump = goStringSlice(clusterIPs);
  if (clusterIP) {
    if (!clusterIPs || clusterIPs.length === 0) errs.push(required('spec.clusterIPs'));
    else if (clusterIPs[0] !== clusterIP) errs.push(invalid('spec.clusterIPs', null, 'first value must match `clusterIP`', ipsDump));
  } else if (clusterIPs && clusterIPs.length) {
    errs.push(invalid('spec.clusterIPs', null, 'must be empty when `clusterIP` is not specified', ipsDump));
  }
  const families = arr<unknown>(spec.ipFamilies).map(str);
  const seen = new Set<string>();
  families.forEach((f, i) => {
    if (!IP_FAMILIES.includes(f)) errs.push(notSupported(`spec.ipFamilies[${i}]`, f, IP_FAMILIES));
    if (seen.has(f)) errs.push(duplicate(`spec.ipFamilies[${i}]`, f));
    seen.add(f);
  });
  if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null && !IP_FAMILY_POLICIES.includes(str(spec.ipFamilyPolicy))) {
    errs.push(notSupported('spec.ipFamilyPolicy', str(spec.ipFamilyPolicy), IP_FAMILY_POLICIES));
  }
  const ips = clusterIPs ?? [];
  let hasInvalidIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        hasInvalidIPs = true;
        errs.push(invalid('spec.clusterIPs', null, "'None' must be the first and only value", ipsDump));
      }
      return;
    }
    const e = validateIP(ip, `spec.clusterIPs[${i}]`);
    if (e.length) hasInvalidIPs = true;
    errs.push(...e);
  });
  if (ips.length > 2) errs.push(invalid('spec.clusterIPs', null, 'may only hold up to 2 values', ipsDump));
  if (hasInvalidIPs) return errs;
  if (ips.length > 1) {
    const v6 = ips.filter((ip) => isIPv6(ip)).length;
    if (!(ips.length === 2 && v6 === 1)) errs.push(invalid('spec.clusterIPs', null, 'may specify no more than one IP for each IP family', ipsDump));
  }
  if (!isHeadlessService(spec) && ips.length > 0 && families.length > 0) {
    ips.forEach((ip, i) => {
      if (i > families.length - 1) return;
      if (families[i] === 'IPv4' && isIPv6(ip)) {
        errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      }
      if (families[i] === 'IPv6' && !isIPv6(ip)) {
        errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
      }
    });
  }
  return errs;
}

function validateLoadBalancerClass(spec: Spec, oldSpec: Spec | undefined): ErrorList {
  const errs: ErrorList = [];
  const isLB = str(spec.type) === 'LoadBalancer';
  const cls = spec.loadBalancerClass;
  const has = cls !== undefined && cls !== null;
  if (oldSpec && isLB && str(oldSpec.type) === 'LoadBalancer') {
    const oldCls = oldSpec.loadBalancerClass;
    const oldHas = oldCls !== undefined && oldCls !== null;
    if (has !== oldHas || (has && str(cls) !== str(oldCls))) {
      errs.push(invalid('spec.loadBalancerClass', has ? str(cls) : null, 'may not change once set'));
    }
  }
  if (isLB) {
    if (has) errs.push(...invalidEach('spec.loadBalancerClass', str(cls), isQualifiedName(str(cls))));
  } else if (has) {
    errs.push(forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
  }
  return errs;
}

function validateTrafficPolicies(spec: Spec): ErrorList {
  const errs: ErrorList = [];
  const etp = str(spec.externalTrafficPolicy);
  if (!externallyAccessible(spec)) {
    if (etp) errs.push(invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (!etp) {
    errs.push(required('spec.externalTrafficPolicy'));
  } else if (!TRAFFIC_POLICIES.includes(etp)) {
    errs.push(notSupported('spec.externalTrafficPolicy', etp, TRAFFIC_POLICIES));
  }
  const hc = num(spec.healthCheckNodePort);
  const needsHealthCheck = str(spec.type) === 'LoadBalancer' && etp === 'Local';
  if (!needsHealthCheck) {
    if (hc !== 0) {
      errs.push(invalid('spec.healthCheckNodePort', hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
  } else if (hc === 0) {
    errs.push(required('spec.healthCheckNodePort'));
  } else {
    errs.push(...invalidEach('spec.healthCheckNodePort', hc, isValidPortNum(hc)));
  }
  const itp = spec.internalTrafficPolicy;
  const t = str(spec.type);
  if (itp === undefined || itp === null) {
    if (t === 'NodePort' || t === 'LoadBalancer' || t === 'ClusterIP') errs.push(required('spec.internalTrafficPolicy'));
  } else if (!TRAFFIC_POLICIES.includes(str(itp))) {
    errs.push(notSupported('spec.internalTrafficPolicy', str(itp), TRAFFIC_POLICIES));
  }
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== null && str(spec.trafficDistribution) !== 'PreferClose') {
    errs.push(notSupported('spec.trafficDistribution', str(spec.trafficDistribution), ['PreferClose']));
  }
  return errs;
}

/** ValidateService (create). */
export function validateService(input: KObject): ErrorList {
  const svc = normalized(input);
  const spec = obj(svc.spec);
  const errs: ErrorList = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  const ann = obj(svc.metadata?.annotations);
  if (ANN_TOPOLOGY_MODE in ann && ANN_TOPOLOGY_HINTS in ann && str(ann[ANN_TOPOLOGY_MODE]) !== str(ann[ANN_TOPOLOGY_HINTS])) {
    errs.push(
      invalid(
        `metadata.annotations[${ANN_TOPOLOGY_MODE}]`,
        str(ann[ANN_TOPOLOGY_MODE]),
        `must match annotations[${ANN_TOPOLOGY_HINTS}] when both are specified`,
      ),
    );
  }
  const type = str(spec.type);
  const headless = isHeadlessService(spec);
  const ports = arr<Record<string, unknown>>(spec.ports).map(obj);

  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required('spec.ports'));
  if (type === 'LoadBalancer' && headless) {
    errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
  } else if (type === 'NodePort' && headless) {
    errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
  } else if (type === 'ExternalName') {
    if (arr(spec.clusterIPs).length > 0) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (arr(spec.ipFamilies).length > 0) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) {
      errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    }
    const cname = str(spec.externalName).replace(/\.$/, '');
    if (cname) errs.push(...invalidEach('spec.externalName', cname, isDNS1123Subdomain(cname)));
    else errs.push(required('spec.externalName'));
  }

  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)));

  if (spec.selector !== undefined && spec.selector !== null) errs.push(...validateLabels(spec.selector, 'spec.selector'));

  const affinity = str(spec.sessionAffinity);
  if (!affinity) errs.push(required('spec.sessionAffinity'));
  else if (!AFFINITIES.includes(affinity)) errs.push(notSupported('spec.sessionAffinity', affinity, AFFINITIES));
  if (affinity === 'ClientIP') {
    errs.push(...validateClientIPAffinityConfig(spec.sessionAffinityConfig, 'spec.sessionAffinityConfig'));
  } else if (affinity === 'None' && spec.sessionAffinityConfig !== undefined && spec.sessionAffinityConfig !== null) {
    errs.push(forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }

  errs.push(...validateServiceClusterIPsRelatedFields(svc));

  arr<unknown>(spec.externalIPs).forEach((ip, i) => {
    const field = `spec.externalIPs[${i}]`;
    const e = validateIP(str(ip), field);
    errs.push(...(e.length ? e : validateNonSpecialIP(str(ip), field)));
  });

  if (!type) errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type, SERVICE_TYPES));

  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (num(p.nodePort) !== 0) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }

  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (num(p.nodePort) === 0) return;
    const key = `${str(p.protocol)}/${num(p.nodePort)}`;
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, num(p.nodePort)));
    nodePorts.add(key);
  });

  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${str(p.protocol)}/${num(p.port)}`;
    if (portKeys.has(key)) errs.push(duplicate(`spec.ports[${i}]`, null, servicePortKeyDump(str(p.protocol), num(p.port))));
    portKeys.add(key);
  });

  const ranges = arr<unknown>(spec.loadBalancerSourceRanges).map(str);
  if (ranges.length > 0) {
    const field = 'spec.LoadBalancerSourceRanges';
    if (type !== 'LoadBalancer') errs.push(forbidden(field, "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => {
      const v = r.trim();
      if (!isValidCIDR(v)) errs.push(invalid(`${field}[${i}]`, v, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
    });
  } else if (ANN_LB_SOURCE_RANGES in ann) {
    const field = `metadata.annotations[${ANN_LB_SOURCE_RANGES}]`;
    if (type !== 'LoadBalancer') errs.push(forbidden(field, "may only be used when `type` is 'LoadBalancer'"));
    const val = str(ann[ANN_LB_SOURCE_RANGES]).trim();
    if (val) {
      for (const c of val.split(',')) {
        const v = c.trim();
        if (!isValidCIDR(v)) errs.push(invalid(field, v, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
      }
    }
  }

  const alloc = spec.allocateLoadBalancerNodePorts;
  if (alloc !== undefined && alloc !== null && type !== 'LoadBalancer') {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (type === 'LoadBalancer' && (alloc === undefined || alloc === null)) errs.push(required('allocateLoadBalancerNodePorts'));

  errs.push(...validateLoadBalancerClass(spec, undefined));
  errs.push(...validateTrafficPolicies(spec));
  return errs;
}

function clusterIPsOf(spec: Spec): string[] | undefined {
  return spec.clusterIPs === undefined || spec.clusterIPs === null ? undefined : arr<unknown>(spec.clusterIPs).map(str);
}

/** validateUpgradeDowngradeClusterIPs */
function validateClusterIPsUpdate(oldSpec: Spec, spec: Spec): ErrorList {
  if (str(spec.type) === 'ExternalName' || str(oldSpec.type) === 'ExternalName') return [];
  if (isHeadlessService(oldSpec) && isHeadlessService(spec)) return [];
  const errs: ErrorList = [];
  const oldIPs = clusterIPsOf(oldSpec) ?? [];
  const newIPsRaw = clusterIPsOf(spec);
  const newIPs = newIPsRaw ?? [];
  const dump = goStringSlice(newIPsRaw);
  if (oldIPs.length === newIPs.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== newIPs[i]) errs.push(invalid(`spec.clusterIPs[${i}]`, null, 'may not change once set', dump));
    });
  } else if (oldIPs.length > newIPs.length) {
    if (newIPs.length === 0) errs.push(invalid('spec.clusterIPs[0]', null, 'primary clusterIP can not be unset', dump));
    if (oldIPs.length > 0 && newIPs.length > 0 && newIPs[0] !== oldIPs[0]) {
      errs.push(invalid('spec.clusterIPs[0]', null, 'may not change once set', dump));
    }
    if (newIPs.length === 1 && str(spec.ipFamilyPolicy) !== 'SingleStack') {
      const p = spec.ipFamilyPolicy;
      errs.push(invalid('spec.ipFamilyPolicy', p === undefined || p === null ? null : str(p), "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (oldIPs.length > 0 && newIPs[0] !== oldIPs[0]) {
    errs.push(invalid('spec.clusterIPs[0]', null, 'may not change once set', dump));
  }
  return errs;
}

/** validateUpgradeDowngradeIPFamilies */
function validateIPFamiliesUpdate(oldSpec: Spec, spec: Spec): ErrorList {
  if (str(spec.type) === 'ExternalName' || str(oldSpec.type) === 'ExternalName') return [];
  if (isHeadlessService(oldSpec) !== isHeadlessService(spec) || isHeadlessService(spec)) return [];
  const errs: ErrorList = [];
  const oldF = arr<unknown>(oldSpec.ipFamilies).map(str);
  const newF = spec.ipFamilies === undefined || spec.ipFamilies === null ? undefined : arr<unknown>(spec.ipFamilies).map(str);
  const nf = newF ?? [];
  const famDump = goStringSlice(newF, 'core.IPFamily');
  const ipsDump = goStringSlice(clusterIPsOf(spec));
  if (oldF.length === nf.length) {
    oldF.forEach((f, i) => {
      if (f !== nf[i]) errs.push(invalid('spec.ipFamilies[0]', null, 'may not change once set', famDump));
    });
  } else if (oldF.length > nf.length) {
    if (arr(spec.clusterIPs).length === 0) errs.push(invalid('spec.ipFamilies[0]', null, 'primary ipFamily can not be unset', famDump));
    if (nf.length > 0 && nf[0] !== oldF[0]) errs.push(invalid('spec.ipFamilies[0]', null, 'may not change once set', ipsDump));
    if (nf.length === 1 && str(spec.ipFamilyPolicy) !== 'SingleStack') {
      const p = spec.ipFamilyPolicy;
      errs.push(invalid('spec.ipFamilyPolicy', p === undefined || p === null ? null : str(p), "must be set to 'SingleStack' when releasing the secondary ipFamily"));
    }
  } else if (oldF.length > 0 && nf.length > 0 && nf[0] !== oldF[0]) {
    errs.push(invalid('spec.ipFamilies[0]', null, 'may not change once set', ipsDump));
  }
  return errs;
}

/** ValidateServiceUpdate: update-only rules, then the full create validation. */
export function validateServiceUpdate(svc: KObject, oldSvc: KObject): ErrorList {
  const spec = obj(svc.spec);
  const oldSpec = obj(oldSvc.spec);
  const errs: ErrorList = validateObjectMetaUpdate(svc.metadata, oldSvc.metadata);
  errs.push(...validateClusterIPsUpdate(oldSpec, spec));
  errs.push(...validateIPFamiliesUpdate(oldSpec, spec));
  errs.push(...validateLoadBalancerClass(spec, oldSpec));
  const oldNeedsHC = str(oldSpec.type) === 'LoadBalancer' && str(oldSpec.externalTrafficPolicy) === 'Local';
  const newNeedsHC = str(spec.type) === 'LoadBalancer' && str(spec.externalTrafficPolicy) === 'Local';
  if (oldNeedsHC && newNeedsHC && num(spec.healthCheckNodePort) !== num(oldSpec.healthCheckNodePort)) {
    errs.push(forbidden('spec.healthCheckNodePort', 'field is immutable'));
  }
  errs.push(...validateService(svc));
  return errs;
}
