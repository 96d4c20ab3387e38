// The ingress controller's status updater: Ingresses of the built-in `nginx` class (by
// ingressClassName, the `kubernetes.io/ingress.class` annotation, or the default class) get the
// controller's address as `status.loadBalancer.ingress` (docker-desktop and kind: localhost;
// minikube: the node IP; cloud: the controller's LoadBalancer IP); others keep an empty status
// unless a book's controller of their class runs (its LoadBalancer Service's address is used).
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import { DEFAULT_CLASS, controllerOf, ingressClassOf, ingressStatusAddress } from '../network/ingress-class.js';
import { same } from './util.js';

/** Addresses of the books' own controllers, by class: their Service's LoadBalancer address. */
function bookControllers(cluster: Cluster): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const pod of cluster.list('pods')) {
    if (pod.status?.phase !== 'Running') continue;
    const ctrl = ((pod.spec?.containers ?? []) as { image?: string; args?: string[] }[]).map(controllerOf).find(Boolean);
    if (!ctrl) continue;
    const cls = ctrl.cls;
    const labels = pod.metadata.labels ?? {};
    const svc = cluster
      .list('services', pod.metadata.namespace)
      .find((s: KObject) => s.spec?.type === 'LoadBalancer' && Object.entries(s.spec.selector ?? {}).every(([k, v]) => labels[k] === v) && Object.keys(s.spec.selector ?? {}).length);
    const ing = svc?.status?.loadBalancer?.ingress;
    if (ing?.length && !out.has(cls)) out.set(cls, ing.map((i: { ip?: string; hostname?: string }) => (i.ip ? { ip: i.ip } : { hostname: i.hostname })));
  }
  return out;
}

export function reconcileIngresses(cluster: Cluster): boolean {
  const ings = cluster.list('ingresses');
  if (!ings.length) return false;
  let changed = false;
  const builtin = cluster.get('ingressclasses', undefined, DEFAULT_CLASS) ? ingressStatusAddress(cluster) : undefined;
  const books = bookControllers(cluster);
  for (const ing of ings) {
    const cls = ingressClassOf(cluster, ing);
    const addr = (cls && books.get(cls)) ?? (cls === DEFAULT_CLASS && builtin ? [builtin] : undefined);
    const status = addr ? { loadBalancer: { ingress: addr } } : { loadBalancer: {} };
    if (!same(status, ing.status)) {
      ing.status = status;
      cluster.update(ing, { specChanged: false });
      changed = true;
    }
  }
  return changed;
}
