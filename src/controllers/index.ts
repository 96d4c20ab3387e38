// Brings the cluster to a fixed point: every controller is an idempotent reconciler (desired →
// actual) that reports whether it changed anything; they run in rounds until none does.
import type { Cluster } from '../store/cluster.js';
import { reconcileApiServer } from './apiserver.js';
import { reconcileNamespaces } from './namespace.js';
import { reconcileGarbage } from './gc.js';
import { reconcileDeployments } from './deployment.js';
import { reconcileReplicaSets } from './replicaset.js';
import { reconcileDaemonSets } from './daemonset.js';
import { reconcileScheduler } from './scheduler.js';
import { reconcileKubelet } from './kubelet.js';
import { reconcileEndpoints } from './endpoints.js';
import { reconcileLoadBalancers } from './loadbalancer.js';
import { reconcileIngresses } from './ingress.js';
import { reconcileRuntimeGc } from './runtime-gc.js';

export type Reconciler = (cluster: Cluster) => boolean;

export const CONTROLLERS: [string, Reconciler][] = [
  ['apiserver', reconcileApiServer],
  ['namespace', reconcileNamespaces],
  ['garbage-collector', reconcileGarbage],
  ['deployment', reconcileDeployments],
  ['replicaset', reconcileReplicaSets],
  ['daemonset', reconcileDaemonSets],
  ['scheduler', reconcileScheduler],
  ['kubelet', reconcileKubelet],
  ['endpoints', reconcileEndpoints],
  ['service-lb', reconcileLoadBalancers],
  ['ingress', reconcileIngresses],
  ['runtime-gc', reconcileRuntimeGc],
];

const MAX_ROUNDS = 50;

export function reconcile(cluster: Cluster): void {
  cluster.trimEvents();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const [, fn] of CONTROLLERS) if (fn(cluster)) changed = true;
    if (!changed) {
      cluster.trimEvents();
      return;
    }
  }
  throw new Error(`internal: controllers did not settle after ${MAX_ROUNDS} rounds`);
}
