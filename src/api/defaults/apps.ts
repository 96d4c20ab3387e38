// apps/v1: SetDefaults_Deployment/ReplicaSet/DaemonSet/StatefulSet (pkg/apis/apps/v1/defaults.go),
// pod template defaults, and the status each registry strategy starts from on create (a zero
// status struct: Go prints its non-omitempty counters as 0).
import { defaultPVCSpec, defaultPodTemplate } from './podspec.js';
import { type Obj, child, dflt, isObj, items, templateMeta } from './util.js';

function rollingUpdate(strategy: Obj, maxUnavailable: string | number, maxSurge: string | number): void {
  const ru = child(strategy, 'rollingUpdate');
  if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = maxUnavailable;
  if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = maxSurge;
}

export function defaultDeployment(d: Obj, create: boolean): void {
  const spec = child(d, 'spec');
  dflt(spec, 'replicas', 1);
  const strategy = child(spec, 'strategy');
  dflt(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') rollingUpdate(strategy, '25%', '25%');
  dflt(spec, 'revisionHistoryLimit', 10);
  dflt(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(child(spec, 'template'));
  if (create) d.status = {};
}

export function defaultReplicaSet(rs: Obj, create: boolean): void {
  const spec = child(rs, 'spec');
  dflt(spec, 'replicas', 1);
  defaultPodTemplate(child(spec, 'template'));
  if (create) rs.status = { replicas: 0 };
}

export function defaultDaemonSet(ds: Obj, create: boolean): void {
  const spec = child(ds, 'spec');
  const strategy = child(spec, 'updateStrategy');
  dflt(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') rollingUpdate(strategy, 1, 0);
  dflt(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(child(spec, 'template'));
  if (create) ds.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
}

export function defaultStatefulSet(sts: Obj, create: boolean): void {
  const spec = child(sts, 'spec');
  dflt(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = child(spec, 'updateStrategy');
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    child(strategy, 'rollingUpdate');
  }
  if (strategy.type === 'RollingUpdate' && isObj(strategy.rollingUpdate)) dflt(strategy.rollingUpdate, 'partition', 0);
  const retention = child(spec, 'persistentVolumeClaimRetentionPolicy'); // StatefulSetAutoDeletePVC: GA in 1.32
  dflt(retention, 'whenDeleted', 'Retain');
  dflt(retention, 'whenScaled', 'Retain');
  dflt(spec, 'replicas', 1);
  dflt(spec, 'revisionHistoryLimit', 10);
  if (spec.serviceName === undefined || spec.serviceName === null) spec.serviceName = ''; // json:"serviceName", no omitempty
  defaultPodTemplate(child(spec, 'template'));
  for (const claim of items(spec, 'volumeClaimTemplates')) {
    claim.apiVersion ??= 'v1';
    claim.kind ??= 'PersistentVolumeClaim';
    templateMeta(claim);
    defaultPVCSpec(child(claim, 'spec'));
    dflt(child(claim, 'status'), 'phase', 'Pending');
  }
  if (create) sts.status = { availableReplicas: 0, replicas: 0 };
}
