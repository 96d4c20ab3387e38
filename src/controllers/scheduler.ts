// default-scheduler: binds each unscheduled pod to a Ready, schedulable node that satisfies its
// nodeSelector, required node affinity and taints, spreading pods (fewest pods first).
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import { setCondition } from './util.js';

function nodeReady(n: KObject): boolean {
  return (n.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

function tolerates(pod: KObject, taint: { key: string; value?: string; effect: string }): boolean {
  return (pod.spec?.tolerations ?? []).some(
    (t: { key?: string; operator?: string; value?: string; effect?: string }) =>
      (!t.effect || t.effect === taint.effect) &&
      ((t.operator === 'Exists' && (!t.key || t.key === taint.key)) || (t.key === taint.key && (t.value ?? '') === (taint.value ?? ''))),
  );
}

function affinityAllows(pod: KObject, node: KObject): boolean {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms?.length) return true;
  const labels = node.metadata.labels ?? {};
  const check = (e: { key: string; operator: string; values?: string[] }, value: string | undefined) => {
    switch (e.operator) {
      case 'In':
        return value !== undefined && (e.values ?? []).includes(value);
      case 'NotIn':
        return value === undefined || !(e.values ?? []).includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  };
  return terms.some(
    (t: { matchExpressions?: { key: string; operator: string; values?: string[] }[]; matchFields?: { key: string; operator: string; values?: string[] }[] }) =>
      (t.matchExpressions ?? []).every((e) => check(e, labels[e.key])) &&
      (t.matchFields ?? []).every((e) => check(e, e.key === 'metadata.name' ? node.metadata.name : undefined)),
  );
}

export function reconcileScheduler(cluster: Cluster): boolean {
  let changed = false;
  const nodes = cluster.list('nodes');
  const pods = cluster.list('pods');
  const load = new Map<string, number>();
  for (const p of pods) if (p.spec?.nodeName) load.set(p.spec.nodeName, (load.get(p.spec.nodeName) ?? 0) + 1);
  for (const pod of pods) {
    if (pod.spec?.nodeName || pod.metadata.deletionTimestamp || pod.spec?.schedulingGates?.length) continue;
    const why = { selector: 0, taint: 0, unschedulable: 0, notReady: 0 };
    const fits = nodes.filter((n) => {
      if (!nodeReady(n)) return why.notReady++, false;
      if (n.spec?.unschedulable) return why.unschedulable++, false;
      const sel: Record<string, string> = pod.spec?.nodeSelector ?? {};
      if (Object.entries(sel).some(([k, v]) => n.metadata.labels?.[k] !== v) || !affinityAllows(pod, n)) return why.selector++, false;
      if ((n.spec?.taints ?? []).some((t: { key: string; value?: string; effect: string }) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod, t)))
        return why.taint++, false;
      return true;
    });
    const now = cluster.timestamp;
    if (!fits.length) {
      const already = (pod.status?.conditions ?? []).some((c: { type: string; reason?: string }) => c.type === 'PodScheduled' && c.reason === 'Unschedulable');
      if (already) continue;
      const parts: string[] = [];
      if (why.selector) parts.push(`${why.selector} node(s) didn't match Pod's node affinity/selector`);
      if (why.taint) parts.push(`${why.taint} node(s) had untolerated taint(s)`);
      if (why.unschedulable) parts.push(`${why.unschedulable} node(s) were unschedulable`);
      if (why.notReady) parts.push(`${why.notReady} node(s) had untolerated taint {node.kubernetes.io/not-ready: }`);
      const msg = `0/${nodes.length} nodes are available: ${parts.sort().join(', ')}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`;
      pod.status = { ...(pod.status ?? {}), phase: 'Pending' };
      pod.status.conditions = setCondition(pod.status.conditions ?? [], { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg }, now, { lastProbeTime: null });
      cluster.update(pod, { specChanged: false });
      cluster.event(pod, 'Warning', 'FailedScheduling', msg, 'default-scheduler');
      changed = true;
      continue;
    }
    fits.sort((a, b) => (load.get(a.metadata.name) ?? 0) - (load.get(b.metadata.name) ?? 0) || (a.metadata.name < b.metadata.name ? -1 : 1));
    const node = fits[0];
    load.set(node.metadata.name, (load.get(node.metadata.name) ?? 0) + 1);
    pod.spec.nodeName = node.metadata.name;
    pod.status = { ...(pod.status ?? {}), phase: 'Pending' };
    pod.status.conditions = setCondition(pod.status.conditions ?? [], { type: 'PodScheduled', status: 'True' }, now, { lastProbeTime: null });
    cluster.update(pod, { specChanged: false });
    cluster.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.metadata.name}`, 'default-scheduler');
    changed = true;
  }
  return changed;
}
