// Validation of the remaining kinds: Endpoints (full), EndpointSlice, PersistentVolume(Claim), RBAC
// and NetworkPolicy (basic checks), and metadata-only validation for everything else.
import type { KObject } from '../types.js';
import type { ErrorList } from './field.js';
import { arr, invalid, invalidEach, notSupported, num, obj, required, str } from './field.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import type { NameFn } from './names.js';
import { isDNS1123Label, isIP, isValidCIDR, isValidPortName, isValidPortNum, isQualifiedName, nameIsDNSSubdomain } from './names.js';
import { validateNonSpecialIP } from './service.js';
import { validateLabelSelector } from './selector.js';
import { validatePodTemplateSpec } from './pod.js';

type Obj = Record<string, unknown>;
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** Create: ValidateObjectMeta; update: ValidateObjectMetaUpdate then the create checks again. */
export function metaOnly(o: KObject, namespaced: boolean, nameFn: NameFn, old?: KObject): ErrorList {
  const errs = old ? validateObjectMetaUpdate(o.metadata, old.metadata) : [];
  errs.push(...validateObjectMeta(o.metadata, namespaced, nameFn));
  return errs;
}

export function validateEndpoints(ep: KObject, old?: KObject): ErrorList {
  const errs = metaOnly(ep, true, nameIsDNSSubdomain, old);
  arr<Obj>(ep.subsets).forEach((ss0, i) => {
    const ss = obj(ss0);
    const f = `subsets[${i}]`;
    const addrs = arr<Obj>(ss.addresses);
    const notReady = arr<Obj>(ss.notReadyAddresses);
    if (addrs.length === 0 && notReady.length === 0) errs.push(required(f, 'must specify `addresses` or `notReadyAddresses`'));
    const checkAddr = (a0: Obj, p: string) => {
      const a = obj(a0);
      const ip = str(a.ip);
      if (!isIP(ip)) errs.push(invalid(`${p}.ip`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
      if (str(a.hostname)) errs.push(...invalidEach(`${p}.hostname`, str(a.hostname), isDNS1123Label(str(a.hostname))));
      if (present(a.nodeName)) errs.push(...invalidEach(`${p}.nodeName`, str(a.nodeName), nameIsDNSSubdomain(str(a.nodeName), false)));
      errs.push(...validateNonSpecialIP(ip, `${p}.ip`));
    };
    addrs.forEach((a, j) => checkAddr(a, `${f}.addresses[${j}]`));
    notReady.forEach((a, j) => checkAddr(a, `${f}.notReadyAddresses[${j}]`));
    const ports = arr<Obj>(ss.ports);
    ports.forEach((p0, j) => {
      const p = obj(p0);
      const pf = `${f}.ports[${j}]`;
      const name = str(p.name);
      if (ports.length > 1 && !name) errs.push(required(`${pf}.name`));
      else if (name) errs.push(...invalidEach(`${pf}.name`, name, isDNS1123Label(name)));
      errs.push(...invalidEach(`${pf}.port`, num(p.port), isValidPortNum(num(p.port))));
      const proto = str(p.protocol);
      if (!proto) errs.push(required(`${pf}.protocol`));
      else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(`${pf}.protocol`, proto, PROTOCOLS));
      if (present(p.appProtocol)) errs.push(...invalidEach(`${pf}.appProtocol`, str(p.appProtocol), isQualifiedName(str(p.appProtocol))));
    });
  });
  return errs;
}

export function validateEndpointSlice(es: KObject, old?: KObject): ErrorList {
  const errs = metaOnly(es, true, nameIsDNSSubdomain, old);
  const at = str(es.addressType);
  if (!at) errs.push(required('addressType'));
  else if (!['FQDN', 'IPv4', 'IPv6'].includes(at)) errs.push(notSupported('addressType', at, ['FQDN', 'IPv4', 'IPv6']));
  arr<Obj>(es.ports).forEach((p0, i) => {
    const p = obj(p0);
    const f = `ports[${i}]`;
    if (present(p.name) && str(p.name)) errs.push(...invalidEach(`${f}.name`, str(p.name), isDNS1123Label(str(p.name))));
    const proto = str(p.protocol);
    if (present(p.protocol) && !PROTOCOLS.includes(proto)) errs.push(notSupported(`${f}.protocol`, proto, PROTOCOLS));
  });
  return errs;
}

export function validatePersistentVolumeClaim(pvc: KObject, old?: KObject): ErrorList {
  const errs = metaOnly(pvc, true, nameIsDNSSubdomain, old);
  const spec = obj(pvc.spec);
  if (arr(spec.accessModes).length === 0) errs.push(required('spec.accessModes', 'at least 1 access mode is required'));
  const modes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
  for (const m of arr<unknown>(spec.accessModes).map(str)) {
    if (!modes.includes(m)) errs.push(notSupported('spec.accessModes', m, modes));
  }
  if (!present(obj(obj(spec.resources).requests).storage) && !present(spec.dataSource) && !present(spec.dataSourceRef)) {
    errs.push(required('spec.resources[storage]'));
  }
  if (present(spec.selector)) errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  return errs;
}

export function validatePersistentVolume(pv: KObject, old?: KObject): ErrorList {
  const errs = metaOnly(pv, false, nameIsDNSSubdomain, old);
  const spec = obj(pv.spec);
  if (arr(spec.accessModes).length === 0) errs.push(required('spec.accessModes'));
  if (!present(obj(spec.capacity).storage)) errs.push(required('spec.capacity'));
  return errs;
}

/** path.IsValidPathSegmentName: the name rule of RBAC objects. */
export const rbacName: NameFn = (name) => {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const errs: string[] = [];
  if (name.includes('/')) errs.push("may not contain '/'");
  if (name.includes('%')) errs.push("may not contain '%'");
  return errs;
};

function validatePolicyRules(rules: unknown, isNamespaced: boolean): ErrorList {
  const errs: ErrorList = [];
  arr<Obj>(rules).forEach((r0, i) => {
    const r = obj(r0);
    const f = `rules[${i}]`;
    if (arr(r.verbs).length === 0) errs.push(required(`${f}.verbs`, 'verbs must contain at least one value'));
    if (arr(r.nonResourceURLs).length > 0) {
      if (isNamespaced) errs.push(invalid(`${f}.nonResourceURLs`, null, 'namespaced rules cannot apply to non-resource URLs', `[]string{${arr<unknown>(r.nonResourceURLs).map((u) => JSON.stringify(str(u))).join(', ')}}`));
      if (arr(r.apiGroups).length > 0 || arr(r.resources).length > 0 || arr(r.resourceNames).length > 0) {
        errs.push(invalid(`${f}.nonResourceURLs`, null, 'rules cannot apply to both regular resources and non-resource URLs', `[]string{${arr<unknown>(r.nonResourceURLs).map((u) => JSON.stringify(str(u))).join(', ')}}`));
      }
      return;
    }
    if (arr(r.apiGroups).length === 0) errs.push(required(`${f}.apiGroups`, 'resource rules must supply at least one api group'));
    if (arr(r.resources).length === 0) errs.push(required(`${f}.resources`, 'resource rules must supply at least one resource'));
  });
  return errs;
}

export function validateRole(role: KObject, namespaced: boolean, old?: KObject): ErrorList {
  const errs = metaOnly(role, namespaced, rbacName, old);
  errs.push(...validatePolicyRules(role.rules, namespaced));
  if (!namespaced && present(role.aggregationRule)) {
    const sels = arr<Obj>(obj(role.aggregationRule).clusterRoleSelectors);
    if (sels.length === 0) errs.push(required('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
    sels.forEach((s, i) => errs.push(...validateLabelSelector(s, `aggregationRule.clusterRoleSelectors[${i}]`)));
  }
  return errs;
}

export function validateRoleBinding(rb: KObject, namespaced: boolean, old?: KObject): ErrorList {
  const errs = metaOnly(rb, namespaced, rbacName, old);
  const ref = obj(rb.roleRef);
  if (str(ref.apiGroup) !== 'rbac.authorization.k8s.io') {
    errs.push(notSupported('roleRef.apiGroup', str(ref.apiGroup), ['rbac.authorization.k8s.io']));
  }
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(str(ref.kind))) errs.push(notSupported('roleRef.kind', str(ref.kind), kinds));
  if (!str(ref.name)) errs.push(required('roleRef.name'));
  else errs.push(...invalidEach('roleRef.name', str(ref.name), rbacName(str(ref.name), false)));
  arr<Obj>(rb.subjects).forEach((s0, i) => {
    const s = obj(s0);
    const f = `subjects[${i}]`;
    const kind = str(s.kind);
    if (!str(s.name)) errs.push(required(`${f}.name`));
    if (kind === 'ServiceAccount') {
      if (str(s.name)) errs.push(...invalidEach(`${f}.name`, str(s.name), nameIsDNSSubdomain(str(s.name), false)));
      if (str(s.apiGroup)) errs.push(notSupported(`${f}.apiGroup`, str(s.apiGroup), ['']));
      if (!namespaced && !str(s.namespace)) errs.push(required(`${f}.namespace`));
    } else if (kind === 'User' || kind === 'Group') {
      if (str(s.apiGroup) !== 'rbac.authorization.k8s.io') {
        errs.push(notSupported(`${f}.apiGroup`, str(s.apiGroup), ['rbac.authorization.k8s.io']));
      }
    } else {
      errs.push(notSupported(`${f}.kind`, kind, ['ServiceAccount', 'User', 'Group']));
    }
  });
  return errs;
}

export function validateNetworkPolicy(np: KObject, old?: KObject): ErrorList {
  const errs = metaOnly(np, true, nameIsDNSSubdomain, old);
  const spec = obj(np.spec);
  errs.push(...validateLabelSelector(spec.podSelector ?? {}, 'spec.podSelector'));
  const checkPorts = (ports: unknown, f: string) => {
    arr<Obj>(ports).forEach((p0, i) => {
      const p = obj(p0);
      const pf = `${f}.ports[${i}]`;
      if (present(p.protocol) && !['TCP', 'UDP', 'SCTP'].includes(str(p.protocol))) {
        errs.push(notSupported(`${pf}.protocol`, str(p.protocol), ['TCP', 'UDP', 'SCTP']));
      }
      if (typeof p.port === 'number') errs.push(...invalidEach(`${pf}.port`, p.port, isValidPortNum(p.port)));
      else if (typeof p.port === 'string') errs.push(...invalidEach(`${pf}.port`, p.port, isValidPortName(p.port)));
    });
  };
  const checkPeers = (peers: unknown, f: string) => {
    arr<Obj>(peers).forEach((p0, i) => {
      const p = obj(p0);
      const pf = `${f}[${i}]`;
      let n = 0;
      if (present(p.podSelector)) {
        n++;
        errs.push(...validateLabelSelector(p.podSelector, `${pf}.podSelector`));
      }
      if (present(p.namespaceSelector)) {
        n++;
        errs.push(...validateLabelSelector(p.namespaceSelector, `${pf}.namespaceSelector`));
      }
      if (present(p.ipBlock)) {
        n++;
        const cidr = str(obj(p.ipBlock).cidr);
        if (!cidr) errs.push(required(`${pf}.ipBlock.cidr`));
        else if (!isValidCIDR(cidr)) errs.push(invalid(`${pf}.ipBlock.cidr`, cidr, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
      }
      if (n === 0) errs.push(required(pf, 'must specify a peer'));
      else if (n > 1 && present(p.ipBlock)) errs.push({ field: pf, type: 'Forbidden', detail: 'may not specify both ipBlock and another peer' });
    });
  };
  arr<Obj>(spec.ingress).forEach((r, i) => {
    checkPorts(obj(r).ports, `spec.ingress[${i}]`);
    checkPeers(obj(r).from, `spec.ingress[${i}].from`);
  });
  arr<Obj>(spec.egress).forEach((r, i) => {
    checkPorts(obj(r).ports, `spec.egress[${i}]`);
    checkPeers(obj(r).to, `spec.egress[${i}].to`);
  });
  arr<unknown>(spec.policyTypes).forEach((t, i) => {
    if (!['Ingress', 'Egress'].includes(str(t))) errs.push(notSupported(`spec.policyTypes[${i}]`, str(t), ['Ingress', 'Egress']));
  });
  return errs;
}

export function validatePodTemplate(pt: KObject, old?: KObject): ErrorList {
  const errs = metaOnly(pt, true, nameIsDNSSubdomain, old);
  errs.push(...validatePodTemplateSpec(pt.template, 'template'));
  return errs;
}
