// describeNode: roles, labels, taints, lease, conditions, addresses, capacity, system info,
// the non-terminated pods on the node with their requests / limits, and allocated resources.
import type { ClusterView, KObject } from '../../api/types.js';
import { describeEvents } from './events.js';
import { type Any, byteCompare, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, rfc1123z, since, sortedKeys } from './format.js';
import { formatQuantity, milliValue, quantityOf, quantityString, value } from './quantity.js';
import { type ResourceList, addResourceList, get, podRequestsAndLimits } from './resources.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './writer.js';

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role=<role>. */
function nodeRoles(node: Any): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries<string>(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort(byteCompare);
}

/**
 * The node's Lease in kube-node-lease. When the store keeps none, the kubelet's lease is
 * synthesised: held by the node, renewed every 10 s (the last renewal before `now`).
 */
function describeLease(w: PrefixWriter, node: Any, view: ClusterView): void {
  let lease: Any;
  try {
    lease = view.get('leases', 'kube-node-lease', node.metadata.name);
  } catch {
    lease = undefined;
  }
  const spec = lease
    ? (lease.spec ?? {})
    : { holderIdentity: node.metadata.name, renewTime: new Date(Math.floor(view.now / 10000) * 10000).toISOString() };
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime) : '<unset>'}\n`);
}

/** Percentage as describe.go computes it: int64(float64(a) / float64(b) * 100). */
const pct = (a: number, b: number): number => {
  const f = (a / b) * 100;
  return Number.isFinite(f) ? Math.trunc(f) : 0;
};

const isHugePage = (name: string): boolean => name.startsWith('hugepages-');
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage']);
const isStandardContainerResource = (name: string): boolean => STANDARD.has(name) || isHugePage(name);

function describeNodeResource(w: PrefixWriter, pods: Any[], node: Any, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable: Record<string, string> =
    Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : (node.status?.capacity ?? {});
  const allocCPU = milliValue(quantityOf(allocatable.cpu));
  const allocMem = value(quantityOf(allocatable.memory));
  for (const pod of pods) {
    const { reqs, limits: limit } = podRequestsAndLimits(pod);
    const cpuReq = get(reqs, 'cpu');
    const cpuLimit = get(limit, 'cpu');
    const memReq = get(reqs, 'memory');
    const memLimit = get(limit, 'memory');
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name}\t\t` +
        `${quantityString(cpuReq)} (${pct(milliValue(cpuReq), allocCPU)}%)\t${quantityString(cpuLimit)} (${pct(milliValue(cpuLimit), allocCPU)}%)\t` +
        `${quantityString(memReq)} (${pct(value(memReq), allocMem)}%)\t${quantityString(memLimit)} (${pct(value(memLimit), allocMem)}%)\t` +
        `${since(pod.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    const r = podRequestsAndLimits(pod);
    addResourceList(reqs, r.reqs);
    addResourceList(limits, r.limits);
  }
  const row = (name: string, alloc: number, scaled: (q: ReturnType<typeof get>) => number): void => {
    const rq = get(reqs, name);
    const lm = get(limits, name);
    const fr = alloc !== 0 ? pct(scaled(rq), alloc) : 0;
    const fl = alloc !== 0 ? pct(scaled(lm), alloc) : 0;
    w.write(LEVEL_1, `${name}\t${quantityString(rq)} (${fr}%)\t${quantityString(lm)} (${fl}%)\n`);
  };
  row('cpu', allocCPU, milliValue);
  row('memory', allocMem, value);
  row('ephemeral-storage', value(quantityOf(allocatable['ephemeral-storage'])), value);
  const names = Object.keys(allocatable);
  for (const name of names.filter(isHugePage).sort(byteCompare)) row(name, value(quantityOf(allocatable[name])), value);
  for (const name of names.filter((n) => !isHugePage(n) && !isStandardContainerResource(n) && n !== 'pods').sort(byteCompare)) {
    w.write(LEVEL_1, `${name}\t${quantityString(get(reqs, name))}\t${quantityString(get(limits, name))}\n`);
  }
}

export function describeNode(obj: KObject, view: ClusterView): string {
  const node: Any = obj;
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  const info = status.nodeInfo ?? {};
  const pods = (view.list('pods') as Any[]).filter(
    (p) => p.spec?.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
  );
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable ? 'true' : 'false'}\n`);
    describeLease(w, node, view);
    const conditions: Any[] = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printResourceList = (list: Record<string, string>): void => {
      for (const name of sortedKeys(list)) w.write(LEVEL_0, `  ${name}:\t${formatQuantity(list[name])}\n`);
    };
    if (Object.keys(status.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResourceList(status.capacity);
    }
    if (Object.keys(status.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResourceList(status.allocatable);
    }
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResource(w, pods, node, view.now);
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}
