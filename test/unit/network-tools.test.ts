// The network tools' output texts and exit codes, run in-process inside simulated containers.
import { describe, expect, test } from 'vitest';
import { makeCluster, create, advance, pod, svc, getPod } from './network-fixture.js';
import { runTool } from './network-run.js';
import type { Cluster } from '../../src/store/cluster.js';
import { deleteObject } from '../../src/api/server.js';
import { reconcile } from '../../src/controllers/index.js';

function del(c: Cluster, service: string): void {
  deleteObject(c, c.get('services', 'default', service)!);
  reconcile(c);
}

/** kiamol ch03 + KiA ch05 in one namespace: sleep-1/sleep-2 (alpine 3.15, curl 7.80), 3 kubia pods. */
function world(): Cluster {
  const c = makeCluster();
  create(
    c,
    pod('sleep-1', 'kiamol/ch03-sleep'),
    pod('sleep-2', 'kiamol/ch03-sleep', { labels: { app: 'sleep-2' } }),
    svc('sleep-2', { selector: { app: 'sleep-2' }, ports: [{ port: 80 }] }),
    ...[1, 2, 3].map((i) => pod(`kubia-${i}`, 'luksa/kubia', { labels: { app: 'kubia' }, ports: [{ containerPort: 8080 }] })),
    svc('kubia', { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] }),
    pod('client', 'nginx:alpine'),
    pod('dnsutils', 'tutum/dnsutils'),
    pod('bb128', 'busybox:1.28'),
  );
  advance(c, 10);
  return c;
}

const vip = (c: Cluster, name: string, ns = 'default') => c.get('services', ns, name)!.spec.clusterIP as string;
const ip = (c: Cluster, name: string) => getPod(c, name).status.podIP as string;

