// The shape every stored object has: a Kubernetes API object as the API server would return it
// (apiVersion, kind, metadata, spec, status). Modules that know a kind use the `kubernetes-types`
// interfaces (e.g. `Pod` from 'kubernetes-types/core/v1.js') by casting a KObject.
/** metav1.ObjectMeta as stored (mutable; the `kubernetes-types` one is read-only). */
export interface Meta {
  name: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ownerReferences?: any[];
  finalizers?: string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: Meta;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/**
 * A read-only view of the cluster at one instant, for printers (tables, describe) and the
 * network. `now` is the clock (ms since epoch) to compute ages with.
 */
export interface ClusterView {
  now: number;
  /** Objects of a resource (plural name), in one namespace or (namespace undefined) all. Sorted by namespace, name. */
  list(plural: string, namespace?: string): KObject[];
  get(plural: string, namespace: string | undefined, name: string): KObject | undefined;
  /** core/v1 Event objects whose involvedObject is `obj`, oldest first. */
  eventsFor(obj: KObject): KObject[];
}
