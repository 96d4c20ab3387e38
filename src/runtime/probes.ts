// Probe evaluation against a simulated container. The kubelet asks here whether a readiness,
// liveness or startup probe passes right now.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';

export interface Probe {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; scheme?: string };
  tcpSocket?: { port: number | string };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  failureThreshold?: number;
  successThreshold?: number;
}

export type ProbeEvaluator = (cluster: Cluster, pod: KObject, container: { name: string }, probe: Probe) => boolean;

let evaluator: ProbeEvaluator = () => true;

/** The container runtime installs the real evaluator when it is loaded. */
export function setProbeEvaluator(fn: ProbeEvaluator): void {
  evaluator = fn;
}

export function probePasses(cluster: Cluster, pod: KObject, container: { name: string }, probe: Probe): boolean {
  return evaluator(cluster, pod, container, probe);
}
