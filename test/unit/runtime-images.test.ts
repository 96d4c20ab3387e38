// The image behaviour table: matching image references to rows, and what the books' apps answer.
import { describe, expect, it } from 'vitest';
import { imageBehaviour, parseImageRef, IMAGE_TABLE } from '../../src/runtime/images/index.js';
import { piDigits } from '../../src/runtime/images/kiamol.js';
import { makeCluster, create, pod, svc, advance, getPod } from './network-fixture.js';
import { httpRequest } from '../../src/network/connect.js';
import { containerHandle, containerLogs } from '../../src/runtime/container.js';
import { sh } from './runtime-fixture.js';
import type { Cluster } from '../../src/store/cluster.js';

async function get(c: Cluster, fromPod: string, url: string, opts: { method?: string; headers?: Record<string, string> } = {}) {
  const p = getPod(c, fromPod);
  const r = await httpRequest(c, { pod: p, ip: p.status.podIP }, url, opts);
  if (!r.ok) throw new Error(`${url}: ${r.error}`);
  return r.response;
}

describe('matching', () => {
  it('parses references and prefers tag patterns over bare repositories', () => {
    expect(parseImageRef('nginx')).toEqual({ repo: 'nginx', tag: 'latest' });
    expect(parseImageRef('docker.io/library/nginx:1.27-alpine')).toEqual({ repo: 'nginx', tag: '1.27-alpine' });
    expect(parseImageRef('quay.io/x/y:1')).toEqual({ repo: 'quay.io/x/y', tag: '1' });
    expect(imageBehaviour('nginx:1.27-alpine').shell).toBe('busybox');
    expect(imageBehaviour('nginx').shell).toBe('bash-debian');
    expect(imageBehaviour('busybox:1.28').shell).toBe('busybox-1.28');
    expect(imageBehaviour('busybox').shell).toBe('busybox');
    expect(imageBehaviour('luksa/kubia:v3').description).toContain('v3');
    expect(imageBehaviour('luksa/kubia').description).toContain("You've hit");
    expect(imageBehaviour('richardchesterwood/k8s-fleetman-webapp-angular:release0-5').description).toContain('no /api proxy');
    expect(imageBehaviour('richardchesterwood/k8s-fleetman-webapp-angular:release2').description).toContain('/api/ proxied');
  });

  it('every row has a description, a shell flavour and listens', () => {
    for (const row of IMAGE_TABLE) {
      expect(row.match.length, row.description).toBeGreaterThan(0);
      expect(row.description.length).toBeGreaterThan(10);
      expect(['busybox', 'busybox-1.28', 'bash-debian', 'none']).toContain(row.shell);
      expect(Array.isArray(row.listens)).toBe(true);
    }
  });

  it('unknown images: generic behaviour on the declared ports, nothing declared → nothing listens', async () => {
    const g = imageBehaviour('example/unknown-app:9');
    expect(g.listens).toEqual([{ port: 'containerPorts', kind: 'http' }]);
    const c = makeCluster();
    create(c, pod('client', 'kiamol/ch03-sleep'), pod('app', 'example/unknown-app:9', { ports: [{ containerPort: 8080 }] }), pod('quiet', 'example/unknown-app:9'));
    const ip = getPod(c, 'app').status.podIP;
    expect((await get(c, 'client', `http://${ip}:8080/api`)).body).toBe(`Hello from app (kubesim's generic image "example/unknown-app:9"): port 8080, path /api\n`);
    const q = getPod(c, 'quiet').status.podIP;
    const r = await httpRequest(c, { pod: getPod(c, 'client'), ip: getPod(c, 'client').status.podIP }, `http://${q}:8080/`);
    expect(r.ok).toBe(false);
  });
});

