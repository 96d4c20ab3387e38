// The books' in-pod network steps, run with the real binary: kiamol ch03 (ping, nslookup through
// the ExternalName and manual-Endpoints Services, numbers-web's page), Kubernetes in Action ch05
// (curl through a ClusterIP, ClientIP affinity, names, headless nslookup), fleetman ch10
// (nslookup database, mysql) and our backend-service example (my-service 3000 → 8080).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { clock, cluster, corpus, hasCorpus, ROOT, type TestCluster } from './helpers.js';
import { join } from 'node:path';

/** A clock that moves forward a few seconds per command (apps have start-up times). */
describe.skipIf(!hasCorpus)('kiamol ch03 in-pod steps (needs ../shared/corpus)', () => {
  let k: TestCluster;
  const now = clock();
  const cwd = corpus('kiamol', 'ch03');
  const run = (args: string[]) => k.run(args, { cwd, env: now() });
  const ok = (args: string[]) => k.ok(args, { cwd, env: now() });
  let webIP = '';
  const go = () => ok(['exec', 'deploy/sleep-1', '--', 'curl', '-s', '-X', 'POST', `http://${webIP}/`]);
  beforeAll(() => {
    k = cluster();
  });
  afterAll(() => k.cleanup());

  it('pings a pod IP: 2 packets transmitted, 2 received', () => {
    ok(['apply', '-f', 'sleep/sleep1.yaml', '-f', 'sleep/sleep2.yaml']);
    ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=sleep-2']);
    const ip = ok(['get', 'pod', '-l', 'app=sleep-2', '--output', 'jsonpath={.items[0].status.podIP}']);
    const r = run(['exec', 'deploy/sleep-1', '--', 'ping', '-c', '2', ip]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^PING ${ip} \\(${ip}\\): 56 data bytes\\n64 bytes from ${ip}: seq=0 ttl=64 time=\\d\\.\\d{3} ms\\n`));
    expect(r.stdout).toContain(`\n--- ${ip} ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = `);
  });

  it('pings the Service name: the ClusterIP, 100% loss, exit 1', () => {
    ok(['apply', '-f', 'sleep/sleep2-service.yaml']);
    const vip = ok(['get', 'svc', 'sleep-2', '-o', 'jsonpath={.spec.clusterIP}']);
    const r = run(['exec', 'deploy/sleep-1', '--', 'ping', '-c', '1', 'sleep-2']);
    expect(r.stdout).toBe(`PING sleep-2 (${vip}): 56 data bytes\n\n--- sleep-2 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n`);
    expect(r.stderr).toBe('command terminated with exit code 1\n');
    expect(r.code).toBe(1);
  });

  it("numbers-web: unavailable before the numbers-api Service, a number after", () => {
    ok(['apply', '-f', 'numbers/api.yaml', '-f', 'numbers/web.yaml']);
    ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=numbers-web']);
    webIP = ok(['get', 'pod', '-l', 'app=numbers-web', '-o', 'jsonpath={.items[0].status.podIP}']);
    expect(go()).toContain('RNG service unavailable!');
    ok(['apply', '-f', 'numbers/api-service.yaml']);
    expect(go()).toMatch(/Here it is: \d+/);
  });

  it('ExternalName: nslookup shows the CNAME, the app gets 42 from GitHub', () => {
    ok(['delete', 'svc', 'numbers-api']);
    ok(['apply', '-f', 'numbers-services/api-service-externalName.yaml']);
    const r = run(['exec', 'deploy/sleep-1', '--', 'sh', '-c', 'nslookup numbers-api | tail -n 5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Name:\traw.githubusercontent.com\nAddress: 185.199.111.133\n\nnumbers-api.default.svc.cluster.local\tcanonical name = raw.githubusercontent.com\n\n');
    expect(go()).toContain('Here it is: 42');
  });

  it('the "headless" Service with manual Endpoints: its ClusterIP; the app fails', () => {
    ok(['delete', 'svc', 'numbers-api']);
    ok(['apply', '-f', 'numbers-services/api-service-headless.yaml']);
    const vip = ok(['get', 'svc', 'numbers-api', '-o', 'jsonpath={.spec.clusterIP}']);
    const r = run(['exec', 'deploy/sleep-1', '--', 'sh', '-c', 'nslookup numbers-api | grep "^[^*]"']);
    expect(r.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\nName:\tnumbers-api.default.svc.cluster.local\nAddress: ${vip}\n`);
    expect(go()).toContain('RNG service unavailable!');
  });

  it('full names resolve as typed (kube-dns)', () => {
    const r = run(['exec', 'deploy/sleep-1', '--', 'sh', '-c', 'nslookup kube-dns.kube-system.svc.cluster.local | grep "^[^*]"']);
    expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\nName:\tkube-dns.kube-system.svc.cluster.local\nAddress: 10.96.0.10\n');
  });

  it('--trace shows the resolver walk and kube-proxy, on stderr only', () => {
    const plain = run(['exec', 'deploy/sleep-1', '--', 'curl', '-s', 'http://numbers-api']);
    const traced = run(['exec', '--trace', 'deploy/sleep-1', '--', 'curl', '-s', 'http://numbers-api']);
    expect(traced.code).toBe(plain.code);
    expect(traced.stdout).toBe(plain.stdout);
    expect(traced.stderr).toMatch(/dns: A numbers-api\.default\.svc\.cluster\.local\? → 10\.96\.0\.10:53/);
    expect(traced.stderr).toMatch(/proxy: DNAT 10\.96\.\d+\.\d+:80 → 192\.168\.123\.234:80 \(manual Endpoints\)/);
    expect(traced.stderr).toMatch(/nothing answers at 192\.168\.123\.234/);
  });
});

