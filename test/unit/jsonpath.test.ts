// printJsonPath compared byte for byte with the real kubectl 1.32 (reference §6, §7): stdout,
// stderr and exit code of `kubectl label --local -f DOC o=o --overwrite -o jsonpath=TEMPLATE`.
// List-shaped documents keep their array under `list` (kubectl flattens top-level `items`);
// templates are written with `.items` and rewritten the same way for both engines.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printJsonPath } from '../../src/printers/jsonpath.js';
import { exitCodeOf, formatError } from '../../src/util/errors.js';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).error === undefined;

// ---------------------------------------------------------------------------------------------
// Realistic objects

const pods = [
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-7c5ddbdf54-x8f2k',
      namespace: 'default',
      uid: '5c1e2a9e-0b1d-4a55-9a51-6f7f0f0f1a01',
      creationTimestamp: '2024-05-01T10:00:00Z',
      generateName: 'web-7c5ddbdf54-',
      labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' },
      annotations: { 'kubernetes.io/change-cause': 'kubectl apply --filename=web.yaml' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7c5ddbdf54', controller: true, blockOwnerDeletion: true, uid: 'r1' }],
    },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.25',
          ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
        },
        { name: 'sidecar', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'], resources: { limits: { cpu: '100m' } } },
      ],
      nodeName: 'kind-control-plane',
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
    },
    status: {
      phase: 'Running',
      podIP: '10.244.0.5',
      podIPs: [{ ip: '10.244.0.5' }],
      hostIP: '172.18.0.2',
      startTime: '2024-05-01T10:00:01Z',
      qosClass: 'Burstable',
      conditions: [
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: '2024-05-01T10:00:01Z' },
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2024-05-01T10:00:05Z' },
      ],
      containerStatuses: [
        { name: 'nginx', ready: true, restartCount: 0, image: 'docker.io/library/nginx:1.25', started: true, state: { running: { startedAt: '2024-05-01T10:00:04Z' } } },
        { name: 'sidecar', ready: true, restartCount: 1, image: 'docker.io/library/busybox:1.36', started: true, state: { running: { startedAt: '2024-05-01T10:02:00Z' } } },
      ],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'db', namespace: 'default', creationTimestamp: null, labels: { app: 'db', tier: 'backend' } },
    spec: { containers: [{ name: 'postgres', image: 'postgres:16', ports: [{ containerPort: 5432 }], resources: {} }] },
    status: {
      phase: 'Pending',
      qosClass: 'BestEffort',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/1 nodes are available: 1 node(s) had untolerated taint.' }],
      containerStatuses: [{ name: 'postgres', ready: false, restartCount: 3, image: 'postgres:16', state: { waiting: { reason: 'CrashLoopBackOff' } } }],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'client', namespace: 'default', labels: { run: 'client' } },
    spec: { containers: [{ name: 'client', image: 'curlimages/curl', args: ['sleep', 'infinity'] }], nodeName: 'kind-worker' },
    status: { phase: 'Succeeded', podIP: '10.244.1.7', hostIP: '172.18.0.3' },
  },
];

const services = [
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      type: 'LoadBalancer',
      selector: { app: 'web' },
      clusterIP: '10.96.120.15',
      clusterIPs: ['10.96.120.15'],
      ports: [
        { name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' },
        { name: 'https', port: 443, targetPort: 'https', nodePort: 30443, protocol: 'TCP' },
      ],
      externalTrafficPolicy: 'Cluster',
    },
    status: { loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'legacy-lb', namespace: 'default' },
    spec: { type: 'LoadBalancer', clusterIP: '10.96.7.7', ports: [{ port: 8080, targetPort: 8080, nodePort: 31000, protocol: 'TCP' }] },
    status: { loadBalancer: { ingress: [{ ip: '203.0.113.50' }] } },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }] },
    status: { loadBalancer: {} },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'ext', namespace: 'default' },
    spec: { type: 'ExternalName', externalName: 'example.com' },
    status: { loadBalancer: {} },
  },
];

