// Kubernetes in Action ch04/ch05 in-pod steps with the real binary: Service env vars only in pods
// started after the Service, readiness via `touch /var/ready` moving a pod into the Endpoints (on
// the probe's period, with the clock pinned), and a liveness probe restarting kubia-unhealthy.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cluster, corpus, hasCorpus, type TestCluster } from './helpers.js';

const T0 = Date.parse('2024-05-01T10:00:00Z');
const at = (s: number) => ({ env: { KUBESIM_NOW: new Date(T0 + s * 1000).toISOString() } });

describe.skipIf(!hasCorpus)('KiA ch05 env (needs ../shared/corpus)', () => {
  let k: TestCluster;
  const cwd = corpus('kia');
  beforeAll(() => {
    k = cluster();
  });
  afterAll(() => k.cleanup());

  it('KUBIA_SERVICE_HOST only in pods started after the Service', () => {
    k.ok(['create', '-f', 'Chapter04/kubia-rc.yaml'], { cwd, ...at(0) });
    k.ok(['create', '-f', 'Chapter05/kubia-svc.yaml'], { cwd, ...at(1) });
    const ip = k.ok(['get', 'svc', 'kubia', '-o', 'jsonpath={.spec.clusterIP}'], at(1));
    const first = k.ok(['get', 'pods', '-o', 'jsonpath={.items[0].metadata.name}'], at(2));
    const before = k.ok(['exec', first, '--', 'env'], at(2));
    expect(before).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
    expect(before).not.toContain('KUBIA_');
    k.ok(['delete', 'po', '--all'], at(3));
    const pods = k.ok(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'], at(40)).split(' ');
    const fresh = pods.find((p) => p !== first)!;
    const old = k.run(['exec', fresh, 'env'], at(40));
    expect(old.stderr).toContain('is DEPRECATED');
    expect(old.stdout).toContain(`KUBIA_SERVICE_HOST=${ip}\nKUBIA_SERVICE_PORT=80\n`);
    expect(old.stdout).toContain(`KUBIA_PORT_80_TCP_ADDR=${ip}\n`);
    expect(old.stdout).toMatch(/^PATH=.*\nHOSTNAME=kubia-\w{5}\n/);
    expect(old.stdout).toContain('NODE_VERSION=7.10.1\n');
  });

  it('curl by short name, namespace and FQDN; cat /etc/resolv.conf (bash in the kubia image)', () => {
    const out = k.ok(['exec', 'rc/kubia', '--', 'bash', '-c', 'curl -s http://kubia.default.svc.cluster.local; curl -s http://kubia.default; curl -s http://kubia; cat /etc/resolv.conf'], at(41));
    const lines = out.split('\n');
    expect(lines.slice(0, 3).every((l) => /^You've hit kubia-\w{5}$/.test(l))).toBe(true);
    expect(out).toContain('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });
});

describe.skipIf(!hasCorpus)('KiA ch05 readiness: touch /var/ready (needs ../shared/corpus)', () => {
  let k: TestCluster;
  const cwd = corpus('kia');
  beforeAll(() => {
    k = cluster();
  });
  afterAll(() => k.cleanup());

  it('pods stay 0/1 until the file exists, then the pod joins the Endpoints', () => {
    k.ok(['create', '-f', 'Chapter05/kubia-rc-readinessprobe.yaml'], { cwd, ...at(0) });
    k.ok(['create', '-f', 'Chapter05/kubia-svc.yaml'], { cwd, ...at(0) });
    const rows = k.ok(['get', 'pods', '--no-headers'], at(1)).trim().split('\n');
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.split(/\s+/).slice(1, 3)).toEqual(['0/1', 'Running']);
    expect(k.ok(['get', 'endpoints', 'kubia', '-o', 'jsonpath={.subsets[*].addresses}'], at(1))).toBe('');
    const pod = rows[0].split(/\s+/)[0];
    expect(k.run(['exec', pod, '--', 'touch', '/var/ready'], at(2)).code).toBe(0);
    expect(k.ok(['get', 'pod', pod, '--no-headers'], at(5)).split(/\s+/)[1]).toBe('0/1');
    expect(k.ok(['get', 'pod', pod, '--no-headers'], at(11)).split(/\s+/)[1]).toBe('1/1');
    const ip = k.ok(['get', 'pod', pod, '-o', 'jsonpath={.status.podIP}'], at(11));
    expect(k.ok(['get', 'endpoints', 'kubia', '-o', 'jsonpath={.subsets[*].addresses[*].ip}'], at(11))).toBe(ip);
    const answers = new Set<string>();
    for (let i = 0; i < 3; i++) answers.add(k.ok(['exec', pod, '--', 'curl', '-s', 'http://kubia'], at(12)));
    expect([...answers]).toEqual([`You've hit ${pod}\n`]);
    const d = k.ok(['describe', 'pod', rows[1].split(/\s+/)[0]], at(12));
    expect(d).toContain("Readiness probe failed: ls: cannot access '/var/ready': No such file or directory");
  });
});

describe.skipIf(!hasCorpus)('KiA ch04 liveness (needs ../shared/corpus)', () => {
  let k: TestCluster;
  const cwd = corpus('kia');
  beforeAll(() => {
    k = cluster();
  });
  afterAll(() => k.cleanup());

  it('kubia-unhealthy is restarted after three failed probes; logs --previous shows the old instance', () => {
    k.ok(['create', '-f', 'Chapter04/kubia-liveness-probe-initial-delay.yaml'], { cwd, ...at(0) });
    expect(k.ok(['get', 'po', 'kubia-liveness', '--no-headers'], at(60)).split(/\s+/)[3]).toBe('0');
    const row = k.ok(['get', 'po', 'kubia-liveness', '--no-headers'], at(90)).split(/\s+/);
    expect(row.slice(1, 4)).toEqual(['1/1', 'Running', '1']);
    const prev = k.ok(['logs', 'kubia-liveness', '--previous'], at(90));
    expect(prev.split('\n')[0]).toBe('Kubia server starting...');
    expect(prev).toContain('Received request from ::ffff:10.244.0.1\n');
    const d = k.ok(['describe', 'po', 'kubia-liveness'], at(90));
    expect(d).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+137/);
    expect(d).toContain('Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(d).toContain('Container kubia failed liveness probe, will be restarted');
  });
});
