// Probes and container life cycles against the simulated apps, at their periods on the clock:
// readiness (exec, httpGet) moving pods in and out of Endpoints, liveness restarts with the
// kubelet's events, main processes that exit (Completed, CrashLoopBackOff), init containers.
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import type { Cluster } from '../../src/store/cluster.js';
import { makeCluster, create, pod, svc, advance, getPod } from './network-fixture.js';
import { exec, sh } from './runtime-fixture.js';
import { httpRequest } from '../../src/network/connect.js';
import { containerHandle, containerLogs } from '../../src/runtime/container.js';

const status = (c: Cluster, name: string) => getPod(c, name).status.containerStatuses[0];
const readyIPs = (c: Cluster, name: string) => (c.get('endpoints', 'default', name)?.subsets ?? []).flatMap((s: { addresses?: { ip: string }[] }) => (s.addresses ?? []).map((a) => a.ip));
const events = (c: Cluster, p: KObject) => c.eventsFor(p).map((e) => `${e.type} ${e.reason} ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`);

describe('readiness', () => {
  it('exec probe `ls /var/ready`: ready only after touch /var/ready (KiA ch05)', async () => {
    const c = makeCluster();
    const spec = { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }], readinessProbe: { exec: { command: ['ls', '/var/ready'] } } }] };
    create(c, pod('kubia-a', 'luksa/kubia', { labels: { app: 'kubia' }, spec }), pod('kubia-b', 'luksa/kubia', { labels: { app: 'kubia' }, spec }));
    create(c, svc('kubia', { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] }));
    expect(status(c, 'kubia-a').ready).toBe(false);
    expect(readyIPs(c, 'kubia')).toEqual([]);
    await exec(c, 'kubia-a', ['touch', '/var/ready']);
    advance(c, 5);
    expect(status(c, 'kubia-a').ready).toBe(false); // the next probe is 10 s after the first
    advance(c, 5);
    expect(status(c, 'kubia-a').ready).toBe(true);
    expect(readyIPs(c, 'kubia')).toEqual([getPod(c, 'kubia-a').status.podIP]);
    expect(events(c, getPod(c, 'kubia-b'))).toContain("Warning Unhealthy Readiness probe failed: ls: cannot access '/var/ready': No such file or directory (x2)");
  });

  it('httpGet /healthz with FailAfterCallCount=1 takes a used pod out of the Service (kiamol ch12)', async () => {
    const c = makeCluster();
    const api = { name: 'api', image: 'kiamol/ch03-numbers-api', ports: [{ containerPort: 80, name: 'api' }], env: [{ name: 'FailAfterCallCount', value: '1' }], readinessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5 } };
    create(c, pod('client', 'kiamol/ch03-sleep'), pod('api-1', 'x', { labels: { app: 'numbers-api' }, spec: { containers: [api] } }), pod('api-2', 'x', { labels: { app: 'numbers-api' }, spec: { containers: [api] } }));
    create(c, svc('numbers-api', { selector: { app: 'numbers-api' }, ports: [{ port: 80, targetPort: 'api' }] }));
    advance(c, 5);
    expect(readyIPs(c, 'numbers-api')).toHaveLength(2);
    const one = getPod(c, 'api-1').status.podIP;
    const client = getPod(c, 'client');
    const r = await httpRequest(c, { pod: client, ip: client.status.podIP }, `http://${one}/rng`);
    expect(r.ok && r.response.status).toBe(200);
    advance(c, 5);
    advance(c, 5);
    expect(readyIPs(c, 'numbers-api')).toHaveLength(2); // 2 failures of 3
    advance(c, 5);
    expect(readyIPs(c, 'numbers-api')).toEqual([getPod(c, 'api-2').status.podIP]);
    expect(status(c, 'api-1').ready).toBe(false);
    expect(events(c, getPod(c, 'api-1'))).toContain('Warning Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 500 (x3)');
  });
});

