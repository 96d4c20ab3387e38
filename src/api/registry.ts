// The API resources kubesim serves: one row per resource type, as `kubectl api-resources`
// lists them. Everything that maps a name typed on the command line (`po`, `deploy`,
// `deployments.apps`, `Service`) or a manifest's apiVersion/kind to a resource type goes here.

export interface ResourceType {
  kind: string;
  plural: string;
  singular: string;
  group: string; // '' for the core group
  version: string; // the version we store and serve
  namespaced: boolean;
  shortNames: string[];
  /** Old apiVersions the books use, converted to `version` on the way in (with a warning). */
  legacyVersions?: { apiVersion: string; removedIn: string; deprecatedIn: string }[];
  categories?: string[];
  verbs?: string;
}

const r = (
  kind: string,
  plural: string,
  group: string,
  version: string,
  namespaced: boolean,
  shortNames: string[] = [],
  extra: Partial<ResourceType> = {},
): ResourceType => ({ kind, plural, singular: kind.toLowerCase(), group, version, namespaced, shortNames, ...extra });

const legacy = (apiVersion: string, deprecatedIn: string, removedIn: string) => ({ apiVersion, deprecatedIn, removedIn });

/** In `kubectl api-resources` order (core group first, then groups by name). */
export const RESOURCES: ResourceType[] = [
  r('Binding', 'bindings', '', 'v1', true),
  r('ComponentStatus', 'componentstatuses', '', 'v1', false, ['cs']),
  r('ConfigMap', 'configmaps', '', 'v1', true, ['cm']),
  r('Endpoints', 'endpoints', '', 'v1', true, ['ep']),
  r('Event', 'events', '', 'v1', true, ['ev']),
  r('LimitRange', 'limitranges', '', 'v1', true, ['limits']),
  r('Namespace', 'namespaces', '', 'v1', false, ['ns']),
  r('Node', 'nodes', '', 'v1', false, ['no']),
  r('PersistentVolumeClaim', 'persistentvolumeclaims', '', 'v1', true, ['pvc']),
  r('PersistentVolume', 'persistentvolumes', '', 'v1', false, ['pv']),
  r('Pod', 'pods', '', 'v1', true, ['po'], { categories: ['all'] }),
  r('PodTemplate', 'podtemplates', '', 'v1', true),
  r('ReplicationController', 'replicationcontrollers', '', 'v1', true, ['rc'], { categories: ['all'] }),
  r('ResourceQuota', 'resourcequotas', '', 'v1', true, ['quota']),
  r('Secret', 'secrets', '', 'v1', true),
  r('ServiceAccount', 'serviceaccounts', '', 'v1', true, ['sa']),
  r('Service', 'services', '', 'v1', true, ['svc'], { categories: ['all'] }),
  r('ControllerRevision', 'controllerrevisions', 'apps', 'v1', true),
  r('DaemonSet', 'daemonsets', 'apps', 'v1', true, ['ds'], {
    categories: ['all'],
    legacyVersions: [legacy('apps/v1beta2', 'v1.9', 'v1.16'), legacy('extensions/v1beta1', 'v1.9', 'v1.16')],
  }),
  r('Deployment', 'deployments', 'apps', 'v1', true, ['deploy'], {
    categories: ['all'],
    legacyVersions: [
      legacy('apps/v1beta1', 'v1.9', 'v1.16'),
      legacy('apps/v1beta2', 'v1.9', 'v1.16'),
      legacy('extensions/v1beta1', 'v1.9', 'v1.16'),
    ],
  }),
  r('ReplicaSet', 'replicasets', 'apps', 'v1', true, ['rs'], {
    categories: ['all'],
    legacyVersions: [legacy('apps/v1beta2', 'v1.9', 'v1.16'), legacy('extensions/v1beta1', 'v1.9', 'v1.16')],
  }),
  r('StatefulSet', 'statefulsets', 'apps', 'v1', true, ['sts'], {
    categories: ['all'],
    legacyVersions: [legacy('apps/v1beta1', 'v1.9', 'v1.16'), legacy('apps/v1beta2', 'v1.9', 'v1.16')],
  }),
  r('HorizontalPodAutoscaler', 'horizontalpodautoscalers', 'autoscaling', 'v2', true, ['hpa'], { categories: ['all'] }),
  r('CronJob', 'cronjobs', 'batch', 'v1', true, ['cj'], {
    categories: ['all'],
    legacyVersions: [legacy('batch/v1beta1', 'v1.21', 'v1.25')],
  }),
  r('Job', 'jobs', 'batch', 'v1', true, [], { categories: ['all'] }),
  r('EndpointSlice', 'endpointslices', 'discovery.k8s.io', 'v1', true),
  r('IngressClass', 'ingressclasses', 'networking.k8s.io', 'v1', false),
  r('Ingress', 'ingresses', 'networking.k8s.io', 'v1', true, ['ing'], {
    legacyVersions: [legacy('networking.k8s.io/v1beta1', 'v1.19', 'v1.22'), legacy('extensions/v1beta1', 'v1.14', 'v1.22')],
  }),
  r('NetworkPolicy', 'networkpolicies', 'networking.k8s.io', 'v1', true, ['netpol']),
  r('PodDisruptionBudget', 'poddisruptionbudgets', 'policy', 'v1', true, ['pdb']),
  r('ClusterRoleBinding', 'clusterrolebindings', 'rbac.authorization.k8s.io', 'v1', false, [], {
    legacyVersions: [legacy('rbac.authorization.k8s.io/v1beta1', 'v1.17', 'v1.22')],
  }),
  r('ClusterRole', 'clusterroles', 'rbac.authorization.k8s.io', 'v1', false, [], {
    legacyVersions: [legacy('rbac.authorization.k8s.io/v1beta1', 'v1.17', 'v1.22')],
  }),
  r('RoleBinding', 'rolebindings', 'rbac.authorization.k8s.io', 'v1', true, [], {
    legacyVersions: [legacy('rbac.authorization.k8s.io/v1beta1', 'v1.17', 'v1.22')],
  }),
  r('Role', 'roles', 'rbac.authorization.k8s.io', 'v1', true, [], {
    legacyVersions: [legacy('rbac.authorization.k8s.io/v1beta1', 'v1.17', 'v1.22')],
  }),
  r('PriorityClass', 'priorityclasses', 'scheduling.k8s.io', 'v1', false, ['pc']),
  r('StorageClass', 'storageclasses', 'storage.k8s.io', 'v1', false, ['sc']),
];

