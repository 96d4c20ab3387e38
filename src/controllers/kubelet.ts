// The kubelet of each node: starts the pods bound to it (pod IP from the node's range, containers
// created and started, with the Pulling/Pulled/Created/Started events), keeps readiness and the
// pod conditions current, and reports the status kubectl shows.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import { allocatePodIP } from './allocators/podip.js';
import { imageID, imageSize, normalizeImage } from '../runtime/images.js';
import { awaitsRuntime, isSteady, probePasses, runtimeBusy, tickPod } from '../runtime/probes.js';
import { existingPodRuntime, instanceStatus, recordContainerStart } from '../runtime/start.js';
import { podIsTerminal, same, setCondition } from './util.js';

function nodeIP(node: KObject): string {
  return (node.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '172.18.0.2';
}

function pullSeconds(image: string): string {
  return `${(0.5 + (imageSize(image) % 3000) / 1000).toFixed(3)}s`;
}

function startPod(cluster: Cluster, pod: KObject, node: KObject): void {
  const ip = pod.spec.hostNetwork ? nodeIP(node) : allocatePodIP(cluster, node);
  const host = nodeIP(node);
  const now = cluster.timestamp;
  pod.status.hostIP = host;
  pod.status.hostIPs = [{ ip: host }];
  if (ip) {
    pod.status.podIP = ip;
    pod.status.podIPs = [{ ip }];
  }
  pod.status.startTime = now;
  const kubelet = 'kubelet';
  for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
    const policy = c.imagePullPolicy ?? 'IfNotPresent';
    const cached = policy !== 'Always' && cluster.list('pods').some((p) => p !== pod && p.spec?.nodeName === node.metadata.name && (p.spec?.containers ?? []).some((pc: { image: string }) => pc.image === c.image) && p.status?.startTime);
    if (cached) {
      cluster.event(pod, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, kubelet, node.metadata.name);
    } else {
      const d = pullSeconds(c.image);
      cluster.event(pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`, kubelet, node.metadata.name);
      cluster.event(pod, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${d} (${d} including waiting). Image size: ${imageSize(c.image)} bytes.`, kubelet, node.metadata.name);
    }
    cluster.event(pod, 'Normal', 'Created', `Created container ${c.name}`, kubelet, node.metadata.name);
    cluster.event(pod, 'Normal', 'Started', `Started container ${c.name}`, kubelet, node.metadata.name);
    // The runtime notes the start and the environment of this moment (Service variables, §14).
    recordContainerStart(cluster, pod, c);
  }
}

function mountsStatus(c: { volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[] }) {
  return (c.volumeMounts ?? []).map((m) => {
    const s: Record<string, unknown> = { mountPath: m.mountPath, name: m.name };
    if (m.readOnly) {
      s.readOnly = true;
      s.recursiveReadOnly = 'Disabled';
    }
    return s;
  });
}

function containerStatuses(cluster: Cluster, pod: KObject, startedAt: string): { statuses: Record<string, unknown>[]; init: Record<string, unknown>[] } {
  const prev: Record<string, unknown>[] = pod.status.containerStatuses ?? [];
  const records = existingPodRuntime(cluster, pod)?.c;
  const statuses = (pod.spec.containers ?? []).map((c: KObject['spec']) => {
    const old = prev.find((s) => s.name === c.name) as Record<string, unknown> | undefined;
    const rec = records?.[c.name];
    // The runtime's record (restarts, exits, crash-loop back-off, probe verdicts) when there is one.
    const inst = rec ? instanceStatus(pod, rec, c.name, cluster.now) : undefined;
    const ready = (inst ? inst.running && inst.started : true) && (!c.readinessProbe || probePasses(cluster, pod, c, c.readinessProbe));
    const s: Record<string, unknown> = {
      containerID: inst ? inst.containerID : ((old?.containerID as string) ?? `containerd://${cluster.rand.hex(64)}`),
      image: normalizeImage(c.image),
      imageID: imageID(c.image),
      lastState: inst ? inst.lastState : (old?.lastState ?? {}),
      name: c.name,
      ready,
      restartCount: inst ? inst.restartCount : (old?.restartCount ?? 0),
      started: inst ? inst.started : true,
      state: inst ? inst.state : (old?.state as { running?: unknown })?.running ? old!.state : { running: { startedAt } },
    };
    if (s.containerID === undefined) delete s.containerID;
    const mounts = mountsStatus(c);
    if (mounts.length) s.volumeMounts = mounts;
    return s;
  });
  const init = (pod.spec.initContainers ?? []).map((c: KObject['spec']) => {
    const old = (pod.status.initContainerStatuses ?? []).find((s: { name: string }) => s.name === c.name);
    const rec = records?.[c.name];
    if (rec?.exited && old?.state?.terminated && rec.exited.exitCode !== old.state.terminated.exitCode) {
      old.state.terminated = { ...old.state.terminated, exitCode: rec.exited.exitCode, reason: rec.exited.reason };
    }
    return (
      old ?? {
        containerID: `containerd://${cluster.rand.hex(64)}`,
        image: normalizeImage(c.image),
        imageID: imageID(c.image),
        lastState: {},
        name: c.name,
        ready: true,
        restartCount: 0,
        started: false,
        state: { terminated: { containerID: '', exitCode: 0, finishedAt: startedAt, reason: 'Completed', startedAt } },
      }
    );
  });
  for (const s of init) (s.state as { terminated: { containerID: string } }).terminated.containerID = s.containerID as string;
  return { statuses, init };
}

