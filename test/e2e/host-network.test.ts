// Traffic from outside the cluster (issue 5 §2, §3, §5): `kubesim curl` on the user's machine
// reaches LoadBalancers and NodePorts per profile; ClusterIPs and pod IPs time out; `kubesim
// service --url`; externalTrafficPolicy Local. Runs the real binary on the books' files.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clock, cluster, corpus, hasCorpus, type TestCluster } from './helpers.js';

describe.skipIf(!hasCorpus)('kiamol ch03 §3.3 from the host, docker-desktop profile (needs ../shared/corpus)', () => {
  let k: TestCluster;
  const now = clock();
  const cwd = corpus('kiamol', 'ch03');
  const run = (args: string[]) => k.run(args, { cwd, env: now() });
  const ok = (args: string[]) => k.ok(args, { cwd, env: now() });
  beforeAll(() => {
    k = cluster();
    ok(['apply', '-f', 'numbers/']);
    ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=numbers-web']);
  });
  afterAll(() => k.cleanup());

  it('the jsonpath URL is http://localhost:8080', () => {
    expect(ok(['get', 'svc', 'numbers-web', '-o', 'jsonpath=http://{.status.loadBalancer.ingress[0].*}:8080'])).toBe('http://localhost:8080');
  });

  it('kubesim curl http://localhost:8080 gets the numbers-web page', () => {
    const r = run(['curl', '-s', 'http://localhost:8080']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<title>KIAMOL - Numbers.Web</title>');
    expect(r.stderr).toBe('');
  });

  it('-i shows the status line and headers with CRLF; -v the curl 8 connection lines', () => {
    const r = run(['curl', '-i', '-s', 'localhost:8080']);
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const v = run(['curl', '-v', '-s', 'http://localhost:8080/']);
    expect(v.stderr).toContain('* Host localhost:8080 was resolved.\n* IPv6: (none)\n* IPv4: 127.0.0.1\n*   Trying 127.0.0.1:8080...\n* Connected to localhost (127.0.0.1) port 8080\n');
    expect(v.stderr).toContain('> GET / HTTP/1.1\n> Host: localhost:8080\n> User-Agent: curl/8.5.0\n> Accept: */*\n');
  });

  it('--trace shows the path: Docker Desktop publishes the LB, NodePort, DNAT, SNAT', () => {
    const r = run(['curl', '-s', '--trace', 'http://localhost:8080']);
    expect(r.stderr).toContain('host: localhost:8080 is published by Docker Desktop for LoadBalancer Service default/numbers-web');
    expect(r.stderr).toMatch(/proxy: DNAT 172\.18\.0\.2:\d+ → 10\.244\.\d+\.\d+:80 \(pod default\/numbers-web-/);
    expect(r.stderr).toContain('proxy: SNAT 172.18.0.1 → 172.18.0.2');
  });

  it('the NodePort variant answers on localhost:30080 and the node IP', () => {
    ok(['apply', '-f', 'numbers-services/web-service-nodePort.yaml']);
    expect(run(['curl', '-s', 'http://localhost:30080']).stdout).toContain('KIAMOL Random Number Generator');
    expect(run(['curl', '-s', 'http://172.18.0.2:30080']).stdout).toContain('KIAMOL Random Number Generator');
    expect(ok(['service', 'numbers-web-node', '--url'])).toBe('http://localhost:30080\n');
    expect(ok(['service', 'numbers-web', '--url'])).toBe('http://localhost:8080\n');
  });

  it('a ClusterIP times out from the host: exit 28 with -m, curl 8 texts', () => {
    const ip = ok(['get', 'svc', 'numbers-api', '-o', 'jsonpath={.spec.clusterIP}']);
    const r = run(['curl', '-sS', '-m', '5', `http://${ip}`]);
    expect(r.code).toBe(28);
    expect(r.stderr).toBe('curl: (28) Connection timed out after 5001 milliseconds\n');
    const k2 = run(['curl', '-sS', `http://${ip}`]);
    expect(k2.code).toBe(28);
    expect(k2.stderr).toMatch(new RegExp(`^curl: \\(28\\) Failed to connect to ${ip.replace(/\./g, '\\.')} port 80 after \\d+ ms: Couldn't connect to server\\n$`));
    const t = run(['curl', '-s', '-m', '1', '--trace', `http://${ip}`]);
    expect(t.stderr).toContain('is the ClusterIP of Service default/numbers-api');
    const svc = run(['service', 'numbers-api', '--url']);
    expect(svc.code).toBe(1);
    expect(svc.stderr).toBe('😿  service default/numbers-api has no node port\n');
  });

  it('a pod IP times out; an unused localhost port is refused (exit 7); an unknown name exit 6', () => {
    const ip = ok(['get', 'pod', '-l', 'app=numbers-web', '-o', 'jsonpath={.items[0].status.podIP}']);
    expect(run(['curl', '-sS', '-m', '2', `http://${ip}`]).code).toBe(28);
    const r = run(['curl', '-sS', 'http://localhost:9999']);
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/^curl: \(7\) Failed to connect to localhost port 9999 after \d+ ms: Couldn't connect to server\n$/);
    const n = run(['curl', '-sS', 'http://numbers.kiamol.local:8080']);
    expect(n.code).toBe(6);
    expect(n.stderr).toBe('curl: (6) Could not resolve host: numbers.kiamol.local\n');
  });

  it('names resolve with --resolve and with the hosts file ($KUBESIM_HOSTS_FILE)', () => {
    const r = run(['curl', '-s', '--resolve', 'numbers.kiamol.local:8080:127.0.0.1', '-o', '/dev/null', '-w', '%{http_code} %{remote_ip}', 'http://numbers.kiamol.local:8080']);
    expect(r.stdout).toBe('200 127.0.0.1');
    const hosts = join(k.dir, 'hosts');
    writeFileSync(hosts, '127.0.0.1 localhost\n127.0.0.1 numbers.kiamol.local # kiamol\n');
    const h = k.run(['curl', '-s', 'http://numbers.kiamol.local:8080'], { cwd, env: { ...now(), KUBESIM_HOSTS_FILE: hosts } });
    expect(h.stdout).toContain('KIAMOL Random Number Generator');
  });
});

describe('a second LoadBalancer on a taken port and the kind profile', () => {
  let k: TestCluster;
  afterAll(() => k.cleanup());
  it('kind: nothing on localhost; NodePort on the node IP; service --url gives the node IP', () => {
    k = cluster();
    k.ok(['reset', '--profile', 'kind']);
    k.ok(['create', 'deployment', 'web', '--image', 'nginx:alpine', '--port', '80']);
    k.ok(['expose', 'deploy/web', '--type', 'NodePort', '--port', '8080', '--target-port', '80']);
    k.ok(['wait', '--for=condition=Available', 'deploy/web']);
    const port = k.ok(['get', 'svc', 'web', '-o', 'jsonpath={.spec.ports[0].nodePort}']);
    expect(k.ok(['service', 'web', '--url'])).toBe(`http://172.18.0.2:${port}\n`);
    expect(k.run(['curl', '-s', `http://172.18.0.2:${port}`]).stdout).toContain('Welcome to nginx!');
    expect(k.run(['curl', '-s', `http://localhost:${port}`]).code).toBe(7);
  });
});

describe.skipIf(!hasCorpus)('KiA ch05 from the host, 3-node cloud profile (needs ../shared/corpus)', () => {
  let k: TestCluster;
  const C = corpus('kia');
  beforeAll(() => {
    k = cluster();
    k.ok(['reset', '--nodes', '3', '--profile', 'cloud']);
    k.ok(['apply', '-f', join(C, 'Chapter04', 'kubia-rc.yaml'), '-f', join(C, 'Chapter05', 'kubia-svc-nodeport.yaml'), '-f', join(C, 'Chapter05', 'kubia-svc-loadbalancer.yaml'), '-f', join(C, 'Chapter05', 'kubia-svc-nodeport-onlylocal.yaml')]);
    k.ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=kubia']);
  });
  afterAll(() => k.cleanup());

  const externalIPs = () => k.ok(['get', 'nodes', '-o', 'jsonpath={.items[*].status.addresses[?(@.type=="ExternalIP")].address}']).split(' ');

  it('NodePort 30123 answers on every node ExternalIP and InternalIP', () => {
    const ext = externalIPs();
    expect(ext).toHaveLength(3);
    for (const ip of [...ext, '172.18.0.2', '172.18.0.3', '172.18.0.4']) {
      const r = k.run(['curl', '-s', `http://${ip}:30123`]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/);
    }
  });

  it('the LoadBalancer external IP answers; service --url prints it', () => {
    const ip = k.ok(['get', 'svc', 'kubia-loadbalancer', '-o', 'jsonpath={.status.loadBalancer.ingress[0].ip}']);
    expect(ip).toMatch(/^203\.0\.113\.\d+$/);
    expect(k.run(['curl', '-s', `http://${ip}`]).stdout).toMatch(/^You've hit kubia-/);
    expect(k.ok(['service', 'kubia-loadbalancer', '--url'])).toBe(`http://${ip}:80\n`);
    expect(k.ok(['service', 'kubia-nodeport', '--url'])).toBe('http://198.51.100.10:30123\n');
  });

  it('externalTrafficPolicy Local: only nodes with a local kubia pod answer, with the client IP kept', () => {
    const pods = JSON.parse(k.ok(['get', 'pods', '-l', 'app=kubia', '-o', 'json'])).items as { spec: { nodeName: string } }[];
    const withPod = new Set(pods.map((p) => p.spec.nodeName));
    const nodes = JSON.parse(k.ok(['get', 'nodes', '-o', 'json'])).items as { metadata: { name: string }; status: { addresses: { type: string; address: string }[] } }[];
    let answered = 0;
    let dropped = 0;
    for (const n of nodes) {
      const ip = n.status.addresses.find((a) => a.type === 'InternalIP')!.address;
      const r = k.run(['curl', '-sS', '-m', '2', '--trace', `http://${ip}:30124`]);
      if (withPod.has(n.metadata.name)) {
        expect(r.code).toBe(0);
        expect(r.stderr).toContain('externalTrafficPolicy Local: no SNAT, the app sees the client address 172.18.0.1');
        answered++;
      } else {
        expect(r.code).toBe(28);
        expect(r.stderr).toContain(`has externalTrafficPolicy Local and no ready endpoint on node ${n.metadata.name}`);
        dropped++;
      }
    }
    expect(answered).toBeGreaterThan(0);
    expect(dropped).toBeGreaterThan(0);
  });
});

describe.skipIf(!hasCorpus)('fleetman NodePort 30080 from the host (needs ../shared/corpus)', () => {
  let k: TestCluster;
  afterAll(() => k.cleanup());
  it('the webapp answers on localhost:30080 and the node IP', () => {
    k = cluster();
    const dir = corpus('fleetman', '_course_files', 'Intel_AMD_Edition', 'Chapter 6 Services');
    const env = { KUBESIM_NOW: '2024-05-01T10:00:00Z' };
    k.ok(['apply', '-f', join(dir, 'first-pod.yaml'), '-f', join(dir, 'webapp-service.yaml')], { env });
    expect(k.ok(['get', 'svc', 'fleetman-webapp', '-o', 'jsonpath={.spec.ports[0].nodePort}'], { env })).toBe('30080');
    const later = { KUBESIM_NOW: '2024-05-01T10:05:00Z' };
    const r = k.run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://localhost:30080'], { env: later });
    expect(r.stdout).toBe('200');
    expect(k.run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://172.18.0.2:30080'], { env: later }).stdout).toBe('200');
  });
});

describe.skipIf(!hasCorpus)('fleetman ch10: the queue console on NodePort 30010 (needs ../shared/corpus)', () => {
  let k: TestCluster;
  afterAll(() => k.cleanup());
  it('answers on localhost:30010; the admin pages ask for admin/admin', () => {
    k = cluster();
    const cwd = corpus('fleetman', '_course_files', 'Intel_AMD_Edition', 'Chapter 10 Networking');
    k.ok(['apply', '-f', '.'], { cwd });
    k.ok(['wait', '--for=condition=Ready', 'pod', 'queue', '--timeout=30s']);
    expect(k.ok(['get', 'svc', 'fleetman-queue', '-o', 'jsonpath={.spec.type} {.spec.ports[0].nodePort}'])).toBe('NodePort 30010');
    // The Java app listens a moment after its pod is Ready: a learner reloads.
    let home = k.run(['curl', '-s', 'http://localhost:30010/']);
    for (let i = 0; i < 20 && !home.stdout.includes('ActiveMQ'); i++) home = k.run(['curl', '-s', 'http://localhost:30010/']);
    expect(home.stdout).toContain('Welcome to the Apache ActiveMQ!');
    expect(k.run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://localhost:30010/admin/']).stdout).toBe('401');
    expect(k.ok(['curl', '-s', '-u', 'admin:admin', 'http://localhost:30010/admin/'])).toContain('ActiveMQ Console');
  });
});

describe('internalTrafficPolicy: Local (issue 5 §2)', () => {
  let k: TestCluster;
  afterAll(() => k.cleanup());
  it('a pod on the node of an endpoint reaches the Service; a pod on another node does not', () => {
    k = cluster();
    k.ok(['reset', '--nodes', '3']);
    const pod = (name: string, node: string, extra: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}${extra ? `, labels: {app: ${name}}` : ''}}\nspec:\n  nodeName: ${node}\n  containers: [{name: c, image: ${extra || 'curlimages/curl'}${extra ? '' : ", command: [sleep, '3600']"}}]\n`;
    const manifest = [
      pod('web', 'kubesim-worker', 'nginx'),
      pod('near', 'kubesim-worker', ''),
      pod('far', 'kubesim-worker2', ''),
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  internalTrafficPolicy: Local\n  ports: [{port: 80}]\n',
    ].join('---\n');
    k.ok(['apply', '-f', '-'], { input: manifest });
    k.ok(['wait', '--for=condition=Ready', 'pod', '--all']);
    expect(k.ok(['exec', 'near', '--', 'curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://web'])).toBe('200');
    const far = k.run(['exec', 'far', '--', 'curl', '-s', '-m', '2', 'http://web']);
    expect(far.code).toBe(28);
    expect(far.stderr).toBe('command terminated with exit code 28\n');
    // The trace says why.
    expect(k.run(['exec', 'far', '--trace', '--', 'curl', '-s', '-m', '2', 'http://web']).stderr).toMatch(/internalTrafficPolicy Local and no ready endpoint on node kubesim-worker2/);
  });
});