describe('liveness', () => {
  it('kubia-unhealthy is killed after 3 failures and restarted: RESTARTS, lastState 137, events (KiA ch04)', () => {
    const c = makeCluster();
    create(c, pod('kubia-liveness', 'luksa/kubia-unhealthy', { spec: { containers: [{ name: 'kubia', image: 'luksa/kubia-unhealthy', livenessProbe: { httpGet: { path: '/', port: 8080 }, initialDelaySeconds: 15 } }] } }));
    advance(c, 60); // probes at 15, 25, 35, 45, 55: requests 1-5 succeed
    expect(status(c, 'kubia-liveness').restartCount).toBe(0);
    advance(c, 25); // 65, 75, 85: three failures
    const st = status(c, 'kubia-liveness');
    expect(st.restartCount).toBe(1);
    expect(st.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(st.state.running).toBeDefined();
    const ev = events(c, getPod(c, 'kubia-liveness'));
    expect(ev).toContain('Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 500 (x3)');
    expect(ev).toContain('Normal Killing Container kubia failed liveness probe, will be restarted');
    expect(ev).toContain('Normal Started Started container kubia (x2)');
    // The previous instance's log, for `logs --previous`.
    const prev = containerLogs(containerHandle(c, getPod(c, 'kubia-liveness')), true)!.map(([, l]) => l);
    expect(prev[0]).toBe('Kubia server starting...');
    expect(prev).toContain('Received request from ::ffff:10.244.0.1');
  });
});

describe('kill 1', () => {
  it('PID 1 only ends on signals it handles: nginx and trapping scripts restart, sleep and node do not', async () => {
    const c = makeCluster();
    create(
      c,
      pod('web', 'nginx:alpine'),
      pod('nap', 'busybox', { spec: { containers: [{ name: 'app', image: 'busybox', command: ['sleep', '3600'] }] } }),
      pod('trapper', 'busybox', { spec: { containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', "trap 'exit 5' TERM; while true; do sleep 10; done"] }] } }),
      pod('node', 'luksa/kubia'),
    );
    for (const p of ['web', 'nap', 'trapper', 'node']) expect((await exec(c, p, ['kill', '1'])).code).toBe(0);
    advance(c, 1);
    expect(status(c, 'web')).toMatchObject({ restartCount: 1, lastState: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(status(c, 'nap').restartCount).toBe(0);
    expect(status(c, 'trapper')).toMatchObject({ restartCount: 1, lastState: { terminated: { exitCode: 5, reason: 'Error' } } });
    expect(status(c, 'node').restartCount).toBe(0);
    expect((await exec(c, 'nap', ['kill', '-9', '1'])).code).toBe(0);
    expect(status(c, 'nap').restartCount).toBe(0);
  });
});

describe('main processes', () => {
  it('busybox with no command crash-loops with back-off; sleep N completes; restartPolicy Never → Completed', () => {
    const c = makeCluster();
    create(
      c,
      pod('bb', 'busybox'),
      pod('once', 'busybox', { spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'echo hello; exit 3'] }] } }),
      pod('nap', 'busybox', { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'app', image: 'busybox', args: ['sleep', '30'] }] } }),
    );
    expect(status(c, 'bb').state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(status(c, 'bb').restartCount).toBe(1);
    expect(getPod(c, 'once').status.phase).toBe('Failed');
    expect(status(c, 'once').state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(containerLogs(containerHandle(c, getPod(c, 'once')))!.map(([, l]) => l)).toEqual(['hello']);
    expect(getPod(c, 'nap').status.phase).toBe('Running');
    advance(c, 31);
    expect(getPod(c, 'nap').status.phase).toBe('Succeeded');
    expect(status(c, 'nap').state.terminated.reason).toBe('Completed');
    expect(status(c, 'bb').restartCount).toBe(3);
  });

  it('a command prints at its simulated times (luksa/batch-job)', () => {
    const c = makeCluster();
    create(c, pod('job', 'luksa/batch-job', { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'luksa/batch-job' }] } }));
    const logs = () => containerLogs(containerHandle(c, getPod(c, 'job')))!.map(([, l]) => l);
    expect(logs()).toEqual(['Wed May  1 10:00:00 UTC 2024 Batch job starting']);
    advance(c, 121);
    expect(logs()).toEqual(['Wed May  1 10:00:00 UTC 2024 Batch job starting', 'Wed May  1 10:02:00 UTC 2024 Finished succesfully']);
    expect(getPod(c, 'job').status.phase).toBe('Succeeded');
  });

  it('init containers run first and share volumes (kia2 quote pod)', async () => {
    const c = makeCluster();
    create(c, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'quote-001', namespace: 'default', labels: { app: 'quote' } },
      spec: {
        volumes: [{ name: 'shared', emptyDir: {} }],
        initContainers: [{ name: 'index-creator', image: 'busybox', command: ['sh', '-c', 'echo "This is the quote service running in pod $HOSTNAME on node $NODE_NAME" > /html/index.html'], env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }], volumeMounts: [{ name: 'shared', mountPath: '/html' }] }],
        containers: [
          { name: 'quote-writer', image: 'luksa/quote-writer:0.1', volumeMounts: [{ name: 'shared', mountPath: '/var/local/output' }] },
          { name: 'nginx', image: 'nginx:alpine', volumeMounts: [{ name: 'shared', mountPath: '/usr/share/nginx/html', readOnly: true }], ports: [{ name: 'http', containerPort: 80 }] },
        ],
      },
    });
    create(c, pod('client', 'kiamol/ch03-sleep'));
    const node = getPod(c, 'quote-001').spec.nodeName;
    const r = await sh(c, 'client', `curl -s http://${getPod(c, 'quote-001').status.podIP}/`);
    expect(r.stdout).toBe(`This is the quote service running in pod quote-001 on node ${node}\n`);
    const q = await sh(c, 'client', `curl -s http://${getPod(c, 'quote-001').status.podIP}/quote`);
    expect(q.stdout.length).toBeGreaterThan(10);
    expect((await sh(c, 'quote-001', 'touch /usr/share/nginx/html/x', { container: 'nginx' })).stderr).toBe("touch: /usr/share/nginx/html/x: Read-only file system\n");
  });
});
