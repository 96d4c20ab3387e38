// networking.k8s.io/v1 Ingress and IngressClass validation (pkg/apis/networking/validation).
import type { KObject } from '../types.js';
import type { ErrorList } from './field.js';
import { arr, forbidden, invalid, invalidEach, notSupported, num, obj, required, str, tooLong } from './field.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import {
  isDNS1123Subdomain,
  isIP,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  nameIsDNS1035Label,
  nameIsDNSSubdomain,
} from './names.js';

type Obj = Record<string, unknown>;

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
const ANN_INGRESS_CLASS = 'kubernetes.io/ingress.class';

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function validateBackend(b: Obj, field: string): ErrorList {
  const errs: ErrorList = [];
  const hasResource = present(b.resource);
  const hasService = present(b.service);
  if (hasResource && hasService) return [invalid(field, '', 'cannot set both resource and service backends')];
  if (hasResource) {
    const r = obj(b.resource);
    if (present(r.apiGroup)) errs.push(...invalidEach(`${field}.resource.apiGroup`, str(r.apiGroup), isDNS1123Subdomain(str(r.apiGroup))));
    if (!str(r.kind)) errs.push(required(`${field}.resource.kind`));
    if (!str(r.name)) errs.push(required(`${field}.resource.name`));
    return errs;
  }
  if (!hasService) return [invalid(field, '', 'resource or service backend is required')];
  const s = obj(b.service);
  const name = str(s.name);
  if (!name) errs.push(required(`${field}.service.name`));
  else errs.push(...invalidEach(`${field}.service.name`, name, nameIsDNS1035Label(name, false)));
  const port = obj(s.port);
  const portName = str(port.name);
  const portNumber = num(port.number);
  if (portName && portNumber !== 0) errs.push(invalid(field, '', 'cannot set both port name & port number'));
  else if (portName) errs.push(...invalidEach(`${field}.service.port.name`, portName, isValidPortName(portName)));
  else if (portNumber !== 0) errs.push(...invalidEach(`${field}.service.port.number`, portNumber, isValidPortNum(portNumber)));
  else errs.push(required(field, 'port name or number is required'));
  return errs;
}

function validatePath(p: Obj, field: string): ErrorList {
  if (!present(p.pathType)) return [required(`${field}.pathType`, 'pathType must be specified')];
  const errs: ErrorList = [];
  const pathType = str(p.pathType);
  const path = str(p.path);
  if (pathType === 'Exact' || pathType === 'Prefix') {
    if (!path.startsWith('/')) errs.push(invalid(`${field}.path`, path, 'must be an absolute path'));
    if (path.length > 0) {
      for (const seq of INVALID_PATH_SEQUENCES) {
        if (path.includes(seq)) errs.push(invalid(`${field}.path`, path, `must not contain '${seq}'`));
      }
      for (const suf of INVALID_PATH_SUFFIXES) {
        if (path.endsWith(suf)) errs.push(invalid(`${field}.path`, path, `cannot end with '${suf}'`));
      }
    }
  } else if (pathType === 'ImplementationSpecific') {
    if (path.length > 0 && !path.startsWith('/')) errs.push(invalid(`${field}.path`, path, 'must be an absolute path'));
  } else {
    errs.push(notSupported(`${field}.pathType`, pathType, PATH_TYPES));
  }
  errs.push(...validateBackend(obj(p.backend), `${field}.backend`));
  return errs;
}

function validateRules(rules: Obj[]): ErrorList {
  const errs: ErrorList = [];
  rules.forEach((r0, i) => {
    const r = obj(r0);
    const f = `spec.rules[${i}]`;
    const host = str(r.host);
    if (host) {
      if (isIP(host)) errs.push(invalid(`${f}.host`, host, 'must be a DNS name, not an IP address'));
      if (host.includes('*')) errs.push(...invalidEach(`${f}.host`, host, isWildcardDNS1123Subdomain(host)));
      else errs.push(...invalidEach(`${f}.host`, host, isDNS1123Subdomain(host)));
    }
    if (present(r.http)) {
      const paths = arr<Obj>(obj(r.http).paths);
      if (paths.length === 0) errs.push(required(`${f}.http.paths`));
      paths.forEach((p, j) => errs.push(...validatePath(obj(p), `${f}.http.paths[${j}]`)));
    }
  });
  return errs;
}

