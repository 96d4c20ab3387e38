// kiamol ch03 §3.1–3.2, the API-side steps, line by line with the book's own files.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cluster, corpus, hasCorpus, type TestCluster } from './helpers.js';

const POD_NAME = /^sleep-2-[4-9bcdf]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/;

describe.skipIf(!hasCorpus)('kiamol ch03 API steps (needs ../shared/corpus)', () => {
  let k: TestCluster;
  const cwd = corpus('kiamol', 'ch03');
  beforeAll(() => {
    k = cluster();
  });
  afterAll(() => k.cleanup());

  it('applies both sleep Deployments from two -f flags', () => {
    expect(k.ok(['apply', '-f', 'sleep/sleep1.yaml', '-f', 'sleep/sleep2.yaml'], { cwd })).toBe(
      'deployment.apps/sleep-1 created\ndeployment.apps/sleep-2 created\n',
    );
  });

  it('waits for the sleep-2 pod to be Ready', () => {
    const out = k.ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=sleep-2']);
    expect(out).toMatch(/^pod\/sleep-2-\S+ condition met\n$/);
  });

  it('lists pods with kube-style names, 1/1 Running', () => {
    const lines = k.ok(['get', 'pods']).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines).toHaveLength(3);
    const row = lines.find((l) => l.startsWith('sleep-2'))!;
    const [name, ready, status, restarts] = row.split(/\s+/);
    expect(name).toMatch(POD_NAME);
    expect([ready, status, restarts]).toEqual(['1/1', 'Running', '0']);
  });

  let firstIP = '';
  it('prints the pod IP with jsonpath', () => {
    firstIP = k.ok(['get', 'pod', '-l', 'app=sleep-2', '--output', 'jsonpath={.items[0].status.podIP}']);
    expect(firstIP).toMatch(/^10\.244\.0\.\d+$/);
  });

  it('replaces a deleted pod with a new name and a new IP', () => {
    const before = k.ok(['get', 'pod', '-l', 'app=sleep-2', '-o', 'name']).trim();
    const del = k.ok(['delete', 'pods', '-l', 'app=sleep-2']);
    expect(del).toBe(`pod "${before.slice(4)}" deleted\n`);
    const after = k.ok(['get', 'pod', '-l', 'app=sleep-2', '-o', 'name']).trim();
    expect(after).not.toBe(before);
    expect(after.slice(4)).toMatch(POD_NAME);
    const ip = k.ok(['get', 'pod', '-l', 'app=sleep-2', '--output', 'jsonpath={.items[0].status.podIP}']);
    expect(ip).toMatch(/^10\.244\.0\.\d+$/);
    expect(ip).not.toBe(firstIP);
  });

  it('gives the Service a ClusterIP and Endpoints that follow the pod', () => {
    expect(k.ok(['apply', '-f', 'sleep/sleep2-service.yaml'], { cwd })).toBe('service/sleep-2 created\n');
    const svc = k.ok(['get', 'svc', 'sleep-2']).split('\n')[1].split(/\s+/);
    expect(svc.slice(0, 5)).toEqual(['sleep-2', 'ClusterIP', svc[2], '<none>', '80/TCP']);
    expect(svc[2]).toMatch(/^10\.96\.\d+\.\d+$/);
    const podIP = k.ok(['get', 'pod', '-l', 'app=sleep-2', '-o', 'jsonpath={.items[0].status.podIP}']);
    expect(k.ok(['get', 'endpoints', 'sleep-2']).split('\n')[1].split(/\s+/).slice(0, 2)).toEqual(['sleep-2', `${podIP}:80`]);
    k.ok(['delete', 'pods', '-l', 'app=sleep-2']);
    const newIP = k.ok(['get', 'pod', '-l', 'app=sleep-2', '-o', 'jsonpath={.items[0].status.podIP}']);
    expect(k.ok(['get', 'endpoints', 'sleep-2']).split('\n')[1].split(/\s+/)[1]).toBe(`${newIP}:80`);
  });

  it('shows <none> endpoints once the Deployment is gone', () => {
    expect(k.ok(['delete', 'deploy', 'sleep-2'])).toBe('deployment.apps "sleep-2" deleted\n');
    expect(k.ok(['get', 'endpoints', 'sleep-2']).split('\n')[1].split(/\s+/).slice(0, 2)).toEqual(['sleep-2', '<none>']);
    expect(k.ok(['get', 'pods', '-l', 'app=sleep-2', '-o', 'name'])).toBe('');
  });

  it('lists the kube-dns Service in kube-system', () => {
    const out = k.ok(['get', 'svc', '-n', 'kube-system']);
    expect(out).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nkube-dns\s+ClusterIP\s+10\.96\.0\.10\s+<none>\s+53\/UDP,53\/TCP,9153\/TCP\s+\d+s\n$/);
  });

  it('brings the kubernetes Service back after delete svc --all', () => {
    const out = k.ok(['delete', 'svc', '--all']);
    expect(out).toBe('service "kubernetes" deleted\nservice "sleep-2" deleted\n');
    expect(k.ok(['get', 'svc'])).toMatch(/^NAME.*\nkubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP\s+\d+s\n$/);
  });

  it('get all shows the remaining pod, service, deployment and replicaset with kind prefixes', () => {
    const out = k.ok(['get', 'all']);
    const sections = out.trimEnd().split('\n\n');
    expect(sections).toHaveLength(4);
    expect(sections[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\npod\/sleep-1-/);
    expect(sections[1]).toMatch(/\nservice\/kubernetes\s+ClusterIP/);
    expect(sections[2]).toMatch(/\ndeployment\.apps\/sleep-1\s+1\/1\s+1\s+1\s/);
    expect(sections[3]).toMatch(/\nreplicaset\.apps\/sleep-1-[4-9bcdf]+\s+1\s+1\s+1\s/);
  });
});