describe.skipIf(!hasCorpus)('Kubernetes in Action ch05 in-pod steps (needs ../shared/corpus)', () => {
  let k: TestCluster;
  const now = clock();
  const cwd = corpus('kia');
  const ok = (args: string[]) => k.ok(args, { cwd, env: now() });
  const run = (args: string[]) => k.run(args, { cwd, env: now() });
  let pods: string[] = [];
  beforeAll(() => {
    k = cluster();
    ok(['create', '-f', 'Chapter04/kubia-rc.yaml']);
    pods = ok(['get', 'pods', '-l', 'app=kubia', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ');
  });
  afterAll(() => k.cleanup());

  it('curl -s http://<clusterIP> goes round the three pods', () => {
    ok(['create', '-f', 'Chapter05/kubia-svc.yaml']);
    const vip = ok(['get', 'svc', 'kubia', '-o', 'jsonpath={.spec.clusterIP}']);
    const seen = [0, 1, 2, 3, 4, 5].map(() => ok(['exec', pods[0], '--', 'curl', '-s', `http://${vip}`]));
    expect(new Set(seen)).toEqual(new Set(pods.map((p) => `You've hit ${p}\n`)));
    expect(seen.slice(3)).toEqual(seen.slice(0, 3));
  });

  it('sessionAffinity ClientIP: always the same pod', () => {
    ok(['delete', 'svc', 'kubia']);
    ok(['create', '-f', 'Chapter05/kubia-svc-client-ip-session-affinity.yaml']);
    const seen = new Set([0, 1, 2, 3].map(() => ok(['exec', pods[1], '--', 'curl', '-s', 'http://kubia'])));
    expect(seen.size).toBe(1);
  });

  it('by FQDN, namespace and short name; resolv.conf; ping fails', () => {
    for (const n of ['kubia.default.svc.cluster.local', 'kubia.default', 'kubia']) {
      expect(ok(['exec', pods[0], '--', 'curl', '-s', `http://${n}`])).toMatch(/^You've hit kubia-\S+\n$/);
    }
    expect(ok(['exec', pods[0], '--', 'cat', '/etc/resolv.conf'])).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    const r = run(['exec', pods[0], '--', 'ping', '-c', '3', 'kubia']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--- kubia.default.svc.cluster.local ping statistics ---\n3 packets transmitted, 0 packets received, 100% packet loss\n');
  });

  it('headless: nslookup from tutum/dnsutils lists one A record per pod', () => {
    ok(['create', '-f', 'Chapter05/kubia-svc-headless.yaml']);
    ok(['run', 'dnsutils', '--image=tutum/dnsutils', '--command', '--', 'sleep', 'infinity']);
    const ips = ok(['get', 'pods', '-l', 'app=kubia', '-o', 'jsonpath={.items[*].status.podIP}']).split(' ').sort();
    const r = run(['exec', 'dnsutils', 'nslookup', 'kubia-headless']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n${ips.map((ip) => `Name:\tkubia-headless.default.svc.cluster.local\nAddress: ${ip}\n`).join('')}\n`);
    const vip = ok(['get', 'svc', 'kubia', '-o', 'jsonpath={.spec.clusterIP}']);
    expect(ok(['exec', 'dnsutils', '--', 'nslookup', 'kubia'])).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubia.default.svc.cluster.local\nAddress: ${vip}\n\n`);
  });
});

describe.skipIf(!hasCorpus)('fleetman ch10: nslookup database and the mysql client (needs ../shared/corpus)', () => {
  let k: TestCluster;
  const now = clock();
  const cwd = corpus('fleetman', '_course_files', 'Intel_AMD_Edition', 'Chapter 10 Networking');
  const ok = (args: string[]) => k.ok(args, { cwd, env: now() });
  const run = (args: string[], input?: string) => k.run(args, { cwd, env: now(), input });
  let webapp = '';
  beforeAll(() => {
    k = cluster();
    ok(['apply', '-f', 'pods.yaml']);
    ok(['apply', '-f', 'services.yaml']);
    ok(['apply', '-f', 'networking-tests.yaml']);
    webapp = ok(['get', 'pods', '-l', 'app=webapp', '-o', 'jsonpath={.items[0].metadata.name}']);
  });
  afterAll(() => k.cleanup());

  it('nslookup database (busybox 1.28 on Alpine 3.8)', () => {
    const vip = ok(['get', 'svc', 'database', '-o', 'jsonpath={.spec.clusterIP}']);
    const r = run(['exec', webapp, '--', 'nslookup', 'database']);
    expect(r.stdout).toBe(`\nName:      database\nAddress 1: ${vip} database.default.svc.cluster.local\n`);
    expect(r.stderr).toBe("nslookup: can't resolve '(null)': Name does not resolve\n");
  });

  it('mysql -h database -uroot -ppassword fleetman: create a table, show it', () => {
    const r = run(['exec', '-i', webapp, '--', 'sh', '-c', 'apk add mysql-client >/dev/null 2>&1; mysql -h database -uroot -ppassword fleetman'], 'create table testtable (test varchar(255));\nshow tables;\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Tables_in_fleetman\ntesttable\n');
    const bad = run(['exec', webapp, '--', 'sh', '-c', 'apk add mysql-client >/dev/null 2>&1; mysql -h nodb -uroot -ppassword fleetman -e "show tables"']);
    expect(bad.stderr).toBe("ERROR 2005 (HY000): Unknown MySQL server host 'nodb' (-2)\ncommand terminated with exit code 1\n");
  });
});

describe('our backend-service example: my-service 3000 → 8080', () => {
  let k: TestCluster;
  const now = clock();
  beforeAll(() => {
    k = cluster();
    k.ok(['apply', '-f', join(ROOT, 'manifests', 'backend-service', 'backend.yaml')], { env: now() });
  });
  afterAll(() => k.cleanup());

  it('reaches the backend pods through the Service port', () => {
    const seen = new Set([0, 1, 2, 3].map(() => k.ok(['exec', 'backend-1', '--', 'curl', '-s', 'http://my-service:3000'], { env: now() })));
    expect(seen).toEqual(new Set(["You've hit backend-1\n", "You've hit backend-2\n"]));
    const r = k.run(['exec', 'backend-1', '--', 'curl', '-sS', '-m', '2', 'http://my-service:8080'], { env: now() });
    expect(r.code).toBe(28);
    expect(r.stderr).toBe('curl: (28) Connection timed out after 2001 milliseconds\ncommand terminated with exit code 28\n');
  });

  it('100 curls over the round-robin Service: each pod exactly half', () => {
    const out = k.ok(['exec', 'backend-1', '--', 'sh', '-c', 'for i in $(seq 1 100); do curl -s http://my-service:3000; done'], { env: now() });
    const lines = out.trim().split('\n');
    expect(lines.filter((l) => l === "You've hit backend-1")).toHaveLength(50);
    expect(lines.filter((l) => l === "You've hit backend-2")).toHaveLength(50);
  });
});