const byPlural = new Map(RESOURCES.map((t) => [t.plural, t]));

export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** `deployment.apps`, `pod`, `ingress.networking.k8s.io`: the prefix of `-o name` and apply messages. */
export function kindPrefix(t: ResourceType): string {
  return t.group ? `${t.singular}.${t.group}` : t.singular;
}

/** `deployments.apps`, `pods`: how NotFound / AlreadyExists messages name the resource. */
export function qualifiedPlural(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

export function byPluralName(plural: string): ResourceType | undefined {
  return byPlural.get(plural);
}

export function mustPlural(plural: string): ResourceType {
  const t = byPlural.get(plural);
  if (!t) throw new Error(`internal: unknown resource ${plural}`);
  return t;
}

/**
 * Resolve a type typed on the command line: plural, singular, short name or kind, optionally
 * qualified with a group (`deployments.apps`, `deploy.apps`, `ingresses.networking.k8s.io`),
 * case-insensitively for the kind. Returns undefined when the server has no such type.
 */
export function resolveTypeArg(arg: string): ResourceType | undefined {
  const lower = arg.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? undefined : lower.slice(dot + 1);
  const candidates = RESOURCES.filter(
    (t) => t.plural === name || t.singular === name || t.shortNames.includes(name) || t.kind.toLowerCase() === name,
  );
  if (group === undefined) return candidates[0];
  return candidates.find((t) => t.group === group || (group.includes('/') && apiVersionOf(t) === group));
}

/** Resolve a manifest's apiVersion + kind. `legacy` is set when an old version was named. */
export function resolveKind(
  apiVersion: string,
  kind: string,
): { type: ResourceType; legacy?: { apiVersion: string; deprecatedIn: string; removedIn: string } } | undefined {
  for (const t of RESOURCES) {
    if (t.kind !== kind) continue;
    if (apiVersionOf(t) === apiVersion) return { type: t };
    const l = t.legacyVersions?.find((v) => v.apiVersion === apiVersion);
    if (l) return { type: t, legacy: l };
  }
  return undefined;
}

/** The "all" category, in the order kubectl expands it. */
export const ALL_CATEGORY = [
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets',
  'deployments',
  'replicasets',
  'statefulsets',
  'horizontalpodautoscalers',
  'cronjobs',
  'jobs',
];
