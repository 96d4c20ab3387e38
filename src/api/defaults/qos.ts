// status.qosClass (pkg/apis/core/helper/qos ComputePodQOS): only cpu and memory count, and only
// values > 0. Guaranteed: every container (init containers included) has cpu and memory limits,
// and the summed requests equal the summed limits. BestEffort: no requests or limits at all.
import type { KObject } from '../types.js';
import { quantityNano } from './quantity.js';
import { type Obj, isObj, items } from './util.js';

export type QOSClass = 'BestEffort' | 'Burstable' | 'Guaranteed';

const QOS_RESOURCES = ['cpu', 'memory'];

function add(sum: Map<string, bigint>, list: unknown, name: string): boolean {
  const q = isObj(list) ? quantityNano(list[name]) : undefined;
  if (q === undefined || q <= 0n) return false;
  sum.set(name, (sum.get(name) ?? 0n) + q);
  return true;
}

export function podStatusQosClass(pod: KObject | Obj): QOSClass {
  const spec: Obj = isObj(pod.spec) ? pod.spec : {};
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  for (const c of [...items(spec, 'containers'), ...items(spec, 'initContainers')]) {
    const res: Obj = isObj(c.resources) ? c.resources : {};
    const limitsFound = new Set<string>();
    for (const name of QOS_RESOURCES) {
      // SetDefaults_Pod copies a limit to a missing request before QoS is computed.
      const req = isObj(res.requests) && res.requests[name] != null ? res.requests : res.limits;
      add(requests, req, name);
      if (add(limits, res.limits, name)) limitsFound.add(name);
    }
    if (limitsFound.size < QOS_RESOURCES.length) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
