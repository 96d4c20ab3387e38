// `kubectl describe` output (reference §16): one describer per kind, as in kubectl's
// describe.go, and the generic describer for the other kinds. Every describer writes
// tab-separated cells through PrefixWriter and the DESCRIBE_TABS tab-writer.
import type { ClusterView, KObject } from '../../api/types.js';
import { describeCronJob, describeDaemonSet, describeJob, describeStatefulSet } from './batch.js';
import { describeConfigMap, describeSecret, describeServiceAccount } from './config.js';
import { describeEndpoints } from './endpoints.js';
import { NO_EVENTS } from './events.js';
import { describeGeneric } from './generic.js';
import { describeIngress } from './ingress.js';
import { describeLimitRange, describeNamespace, describeResourceQuota } from './namespace.js';
import { describeNode } from './node.js';
import { describePod } from './pod.js';
import { describeEndpointSlice, describeIngressClass, describeNetworkPolicy } from './network.js';
import { describeService } from './service.js';
import { describePersistentVolumeClaim } from './storage.js';
import { describeDeployment, describeReplicaSet, describeReplicationController } from './workloads.js';

type Describer = (obj: KObject, view: ClusterView) => string;

const DESCRIBERS: Record<string, Describer> = {
  Pod: describePod,
  Service: describeService,
  Endpoints: describeEndpoints,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  ReplicationController: describeReplicationController,
  Ingress: describeIngress,
  Node: describeNode,
  Namespace: describeNamespace,
  ResourceQuota: describeResourceQuota,
  LimitRange: describeLimitRange,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  ServiceAccount: describeServiceAccount,
  EndpointSlice: describeEndpointSlice,
  IngressClass: describeIngressClass,
  NetworkPolicy: describeNetworkPolicy,
  DaemonSet: describeDaemonSet,
  StatefulSet: describeStatefulSet,
  Job: describeJob,
  CronJob: describeCronJob,
  PersistentVolumeClaim: describePersistentVolumeClaim,
};

/** Whether `kind` has a dedicated describer (the others get the generic one). */
export function describeSupported(kind: string): boolean {
  return Object.prototype.hasOwnProperty.call(DESCRIBERS, kind);
}

export interface DescribeOptions {
  /** `--show-events=false`: no Events section at all (default true). */
  showEvents?: boolean;
}

/** The `kubectl describe` text of one object, ending with a newline. */
export function describeObject(obj: KObject, view: ClusterView, opts: DescribeOptions = {}): string {
  const fn = describeSupported(obj.kind) ? DESCRIBERS[obj.kind] : describeGeneric;
  if (opts.showEvents !== false) return fn(obj, view);
  const inner = view;
  return fn(obj, {
    now: inner.now,
    list: (plural, namespace) => inner.list(plural, namespace),
    get: (plural, namespace, name) => inner.get(plural, namespace, name),
    eventsFor: () => NO_EVENTS as KObject[],
  });
}
