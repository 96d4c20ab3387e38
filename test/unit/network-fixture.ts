// In-process clusters for the network tests: a fresh kind-like cluster, objects created through
// the API server path and reconciled (network-run.ts runs tools inside a pod's container).
import type { KObject } from '../../src/api/types.js';
import { Cluster } from '../../src/store/cluster.js';
import { freshCluster } from '../../src/store/bootstrap.js';
import { createObject } from '../../src/api/server.js';
import { reconcile } from '../../src/controllers/index.js';

export const NOW = Date.parse('2024-05-01T10:00:00Z');

export function makeCluster(): Cluster {
  return new Cluster(freshCluster({ seed: 1, now: NOW }), NOW);
}

export function create(cluster: Cluster, ...objs: KObject[]): void {
  for (const o of objs) createObject(cluster, structuredClone(o));
  reconcile(cluster);
}

/** Let simulated time pass (probes, start-up) and reconcile. */
export function advance(cluster: Cluster, seconds: number): void {
  cluster.now += seconds * 1000;
  reconcile(cluster);
}

export function pod(name: string, image: string, opts: { labels?: Record<string, string>; ns?: string; ports?: { containerPort: number; name?: string; protocol?: string }[]; spec?: Record<string, unknown> } = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.ns ?? 'default', labels: opts.labels ?? { app: name } },
    spec: { containers: [{ name: 'app', image, ...(opts.ports ? { ports: opts.ports } : {}) }], ...(opts.spec ?? {}) },
  };
}

export function svc(name: string, spec: Record<string, unknown>, ns = 'default'): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec };
}

export function getPod(cluster: Cluster, name: string, ns = 'default'): KObject {
  const p = cluster.get('pods', ns, name);
  if (!p) throw new Error(`no pod ${ns}/${name}`);
  return p;
}

