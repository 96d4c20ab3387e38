// Container environments (reference §14): Service variables of the Services that existed when
// the container started, the spec's env/envFrom/valueFrom, image env, HOSTNAME, HOME.
import { describe, expect, it } from 'vitest';
import { makeCluster, create, pod, svc, advance } from './network-fixture.js';
import { exec } from './runtime-fixture.js';
import { serviceVariables } from '../../src/runtime/env.js';
import { containerEnv, containerHandle } from '../../src/runtime/container.js';

const KUBERNETES = [
  'KUBERNETES_SERVICE_HOST=10.96.0.1',
  'KUBERNETES_SERVICE_PORT=443',
  'KUBERNETES_SERVICE_PORT_HTTPS=443',
  'KUBERNETES_PORT=tcp://10.96.0.1:443',
  'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
  'KUBERNETES_PORT_443_TCP_PROTO=tcp',
  'KUBERNETES_PORT_443_TCP_PORT=443',
  'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
];

describe('Service environment variables', () => {
  it('the §14 example, variable for variable', () => {
    const vars = serviceVariables({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'my-svc' },
      spec: { clusterIP: '10.96.143.7', ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'metrics', port: 9100, protocol: 'UDP' }] },
    }).map(([k, v]) => `${k}=${v}`);
    expect(vars).toEqual([
      'MY_SVC_SERVICE_HOST=10.96.143.7',
      'MY_SVC_SERVICE_PORT=80',
      'MY_SVC_SERVICE_PORT_HTTP=80',
      'MY_SVC_SERVICE_PORT_METRICS=9100',
      'MY_SVC_PORT=tcp://10.96.143.7:80',
      'MY_SVC_PORT_80_TCP=tcp://10.96.143.7:80',
      'MY_SVC_PORT_80_TCP_PROTO=tcp',
      'MY_SVC_PORT_80_TCP_PORT=80',
      'MY_SVC_PORT_80_TCP_ADDR=10.96.143.7',
      'MY_SVC_PORT_9100_UDP=udp://10.96.143.7:9100',
      'MY_SVC_PORT_9100_UDP_PROTO=udp',
      'MY_SVC_PORT_9100_UDP_PORT=9100',
      'MY_SVC_PORT_9100_UDP_ADDR=10.96.143.7',
    ]);
  });

  it('only in pods started after the Service (KiA ch05), kubernetes always', async () => {
    const c = makeCluster();
    create(c, pod('old', 'luksa/kubia', { labels: { app: 'kubia' } }));
    create(c, svc('kubia', { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] }));
    advance(c, 1);
    create(c, pod('new', 'luksa/kubia', { labels: { app: 'kubia' } }));
    const ip = c.get('services', 'default', 'kubia')!.spec.clusterIP;
    const oldEnv = (await exec(c, 'old', ['env'])).stdout;
    const newEnv = (await exec(c, 'new', ['env'])).stdout;
    expect(oldEnv).not.toContain('KUBIA_');
    for (const k of KUBERNETES) expect(oldEnv).toContain(`\n${k}\n`);
    expect(newEnv).toContain(`\nKUBIA_SERVICE_HOST=${ip}\nKUBIA_SERVICE_PORT=80\nKUBIA_PORT=tcp://${ip}:80\nKUBIA_PORT_80_TCP=tcp://${ip}:80\nKUBIA_PORT_80_TCP_PROTO=tcp\nKUBIA_PORT_80_TCP_PORT=80\nKUBIA_PORT_80_TCP_ADDR=${ip}\n`);
  });

  it('a restarted container (kill 1) sees the Services of its new start (kia2 ch11 step 9)', async () => {
    const c = makeCluster();
    create(c, pod('quote', 'nginx:alpine'));
    create(c, svc('quiz', { selector: { app: 'quiz' }, ports: [{ port: 80, targetPort: 8080 }] }));
    expect((await exec(c, 'quote', ['env'])).stdout).not.toContain('QUIZ_SERVICE_HOST');
    expect((await exec(c, 'quote', ['kill', '1'])).code).toBe(0);
    advance(c, 1);
    expect((await exec(c, 'quote', ['env'])).stdout).toContain('QUIZ_SERVICE_HOST=');
    expect(c.get('pods', 'default', 'quote')!.status.containerStatuses[0].restartCount).toBe(1);
  });

  it('same namespace only; headless and ExternalName skipped; enableServiceLinks false keeps kubernetes', async () => {
    const c = makeCluster();
    create(
      c,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } },
      svc('there', { selector: { a: 'b' }, ports: [{ port: 80 }] }, 'other'),
      svc('headless', { clusterIP: 'None', selector: { a: 'b' }, ports: [{ port: 80 }] }),
      svc('ext', { type: 'ExternalName', externalName: 'example.com' }),
      svc('here', { selector: { a: 'b' }, ports: [{ port: 81 }] }),
    );
    advance(c, 1);
    create(c, pod('p', 'busybox', { spec: { containers: [{ name: 'app', image: 'busybox', command: ['sleep', '1d'] }] } }), pod('q', 'busybox', { spec: { enableServiceLinks: false, containers: [{ name: 'app', image: 'busybox', command: ['sleep', '1d'] }] } }), pod('r', 'busybox', { ns: 'other', spec: { containers: [{ name: 'app', image: 'busybox', command: ['sleep', '1d'] }] } }));
    const p = (await exec(c, 'p', ['env'])).stdout;
    expect(p).toContain('HERE_SERVICE_HOST=');
    expect(p).not.toMatch(/THERE_|HEADLESS_|EXT_/);
    const q = (await exec(c, 'q', ['env'])).stdout;
    expect(q).not.toContain('HERE_');
    expect(q).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1');
    const r = containerEnv(containerHandle(c, c.get('pods', 'other', 'r')!));
    expect(r.THERE_SERVICE_HOST).toBeDefined();
    expect(r.HERE_SERVICE_HOST).toBeUndefined();
    expect(r.KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
  });

  it('spec env (values, $(VAR), fieldRef, configMapKeyRef, secretKeyRef, envFrom) wins over Service variables', async () => {
    const c = makeCluster();
    create(
      c,
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { color: 'blue', mode: 'fast' } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sec', namespace: 'default' }, data: { pass: Buffer.from('s3cret').toString('base64') } },
    );
    create(
      c,
      pod('e', 'busybox', {
        spec: {
          containers: [
            {
              name: 'app',
              image: 'busybox',
              command: ['sleep', '1d'],
              envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }],
              env: [
                { name: 'A', value: 'x' },
                { name: 'B', value: '$(A)-y-$(KUBERNETES_SERVICE_HOST)' },
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
                { name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'color' } } },
                { name: 'PASS', valueFrom: { secretKeyRef: { name: 'sec', key: 'pass' } } },
                { name: 'KUBERNETES_SERVICE_HOST', value: 'mine' },
              ],
            },
          ],
        },
      }),
    );
    const env = containerEnv(containerHandle(c, c.get('pods', 'default', 'e')!));
    expect(env).toMatchObject({ A: 'x', B: 'x-y-10.96.0.1', POD_NAME: 'e', POD_IP: c.get('pods', 'default', 'e')!.status.podIP, COLOR: 'blue', PASS: 's3cret', CFG_mode: 'fast', KUBERNETES_SERVICE_HOST: 'mine', HOSTNAME: 'e', HOME: '/root' });
    expect(Object.keys(env)[0]).toBe('PATH');
    expect(Object.keys(env).pop()).toBe('HOME');
  });

  it('a missing ConfigMap keeps the container from starting (CreateContainerConfigError)', () => {
    const c = makeCluster();
    create(c, pod('m', 'busybox', { spec: { containers: [{ name: 'app', image: 'busybox', command: ['sleep', '1d'], env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k' } } }] }] } }));
    const st = c.get('pods', 'default', 'm')!.status.containerStatuses[0];
    expect(st.state).toEqual({ waiting: { message: 'configmap "nope" not found', reason: 'CreateContainerConfigError' } });
    expect(st.ready).toBe(false);
  });
});
