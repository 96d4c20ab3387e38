// The controllers, seen through kubectl: cascading and orphan deletes, namespace deletion,
// the scheduler spreading pods, ReplicaSets adopting and releasing pods by label, the
// `kubernetes` Service coming back, and `get -w` printing changes.
import { describe, it, expect, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cluster, corpus, hasCorpus, BIN } from './helpers.js';

describe('controllers', () => {
  const k = cluster();
  afterAll(() => k.cleanup());

  it('deleting a Deployment removes its ReplicaSets and pods (background cascade)', () => {
    k.ok(['apply', '-f', 'manifests/hello/web.yaml']);
    expect(k.ok(['get', 'rs', '-o', 'name'])).toMatch(/^replicaset\.apps\/hello-web-/);
    k.ok(['delete', 'deploy', 'hello-web']);
    expect(k.ok(['get', 'rs', '-o', 'name'])).toBe('');
    expect(k.ok(['get', 'pods', '-o', 'name'])).toBe('');
  });

  it('--cascade=orphan leaves the ReplicaSet and its pods, without owner references', () => {
    k.ok(['apply', '-f', 'manifests/hello/web.yaml']);
    k.ok(['delete', 'deploy', 'hello-web', '--cascade=orphan']);
    const rs = JSON.parse(k.ok(['get', 'rs', '-o', 'json'])).items;
    expect(rs).toHaveLength(1);
    expect(rs[0].metadata.ownerReferences).toBeUndefined();
    expect(k.ok(['get', 'pods', '-o', 'name']).trim().split('\n')).toHaveLength(2);
    k.ok(['delete', 'rs', '--all']);
    expect(k.ok(['get', 'pods', '-o', 'name'])).toBe('');
  });

  it('a pod relabelled away is released and replaced; relabelled back, the surplus pod goes', () => {
    k.ok(['apply', '-f', 'manifests/hello/web.yaml']);
    const [first] = k.ok(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ');
    expect(k.ok(['label', 'pod', first, 'app=moved', '--overwrite'])).toBe(`pod/${first} labeled\n`);
    const owned = k.ok(['get', 'pods', '-l', 'app=hello-web', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ');
    expect(owned).toHaveLength(2);
    expect(owned).not.toContain(first);
    expect(JSON.parse(k.ok(['get', 'pod', first, '-o', 'json'])).metadata.ownerReferences).toBeUndefined();
    k.ok(['label', 'pod', first, 'app=hello-web', '--overwrite']);
    const after = k.ok(['get', 'pods', '-l', 'app=hello-web', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ');
    expect(after).toHaveLength(2);
    k.ok(['delete', 'deploy', 'hello-web']);
  });

  it('deleting a namespace deletes what is in it', () => {
    k.ok(['create', 'namespace', 'team']);
    k.ok(['apply', '-n', 'team', '-f', 'manifests/hello/web.yaml']);
    expect(k.ok(['get', 'pods', '-n', 'team', '-o', 'name']).trim().split('\n')).toHaveLength(2);
    expect(k.ok(['delete', 'namespace', 'team'])).toBe('namespace "team" deleted\n');
    expect(k.run(['get', 'ns', 'team']).stderr).toBe('Error from server (NotFound): namespaces "team" not found\n');
    expect(k.run(['get', 'pods', '-n', 'team']).stderr).toBe('No resources found in team namespace.\n');
    expect(k.run(['delete', 'ns', 'default']).stderr).toBe('Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n');
  });

  it('a pod whose nodeSelector matches no node stays Pending with a FailedScheduling event', () => {
    const f = join(k.dir, 'gpu.yaml');
    writeFileSync(f, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: gpu\nspec:\n  nodeSelector:\n    gpu: "true"\n  containers:\n  - name: c\n    image: nginx\n');
    k.ok(['apply', '-f', f]);
    expect(k.ok(['get', 'pod', 'gpu', '--no-headers']).split(/\s+/).slice(1, 3)).toEqual(['0/1', 'Pending']);
    expect(k.ok(['describe', 'pod', 'gpu'])).toMatch(/Warning\s+FailedScheduling\s+\S+\s+default-scheduler\s+0\/1 nodes are available: 1 node\(s\) didn't match Pod's node affinity\/selector\./);
    k.ok(['label', 'node', 'kubesim-control-plane', 'gpu=true']);
    expect(k.ok(['get', 'pod', 'gpu', '--no-headers']).split(/\s+/).slice(1, 3)).toEqual(['1/1', 'Running']);
    k.ok(['delete', 'pod', 'gpu']);
  });
});

describe('several nodes', () => {
  const k = cluster();
  afterAll(() => k.cleanup());
  it('the scheduler spreads pods over the workers, each with an IP from its node', () => {
    expect(k.ok(['reset', '--nodes', '3'])).toMatch(/fresh cluster \(3 nodes/);
    const nodes = k.ok(['get', 'nodes', '--no-headers']).trim().split('\n').map((l) => l.split(/\s+/).slice(0, 3));
    expect(nodes).toEqual([
      ['kubesim-control-plane', 'Ready', 'control-plane'],
      ['kubesim-worker', 'Ready', '<none>'],
      ['kubesim-worker2', 'Ready', '<none>'],
    ]);
    k.ok(['apply', '-f', 'manifests/kubia-services/replicaset.yaml']);
    k.ok(['scale', 'rs', 'kubia', '--replicas=4']);
    const rows = k.ok(['get', 'pods', '-o', 'wide', '--no-headers']).trim().split('\n').map((l) => l.split(/\s+/));
    const byNode = new Map<string, string[]>();
    for (const r of rows) byNode.set(r[6], [...(byNode.get(r[6]) ?? []), r[5]]);
    expect([...byNode.keys()].sort()).toEqual(['kubesim-worker', 'kubesim-worker2']);
    expect(byNode.get('kubesim-worker')).toHaveLength(2);
    for (const ip of byNode.get('kubesim-worker')!) expect(ip).toMatch(/^10\.244\.1\./);
    for (const ip of byNode.get('kubesim-worker2')!) expect(ip).toMatch(/^10\.244\.2\./);
  });
});

describe.skipIf(!hasCorpus)('KiA ch05 Service and Endpoints (needs ../shared/corpus)', () => {
  const k = cluster();
  afterAll(() => k.cleanup());
  it('kubia ReplicaSet + Service: three endpoints on 8080, and describe svc', () => {
    const out = k.ok(['apply', '-f', corpus('kia', 'Chapter04', 'kubia-replicaset.yaml'), '-f', corpus('kia', 'Chapter05', 'kubia-svc.yaml')]);
    expect(out).toBe('replicaset.apps/kubia created\nservice/kubia created\n');
    const ep = k.ok(['get', 'endpoints', 'kubia']).split('\n')[1].split(/\s+/);
    expect(ep[1].split(',')).toHaveLength(3);
    for (const e of ep[1].split(',')) expect(e).toMatch(/^10\.244\.0\.\d+:8080$/);
    const ip = k.ok(['get', 'svc', 'kubia', '-o', 'jsonpath={.spec.clusterIP}']);
    expect(k.ok(['describe', 'svc', 'kubia'])).toBe(
      [
        'Name:                     kubia',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=kubia',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        `IP:                       ${ip}`,
        `IPs:                      ${ip}`,
        'Port:                     <unset>  80/TCP',
        'TargetPort:               8080/TCP',
        `Endpoints:                ${ep[1]}`,
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('get --watch', () => {
  const k = cluster();
  afterAll(() => k.cleanup());
  it('prints the listing, then a row for each change, until stopped', async () => {
    k.ok(['apply', '-f', 'manifests/hello/web.yaml']);
    const w = spawn(process.execPath, [BIN, 'get', 'pods', '-w'], { env: { ...process.env, KUBESIM_STATE: k.state, KUBESIM_WATCH_POLLS: '4' } });
    let out = '';
    w.stdout.on('data', (d) => (out += d));
    await new Promise((r) => setTimeout(r, 1500));
    const [victim] = k.ok(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ');
    k.ok(['delete', 'pod', victim]);
    await new Promise((r) => w.on('close', r));
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines.slice(1, 3).every((l) => l.startsWith('hello-web-'))).toBe(true);
    expect(lines.length).toBeGreaterThan(3);
    const replacement = k.ok(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ').find((n) => !out.split('\n')[1].startsWith(n) && !out.split('\n')[2].startsWith(n));
    expect(out).toContain(replacement!);
  }, 30_000);
});