describe('kiamol', () => {
  it('numbers-api: /rng, /healthz, and FailAfterCallCount turning it unhealthy', async () => {
    const c = makeCluster();
    create(c, pod('client', 'kiamol/ch03-sleep'), pod('api', 'kiamol/ch03-numbers-api', { spec: { containers: [{ name: 'api', image: 'kiamol/ch03-numbers-api', env: [{ name: 'FailAfterCallCount', value: '2' }] }] } }));
    advance(c, 2);
    const ip = getPod(c, 'api').status.podIP;
    const first = await get(c, 'client', `http://${ip}/rng`);
    expect(first.status).toBe(200);
    expect(Number(first.body)).toBeGreaterThanOrEqual(0);
    expect(Number(first.body)).toBeLessThan(100);
    expect((await get(c, 'client', `http://${ip}/healthz`)).body).toBe('Ok');
    expect((await get(c, 'client', `http://${ip}/sixeyed/kiamol/master/ch03/numbers/rng`)).status).toBe(200);
    expect(await get(c, 'client', `http://${ip}/rng`)).toMatchObject({ status: 500, body: '{"message":"Unhealthy!"}' });
    expect((await get(c, 'client', `http://${ip}/healthz`)).status).toBe(500);
    expect((await get(c, 'client', `http://${ip}/reset`)).body).toBe('Ok');
    expect((await get(c, 'client', `http://${ip}/healthz`)).status).toBe(200);
    expect((await get(c, 'client', `http://${ip}/nope`)).status).toBe(404);
  });

  it('numbers-web: Go! calls numbers-api from inside its pod', async () => {
    const c = makeCluster();
    create(c, pod('client', 'kiamol/ch03-sleep'), pod('web', 'kiamol/ch03-numbers-web'), pod('api', 'kiamol/ch03-numbers-api', { labels: { app: 'numbers-api' } }));
    advance(c, 2);
    const web = getPod(c, 'web').status.podIP;
    const page = await get(c, 'client', `http://${web}/`);
    expect(page.body).toContain('KIAMOL Random Number Generator');
    expect((await get(c, 'client', `http://${web}/`, { method: 'POST' })).body).toContain('RNG service unavailable!');
    create(c, svc('numbers-api', { selector: { app: 'numbers-api' }, ports: [{ port: 80 }] }));
    const after = (await get(c, 'client', `http://${web}/`, { method: 'POST' })).body;
    expect(after).toMatch(/Here it is: \d+/);
    expect(after).toContain('(Using API at: http://numbers-api/sixeyed/kiamol/master/ch03/numbers/rng)');
  });

  it('whoami and hello-kiamol', async () => {
    const c = makeCluster();
    create(c, pod('client', 'kiamol/ch03-sleep'), pod('who', 'kiamol/ch02-whoami'), pod('hello', 'kiamol/ch02-hello-kiamol'));
    expect((await get(c, 'client', `http://${getPod(c, 'who').status.podIP}/`)).body).toMatch(/^"I'm who running on Linux /);
    const hello = await get(c, 'client', `http://${getPod(c, 'hello').status.podIP}/`);
    expect(hello.body).toContain('Hello from Chapter 2!');
    expect(hello.headers.server).toBe('nginx/1.21.6');
    const logs = containerLogs(containerHandle(c, getPod(c, 'hello')))!.map(([, l]) => l);
    expect(logs.at(-1)).toMatch(/^10\.244\.0\.\d+ - - \[01\/May\/2024:10:00:00 \+0000\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "-" "-"$/);
  });

  it('pi to N places', () => {
    expect(piDigits(6)).toBe('3.141592');
    expect(piDigits(20)).toBe('3.14159265358979323846');
  });
});

describe('Kubernetes in Action', () => {
  it("kubia: You've hit <hostname>, logs Received request from ::ffff:<ip>", async () => {
    const c = makeCluster();
    create(c, pod('client', 'kiamol/ch03-sleep'), pod('kubia-abcde', 'luksa/kubia'));
    const r = await get(c, 'client', `http://${getPod(c, 'kubia-abcde').status.podIP}:8080/anything`);
    expect(r.body).toBe("You've hit kubia-abcde\n");
    const logs = containerLogs(containerHandle(c, getPod(c, 'kubia-abcde')))!.map(([, l]) => l);
    expect(logs).toEqual(['Kubia server starting...', `Received request from ::ffff:${getPod(c, 'client').status.podIP}`]);
  });

  it('kubia-unhealthy fails from the 6th request; kubia:v3 from the 5th', async () => {
    const c = makeCluster();
    create(c, pod('client', 'kiamol/ch03-sleep'), pod('sick', 'luksa/kubia-unhealthy'), pod('v3', 'luksa/kubia:v3'));
    const s = getPod(c, 'sick').status.podIP;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await get(c, 'client', `http://${s}:8080/`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 500]);
    const v = getPod(c, 'v3').status.podIP;
    const bodies: string[] = [];
    for (let i = 0; i < 5; i++) bodies.push((await get(c, 'client', `http://${v}:8080/`)).body);
    expect(bodies[0]).toBe('This is v3 running in pod v3\n');
    expect(bodies[4]).toBe('Some internal error has occurred! This is pod v3\n');
  });
});

describe('state in memory vs in redis', () => {
  it('kubesim/counter counts per pod; kubesim/counter-redis shares one count', async () => {
    const c = makeCluster();
    create(c, pod('client', 'kiamol/ch03-sleep'), pod('redis', 'redis', { labels: { app: 'redis' } }));
    create(c, svc('redis', { selector: { app: 'redis' }, ports: [{ port: 6379 }] }));
    for (const n of ['m1', 'm2']) create(c, pod(n, 'kubesim/counter', { labels: { app: 'mem' } }));
    for (const n of ['r1', 'r2']) create(c, pod(n, 'kubesim/counter-redis', { labels: { app: 'red' } }));
    const at = (n: string) => `http://${getPod(c, n).status.podIP}:8080/`;
    const mem = [];
    for (const n of ['m1', 'm2', 'm1', 'm2']) mem.push((await get(c, 'client', at(n))).body);
    expect(mem).toEqual(['count: 1 (pod m1)\n', 'count: 1 (pod m2)\n', 'count: 2 (pod m1)\n', 'count: 2 (pod m2)\n']);
    const red = [];
    for (const n of ['r1', 'r2', 'r1', 'r2']) red.push((await get(c, 'client', at(n))).body);
    expect(red).toEqual(['count: 1 (pod r1)\n', 'count: 2 (pod r2)\n', 'count: 3 (pod r1)\n', 'count: 4 (pod r2)\n']);
    // A restart loses the in-memory count only.
    await sh(c, 'm1', 'kill 1');
    advance(c, 1);
    expect((await get(c, 'client', at('m1'))).body).toBe('count: 1 (pod m1)\n');
  });
});

describe('nginx', () => {
  it('serves files from the container filesystem, 404 page, access log', async () => {
    const c = makeCluster();
    create(c, pod('client', 'kiamol/ch03-sleep'), pod('web', 'nginx:1.27'));
    const ip = getPod(c, 'web').status.podIP;
    const home = await get(c, 'client', `http://${ip}/`);
    expect(home.body).toContain('<title>Welcome to nginx!</title>');
    expect(home.headers['content-length']).toBe('615');
    await sh(c, 'web', 'echo custom > /usr/share/nginx/html/index.html');
    expect((await get(c, 'client', `http://${ip}/`)).body).toBe('custom\n');
    const nf = await get(c, 'client', `http://${ip}/missing`);
    expect(nf.status).toBe(404);
    expect(nf.body).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n');
  });
});