describe('curl', () => {
  test('through a ClusterIP, round-robin over the pods, with the trace', async () => {
    const c = world();
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await runTool(c, 'kubia-1', ['curl', '-s', `http://${vip(c, 'kubia')}`]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      seen.push(r.stdout);
    }
    expect(new Set(seen)).toEqual(new Set(["You've hit kubia-1\n", "You've hit kubia-2\n", "You've hit kubia-3\n"]));
    expect(seen.slice(0, 3)).toEqual(seen.slice(3));
    const r = await runTool(c, 'sleep-1', ['curl', '-s', 'http://kubia']);
    expect(r.trace.join('\n')).toMatch(/dns: A kubia\.default\.svc\.cluster\.local\? → 10\.96\.0\.10:53/);
    expect(r.trace.join('\n')).toMatch(/proxy: round-robin: position \d of 3/);
    expect(r.trace.join('\n')).toMatch(/proxy: DNAT 10\.96\.\d+\.\d+:80 → 10\.244\.0\.\d+:8080 \(pod default\/kubia-\d\)/);
    expect(r.trace.join('\n')).toMatch(/http: GET \/ \(Host: kubia\) → 200 OK from pod default\/kubia-\d container "app"/);
  });

  test('by short, namespace and full name', async () => {
    const c = world();
    for (const n of ['kubia', 'kubia.default', 'kubia.default.svc.cluster.local']) {
      const r = await runTool(c, 'sleep-1', ['curl', '-s', `http://${n}`]);
      expect(r.stdout, n).toMatch(/^You've hit kubia-\d\n$/);
    }
    const r = await runTool(c, 'sleep-1', ['curl', '-s', 'http://kubia.other-ns']);
    expect(r.code).toBe(6);
    expect(r.stderr).toBe('');
  });

  test('error texts: 6 unresolvable, 7 refused (curl 7.80 / 7.38 / 8), 28 timeout', async () => {
    const c = world();
    let r = await runTool(c, 'sleep-1', ['curl', '-sS', 'http://nope']);
    expect([r.code, r.stderr]).toEqual([6, 'curl: (6) Could not resolve host: nope\n']);
    // sleep-2's Service has an endpoint but nothing listens there
    r = await runTool(c, 'sleep-1', ['curl', '-sS', 'http://sleep-2']);
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/^curl: \(7\) Failed to connect to sleep-2 port 80 after \d+ ms: Connection refused\n$/);
    r = await runTool(c, 'kubia-1', ['curl', '-sS', 'http://sleep-2']);
    expect(r.stderr).toBe('curl: (7) Failed to connect to sleep-2 port 80: Connection refused\n');
    r = await runTool(c, 'client', ['curl', '-sS', 'http://sleep-2']);
    expect(r.stderr).toMatch(/^curl: \(7\) Failed to connect to sleep-2 port 80 after \d+ ms: Couldn't connect to server\n$/);
    // a Service with no endpoints: REJECT, refused too
    create(c, svc('empty', { selector: { app: 'none' }, ports: [{ port: 80 }] }));
    r = await runTool(c, 'client', ['curl', '-sS', 'http://empty']);
    expect(r.code).toBe(7);
    expect(r.trace.join('\n')).toMatch(/has no ready endpoints: kube-proxy REJECTs/);
    // manual Endpoints to an address with nothing behind it
    create(c, svc('numbers-api', { ports: [{ port: 80 }] }), { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'numbers-api', namespace: 'default' }, subsets: [{ addresses: [{ ip: '192.168.123.234' }], ports: [{ port: 80 }] }] });
    r = await runTool(c, 'client', ['curl', '-sS', '-m', '5', 'http://numbers-api']);
    expect([r.code, r.stderr]).toEqual([28, 'curl: (28) Connection timed out after 5001 milliseconds\n']);
    expect(r.sleptMs).toBe(5000);
    // a port the Service does not have: no rule, no answer
    r = await runTool(c, 'client', ['curl', '-sS', '--connect-timeout', '2', `http://kubia:8080`]);
    expect([r.code, r.stderr]).toEqual([28, 'curl: (28) Failed to connect to kubia port 8080 after 2001 ms: Timeout was reached\n']);
    // -s alone hides the message, the exit code stays
    r = await runTool(c, 'client', ['curl', '-s', 'http://nope']);
    expect([r.code, r.stderr]).toEqual([6, '']);
  });

  test('-i, -I, -v, -w, -o, -f, -X/-d and the progress meter', async () => {
    const c = world();
    let r = await runTool(c, 'client', ['curl', '-si', 'http://kubia-1.x'.replace('kubia-1.x', ip(c, 'kubia-1')) + ':8080/']);
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\nYou've hit kubia-1\n$/);
    r = await runTool(c, 'client', ['curl', '-sI', `http://${ip(c, 'kubia-1')}:8080/`]);
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(r.stdout).not.toMatch(/You've hit/);
    r = await runTool(c, 'client', ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code} %{remote_ip}\\n', `http://kubia`]);
    expect(r.stdout).toBe(`200 ${vip(c, 'kubia')}\n`);
    r = await runTool(c, 'client', ['curl', '-s', '-o', 'out.txt', `http://${ip(c, 'kubia-2')}:8080`]);
    expect(r.stdout).toBe('');
    r = await runTool(c, 'client', ['curl', '-v', `http://kubia`]);
    expect(r.stderr).toContain(`* Connected to kubia (${vip(c, 'kubia')}) port 80\n`);
    expect(r.stderr).toContain('> GET / HTTP/1.1\n> Host: kubia\n> User-Agent: curl/8.11.1\n> Accept: */*\n> \n');
    expect(r.stderr).toContain('< HTTP/1.1 200 OK\n');
    r = await runTool(c, 'client', ['curl', `http://kubia`]);
    expect(r.stderr).toMatch(/^  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n/);
    expect(r.stderr).toMatch(/\r100    19  100    19    0     0 /);
    r = await runTool(c, 'client', ['curl', `http://kubia`], { tty: true });
    expect(r.stderr).toBe('');
    r = await runTool(c, 'client', ['curl', '-sf', 'http://localhost/nope']);
    expect([r.code, r.stdout]).toEqual([22, '']);
    r = await runTool(c, 'client', ['curl', '-sS', '-f', 'http://localhost/nope']);
    expect(r.stderr).toBe('curl: (22) The requested URL returned error: 404\n');
  });

  test('the simulated internet and ExternalName', async () => {
    const c = world();
    let r = await runTool(c, 'sleep-1', ['curl', '-s', 'https://raw.githubusercontent.com/sixeyed/kiamol/master/ch03/numbers/rng']);
    expect(r.stdout).toBe('42');
    create(c, svc('time-api', { type: 'ExternalName', externalName: 'worldtimeapi.org' }));
    r = await runTool(c, 'sleep-1', ['curl', '-s', 'http://time-api/api/timezone/CET']);
    expect(JSON.parse(r.stdout)).toMatchObject({ abbreviation: 'CET', timezone: 'CET', datetime: '2024-05-01T11:00:10.000000+01:00' });
    r = await runTool(c, 'sleep-1', ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://example.com']);
    expect(r.stdout).toBe('200');
  });
});

describe('wget (busybox)', () => {
  test('-O - prints the body; the status lines go to stderr', async () => {
    const c = world();
    let r = await runTool(c, 'sleep-1', ['wget', '-O', '-', `http://kubia`]);
    expect(r.stdout).toMatch(/^You've hit kubia-\d\n$/);
    expect(r.stderr).toBe(`Connecting to kubia (${vip(c, 'kubia')}:80)\nwriting to stdout\n-                    100% |********************************|    19  0:00:00 ETA\nwritten to stdout\n`);
    r = await runTool(c, 'sleep-1', ['wget', '-q', '-O', '-', `http://kubia`]);
    expect(r.stderr).toBe('');
    r = await runTool(c, 'sleep-1', ['wget', '-q', '-O', '-', 'http://nope']);
    expect([r.code, r.stderr]).toEqual([1, "wget: bad address 'nope'\n"]);
    r = await runTool(c, 'sleep-1', ['wget', '-q', '-O', '-', 'http://sleep-2']);
    expect([r.code, r.stderr]).toEqual([1, `wget: can't connect to remote host (${vip(c, 'sleep-2')}): Connection refused\n`]);
    r = await runTool(c, 'sleep-1', ['wget', '-q', '-O', '-', 'http://localhost:80/x']);
    expect(r.code).toBe(1);
  });

  test('saves to a file, and refuses to overwrite it', async () => {
    const c = world();
    let r = await runTool(c, 'client', ['wget', 'http://localhost']);
    expect(r.stderr).toContain("saving to 'index.html'\n");
    expect(r.stderr).toContain("'index.html' saved\n");
    r = await runTool(c, 'client', ['wget', 'http://localhost']);
    expect([r.code, r.stderr]).toEqual([1, "Connecting to localhost (127.0.0.1:80)\nwget: can't open 'index.html': File exists\n"]);
  });

  test('404 is an error', async () => {
    const c = world();
    const r = await runTool(c, 'client', ['wget', '-q', '-O', '-', 'http://localhost/missing']);
    expect([r.code, r.stderr]).toEqual([1, 'wget: server returned error: HTTP/1.1 404 Not Found\n']);
  });
});

describe('ping', () => {
  test('a pod IP answers (busybox format)', async () => {
    const c = world();
    const target = ip(c, 'sleep-2');
    const r = await runTool(c, 'sleep-1', ['ping', '-c', '2', target]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`PING ${target} (${target}): 56 data bytes`);
    expect(lines[1]).toMatch(new RegExp(`^64 bytes from ${target.replace(/\./g, '\\.')}: seq=0 ttl=64 time=0\\.\\d{3} ms$`));
    expect(lines[2]).toMatch(/: seq=1 ttl=64 time=/);
    expect(lines.slice(3, 6)).toEqual(['', `--- ${target} ping statistics ---`, '2 packets transmitted, 2 packets received, 0% packet loss']);
    expect(lines[6]).toMatch(/^round-trip min\/avg\/max = \d\.\d{3}\/\d\.\d{3}\/\d\.\d{3} ms$/);
  });

  test('a ClusterIP never answers: 100% packet loss, exit 1', async () => {
    const c = world();
    const r = await runTool(c, 'sleep-1', ['ping', '-c', '1', 'sleep-2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`PING sleep-2 (${vip(c, 'sleep-2')}): 56 data bytes\n\n--- sleep-2 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n`);
    expect(r.trace.join('\n')).toMatch(/no reply — .* is the ClusterIP of Service default\/sleep-2/);
  });

  test('unresolvable; iputils and inetutils formats', async () => {
    const c = world();
    let r = await runTool(c, 'sleep-1', ['ping', '-c', '1', 'nope']);
    expect([r.code, r.stderr]).toEqual([1, "ping: bad address 'nope'\n"]);
    r = await runTool(c, 'kubia-1', ['ping', '-c', '1', 'kubia']);
    expect(r.stdout).toBe(`PING kubia.default.svc.cluster.local (${vip(c, 'kubia')}): 56 data bytes\n\n--- kubia.default.svc.cluster.local ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n`);
    r = await runTool(c, 'dnsutils', ['ping', '-c', '1', ip(c, 'kubia-2')]);
    expect(r.stdout).toMatch(/^PING 10\.244\.0\.\d+ \(10\.244\.0\.\d+\) 56\(84\) bytes of data\.\n64 bytes from 10\.244\.0\.\d+: icmp_seq=1 ttl=64 time=0\.\d{3} ms\n\n--- 10\.244\.0\.\d+ ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt min\/avg\/max\/mdev = /);
    r = await runTool(c, 'dnsutils', ['ping', '-c', '1', 'nope']);
    expect([r.code, r.stderr]).toEqual([2, 'ping: nope: Name or service not known\n']);
  });
});

describe('nslookup', () => {
  test('busybox ≥ 1.30: the search list, A then AAAA, NXDOMAIN lines, exit 1', async () => {
    const c = world();
    const r = await runTool(c, 'sleep-1', ['nslookup', 'kubia']);
    expect(r.stdout).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n` +
        `Name:\tkubia.default.svc.cluster.local\nAddress: ${vip(c, 'kubia')}\n\n` +
        `** server can't find kubia.svc.cluster.local: NXDOMAIN\n\n` +
        `** server can't find kubia.cluster.local: NXDOMAIN\n\n` +
        `\n` +
        `** server can't find kubia.svc.cluster.local: NXDOMAIN\n\n` +
        `** server can't find kubia.cluster.local: NXDOMAIN\n\n`,
    );
    expect(r.code).toBe(1);
  });

  test('ExternalName (kiamol ch03: `nslookup numbers-api | tail -n 5`)', async () => {
    const c = world();
    create(c, svc('numbers-api', { type: 'ExternalName', externalName: 'raw.githubusercontent.com' }));
    const r = await runTool(c, 'sleep-1', ['nslookup', 'numbers-api']);
    const tail = r.stdout.split('\n').slice(-6).join('\n');
    expect(tail).toBe('Name:\traw.githubusercontent.com\nAddress: 185.199.111.133\n\nnumbers-api.default.svc.cluster.local\tcanonical name = raw.githubusercontent.com\n\n');
  });

  test('a manual-Endpoints Service resolves to its ClusterIP (`grep "^[^*]"`)', async () => {
    const c = world();
    create(c, svc('numbers-api', { ports: [{ port: 80 }] }), { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'numbers-api', namespace: 'default' }, subsets: [{ addresses: [{ ip: '192.168.123.234' }], ports: [{ port: 80 }] }] });
    const r = await runTool(c, 'sleep-1', ['nslookup', 'numbers-api']);
    const kept = r.stdout.split('\n').filter((l) => /^[^*]/.test(l));
    expect(kept).toEqual(['Server:\t\t10.96.0.10', 'Address:\t10.96.0.10:53', 'Name:\tnumbers-api.default.svc.cluster.local', `Address: ${vip(c, 'numbers-api')}`]);
  });

  test('a full name is asked as is', async () => {
    const c = world();
    const r = await runTool(c, 'sleep-1', ['nslookup', 'kube-dns.kube-system.svc.cluster.local']);
    expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkube-dns.kube-system.svc.cluster.local\nAddress: 10.96.0.10\n\n\n');
    expect(r.code).toBe(0);
  });

  test('busybox 1.28: getaddrinfo style with reverse names', async () => {
    const c = world();
    const r = await runTool(c, 'bb128', ['nslookup', 'kubia']);
    expect(r.stdout).toBe(`Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubia\nAddress 1: ${vip(c, 'kubia')} kubia.default.svc.cluster.local\n`);
    const nx = await runTool(c, 'bb128', ['nslookup', 'nope']);
    expect([nx.code, nx.stderr]).toEqual([1, "nslookup: can't resolve 'nope'\n"]);
  });

  test('bind (tutum/dnsutils): a headless Service lists every ready pod', async () => {
    const c = world();
    create(c, svc('kubia-headless', { clusterIP: 'None', selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] }));
    const r = await runTool(c, 'dnsutils', ['nslookup', 'kubia-headless']);
    const ips = [1, 2, 3].map((i) => ip(c, `kubia-${i}`)).sort();
    expect(r.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n${ips.map((x) => `Name:\tkubia-headless.default.svc.cluster.local\nAddress: ${x}\n`).join('')}\n`);
    const nx = await runTool(c, 'dnsutils', ['nslookup', 'nope']);
    expect([nx.code, nx.stdout]).toEqual([1, "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nope: NXDOMAIN\n\n"]);
  });
});

describe('dig, host, getent, nc', () => {
  test('dig +short, dig sections, host, getent hosts', async () => {
    const c = world();
    let r = await runTool(c, 'dnsutils', ['dig', '+short', 'kubia.default.svc.cluster.local']);
    expect(r.stdout).toBe(`${vip(c, 'kubia')}\n`);
    r = await runTool(c, 'dnsutils', ['dig', 'kubia.default.svc.cluster.local']);
    expect(r.stdout).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n');
    expect(r.stdout).toContain(`;kubia.default.svc.cluster.local. IN\tA\n\n;; ANSWER SECTION:\nkubia.default.svc.cluster.local. 30 IN\tA\t${vip(c, 'kubia')}\n`);
    r = await runTool(c, 'dnsutils', ['dig', 'SRV', '+short', '_http._tcp.kubia.default.svc.cluster.local']);
    expect(r.stdout).toBe('');
    r = await runTool(c, 'dnsutils', ['host', 'kubia']);
    expect([r.code, r.stdout]).toEqual([0, `kubia.default.svc.cluster.local has address ${vip(c, 'kubia')}\n`]);
    r = await runTool(c, 'dnsutils', ['host', 'nope']);
    expect([r.code, r.stdout]).toEqual([1, 'Host nope not found: 3(NXDOMAIN)\n']);
    r = await runTool(c, 'dnsutils', ['host', vip(c, 'kubia')]);
    expect(r.stdout).toBe(`${vip(c, 'kubia').split('.').reverse().join('.')}.in-addr.arpa domain name pointer kubia.default.svc.cluster.local.\n`);
    r = await runTool(c, 'kubia-1', ['getent', 'hosts', 'kubia']);
    expect(r.stdout).toBe(`${vip(c, 'kubia').padEnd(15)} kubia.default.svc.cluster.local\n`);
    r = await runTool(c, 'kubia-1', ['getent', 'hosts', 'nope']);
    expect([r.code, r.stdout]).toEqual([2, '']);
  });

  test('nc -zv: open, refused', async () => {
    const c = world();
    let r = await runTool(c, 'sleep-1', ['nc', '-zv', 'kubia', '80']);
    expect([r.code, r.stderr]).toEqual([0, `kubia (${vip(c, 'kubia')}:80) open\n`]);
    r = await runTool(c, 'sleep-1', ['nc', '-zv', 'sleep-2', '80']);
    expect([r.code, r.stderr]).toEqual([1, `nc: sleep-2 (${vip(c, 'sleep-2')}:80): Connection refused\n`]);
    r = await runTool(c, 'sleep-1', ['nc', 'kubia', '80'], { stdin: 'GET / HTTP/1.0\r\n\r\n' });
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\nYou've hit kubia-\d\n$/);
  });
});

describe('mysql and redis-cli', () => {
  function db(): Cluster {
    const c = world();
    const mysql = pod('mysql', 'mysql:5', { labels: { app: 'mysql' } });
    mysql.spec.containers[0].env = [{ name: 'MYSQL_ROOT_PASSWORD', value: 'password' }, { name: 'MYSQL_DATABASE', value: 'fleetman' }];
    create(c, mysql, svc('database', { selector: { app: 'mysql' }, ports: [{ port: 3306 }] }), pod('redis', 'redis', { labels: { app: 'redis' } }), svc('redis', { selector: { app: 'redis' }, ports: [{ port: 6379 }] }));
    advance(c, 30);
    return c;
  }

  test('mysql -h database -uroot -ppassword fleetman: batch and interactive', async () => {
    const c = db();
    let r = await runTool(c, 'sleep-1', ['mysql', '-h', 'database', '-uroot', '-ppassword', 'fleetman', '-e', 'create table testtable (test varchar(255)); show tables;']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'Tables_in_fleetman\ntesttable\n', '']);
    r = await runTool(c, 'sleep-1', ['mysql', '-h', 'database', '-uroot', '-ppassword', 'fleetman'], { lines: ['show tables;', 'exit'] });
    expect(r.stdout).toContain('Welcome to the MariaDB monitor.  Commands end with ; or \\g.\n');
    expect(r.stdout).toContain('Server version: 5.7.44 MySQL Community Server (GPL)\n');
    expect(r.stdout).toMatch(/MySQL \[fleetman\]> \+--------------------\+\n\| Tables_in_fleetman \|\n\+--------------------\+\n\| testtable          \|\n\+--------------------\+\n1 row in set \(0\.\d{3} sec\)\n\nMySQL \[fleetman\]> Bye\n$/);
  });

  test('mysql errors: unknown host, refused, access denied', async () => {
    const c = db();
    let r = await runTool(c, 'sleep-1', ['mysql', '-h', 'nodb', '-uroot', '-ppassword']);
    expect([r.code, r.stderr]).toEqual([1, "ERROR 2005 (HY000): Unknown MySQL server host 'nodb' (-2)\n"]);
    r = await runTool(c, 'sleep-1', ['mysql', '-h', 'kubia', '-P', '3306', '-uroot', '-ppassword']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("ERROR 2003 (HY000): Can't connect to MySQL server on 'kubia:3306' (110)\n");
    r = await runTool(c, 'sleep-1', ['mysql', '-h', ip(c, 'kubia-1'), '-uroot', '-ppassword']);
    expect(r.stderr).toBe(`ERROR 2003 (HY000): Can't connect to MySQL server on '${ip(c, 'kubia-1')}:3306' (111)\n`);
    r = await runTool(c, 'sleep-1', ['mysql', '-h', 'database', '-uroot', '-pwrong']);
    expect(r.stderr).toBe(`ERROR 1045 (28000): Access denied for user 'root'@'${ip(c, 'sleep-1')}' (using password: YES)\n`);
  });

  test('fleetman ch10: nslookup database from the webapp (busybox 1.28 on musl)', async () => {
    const c = db();
    create(c, pod('webapp', 'richardchesterwood/k8s-fleetman-webapp-angular:release0-5', { labels: { app: 'webapp' } }));
    advance(c, 5);
    const r = await runTool(c, 'webapp', ['nslookup', 'database']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("nslookup: can't resolve '(null)': Name does not resolve\n");
    expect(r.stdout).toBe(`\nName:      database\nAddress 1: ${vip(c, 'database')} database.default.svc.cluster.local\n`);
    const nx = await runTool(c, 'webapp', ['nslookup', 'nope']);
    expect([nx.code, nx.stderr]).toEqual([1, "nslookup: can't resolve '(null)': Name does not resolve\nnslookup: can't resolve 'nope': Name does not resolve\n"]);
  });

  test('redis-cli keeps data in the redis container', async () => {
    const c = db();
    expect((await runTool(c, 'sleep-1', ['redis-cli', '-h', 'redis', 'INCR', 'hits'])).stdout).toBe('1\n');
    expect((await runTool(c, 'sleep-1', ['redis-cli', '-h', 'redis', 'INCR', 'hits'])).stdout).toBe('2\n');
    expect((await runTool(c, 'sleep-1', ['redis-cli', '-h', 'redis', 'GET', 'hits'], { tty: true })).stdout).toBe('"2"\n');
    const r = await runTool(c, 'sleep-1', ['redis-cli', '-h', 'nope', 'PING']);
    expect([r.code, r.stderr]).toEqual([1, 'Could not connect to Redis at nope:6379: Name does not resolve\n']);
  });
});

describe('an app calling another Service (kiamol numbers-web → numbers-api)', () => {
  test('before the Service, with it, through the ExternalName, and to a dead manual endpoint', async () => {
    const c = makeCluster();
    create(c, pod('sleep-1', 'kiamol/ch03-sleep'), pod('web', 'kiamol/ch03-numbers-web', { labels: { app: 'numbers-web' } }), pod('api', 'kiamol/ch03-numbers-api', { labels: { app: 'numbers-api' } }));
    advance(c, 10);
    const go = async () => (await runTool(c, 'sleep-1', ['curl', '-s', '-X', 'POST', `http://${ip(c, 'web')}/`])).stdout;
    expect(await go()).toContain('RNG service unavailable!');
    create(c, svc('numbers-api', { selector: { app: 'numbers-api' }, ports: [{ port: 80 }] }));
    expect(await go()).toMatch(/Here it is: \d+/);
    del(c, 'numbers-api');
    create(c, svc('numbers-api', { type: 'ExternalName', externalName: 'raw.githubusercontent.com' }));
    expect(await go()).toContain('Here it is: 42');
    del(c, 'numbers-api');
    create(c, svc('numbers-api', { ports: [{ port: 80 }] }), { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'numbers-api', namespace: 'default' }, subsets: [{ addresses: [{ ip: '192.168.123.234' }], ports: [{ port: 80 }] }] });
    const r = await runTool(c, 'sleep-1', ['curl', '-s', '-X', 'POST', `http://${ip(c, 'web')}/`]);
    expect(r.stdout).toContain('RNG service unavailable!');
  });
});

describe('balancing seen by curl', () => {
  async function counts(mode: 'round-robin' | 'random'): Promise<Record<string, number>> {
    const c = makeCluster();
    c.state.cluster.proxyMode = mode;
    create(c, pod('client', 'nginx:alpine'), ...[1, 2, 3, 4].map((i) => pod(`web-${i}`, 'luksa/kubia', { labels: { app: 'web' } })), svc('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }));
    advance(c, 5);
    const n: Record<string, number> = {};
    for (let i = 0; i < 100; i++) {
      const out = (await runTool(c, 'client', ['curl', '-s', 'http://web'])).stdout.trim();
      n[out] = (n[out] ?? 0) + 1;
    }
    return n;
  }

  test('100 curls over 4 pods: 25 each in round-robin mode', async () => {
    expect(await counts('round-robin')).toEqual({ "You've hit web-1": 25, "You've hit web-2": 25, "You've hit web-3": 25, "You've hit web-4": 25 });
  });

  test('random mode: every pod is hit', async () => {
    const n = await counts('random');
    expect(Object.keys(n).sort()).toEqual(["You've hit web-1", "You've hit web-2", "You've hit web-3", "You've hit web-4"]);
    expect(Object.values(n).some((v) => v !== 25)).toBe(true);
  });
});
