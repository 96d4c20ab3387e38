// networking.k8s.io/v1 (pkg/apis/networking/v1/defaults.go) and discovery.k8s.io/v1 EndpointSlice.
// Ingress has no defaults (pathType is required in v1; kind has no default IngressClass, so the
// DefaultIngressClass admission plugin sets nothing); its status starts as `{loadBalancer: {}}`.
import { type Obj, child, dflt, isObj, items } from './util.js';

export function defaultIngress(ing: Obj, create: boolean): void {
  if (create || !isObj(ing.status)) ing.status = { loadBalancer: {} };
}

export function defaultIngressClass(ic: Obj): void {
  const params = ic.spec?.parameters;
  if (isObj(params)) dflt(params, 'scope', 'Cluster');
}

export function defaultNetworkPolicy(np: Obj): void {
  const spec = child(np, 'spec');
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes = ['Ingress'];
    if (Array.isArray(spec.egress) && spec.egress.length > 0) spec.policyTypes.push('Egress');
  }
  for (const rule of [...items(spec, 'ingress'), ...items(spec, 'egress')]) {
    for (const p of items(rule, 'ports')) dflt(p, 'protocol', 'TCP');
  }
}

/** EndpointSlice: `endpoints`/`ports` have no omitempty (nil prints as null), conditions is a struct. */
export function defaultEndpointSlice(slice: Obj): void {
  if (slice.endpoints === undefined) slice.endpoints = null;
  if (slice.ports === undefined) slice.ports = null;
  for (const ep of items(slice, 'endpoints')) if (!isObj(ep.conditions)) ep.conditions = {};
  for (const p of items(slice, 'ports')) {
    if (p.name === undefined || p.name === null) p.name = '';
    dflt(p, 'protocol', 'TCP');
  }
}
