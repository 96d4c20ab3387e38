// Pod resource arithmetic used by describe: the QoS class (kubectl util/qos) and a pod's
// effective requests / limits (kubectl util/resource PodRequestsAndLimits, with sidecars).
import type { Any } from './format.js';
import { type Quantity, add, cmp, quantityOf, ZERO } from './quantity.js';

export type ResourceList = Map<string, Quantity>;

const toList = (m: Record<string, unknown> | undefined): ResourceList => {
  const out: ResourceList = new Map();
  for (const [k, v] of Object.entries(m ?? {})) out.set(k, quantityOf(v));
  return out;
};

/** addResourceList: first value copied (keeping its text), later ones added. */
export function addResourceList(list: ResourceList, more: ResourceList): void {
  for (const [name, q] of more) {
    const cur = list.get(name);
    list.set(name, cur === undefined ? q : add(cur, q));
  }
}

/** maxResourceList: keep the larger value per resource. */
function maxResourceList(list: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) {
    const cur = list.get(name);
    if (cur === undefined || cmp(q, cur) > 0) list.set(name, q);
  }
}

function podRequests(pod: Any, field: 'requests' | 'limits'): ResourceList {
  const spec = pod.spec ?? {};
  const reqs: ResourceList = new Map();
  for (const c of spec.containers ?? []) addResourceList(reqs, toList(c.resources?.[field]));
  const restartable: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of spec.initContainers ?? []) {
    let containerReqs = toList(c.resources?.[field]);
    if (c.restartPolicy === 'Always') {
      addResourceList(reqs, containerReqs);
      addResourceList(restartable, containerReqs);
      containerReqs = restartable;
    } else {
      const tmp: ResourceList = new Map();
      addResourceList(tmp, containerReqs);
      addResourceList(tmp, restartable);
      containerReqs = tmp;
    }
    maxResourceList(initMax, containerReqs);
  }
  maxResourceList(reqs, initMax);
  const overhead = toList(spec.overhead);
  if (field === 'requests') addResourceList(reqs, overhead);
  else for (const [name, q] of overhead) if (reqs.has(name)) reqs.set(name, add(reqs.get(name)!, q));
  return reqs;
}

/** PodRequestsAndLimits. */
export function podRequestsAndLimits(pod: Any): { reqs: ResourceList; limits: ResourceList } {
  return { reqs: podRequests(pod, 'requests'), limits: podRequests(pod, 'limits') };
}

export const get = (list: ResourceList, name: string): Quantity => list.get(name) ?? ZERO;

/** qos.GetPodQOS: status.qosClass, else computed from the containers' resources. */
export function podQOS(pod: Any): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests: ResourceList = new Map();
  const limits: ResourceList = new Map();
  let guaranteed = true;
  const supported = (n: string) => n === 'cpu' || n === 'memory';
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const [name, q] of toList(c.resources?.requests)) {
      if (supported(name) && cmp(q, ZERO) > 0) requests.set(name, requests.has(name) ? add(q, requests.get(name)!) : q);
    }
    const found = new Set<string>();
    for (const [name, q] of toList(c.resources?.limits)) {
      if (supported(name) && cmp(q, ZERO) > 0) {
        found.add(name);
        limits.set(name, limits.has(name) ? add(q, limits.get(name)!) : q);
      }
    }
    if (!found.has('memory') || !found.has('cpu')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || cmp(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
