// Service: core/v1 SetDefaults_Service, plus what the service REST storage does before it
// allocates (normalizeClusterIPs, initIPFamilyFields in pkg/registry/core/service/storage) on a
// single-stack IPv4 cluster (kind). ClusterIP and nodePort allocation are not done here.
import { type Obj, child, emptyMap, isObj, items } from './util.js';

const DEFAULT_CLIENT_IP_TIMEOUT = 10800;

function externallyAccessible(spec: Obj): boolean {
  return (
    spec.type === 'LoadBalancer' ||
    spec.type === 'NodePort' ||
    (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0)
  );
}

/** SetDefaults_Service. */
function setDefaultsService(svc: Obj, spec: Obj): void {
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const t = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    if (t === undefined || t === null) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_TIMEOUT } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const p of items(spec, 'ports')) {
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (!spec.internalTrafficPolicy && ['ClusterIP', 'NodePort', 'LoadBalancer'].includes(spec.type)) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer') {
    if (typeof spec.allocateLoadBalancerNodePorts !== 'boolean') spec.allocateLoadBalancerNodePorts = true;
    for (const ing of items(svc.status?.loadBalancer, 'ingress')) if (ing.ip && !ing.ipMode) ing.ipMode = 'VIP';
  }
}

const familyOf = (ip: string): 'IPv4' | 'IPv6' => (ip.includes(':') ? 'IPv6' : 'IPv4');

/** normalizeClusterIPs (create) and initIPFamilyFields, for a cluster whose only family is IPv4. */
function initIPFamilies(spec: Obj): void {
  if (spec.type === 'ExternalName') return;
  if (spec.clusterIP && (!Array.isArray(spec.clusterIPs) || spec.clusterIPs.length === 0)) spec.clusterIPs = [spec.clusterIP];
  const clusterIPs: string[] = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
  const headlessSelectorless = spec.clusterIP === 'None' && emptyMap(spec.selector);
  if (!spec.ipFamilyPolicy) {
    const families = Array.isArray(spec.ipFamilies) ? spec.ipFamilies : [];
    if (headlessSelectorless || families.length > 1 || clusterIPs.length > 1) spec.ipFamilyPolicy = 'RequireDualStack';
    else spec.ipFamilyPolicy = 'SingleStack';
  }
  const families: string[] = Array.isArray(spec.ipFamilies) ? [...spec.ipFamilies] : [];
  clusterIPs.forEach((ip, i) => {
    if (ip === 'None' || i < families.length || typeof ip !== 'string') return;
    families.push(familyOf(ip));
  });
  if (families.length === 0) families.push('IPv4');
  // Headless + selectorless: every family but SingleStack gets the other family too, even on a
  // single-stack cluster (kubernetes PR #99555), so kind shows [IPv4, IPv6] / RequireDualStack.
  if (headlessSelectorless && families.length < 2 && spec.ipFamilyPolicy !== 'SingleStack') {
    families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
  }
  spec.ipFamilies = families;
}

export function defaultService(svc: Obj, create: boolean): void {
  const spec = child(svc, 'spec');
  setDefaultsService(svc, spec);
  initIPFamilies(spec);
  if (create) svc.status = { loadBalancer: {} };
  else if (!isObj(svc.status)) svc.status = { loadBalancer: {} };
}
