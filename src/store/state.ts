// The persisted cluster: one JSON document. Objects are kept per resource (plural) under
// `<namespace>/<name>` (or `<name>` for cluster-scoped types), so a listing sorted by key is the
// API server's etcd order (namespace, then name).
import type { KObject } from '../api/types.js';

export const SCHEMA_VERSION = 2;
export const STATE_KIND = 'KubesimState';

export interface ClusterSettings {
  /** docker-desktop | kind | minikube | cloud (traffic-from-outside behaviour). */
  profile: string;
  /** How kube-proxy picks an endpoint: round-robin (default, predictable) or random (iptables). */
  proxyMode: 'round-robin' | 'random';
  serviceCIDR: string;
  podCIDR: string;
  nodePortRange: [number, number];
}

export interface State {
  kind: typeof STATE_KIND;
  schemaVersion: number;
  cluster: ClusterSettings;
  /** kubectl context settings that persist (config set-context --current --namespace). */
  context: { namespace: string };
  /** Seed of the reproducible random stream (KUBESIM_SEED), null for crypto randomness. */
  seed: number | null;
  rngCounter: number;
  resourceVersion: number;
  /** Per node: last pod IP host index handed out (host-local IPAM walks forward). */
  ipam: Record<string, number>;
  objects: Record<string, Record<string, KObject>>;
  /** Simulated container state (files, app memory, restarts) per pod uid: owned by the runtime. */
  runtime: Record<string, unknown>;
  /** kube-proxy balancing state (round-robin cursors, affinity table). */
  proxy: Record<string, unknown>;
  /** When (ms) the controllers last brought the saved state to its fixed point (controllers/settled.ts). */
  settledAt?: number;
  /** The oldest Event's lastTimestamp (ms); the Events themselves are kept apart (events-file.ts). */
  eventsOldest?: number;
  /** What the Events are about (eventSubject), so that describing an object with none reads none. */
  eventsAbout?: string[];
}

export function emptyState(seed: number | null, profile = 'docker-desktop'): State {
  return {
    kind: STATE_KIND,
    schemaVersion: SCHEMA_VERSION,
    cluster: {
      profile,
      proxyMode: 'round-robin',
      serviceCIDR: '10.96.0.0/16',
      podCIDR: '10.244.0.0/16',
      nodePortRange: [30000, 32767],
    },
    context: { namespace: 'default' },
    seed,
    rngCounter: 0,
    resourceVersion: 1000,
    ipam: {},
    objects: {},
    runtime: {},
    proxy: {},
  };
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
