// scale, label, annotate, set selector, wait, api-resources, api-versions, version, cluster-info
// and config, run through the built binary: messages, effects, errors (exit 1, state unchanged).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { cluster, BIN, ROOT, type TestCluster } from './helpers.js';

const NOW = { KUBESIM_NOW: '2024-05-01T10:00:00Z' };

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
`;

/** A cluster with Deployment + Service `web` applied (clock pinned, so nothing moves by itself). */
function webCluster(): TestCluster {
  const k = cluster(NOW);
  const file = join(k.dir, 'web.yaml');
  writeFileSync(file, MANIFEST);
  k.ok(['apply', '-f', file]);
  return k;
}

const podNames = (k: TestCluster, selector = 'app=web'): string[] =>
  k.ok(['get', 'pods', '-l', selector, '-o', 'jsonpath={.items[*].metadata.name}']).split(' ').filter(Boolean);

/** Start `kubesim ARGS` without waiting for it; resolves with its output when it exits. */
function start(k: TestCluster, args: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, KUBESIM_STATE: k.state, KUBESIM_SEED: '1', NO_COLOR: '1', ...NOW },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ stdout, stderr, code }));
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Run, expect exit 1 with exactly this stderr, nothing on stdout and an untouched state file. */
function failsCleanly(k: TestCluster, args: string[], stderr: string): void {
  const before = k.stateText();
  const r = k.run(args);
  expect(r.stderr).toBe(stderr + '\n');
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(k.stateText()).toBe(before);
}

describe('scale', () => {
  let k: TestCluster;
  beforeAll(() => {
    k = webCluster();
  });
  afterAll(() => k.cleanup());

  it('scales a deployment and its pods follow', () => {
    expect(k.ok(['scale', 'deploy', 'web', '--replicas=3'])).toBe('deployment.apps/web scaled\n');
    expect(k.ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])).toBe('3');
    expect(podNames(k)).toHaveLength(3);
    expect(k.ok(['scale', '--replicas=1', 'deployment/web'])).toBe('deployment.apps/web scaled\n');
    expect(podNames(k)).toHaveLength(1);
  });

  it('scales a replica set by TYPE/NAME, and -o name prints the name only', () => {
    const rs = k.ok(['get', 'rs', '-o', 'jsonpath={.items[0].metadata.name}']);
    expect(k.ok(['scale', `rs/${rs}`, '--replicas=1', '-o', 'name'])).toBe(`replicaset.apps/${rs}\n`);
  });

  it('--dry-run=client changes nothing', () => {
    const before = k.stateText();
    expect(k.ok(['scale', 'deploy', 'web', '--replicas=5', '--dry-run=client'])).toBe('deployment.apps/web scaled (dry run)\n');
    expect(k.stateText()).toBe(before);
  });

  it('checks --current-replicas', () => {
    failsCleanly(k, ['scale', 'deploy', 'web', '--current-replicas=4', '--replicas=2'], 'error: Expected replicas to be 4, was 1');
    expect(k.ok(['scale', 'deploy', 'web', '--current-replicas=1', '--replicas=2'])).toBe('deployment.apps/web scaled\n');
  });

  it('refuses without --replicas, bad counts, unknown objects and unscalable kinds', () => {
    failsCleanly(k, ['scale', 'deploy', 'web'], 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    failsCleanly(k, ['scale', 'deploy', 'web', '--replicas=-1'], 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    failsCleanly(
      k,
      ['scale', 'deploy', 'web', '--replicas=two'],
      `Error: invalid argument "two" for "--replicas" flag: strconv.ParseInt: parsing "two": invalid syntax\nSee 'kubesim scale --help' for usage.`,
    );
    failsCleanly(k, ['scale', 'deploy', 'nope', '--replicas=2'], 'Error from server (NotFound): deployments.apps "nope" not found');
    failsCleanly(k, ['scale', 'svc', 'web', '--replicas=2'], 'Error from server (NotFound): the server could not find the requested resource');
    failsCleanly(k, ['scale', 'deploy', '--replicas=2'], 'error: resource(s) were provided, but no name was specified');
  });
});

describe('label', () => {
  let k: TestCluster;
  let pod: string;
  beforeAll(() => {
    k = webCluster();
    pod = podNames(k)[0];
  });
  afterAll(() => k.cleanup());
  const labelsOf = (name: string) => JSON.parse(k.ok(['get', 'pod', name, '-o', 'json'])).metadata.labels;

  it('adds, refuses to overwrite, overwrites, and says when nothing changed', () => {
    expect(k.ok(['label', 'pod', pod, 'tier=frontend'])).toBe(`pod/${pod} labeled\n`);
    expect(labelsOf(pod).tier).toBe('frontend');
    failsCleanly(k, ['label', 'pod', pod, 'tier=backend'], "error: 'tier' already has a value (frontend), and --overwrite is false");
    expect(k.ok(['label', 'pod', pod, 'tier=frontend'])).toBe(`pod/${pod} not labeled\n`);
    expect(k.ok(['label', '--overwrite', `pod/${pod}`, 'tier=backend'])).toBe(`pod/${pod} labeled\n`);
    expect(labelsOf(pod).tier).toBe('backend');
  });

  it('removes labels, telling about the ones that were not there', () => {
    expect(k.ok(['label', 'pod', pod, 'tier-'])).toBe(`pod/${pod} unlabeled\n`);
    expect(labelsOf(pod).tier).toBeUndefined();
    expect(k.ok(['label', 'pod', pod, 'nope-'])).toBe(`label "nope" not found.\npod/${pod} not labeled\n`);
  });

  it('labels every match of -l, and lists labels', () => {
    const names = podNames(k);
    expect(k.ok(['label', 'pods', '-l', 'app=web', 'env=dev'])).toBe(names.map((n) => `pod/${n} labeled\n`).join(''));
    expect(k.ok(['label', 'pod', pod, '--list'])).toBe(`app=web\nenv=dev\npod-template-hash=${labelsOf(pod)['pod-template-hash']}\n`);
    expect(k.ok(['label', 'pods', '--all', 'env-', '-o', 'name'])).toBe(names.map((n) => `pod/${n}\n`).join(''));
  });

  it('--dry-run=client prints without changing', () => {
    const before = k.stateText();
    expect(k.ok(['label', 'pod', pod, 'x=1', '--dry-run=client'])).toBe(`pod/${pod} labeled (dry run)\n`);
    expect(k.stateText()).toBe(before);
  });

  it('lets the ReplicaSet release a pod whose labels no longer match, and replace it', () => {
    expect(k.ok(['label', 'pod', pod, 'app=debug', '--overwrite'])).toBe(`pod/${pod} labeled\n`);
    const released = JSON.parse(k.ok(['get', 'pod', pod, '-o', 'json']));
    expect(released.metadata.labels.app).toBe('debug');
    expect(released.metadata.ownerReferences).toBeUndefined();
    const matching = podNames(k);
    expect(matching).toHaveLength(2);
    expect(matching).not.toContain(pod);
  });

  it('reports invalid keys with the server\'s message and invalid values with kubectl\'s', () => {
    failsCleanly(
      k,
      ['label', 'deploy', 'web', 'Bad_Key_=v'],
      `The Deployment "web" is invalid: metadata.labels: Invalid value: "Bad_Key_": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
    failsCleanly(
      k,
      ['label', 'deploy', 'web', 'k=-bad'],
      `error: invalid label value: "k=-bad": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  });

  it('refuses bad arguments before touching anything', () => {
    failsCleanly(k, ['label', 'pod', pod], 'error: at least one label update is required');
    failsCleanly(k, ['label', 'a=b'], 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
    failsCleanly(k, ['label', 'pod', 'a=b', pod], `error: all resources must be specified before label changes: ${pod}`);
    failsCleanly(k, ['label', 'pod', pod, 'a=b', 'a-'], 'error: can not both modify and remove a label in the same command');
    failsCleanly(k, ['label', 'pods', '--all', '-l', 'app=web', 'a=b'], 'error: cannot set --all and --selector at the same time');
    failsCleanly(k, ['label', 'pod', 'nope', 'a=b'], 'Error from server (NotFound): pods "nope" not found');
    failsCleanly(
      k,
      ['label', 'deploy', 'web', 'a=b', '--resource-version=1'],
      'Error from server (Conflict): Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('labels the objects that exist and reports the missing ones', () => {
    const r = k.run(['label', 'deploy', 'web', 'nope', 'ok=1']);
    expect(r.stdout).toBe('deployment.apps/web labeled\n');
    expect(r.stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(r.code).toBe(1);
  });
});

describe('annotate', () => {
  let k: TestCluster;
  beforeAll(() => {
    k = webCluster();
  });
  afterAll(() => k.cleanup());
  const annotations = () => JSON.parse(k.ok(['get', 'svc', 'web', '-o', 'json'])).metadata.annotations ?? {};

  it('adds, refuses to overwrite, overwrites and removes', () => {
    expect(k.ok(['annotate', 'svc', 'web', 'note=first one', 'owner=me'])).toBe('service/web annotated\n');
    expect(annotations()).toMatchObject({ note: 'first one', owner: 'me' });
    failsCleanly(
      k,
      ['annotate', 'svc', 'web', 'note=second', 'owner=you'],
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (first one); 'owner' already has a value (me)",
    );
    expect(k.ok(['annotate', 'svc/web', 'note=a=b', '--overwrite', '-o', 'jsonpath={.metadata.annotations.note}'])).toBe('a=b');
    expect(k.ok(['annotate', 'svc', 'web', 'owner-'])).toBe('service/web annotated\n');
    expect(annotations().owner).toBeUndefined();
  });

  it('lists annotations', () => {
    expect(k.ok(['annotate', 'svc', 'web', '--list']).split('\n')).toContain('note=a=b');
  });

  it('refuses modify-and-remove', () => {
    failsCleanly(k, ['annotate', 'svc', 'web', 'a=1', 'a-'], 'error: can not both modify and remove the following annotation(s) in the same command: a');
    failsCleanly(k, ['annotate', 'svc', 'web'], 'error: at least one annotation update is required');
  });
});

describe('set selector', () => {
  let k: TestCluster;
  beforeAll(() => {
    k = webCluster();
  });
  afterAll(() => k.cleanup());
  const endpoints = () => k.ok(['get', 'endpoints', 'web', '-o', 'jsonpath={.subsets[*].addresses[*].ip}']).split(' ').filter(Boolean);

  it('replaces a Service selector and the endpoints follow', () => {
    expect(endpoints()).toHaveLength(2);
    expect(k.ok(['set', 'selector', 'svc', 'web', 'app=other'])).toBe('service/web selector updated\n');
    expect(JSON.parse(k.ok(['get', 'svc', 'web', '-o', 'json'])).spec.selector).toEqual({ app: 'other' });
    expect(endpoints()).toHaveLength(0);
    expect(k.ok(['set', 'selector', 'service/web', 'app=web'])).toBe('service/web selector updated\n');
    expect(endpoints()).toHaveLength(2);
  });

  it('refuses other kinds, set-based expressions and missing selectors', () => {
    failsCleanly(k, ['set', 'selector', 'deploy', 'web', 'app=x'], 'error: setting a selector is only supported for Services');
    failsCleanly(k, ['set', 'selector', 'svc', 'web', 'app in (a,b)'], 'error: match expression [{app In [a b]}] not supported on this object');
    failsCleanly(k, ['set', 'selector', 'svc', 'web', 'app!=x'], 'error: "!=" is not a valid label selector operator');
    failsCleanly(k, ['set', 'selector'], 'error: one selector is required');
    failsCleanly(k, ['set', 'selector', 'svc', 'nope', 'app=x'], 'Error from server (NotFound): services "nope" not found');
  });
});

describe('wait', () => {
  let k: TestCluster;
  let pods: string[];
  beforeAll(() => {
    k = webCluster();
    pods = podNames(k);
  });
  afterAll(() => k.cleanup());

  it('returns at once for a new Deployment and its Ready pods', () => {
    expect(k.ok(['wait', '--for=condition=Available', 'deploy/web'])).toBe('deployment.apps/web condition met\n');
    expect(k.ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=web'])).toBe(pods.map((p) => `pod/${p} condition met\n`).join(''));
    expect(k.ok(['wait', '--for', 'condition=ready=TRUE', 'pods', ...pods])).toBe(pods.map((p) => `pod/${p} condition met\n`).join(''));
    expect(k.ok(['wait', `--for=jsonpath={.status.phase}=Running`, `pod/${pods[0]}`])).toBe(`pod/${pods[0]} condition met\n`);
    expect(k.ok(['wait', '--for=jsonpath={.status.readyReplicas}=2', 'deployment', 'web', '-o', 'name'])).toBe('deployment.apps/web\n');
    expect(k.ok(['wait', '--for=create', `pod/${pods[0]}`])).toBe(`pod/${pods[0]} condition met\n`);
  });

  it('times out after --timeout with kubectl\'s message', () => {
    const start = Date.now();
    failsCleanly(k, ['wait', '--for=condition=Ready=false', `pod/${pods[0]}`, '--timeout=1s'], `error: timed out waiting for the condition on pods/${pods[0]}`);
    const took = Date.now() - start;
    expect(took).toBeGreaterThanOrEqual(1000);
    expect(took).toBeLessThan(15_000);
  });

  it('checks once with --timeout=0', () => {
    failsCleanly(k, ['wait', '--for=condition=Ready=false', `pod/${pods[0]}`, '--timeout=0'], `error: condition not met for pods/${pods[0]}`);
    expect(k.ok(['wait', '--for=condition=Ready', `pod/${pods[0]}`, '--timeout=0'])).toBe(`pod/${pods[0]} condition met\n`);
  });

  it('sees changes other commands make while it waits (the state is not locked while it sleeps)', async () => {
    const waiting = start(k, ['wait', '--for=jsonpath={.spec.replicas}=3', 'deploy/web', '--timeout=20s']);
    await pause(700);
    expect(k.ok(['scale', 'deploy', 'web', '--replicas=3'])).toBe('deployment.apps/web scaled\n');
    expect(await waiting).toEqual({ stdout: 'deployment.apps/web condition met\n', stderr: '', code: 0 });

    const gone = start(k, ['wait', '--for=delete', `pod/${pods[1]}`, '--timeout=20s']);
    await pause(700);
    k.ok(['delete', 'pod', pods[1]]);
    expect(await gone).toEqual({ stdout: `pod/${pods[1]} condition met\n`, stderr: '', code: 0 });
  });

  it('waits for deletion (already gone is met at once)', () => {
    const r = k.run(['wait', '--for=delete', 'pod/nope']);
    expect(r).toEqual({ stdout: '', stderr: '', code: 0 });
    failsCleanly(k, ['wait', '--for=delete', `pod/${pods[0]}`, '--timeout=0'], `error: condition not met for pods/${pods[0]}`);
  });

  it('reports what there is nothing to wait for, or no way to wait', () => {
    failsCleanly(k, ['wait', '--for=condition=Ready', 'pod', '-l', 'app=nope'], 'error: no matching resources found');
    failsCleanly(k, ['wait', '--for=condition=Ready', 'pod/nope'], 'Error from server (NotFound): pods "nope" not found');
    failsCleanly(k, ['wait', `pod/${pods[0]}`], 'error: unrecognized condition: ""');
    failsCleanly(k, ['wait', '--for=create', 'pod/nope', '--timeout=300ms'], 'error: timed out waiting for the condition');
    failsCleanly(
      k,
      ['wait', '--for=condition=Ready', 'pod/x', '--timeout=5'],
      `Error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\nSee 'kubesim wait --help' for usage.`,
    );
  });
});

describe('discovery and version', () => {
  let k: TestCluster;
  beforeAll(() => {
    k = cluster(NOW);
  });
  afterAll(() => k.cleanup());

  it('api-resources prints the table, api-versions the group/versions', () => {
    const lines = k.ok(['api-resources']).split('\n');
    expect(lines[0].split(/ +/)).toEqual(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
    expect(lines.find((l) => l.startsWith('services '))?.split(/ +/)).toEqual(['services', 'svc', 'v1', 'true', 'Service']);
    expect(k.ok(['api-resources', '--namespaced=false', '-o', 'name']).split('\n')).toContain('nodes');
    expect(k.ok(['api-resources', '--api-group=networking.k8s.io', '-o', 'name'])).toBe(
      'ingressclasses.networking.k8s.io\ningresses.networking.k8s.io\nnetworkpolicies.networking.k8s.io\n',
    );
    expect(k.ok(['api-versions']).split('\n')).toEqual(expect.arrayContaining(['apps/v1', 'networking.k8s.io/v1', 'v1']));
    failsCleanly(k, ['api-resources', '-o', 'json'], 'error: --output json is not available');
  });

  it('version', () => {
    expect(k.ok(['version'])).toBe('Client Version: v1.32.2\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n');
    expect(k.ok(['version', '--client'])).toBe('Client Version: v1.32.2\nKustomize Version: v5.5.0\n');
    expect(JSON.parse(k.ok(['version', '-o', 'json'])).serverVersion.gitVersion).toBe('v1.32.2');
    failsCleanly(k, ['version', '-o', 'wide'], "error: --output must be 'yaml' or 'json'");
  });

  it('cluster-info (no colours off a terminal)', () => {
    expect(k.ok(['cluster-info'])).toBe(
      'Kubernetes control plane is running at https://127.0.0.1:6443\n' +
        'CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n' +
        "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
});

describe('config', () => {
  let k: TestCluster;
  beforeAll(() => {
    k = cluster(NOW);
  });
  afterAll(() => k.cleanup());

  it('shows the one context', () => {
    expect(k.ok(['config', 'current-context'])).toBe('kubesim\n');
    expect(k.ok(['config', 'get-contexts'])).toBe('CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE\n*         kubesim   kubesim   kubesim    \n');
    expect(k.ok(['config', 'view'])).toContain('current-context: kubesim\n');
    expect(k.ok(['config', 'use-context', 'kubesim'])).toBe('Switched to context "kubesim".\n');
    failsCleanly(k, ['config', 'use-context', 'nope'], 'error: no context exists with the name: "nope"');
  });

  it('set-context --current --namespace changes the namespace every later command uses', () => {
    expect(k.ok(['config', 'set-context', '--current', '--namespace=kube-system'])).toBe('Context "kubesim" modified.\n');
    expect(k.ok(['config', 'get-contexts'])).toBe(
      'CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE\n*         kubesim   kubesim   kubesim    kube-system\n',
    );
    expect(k.ok(['config', 'view', '--minify', '-o', 'jsonpath={..namespace}'])).toBe('kube-system');
    expect(k.ok(['get', 'pods', '-o', 'name'])).toContain('pod/etcd-');
    expect(k.ok(['config', 'set-context', '--current', '--namespace=default'])).toBe('Context "kubesim" modified.\n');
    expect(k.ok(['get', 'pods', '-o', 'name'])).not.toContain('pod/etcd-');
  });
});
