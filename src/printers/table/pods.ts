// printPod (pkg/printers/internalversion/printers.go, 1.32; reference §3.1).
import type { Container, Pod, PodCondition } from 'kubernetes-types/core/v1.js';
import { humanDuration } from '../duration.js';
import { NONE, since, timeMs } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

const isRestartable = (c: Container | undefined): boolean => c?.restartPolicy === 'Always';

const conditionTrue = (conds: PodCondition[] | undefined, type: string): boolean => {
  // hasPodReadyCondition scans all; isPodInitializedConditionTrue stops at the first match.
  const c = (conds ?? []).find((x) => x.type === type);
  return c?.status === 'True';
};

const hasPodReadyCondition = (conds: PodCondition[] | undefined): boolean =>
  (conds ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/** READY, STATUS and RESTARTS exactly as printPod computes them. */
export function podSummary(pod: Pod, now: number): PodSummary {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart = 0;
  let lastRestartableInitRestart = 0;

  const phase = status.phase ?? '';
  let reason: string = phase;
  if (status.reason) reason = status.reason;

  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartable(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    restarts += cs.restartCount ?? 0;
    const lastTerm = cs.lastState?.terminated;
    if (lastTerm) lastRestart = Math.max(lastRestart, timeMs(lastTerm.finishedAt));
    const restartable = isRestartable(initContainers.get(cs.name));
    if (restartable) {
      restartableInitRestarts += cs.restartCount ?? 0;
      if (lastTerm) lastRestartableInitRestart = Math.max(lastRestartableInitRestart, timeMs(lastTerm.finishedAt));
    }
    const term = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (restartable && cs.started === true) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) {
        reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      } else {
        reason = `Init:${term.reason}`;
      }
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status.conditions, 'Initialized')) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      const lastTerm = cs.lastState?.terminated;
      if (lastTerm) lastRestart = Math.max(lastRestart, timeMs(lastTerm.finishedAt));
      const term = cs.state?.terminated;
      const waiting = cs.state?.waiting;
      if (waiting && waiting.reason) {
        reason = waiting.reason;
      } else if (term && term.reason) {
        reason = term.reason;
      } else if (term) {
        reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      } else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = hasPodReadyCondition(status.conditions) ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') {
    reason = 'Unknown';
  } else if (pod.metadata?.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
    reason = 'Terminating';
  }

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestart !== 0) restartsStr = `${restarts} (${humanDuration(now - lastRestart)} ago)`;

  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsStr };
}

export const pods: TablePrinter = {
  columns: [
    nameCol,
    col('Ready'),
    col('Status'),
    col('Restarts'),
    ageCol,
    col('IP', 1),
    col('Node', 1),
    col('Nominated Node', 1),
    col('Readiness Gates', 1),
  ],
  row(obj, view) {
    const pod = obj as Pod;
    const s = podSummary(pod, view.now);
    const status = pod.status ?? {};
    const ip = status.podIPs?.[0]?.ip || status.podIP || NONE;
    const gates = pod.spec?.readinessGates ?? [];
    let readinessGates = NONE;
    if (gates.length > 0) {
      let trueConditions = 0;
      for (const g of gates) {
        const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
        if (c?.status === 'True') trueConditions++;
      }
      readinessGates = `${trueConditions}/${gates.length}`;
    }
    return [
      obj.metadata.name,
      s.ready,
      s.status,
      s.restarts,
      since(obj.metadata.creationTimestamp, view.now),
      ip,
      pod.spec?.nodeName || NONE,
      status.nominatedNodeName || NONE,
      readinessGates,
    ];
  },
};
