// Generates src/api/schema/schema.json: the field schema of every kind kubesim serves, used by the
// API server's strict decoding (unknown fields, type mismatches; src/api/schema/decode.ts).
//
//   node src/tools/gen-schema.mjs            # rewrite src/api/schema/schema.json
//   node src/tools/gen-schema.mjs --numbers  # list the integer fields (to review the int64 table)
//
// Not run by `npm run`; the JSON is committed. Source: the `kubernetes-types` package's .d.ts files
// (a devDependency), read with the TypeScript compiler API. Those files lose some Go details, which
// the tables below put back: which integer fields are int64, which fields are []byte, the Go names
// of named string/map types (for `... of type v1.Protocol` messages), and a few fields that exist
// in Kubernetes 1.32 but not in kubernetes-types 1.30.
//
// Output format (kept compact):
//   { "kinds": { "<apiVersion>/<Kind>": "<typeKey>" },
//     "types": { "<typeKey>": { "<field>": "<spec>", ... } },
//     "named": { "<typeKey>.<field>": "<Go type>", "<typeKey>.<field>[]": "<Go element type>" } }
// typeKey is "<dir>/<version>.<Name>" (e.g. "core/v1.ServicePort"); the Go struct is <version>.<Name>.
// spec grammar:  s string | b bool | i int32 | l int64 | f float64 | q Quantity | t Time | o IntOrString
//                | y []byte | * any JSON | [<spec> slice | {<spec> map[string] | @<typeKey> struct
import ts from 'typescript';
import { readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const typesDir = join(root, 'node_modules', 'kubernetes-types');
const outFile = join(root, 'src', 'api', 'schema', 'schema.json');

/** Kinds kubesim serves (keep in sync with src/api/registry.ts): apiVersion, kind, module, interface. */
const KINDS = [
  ['v1', 'Binding', 'core/v1'],
  ['v1', 'ComponentStatus', 'core/v1'],
  ['v1', 'ConfigMap', 'core/v1'],
  ['v1', 'Endpoints', 'core/v1'],
  ['v1', 'Event', 'core/v1'],
  ['v1', 'LimitRange', 'core/v1'],
  ['v1', 'Namespace', 'core/v1'],
  ['v1', 'Node', 'core/v1'],
  ['v1', 'PersistentVolumeClaim', 'core/v1'],
  ['v1', 'PersistentVolume', 'core/v1'],
  ['v1', 'Pod', 'core/v1'],
  ['v1', 'PodTemplate', 'core/v1'],
  ['v1', 'ReplicationController', 'core/v1'],
  ['v1', 'ResourceQuota', 'core/v1'],
  ['v1', 'Secret', 'core/v1'],
  ['v1', 'ServiceAccount', 'core/v1'],
  ['v1', 'Service', 'core/v1'],
  ['apps/v1', 'ControllerRevision', 'apps/v1'],
  ['apps/v1', 'DaemonSet', 'apps/v1'],
  ['apps/v1', 'Deployment', 'apps/v1'],
  ['apps/v1', 'ReplicaSet', 'apps/v1'],
  ['apps/v1', 'StatefulSet', 'apps/v1'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler', 'autoscaling/v2'],
  ['batch/v1', 'CronJob', 'batch/v1'],
  ['batch/v1', 'Job', 'batch/v1'],
  ['discovery.k8s.io/v1', 'EndpointSlice', 'discovery/v1'],
  ['networking.k8s.io/v1', 'IngressClass', 'networking/v1'],
  ['networking.k8s.io/v1', 'Ingress', 'networking/v1'],
  ['networking.k8s.io/v1', 'NetworkPolicy', 'networking/v1'],
  ['policy/v1', 'PodDisruptionBudget', 'policy/v1'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'rbac/v1'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'rbac/v1'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding', 'rbac/v1'],
  ['rbac.authorization.k8s.io/v1', 'Role', 'rbac/v1'],
  ['scheduling.k8s.io/v1', 'PriorityClass', 'scheduling/v1'],
  ['storage.k8s.io/v1', 'StorageClass', 'storage/v1'],
];

/** Integer fields that are int64 in Go (everything else is int32). Key: "<Name>.<field>" or "*.<field>". */
const INT64 = new Set([
  '*.observedGeneration',
  '*.terminationGracePeriodSeconds',
  '*.activeDeadlineSeconds',
  '*.runAsUser',
  '*.runAsGroup',
  '*.fsGroup',
  '*.supplementalGroups',
  '*.tolerationSeconds',
  '*.expirationSeconds',
  'ObjectMeta.generation',
  'ObjectMeta.deletionGracePeriodSeconds',
  'SleepAction.seconds',
  'CronJobSpec.startingDeadlineSeconds',
  'ControllerRevision.revision',
  'ContainerImage.sizeBytes',
  'LinuxContainerUser.uid',
  'LinuxContainerUser.gid',
  'LinuxContainerUser.supplementalGroups',
  'HorizontalPodAutoscalerStatus.observedGeneration',
]);

/** []byte fields (base64 strings on the wire). */
const BYTES = new Set(['core/v1.Secret.data', 'core/v1.ConfigMap.binaryData']);

/** Go names of named string/map types, for type-mismatch messages. Key: "<typeKey>.<field>" (+ "[]" for elements). */
const NAMED = {
  'core/v1.ServicePort.protocol': 'v1.Protocol',
  'core/v1.ContainerPort.protocol': 'v1.Protocol',
  'core/v1.EndpointPort.protocol': 'v1.Protocol',
  'discovery/v1.EndpointPort.protocol': 'v1.Protocol',
  'networking/v1.NetworkPolicyPort.protocol': 'v1.Protocol',
  'core/v1.ServiceSpec.type': 'v1.ServiceType',
  'core/v1.ServiceSpec.sessionAffinity': 'v1.ServiceAffinity',
  'core/v1.ServiceSpec.externalTrafficPolicy': 'v1.ServiceExternalTrafficPolicy',
  'core/v1.ServiceSpec.internalTrafficPolicy': 'v1.ServiceInternalTrafficPolicy',
  'core/v1.ServiceSpec.ipFamilyPolicy': 'v1.IPFamilyPolicy',
  'core/v1.ServiceSpec.ipFamilies[]': 'v1.IPFamily',
  'core/v1.PodSpec.restartPolicy': 'v1.RestartPolicy',
  'core/v1.PodSpec.dnsPolicy': 'v1.DNSPolicy',
  'core/v1.PodSpec.preemptionPolicy': 'v1.PreemptionPolicy',
  'core/v1.Container.imagePullPolicy': 'v1.PullPolicy',
  'core/v1.Container.terminationMessagePolicy': 'v1.TerminationMessagePolicy',
  'core/v1.Container.restartPolicy': 'v1.ContainerRestartPolicy',
  'core/v1.EphemeralContainer.imagePullPolicy': 'v1.PullPolicy',
  'core/v1.HTTPGetAction.scheme': 'v1.URIScheme',
  'core/v1.Secret.type': 'v1.SecretType',
  'core/v1.Toleration.operator': 'v1.TolerationOperator',
  'core/v1.Toleration.effect': 'v1.TaintEffect',
  'core/v1.Taint.effect': 'v1.TaintEffect',
  'core/v1.PersistentVolumeClaimSpec.accessModes[]': 'v1.PersistentVolumeAccessMode',
  'core/v1.PersistentVolumeSpec.accessModes[]': 'v1.PersistentVolumeAccessMode',
  'core/v1.PersistentVolumeSpec.persistentVolumeReclaimPolicy': 'v1.PersistentVolumeReclaimPolicy',
  'core/v1.ResourceRequirements.limits': 'v1.ResourceList',
  'core/v1.ResourceRequirements.requests': 'v1.ResourceList',
  'core/v1.ResourceQuotaSpec.hard': 'v1.ResourceList',
  'core/v1.ResourceQuotaStatus.hard': 'v1.ResourceList',
  'core/v1.ResourceQuotaStatus.used': 'v1.ResourceList',
  'core/v1.NodeStatus.capacity': 'v1.ResourceList',
  'core/v1.NodeStatus.allocatable': 'v1.ResourceList',
  'core/v1.PersistentVolumeSpec.capacity': 'v1.ResourceList',
  'core/v1.PersistentVolumeClaimStatus.capacity': 'v1.ResourceList',
  'core/v1.VolumeResourceRequirements.limits': 'v1.ResourceList',
  'core/v1.VolumeResourceRequirements.requests': 'v1.ResourceList',
  'core/v1.PodSpec.overhead': 'v1.ResourceList',
  'core/v1.LimitRangeItem.max': 'v1.ResourceList',
  'core/v1.LimitRangeItem.min': 'v1.ResourceList',
  'core/v1.LimitRangeItem.default': 'v1.ResourceList',
  'core/v1.LimitRangeItem.defaultRequest': 'v1.ResourceList',
  'core/v1.LimitRangeItem.maxLimitRequestRatio': 'v1.ResourceList',
  'apps/v1.DeploymentStrategy.type': 'v1.DeploymentStrategyType',
  'apps/v1.DaemonSetUpdateStrategy.type': 'v1.DaemonSetUpdateStrategyType',
  'apps/v1.StatefulSetUpdateStrategy.type': 'v1.StatefulSetUpdateStrategyType',
  'apps/v1.StatefulSetSpec.podManagementPolicy': 'v1.PodManagementPolicyType',
  'networking/v1.HTTPIngressPath.pathType': 'v1.PathType',
  'networking/v1.NetworkPolicySpec.policyTypes[]': 'v1.PolicyType',
  'batch/v1.CronJobSpec.concurrencyPolicy': 'v1.ConcurrencyPolicy',
  'batch/v1.JobSpec.completionMode': 'v1.CompletionMode',
  'discovery/v1.EndpointSlice.addressType': 'v1.AddressType',
};

/** Fields of Kubernetes 1.32 that kubernetes-types 1.30 lacks: "<typeKey>" -> { field: spec }. */
const ADDED = {
  'core/v1.PodSpec': { resources: '@core/v1.ResourceRequirements' },
  'core/v1.PodSecurityContext': { supplementalGroupsPolicy: 's', seLinuxChangePolicy: 's' },
  'core/v1.Volume': { image: '@core/v1.ImageVolumeSource' },
  'core/v1.ImageVolumeSource': { reference: 's', pullPolicy: 's' },
  'core/v1.ResourceClaim': { request: 's' },
  'core/v1.NodeStatus': { features: '@core/v1.NodeFeatures' },
  'core/v1.NodeFeatures': { supplementalGroupsPolicy: 'b' },
  'core/v1.ContainerStatus': { user: '*', allocatedResourcesStatus: '*' },
};

// ---------------------------------------------------------------------------------------------

function listDts(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listDts(p));
    else if (name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** module key ("core/v1") -> { interfaces: Map<name, node>, aliases: Map<name, node>, imports: Map<local, module> } */
const modules = new Map();
for (const file of listDts(typesDir)) {
  const key = relative(typesDir, file).replace(/\\/g, '/').replace(/\.d\.ts$/, '');
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const mod = { interfaces: new Map(), aliases: new Map(), imports: new Map() };
  for (const st of sf.statements) {
    if (ts.isInterfaceDeclaration(st)) mod.interfaces.set(st.name.text, st);
    else if (ts.isTypeAliasDeclaration(st)) mod.aliases.set(st.name.text, st);
    else if (ts.isImportDeclaration(st) && st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings)) {
      const from = join(dirname(key), st.moduleSpecifier.text).replace(/\\/g, '/');
      for (const el of st.importClause.namedBindings.elements) mod.imports.set(el.name.text, from);
    }
  }
  modules.set(key, mod);
}

function resolveRef(modKey, name) {
  const mod = modules.get(modKey);
  if (!mod) throw new Error(`no module ${modKey}`);
  if (mod.interfaces.has(name) || mod.aliases.has(name)) return { modKey, name };
  const from = mod.imports.get(name);
  if (!from) throw new Error(`cannot resolve ${name} in ${modKey}`);
  return resolveRef(from, name);
}

const types = {};
const queue = [];
const numbers = [];

function specOf(node, modKey, owner, field) {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return 's';
    case ts.SyntaxKind.BooleanKeyword:
      return 'b';
    case ts.SyntaxKind.NumberKeyword: {
      const name = owner.split('.').pop();
      numbers.push(`${owner}.${field}`);
      return INT64.has(`${name}.${field}`) || INT64.has(`*.${field}`) ? 'l' : 'i';
    }
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
      return '*';
    case ts.SyntaxKind.LiteralType: // apiVersion: "v1", kind: "Pod"
      return 's';
    case ts.SyntaxKind.UnionType: {
      const kinds = node.types.map((t) => t.kind).sort();
      if (kinds.length === 2 && kinds.includes(ts.SyntaxKind.NumberKeyword) && kinds.includes(ts.SyntaxKind.StringKeyword)) return 'o';
      throw new Error(`unsupported union in ${owner}.${field}`);
    }
    case ts.SyntaxKind.ArrayType:
      return '[' + specOf(node.elementType, modKey, owner, field);
    case ts.SyntaxKind.TypeLiteral: {
      const idx = node.members.find((m) => ts.isIndexSignatureDeclaration(m));
      if (!idx) throw new Error(`unsupported type literal in ${owner}.${field}`);
      return '{' + specOf(idx.type, modKey, owner, field);
    }
    case ts.SyntaxKind.TypeReference: {
      const name = node.typeName.getText();
      if (name === 'Array') return '[' + specOf(node.typeArguments[0], modKey, owner, field);
      if (name === 'Time' || name === 'MicroTime') return 't';
      if (name === 'Quantity') return 'q';
      const ref = resolveRef(modKey, name);
      const mod = modules.get(ref.modKey);
      const alias = mod.aliases.get(ref.name);
      if (alias) return specOf(alias.type, ref.modKey, owner, field);
      const iface = mod.interfaces.get(ref.name);
      if (iface.members.length === 0) return '*'; // RawExtension, FieldsV1: arbitrary JSON
      const key = `${ref.modKey}.${ref.name}`;
      if (!(key in types)) {
        types[key] = null;
        queue.push(key);
      }
      return '@' + key;
    }
    default:
      throw new Error(`unsupported type kind ${ts.SyntaxKind[node.kind]} in ${owner}.${field}`);
  }
}

function emit(key) {
  const dot = key.lastIndexOf('.');
  const modKey = key.slice(0, dot);
  const name = key.slice(dot + 1);
  const iface = modules.get(modKey).interfaces.get(name);
  const fields = {};
  for (const m of iface.members) {
    if (!ts.isPropertySignature(m) || !m.type) continue;
    const field = m.name.getText().replace(/^"|"$/g, '');
    fields[field] = BYTES.has(`${key}.${field}`) ? '{y' : specOf(m.type, modKey, key, field);
  }
  for (const [field, spec] of Object.entries(ADDED[key] ?? {})) {
    if (!(field in fields)) fields[field] = spec;
  }
  types[key] = fields;
}

const kinds = {};
for (const [apiVersion, kind, modKey] of KINDS) {
  const key = `${modKey}.${kind}`;
  kinds[`${apiVersion}/${kind}`] = key;
  if (!(key in types)) {
    types[key] = null;
    queue.push(key);
  }
}
// Types only reachable through ADDED.
for (const fields of Object.values(ADDED)) {
  for (const spec of Object.values(fields)) {
    const m = /@(.+)$/.exec(spec);
    if (m && !(m[1] in types) && modules.get(m[1].slice(0, m[1].lastIndexOf('.')))?.interfaces.has(m[1].slice(m[1].lastIndexOf('.') + 1))) {
      types[m[1]] = null;
      queue.push(m[1]);
    }
  }
}
while (queue.length) emit(queue.shift());
for (const [key, fields] of Object.entries(ADDED)) {
  if (types[key] === undefined || types[key] === null) types[key] = { ...fields };
}

if (process.argv.includes('--numbers')) {
  console.log(numbers.sort().join('\n'));
  process.exit(0);
}

const sortedTypes = Object.fromEntries(Object.keys(types).sort().map((k) => [k, types[k]]));
const json = JSON.stringify({ kinds, types: sortedTypes, named: NAMED });
writeFileSync(outFile, json + '\n');
console.log(`wrote ${relative(root, outFile)}: ${Object.keys(types).length} types, ${json.length} bytes`);