const nodes = [
  {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'kind-control-plane',
      labels: { 'kubernetes.io/hostname': 'kind-control-plane', 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/os': 'linux' },
    },
    spec: { podCIDR: '10.244.0.0/24', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
    status: {
      addresses: [
        { type: 'InternalIP', address: '172.18.0.2' },
        { type: 'Hostname', address: 'kind-control-plane' },
      ],
      capacity: { cpu: '8', memory: '16365060Ki', pods: '110' },
      nodeInfo: { kubeletVersion: 'v1.32.2', containerRuntimeVersion: 'containerd://2.0.2' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'kind-worker', labels: { 'kubernetes.io/hostname': 'kind-worker', 'kubernetes.io/os': 'linux' } },
    spec: { podCIDR: '10.244.1.0/24' },
    status: {
      addresses: [
        { type: 'InternalIP', address: '172.18.0.3' },
        { type: 'ExternalIP', address: '203.0.113.10' },
        { type: 'Hostname', address: 'kind-worker' },
      ],
      capacity: { cpu: '4', memory: '8Gi', pods: '110' },
      nodeInfo: { kubeletVersion: 'v1.32.2', containerRuntimeVersion: 'containerd://2.0.2' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
    },
  },
];

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'default',
    generation: 2,
    labels: { app: 'web', o: 'o' },
    annotations: { 'deployment.kubernetes.io/revision': '2' },
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    strategy: {},
    template: {
      metadata: { creationTimestamp: null, labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', resources: {} }] },
    },
  },
  status: {
    replicas: 3,
    readyReplicas: 2,
    availableReplicas: 2,
    updatedReplicas: 3,
    observedGeneration: 2,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
  },
};

/** A list document the oracle does not flatten: the array lives under `list`. */
const listDoc = (name: string, items: object[]) => ({
  apiVersion: 'example.com/v1',
  kind: 'Foo',
  metadata: { name, labels: { o: 'o' }, resourceVersion: '' },
  list: items,
  num: 3,
  ratio: 0.25,
});

const DOCS = {
  pods: listDoc('pods', pods),
  services: listDoc('services', services),
  nodes: listDoc('nodes', nodes),
  deployment,
};
type DocName = keyof typeof DOCS;

// ---------------------------------------------------------------------------------------------
// Cases: [document, template, options]

interface Case {
  doc: DocName;
  template: string;
  /** kubectl walks maps in random order: compare the space-separated words sorted. */
  anyOrder?: boolean;
  asJson?: boolean;
  noMissingKeys?: boolean;
}

const c = (doc: DocName, template: string, extra: Partial<Case> = {}): Case => ({ doc, template, ...extra });

const CASES: Case[] = [
  // fields, wildcards, literals, text
  c('pods', '{.items[*].metadata.name}'),
  c('pods', '{.items[0].status.podIP}'),
  c('pods', 'names: {.items[*].metadata.name} (done)'),
  c('pods', '{.items[*].metadata.name}{"\\n"}'),
  c('pods', '{.items[0].metadata.labels}'),
  c('pods', '{.items[0].metadata.labels.app} {.items[0].metadata.labels.pod-template-hash}'),
  c('pods', '{.items[0].metadata.annotations.kubernetes\\.io/change-cause}'),
  c('pods', "{.items[0].metadata['labels']['app']} {.items[*]['metadata']['name']}"),
  c('pods', '{.items[0].spec.containers[0].ports[0].containerPort}'),
  c('pods', '{.items[0].spec}'),
  c('pods', '{.items[1].metadata.creationTimestamp}|{.items[0].status.conditions[0].lastProbeTime}'),
  c('pods', '{.num} {.ratio} {.kind} {.metadata.resourceVersion}|'),
  c('pods', '{"literal"} {\'single\'} {"tab\\there"} {42} {-7} {2.50} {true} {false}'),
  c('pods', '{.missing} {.items[*].status.podIP} {.items[*].spec.nodeName}'),
  c('pods', '{$.items[0].metadata.name} {@.items[1].metadata.name}'),
  c('pods', '{ .items[0].metadata.name }'),
  c('pods', '{.items[0].spec.containers[*].image}'),
  c('pods', '{.items[*].spec.containers[*].ports[*].containerPort}'),
  c('pods', '{.items[*].status.containerStatuses[*].restartCount}'),
  c('pods', '{.items[0].spec.containers[1].command}'),
  // indexes, slices, unions
  c('pods', '{.items[-1].metadata.name} {.items[-2].metadata.name}'),
  c('pods', '{.items[-2:].metadata.name}'),
  c('pods', '{.items[0:2].metadata.name}'),
  c('pods', '{.items[::2].metadata.name}'),
  c('pods', '{.items[1:].metadata.name} {.items[:1].metadata.name}'),
  c('pods', '{.items[0,2].metadata.name}'),
  c('pods', "{.items[0]['metadata','kind']}"),
  c('pods', '{.items[2:2].metadata.name}|'),
  // filters
  c('pods', '{.items[?(@.status.phase=="Running")].metadata.name}'),
  c('pods', '{.items[?(@.status.phase != "Running")].metadata.name}'),
  c('pods', "{.items[?(@.metadata.name=='db')].status.phase}"),
  c('pods', '{.items[?(@.status.containerStatuses[0].restartCount>0)].metadata.name}'),
  c('pods', '{.items[?(@.spec.containers[0].ports[0].containerPort<=80)].metadata.name}'),
  c('pods', '{.items[?(@.spec.nodeName)].metadata.name}'),
  c('pods', '{.items[*].status.conditions[?(@.type=="Ready")].status}'),
  c('pods', '{.items[0].status.containerStatuses[?(@.ready==true)].name}'),
  c('pods', '{.items[?(@.status.podIP)].status.podIP}'),
  c('pods', '{.items[0].status.conditions[?(@.lastProbeTime)].type}'),
  // range / end
  c('pods', '{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'),
  c('pods', "{range .items[*]}{.metadata.name}{' '}{.status.phase}{'\\n'}{end}"),
  c('pods', '{range .items[*]}{.metadata.name}:{range .spec.containers[*]} {.name}={.image}{end}{"\\n"}{end}'),
  c('pods', '{range .items[*]}[{.metadata.name}]{end} after {.num}'),
  c('pods', '{range .items[?(@.status.phase=="Nope")]}{.metadata.name}{end}none'),
  c('pods', '{range .items[*].status.conditions[*]}{.type}{" "}{end}'),
  c('pods', '{range .items[*]}{.metadata.name}'),
  c('pods', '{range .items[0].status.conditions[*]}{.lastProbeTime}{","}{end}'),
  // recursive descent
  c('pods', '{..podIP}'),
  c('pods', '{..containerPort}'),
  c('pods', '{.items[*]..restartCount}'),
  c('pods', '{.items[0].metadata..name}'),
  // services
  c('services', '{.items[*].status.loadBalancer.ingress[0].ip}'),
  c('services', 'http://{.items[1].status.loadBalancer.ingress[0].*}:8080'),
  c('services', 'http://{.items[0].status.loadBalancer.ingress[0].*}:8080', { anyOrder: true }),
  c('services', '{.items[?(@.spec.type=="LoadBalancer")].status.loadBalancer.ingress[*].ip}'),
  c('services', '{.items[*].spec.ports[?(@.name=="http")].nodePort}'),
  c('services', '{range .items[*]}{.metadata.name}{" "}{.spec.clusterIP}{" "}{.spec.ports[*].port}{"\\n"}{end}'),
  c('services', '{.items[?(@.spec.ports[0].port==443)].metadata.name}'),
  c('services', '{.items[?(@.spec.ports[0].port>=8080)].metadata.name}'),
  c('services', '{.items[*].spec.ports[*].targetPort}'),
  c('services', '{.items[0].spec.selector} {.items[0].spec.clusterIPs}'),
  c('services', '{.items[2].status.loadBalancer} {.items[2].status.loadBalancer.ingress[0].ip}|'),
  // nodes
  c('nodes', '{.items[*].status.addresses[?(@.type=="ExternalIP")].address}'),
  c('nodes', '{.items[*].status.addresses[?(@.type=="InternalIP")].address}'),
  c('nodes', '{range .items[*]}{.metadata.name}:{range .status.addresses[*]} {.type}={.address}{end}{"\\n"}{end}'),
  c('nodes', '{.items[*].metadata.labels.kubernetes\\.io/hostname}'),
  c('nodes', '{.items[0].metadata.labels.node-role\\.kubernetes\\.io/control-plane}|'),
  c('nodes', '{.items[0].status.capacity} {.items[*].status.capacity.cpu}'),
  c('nodes', '{.items[?(@.spec.taints)].metadata.name} {.items[*].spec.taints[*].effect}'),
  c('nodes', '{.items[0].status.capacity.*}', { anyOrder: true }),
  c('nodes', '{.items[0].status.nodeInfo..kubeletVersion}'),
  // a single object
  c('deployment', '{.spec.replicas}'),
  c('deployment', '{.status.availableReplicas}/{.status.replicas}'),
  c('deployment', '{.status.conditions[?(@.type=="Available")].status}'),
  c('deployment', '{.spec.template.spec.containers[0].image}'),
  c('deployment', '{.spec.template.metadata.labels}'),
  c('deployment', '{.spec.strategy} {.spec.template.spec.containers[0].resources} {.spec.template.metadata.creationTimestamp}'),
  c('deployment', '{.metadata.annotations.deployment\\.kubernetes\\.io/revision}'),
  c('deployment', '{range .status.conditions[*]}{.type}={.status}{"\\n"}{end}'),
  c('deployment', '.metadata.name'),
  c('deployment', ''),
  // jsonpath-as-json
  c('pods', '{.items[*].metadata.name}', { asJson: true }),
  c('pods', '{.items[0].metadata.labels}', { asJson: true }),
  c('pods', 'text {.items[0].spec.containers[0].ports} {.missing}', { asJson: true }),
  c('pods', '{range .items[*]}{.metadata.name}{end}', { asJson: true }),
  c('services', '{.items[*].spec.ports[*].port}{.items[0].status}', { asJson: true }),
  c('nodes', '{.items[*].status.addresses[?(@.type=="ExternalIP")].address}', { asJson: true }),
  c('deployment', '{.spec.replicas}{.spec.template.metadata.creationTimestamp}{true}{1.5}', { asJson: true }),
  // missing keys not allowed
  c('pods', '{.items[*].metadata.name}', { noMissingKeys: true }),
  c('pods', '{.items[*].status.podIP}', { noMissingKeys: true }),
  c('pods', '{.items[0].missing}', { noMissingKeys: true }),
  c('pods', '{range .items[?(@.status.phase=="Nope")]}{.metadata.name}{end}x', { noMissingKeys: true }),
  // parse errors
  c('pods', '{.items[*].metadata.name'),
  c('pods', '{.items[0}'),
  c('pods', '{.items[?(@.status.phase=="Running"}'),
  c('pods', '{.items[?(@.status.phase=="Running")x}'),
  c('pods', '{"abc}'),
  c('pods', '{.items[a]}'),
  c('pods', '{.items[1.5]}'),
  c('pods', '{.items[-]}'),
  c('pods', '{#}'),
  c('pods', '{.items[*]\t.metadata}'),
  c('pods', '{....name}'),
  c('pods', '{.items[?(@.status.phase=~"Run")]}'),
  c('pods', '{1.2.3}'),
  c('pods', "{'\\\"'}"),
  c('pods', '{range .items[*]}\n{end}'),
  // execution errors
  c('pods', '{.items[5]}'),
  c('pods', '{.items[-4]}'),
  c('pods', '{.items[0:9]}'),
  c('pods', '{.items[2:1]}'),
  c('pods', '{.items[::0]}'),
  c('pods', '{end}'),
  c('pods', '{foo}'),
  c('pods', '{.num[0]}'),
  c('pods', '{.ratio[0]}'),
  c('pods', '{.items[0].metadata[0]}'),
  c('pods', '{.items[0].metadata.name[0]}'),
  c('pods', '{.items[0].metadata.labels[?(@.x)]}'),
  c('pods', '{.items[?(@.spec.containers[*].name=="nginx")].metadata.name}'),
  c('pods', '{.items[?(@.metadata.name>1)].metadata.name}'),
  c('pods', '{.items[?(@.status.phase=1.5)].metadata.name}'),
  c('pods', '{.items[0].status.containerStatuses[?(@.ready<true)].name}'),
  c('pods', '{.items[0].status.conditions[?(@.lastProbeTime=="x")].type}'),
  c('services', '{.items[?(@.spec.ports[0].targetPort=="https")].metadata.name}'),
  c('deployment', '{.spec.template.spec.containers[1]}'),
];

/** `.items` → `.list` (and `items[` in unions), for both engines. */
const rewrite = (template: string): string => template.replace(/\bitems\b/g, 'list');

interface Outcome {
  stdout: string;
  stderr: string;
  status: number;
}

const dir = hasKubectl ? mkdtempSync(join(tmpdir(), 'kubesim-jsonpath-')) : '';
const docFile = (name: DocName): string => join(dir, `${name}.json`);

function kubectl(tc: Case): Outcome {
  const format = `${tc.asJson ? 'jsonpath-as-json' : 'jsonpath'}=${rewrite(tc.template)}`;
  const args = ['label', '--local', '-f', docFile(tc.doc), 'o=o', '--overwrite', '-o', format];
  if (tc.noMissingKeys) args.push('--allow-missing-template-keys=false');
  try {
    const stdout = execFileSync('kubectl', args, {
      encoding: 'utf8',
      env: { ...process.env, KUBECONFIG: '/nonexistent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { stdout, stderr: '', status: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; status: number };
    return { stdout: err.stdout, stderr: err.stderr, status: err.status };
  }
}

function ours(tc: Case): Outcome {
  try {
    const stdout = printJsonPath(rewrite(tc.template), DOCS[tc.doc], { asJson: tc.asJson, allowMissingKeys: !tc.noMissingKeys });
    return { stdout, stderr: '', status: 0 };
  } catch (e) {
    // The CLI's top level prints like kubectl's CheckErr: a newline only if the text lacks one.
    const text = formatError(e);
    return { stdout: '', stderr: text.endsWith('\n') ? text : text + '\n', status: exitCodeOf(e) };
  }
}

/**
 * For templates that walk a map with `*` (Go's random order in kubectl): the output with the
 * template's literal prefix and suffix removed, as a sorted set of words.
 */
const words = (s: string, template = ''): string => {
  const prefix = template.slice(0, Math.max(0, template.indexOf('{')));
  const suffix = template.slice(template.lastIndexOf('}') + 1);
  let core = s;
  if (prefix && core.startsWith(prefix)) core = core.slice(prefix.length);
  if (suffix && core.endsWith(suffix)) core = core.slice(0, core.length - suffix.length);
  return core.split(/\s+/).sort().join(' ');
};

describe.skipIf(!hasKubectl)(`printJsonPath vs kubectl 1.32${hasKubectl ? '' : ' (skipped: kubectl is not on PATH)'}`, () => {
  if (hasKubectl) for (const name of Object.keys(DOCS) as DocName[]) writeFileSync(docFile(name), JSON.stringify(DOCS[name]));

  it('has a large enough table', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(45);
    expect(CASES.filter((tc) => tc.template.includes('?(')).length).toBeGreaterThan(10);
  });

  it.each(CASES.map((tc) => [`${tc.doc}${tc.asJson ? ' as-json' : ''}${tc.noMissingKeys ? ' strict' : ''}: ${tc.template}`, tc] as const))(
    '%s',
    (_title, tc) => {
      const want = kubectl(tc);
      const got = ours(tc);
      if (tc.anyOrder) {
        expect(got.status).toBe(0);
        expect(want.status).toBe(0);
        expect(words(got.stdout, tc.template)).toBe(words(want.stdout, tc.template));
      } else {
        expect(got).toEqual(want);
      }
    },
  );
});

describe('printJsonPath without the oracle', () => {
  it('prints strings raw, maps and arrays as compact sorted HTML-escaped JSON', () => {
    const data = { s: 'a<b>&c', m: { z: 1, a: ['x', '<'] }, f: 1234567.5, n: null };
    expect(printJsonPath('{.s} {.m} {.f} {.n}', data)).toBe('a<b>&c {"a":["x","\\u003c"],"z":1} 1.2345675e+06 null');
  });

  it('walks maps in sorted key order for * and ..', () => {
    const data = { b: { name: 'B' }, a: { name: 'A', c: { name: 'C' } } };
    expect(printJsonPath('{.*.name}', data)).toBe('A B');
    expect(printJsonPath('{..name}', data)).toBe('A C B');
  });

  it('reports parse errors as kubectl does', () => {
    expect(() => printJsonPath('{.a', {})).toThrow('error: error parsing jsonpath {.a, unclosed action');
  });
});