function validateIngressSpec(spec: Obj): ErrorList {
  const errs: ErrorList = [];
  const rules = arr<Obj>(spec.rules);
  if (rules.length === 0 && !present(spec.defaultBackend)) {
    const dump = Array.isArray(spec.rules) ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)';
    errs.push(invalid('spec', null, 'either `defaultBackend` or `rules` must be specified', dump));
  }
  if (present(spec.defaultBackend)) errs.push(...validateBackend(obj(spec.defaultBackend), 'spec.defaultBackend'));
  if (rules.length > 0) errs.push(...validateRules(rules));
  arr<Obj>(spec.tls).forEach((t0, ti) => {
    const t = obj(t0);
    arr<unknown>(t.hosts).forEach((h0, i) => {
      const h = str(h0);
      const f = `spec.tls[${ti}].hosts[${i}]`;
      errs.push(...invalidEach(f, h, h.includes('*') ? isWildcardDNS1123Subdomain(h) : isDNS1123Subdomain(h)));
    });
    const secret = str(t.secretName);
    if (secret) errs.push(...invalidEach(`spec.tls[${ti}].secretName`, secret, nameIsDNSSubdomain(secret, false)));
  });
  if (present(spec.ingressClassName)) {
    const c = str(spec.ingressClassName);
    errs.push(...invalidEach('spec.ingressClassName', c, nameIsDNSSubdomain(c, false)));
  }
  return errs;
}

export function validateIngress(ing: KObject, old?: KObject): ErrorList {
  const spec = obj(ing.spec);
  if (old) {
    const errs = validateObjectMetaUpdate(ing.metadata, old.metadata);
    errs.push(...validateObjectMeta(ing.metadata, true, nameIsDNSSubdomain));
    errs.push(...validateIngressSpec(spec));
    return errs;
  }
  const errs = validateObjectMeta(ing.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateIngressSpec(spec));
  const ann = obj(ing.metadata?.annotations);
  if (ANN_INGRESS_CLASS in ann && present(spec.ingressClassName) && str(ann[ANN_INGRESS_CLASS]) !== str(spec.ingressClassName)) {
    errs.push(invalid(`annotations.${ANN_INGRESS_CLASS}`, str(ann[ANN_INGRESS_CLASS]), 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}

export function validateIngressClass(ic: KObject, old?: KObject): ErrorList {
  const spec = obj(ic.spec);
  const errs: ErrorList = old ? validateObjectMetaUpdate(ic.metadata, old.metadata) : [];
  if (old && str(spec.controller) !== str(obj(old.spec).controller)) {
    errs.push(invalid('spec.controller', str(spec.controller), 'field is immutable'));
  }
  errs.push(...validateObjectMeta(ic.metadata, false, nameIsDNSSubdomain));
  const controller = str(spec.controller);
  if (!controller) errs.push(required('spec.controller'));
  else {
    if (Buffer.byteLength(controller) > 250) errs.push(tooLong('spec.controller', 250));
    const idx = controller.indexOf('/');
    if (idx <= 0 || idx === controller.length - 1) {
      errs.push(invalid('spec.controller', controller, 'must be a domain-prefixed path (such as "acme.io/foo")'));
    } else {
      const host = controller.slice(0, idx);
      errs.push(...invalidEach('spec.controller', host, isDNS1123Subdomain(host)));
      const rest = controller.slice(idx + 1);
      if (!/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(rest)) {
        errs.push(
          invalid('spec.controller', rest, "Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')"),
        );
      }
    }
  }
  if (present(spec.parameters)) {
    const p = obj(spec.parameters);
    if (!str(p.kind)) errs.push(required('spec.parameters.kind'));
    if (!str(p.name)) errs.push(required('spec.parameters.name'));
    const scope = str(p.scope);
    if (present(p.scope) && scope !== 'Cluster' && scope !== 'Namespace') {
      errs.push(notSupported('spec.parameters.scope', scope, ['Cluster', 'Namespace']));
    }
    if (scope === 'Namespace' && !str(p.namespace)) errs.push(required('spec.parameters.namespace', '`parameters.scope` is set to "Namespace"'));
    if (scope === 'Cluster' && present(p.namespace)) errs.push(forbidden('spec.parameters.namespace', '`parameters.scope` is set to "Cluster"'));
  }
  return errs;
}