export function reconcileKubelet(cluster: Cluster): boolean {
  let changed = false;
  for (const pod of cluster.list('pods')) {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || podIsTerminal(pod) || pod.metadata.deletionTimestamp) continue;
    const node = cluster.get('nodes', undefined, nodeName);
    if (!node) continue;
    // Pods waiting for the runtime to be loaded wait (the caller loads it and reconciles again);
    // steady pods are left alone, which keeps big clusters fast.
    if (awaitsRuntime(cluster, pod)) continue;
    if (isSteady(pod) && !runtimeBusy(cluster, pod)) continue;
    const before = JSON.stringify(pod.status);
    pod.status ??= { phase: 'Pending' };
    if (!pod.status.startTime) startPod(cluster, pod, node);
    tickPod(cluster, pod);
    const now = cluster.timestamp;
    const startedAt = pod.status.startTime;
    const { statuses, init } = containerStatuses(cluster, pod, startedAt);
    pod.status.containerStatuses = statuses;
    if (init.length) pod.status.initContainerStatuses = init;
    const allReady = statuses.every((s) => s.ready);
    const notReady = statuses.filter((s) => !s.ready).map((s) => s.name);
    const readyCond = allReady
      ? { type: 'Ready', status: 'True' }
      : { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${notReady.join(' ')}]` };
    const crCond = allReady
      ? { type: 'ContainersReady', status: 'True' }
      : { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${notReady.join(' ')}]` };
    let conds: Record<string, unknown>[] = pod.status.conditions ?? [];
    const extra = { lastProbeTime: null };
    conds = setCondition(conds, { type: 'PodReadyToStartContainers', status: 'True' }, now, extra);
    conds = setCondition(conds, { type: 'Initialized', status: 'True' }, now, extra);
    conds = setCondition(conds, readyCond, now, extra);
    conds = setCondition(conds, crCond, now, extra);
    conds = setCondition(conds, { type: 'PodScheduled', status: 'True' }, now, extra);
    const order = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
    pod.status.conditions = conds.sort((a, b) => order.indexOf(a.type as string) - order.indexOf(b.type as string));
    // Every container ended for good (restartPolicy Never/OnFailure): the pod is done.
    const ended = (pod.spec.restartPolicy ?? 'Always') !== 'Always' && statuses.length > 0 && statuses.every((st) => (st.state as { terminated?: unknown }).terminated);
    pod.status.phase = ended ? (statuses.every((st) => (st.state as { terminated: { exitCode: number } }).terminated.exitCode === 0) ? 'Succeeded' : 'Failed') : 'Running';
    if (ended) {
      const done = { type: 'Ready', status: 'False', reason: 'PodCompleted' };
      pod.status.conditions = setCondition(pod.status.conditions, done, now, extra);
      pod.status.conditions = setCondition(pod.status.conditions, { ...done, type: 'ContainersReady' }, now, extra);
    }
    const { phase, conditions, hostIP, hostIPs, podIP, podIPs, qosClass, startTime, containerStatuses: cs, initContainerStatuses } = pod.status;
    pod.status = { conditions, containerStatuses: cs, hostIP, hostIPs, initContainerStatuses, phase, podIP, podIPs, qosClass, startTime };
    for (const k of Object.keys(pod.status)) if (pod.status[k] === undefined) delete pod.status[k];
    if (!same(JSON.parse(before ?? 'null'), pod.status)) {
      cluster.update(pod, { specChanged: false });
      changed = true;
    }
  }
  return changed;
}
