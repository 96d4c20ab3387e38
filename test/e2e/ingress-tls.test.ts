// Ingress, the rest of issue 5 §4 from the host (kubesim curl): HTTPS per spec.tls with
// ingress-nginx's certificate choice (a TLS Secret, else its "Fake Certificate"), curl's exit 60
// without -k and its -v handshake and "Server certificate" lines, ssl-redirect (308), wildcard
// hosts, defaultBackend, the nginx affinity cookie, traefik (kiamol ch15: pathmatcher, router.tls,
// sticky cookie) and `describe ingress` backends with their endpoints. Runs the real binary; the
// certificates are test/fixtures/tls (see its README).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clock, cluster, corpus, hasCorpus, ROOT, type TestCluster } from './helpers.js';

const FIX = join(ROOT, 'test', 'fixtures', 'tls');

const CA_ERROR = (problem: string) =>
  `curl: (60) SSL certificate problem: ${problem}\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the webpage mentioned above.\n`;

const REDIRECT_PAGE = '<html>\r\n<head><title>308 Permanent Redirect</title></head>\r\n<body>\r\n<center><h1>308 Permanent Redirect</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** The handshake curl 8 -v prints up to the certificate block (stdout not a terminal). */
const handshake = (certMessageBytes: number, certVerifyBytes: number) =>
  [
    '* ALPN: curl offers h2,http/1.1',
    '} [5 bytes data]',
    '* TLSv1.3 (OUT), TLS handshake, Client hello (1):',
    '} [512 bytes data]',
    '* TLSv1.3 (IN), TLS handshake, Server hello (2):',
    '{ [122 bytes data]',
    '* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):',
    '{ [21 bytes data]',
    '* TLSv1.3 (IN), TLS handshake, Certificate (11):',
    `{ [${certMessageBytes} bytes data]`,
    '* TLSv1.3 (IN), TLS handshake, CERT verify (15):',
    `{ [${certVerifyBytes} bytes data]`,
    '* TLSv1.3 (IN), TLS handshake, Finished (20):',
    '{ [52 bytes data]',
    '* TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):',
    '} [1 bytes data]',
    '* TLSv1.3 (OUT), TLS handshake, Finished (20):',
    '} [52 bytes data]',
    '* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS',
    '* ALPN: server accepted http/1.1',
    '* Server certificate:',
  ].join('\n');

describe('HTTPS through the built-in controller with a TLS Secret (test fixtures only)', () => {
  let k: TestCluster;
  const now = clock();
  const run = (args: string[]) => k.run(args, { env: now() });
  const ok = (args: string[]) => k.ok(args, { env: now() });
  const R = ['--resolve', 'kubia.example.com:443:127.0.0.1', '--resolve', 'kubia.example.com:80:127.0.0.1'];
  beforeAll(() => {
    k = cluster();
    ok(['create', 'deployment', 'web', '--image=nginx', '--replicas=2']);
    ok(['expose', 'deployment', 'web', '--port=80']);
    expect(ok(['create', 'secret', 'tls', 'tls-secret', `--cert=${join(FIX, 'kubia-tls.cert')}`, `--key=${join(FIX, 'kubia-tls.key')}`])).toBe('secret/tls-secret created\n');
    ok(['create', 'ingress', 'web', '--rule=kubia.example.com/*=web:80,tls=tls-secret']);
    ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=web']);
  });
  afterAll(() => k.cleanup());

  it('-k: the Secret\'s certificate, the page, HSTS', () => {
    const r = run(['curl', '-k', '-s', '-i', ...R, 'https://kubia.example.com/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\r\n/);
    expect(r.stdout).toContain('Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n');
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
    const v = run(['curl', '-k', '-s', '-v', '-o', '/dev/null', ...R, 'https://kubia.example.com/']);
    expect(v.stderr).toContain('*  subject: CN=kubia.example.com\n*  start date: Nov 21 07:19:03 2026 GMT\n*  expire date: Nov 18 07:19:03 2036 GMT\n*  issuer: CN=kubia.example.com\n');
  });

  it('without -k: exit 60, self-signed certificate', () => {
    const r = run(['curl', '-s', '-S', ...R, 'https://kubia.example.com/']);
    expect(r.code).toBe(60);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(CA_ERROR('self-signed certificate'));
  });

  it('plain HTTP to the TLS host: 308 to https://', () => {
    const r = run(['curl', '-s', '-i', ...R, 'http://kubia.example.com/a/b/?x=1']);
    expect(r.stdout).toMatch(/^HTTP\/1\.1 308 Permanent Redirect\r\nServer: nginx\r\nDate: [^\r]+\r\nContent-Type: text\/html\r\nContent-Length: 164\r\nConnection: keep-alive\r\nLocation: https:\/\/kubia\.example\.com\/a\/b\/\?x=1\r\n\r\n/);
    expect(r.stdout.endsWith(REDIRECT_PAGE)).toBe(true);
    const t = run(['curl', '-s', '-i', ...R, 'http://kubia.example.com/a/']);
    expect(t.stdout).toContain('Location: https://kubia.example.com/a\r\n');
  });

  it('an IP address sends no SNI: the controller presents its Fake Certificate', () => {
    const r = run(['curl', '-k', '-s', '-v', '-o', '/dev/null', '-H', 'Host: kubia.example.com', 'https://127.0.0.1/']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('*  subject: O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate\n*  start date: May  1 10:00:03 2024 GMT\n*  expire date: May  1 10:00:03 2025 GMT\n*  issuer: O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate\n');
  });
});

describe.skipIf(!hasCorpus)('KiA ch05 Ingress TLS (kubia-ingress-tls.yaml), cloud profile (needs ../shared/corpus)', () => {
  let k: TestCluster;
  const now = clock();
  let env: () => Record<string, string>;
  const run = (args: string[]) => k.run(args, { env: env() });
  const ok = (args: string[]) => k.ok(args, { env: env() });
  beforeAll(() => {
    k = cluster();
    const hosts = join(k.dir, 'hosts');
    writeFileSync(hosts, '203.0.113.2 kubia.example.com\n');
    env = () => ({ ...now(), KUBESIM_HOSTS_FILE: hosts });
    const C = corpus('kia');
    ok(['reset', '--nodes', '3', '--profile', 'cloud']);
    // The book: openssl genrsa / openssl req -new -x509 … -subj /CN=kubia.example.com, then:
    expect(ok(['create', 'secret', 'tls', 'tls-secret', `--cert=${join(FIX, 'kubia-tls.cert')}`, `--key=${join(FIX, 'kubia-tls.key')}`])).toBe('secret/tls-secret created\n');
    ok(['apply', '-f', join(C, 'Chapter04', 'kubia-rc.yaml'), '-f', join(C, 'Chapter05', 'kubia-svc-nodeport.yaml'), '-f', join(C, 'Chapter05', 'kubia-ingress-tls.yaml')]);
    ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=kubia']);
  });
  afterAll(() => k.cleanup());

  it('curl -k -v https://kubia.example.com/kubia: the handshake, the certificate lines, the answer', () => {
    const r = run(['curl', '-k', '-v', 'https://kubia.example.com/kubia']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/);
    expect(r.stderr).toContain(`*   Trying 203.0.113.2:443...\n* Connected to kubia.example.com (203.0.113.2) port 443\n${handshake(810, 264)}\n`);
    expect(r.stderr).toContain(
      [
        '* Server certificate:',
        '*  subject: CN=kubia.example.com',
        '*  start date: Nov 21 07:19:03 2026 GMT',
        '*  expire date: Nov 18 07:19:03 2036 GMT',
        '*  issuer: CN=kubia.example.com',
        '*  SSL certificate verify result: self-signed certificate (18), continuing anyway.',
        '*   Certificate level 0: Public key type RSA (2048/112 Bits/secBits), signed using sha256WithRSAEncryption',
        '* using HTTP/1.x',
        '} [5 bytes data]',
        '> GET /kubia HTTP/1.1',
        '> Host: kubia.example.com',
        '> User-Agent: curl/8.5.0',
        '> Accept: */*',
        '> ',
        '* Request completely sent off',
        '{ [5 bytes data]',
        '* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):',
        '{ [57 bytes data]',
        '* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):',
        '{ [57 bytes data]',
        '* old SSL session ID is stale, removing',
        '{ [5 bytes data]',
        '< HTTP/1.1 200 OK',
        '< Server: nginx',
      ].join('\n'),
    );
    expect(r.stderr).toContain('< Strict-Transport-Security: max-age=31536000; includeSubDomains\n');
    expect(r.stderr).toContain('* Connection #0 to host kubia.example.com left intact\n');
  });

  it('without -k: exit 60; -v shows the unknown-CA alert after the Certificate message', () => {
    const r = run(['curl', 'https://kubia.example.com/kubia']);
    expect(r.code).toBe(60);
    expect(r.stderr.endsWith(CA_ERROR('self-signed certificate'))).toBe(true);
    const v = run(['curl', '-v', '-s', 'https://kubia.example.com/kubia']);
    expect(v.code).toBe(60);
    expect(v.stderr).toContain(
      [
        '* Connected to kubia.example.com (203.0.113.2) port 443',
        '* ALPN: curl offers h2,http/1.1',
        '} [5 bytes data]',
        '* TLSv1.3 (OUT), TLS handshake, Client hello (1):',
        '} [512 bytes data]',
        '*  CAfile: /etc/ssl/certs/ca-certificates.crt',
        '*  CApath: /etc/ssl/certs',
        '{ [5 bytes data]',
        '* TLSv1.3 (IN), TLS handshake, Server hello (2):',
        '{ [122 bytes data]',
        '* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):',
        '{ [21 bytes data]',
        '* TLSv1.3 (IN), TLS handshake, Certificate (11):',
        '{ [810 bytes data]',
        '* TLSv1.3 (OUT), TLS alert, unknown CA (560):',
        '} [2 bytes data]',
        '* SSL certificate problem: self-signed certificate',
      ].join('\n'),
    );
    expect(v.stderr).not.toContain('Server certificate');
  });

  it('http:// gets ingress-nginx\'s 308 to https://; -L -k follows it', () => {
    const r = run(['curl', '-s', '-i', 'http://kubia.example.com/kubia/']);
    expect(r.stdout).toMatch(/^HTTP\/1\.1 308 Permanent Redirect\r\n/);
    expect(r.stdout).toContain('Location: https://kubia.example.com/kubia\r\n');
    expect(r.stdout.endsWith(REDIRECT_PAGE)).toBe(true);
    const f = run(['curl', '-s', '-L', '-k', '-w', '%{http_code} %{num_redirects} %{url_effective}\n', 'http://kubia.example.com/kubia']);
    expect(f.stdout).toMatch(/^You've hit kubia-[a-z0-9]{5}\n200 1 https:\/\/kubia\.example\.com\/kubia\n$/);
  });

  it('ssl-redirect: "false" keeps plain HTTP', () => {
    ok(['annotate', 'ingress', 'kubia', 'nginx.ingress.kubernetes.io/ssl-redirect=false']);
    const r = run(['curl', '-s', '-i', 'http://kubia.example.com/kubia']);
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(r.stdout).toMatch(/You've hit kubia-[a-z0-9]{5}\n$/);
    ok(['annotate', 'ingress', 'kubia', 'nginx.ingress.kubernetes.io/ssl-redirect-']);
    expect(run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://kubia.example.com/kubia']).stdout).toBe('308');
  });

  it('describe ingress: the TLS Secret and the backend with its endpoints', () => {
    const d = ok(['describe', 'ing', 'kubia']);
    expect(d).toContain('Address:          203.0.113.2\n');
    expect(d).toContain('TLS:\n  tls-secret terminates kubia.example.com\n');
    expect(d).toMatch(/\n  kubia\.example\.com  \n {21}\/   kubia-nodeport:80 \((10\.244\.\d+\.\d+:8080,){2}10\.244\.\d+\.\d+:8080\)\n/);
  });
});

describe.skipIf(!hasCorpus)('KiA 2nd ed. ch12 Ingress: defaultBackend, wildcard host, affinity cookie, TLS (needs ../shared/corpus)', () => {
  let k: TestCluster;
  const now = clock();
  const cwd = corpus('kia2', 'Chapter12');
  const run = (args: string[]) => k.run(args, { cwd, env: now() });
  const ok = (args: string[]) => k.ok(args, { cwd, env: now() });
  const get = (host: string, path: string, extra: string[] = []) => run(['curl', '-s', ...extra, '-H', `Host: ${host}`, `http://localhost${path}`]);
  const podOf = (text: string) => /running in pod "([^"]+)"/.exec(text)?.[1];
  beforeAll(() => {
    k = cluster();
    ok(['apply', '-f', 'SETUP/kiada', '-f', 'SETUP/quote', '-f', 'SETUP/quiz', '-f', 'all.fun404.yaml']);
    ok(['wait', '--for=condition=Ready', 'pod', '--all']);
  });
  afterAll(() => k.cleanup());

  it('defaultBackend: a known host without a matching path goes to fun404; an unknown host to the controller\'s 404', () => {
    ok(['apply', '-f', 'ing.kiada.defaultBackend.yaml']);
    expect(get('api.example.com', '/').stdout).toBe("This isn't the URL you're looking for.");
    expect(get('api.example.com', '/quote', ['-o', '/dev/null', '-w', '%{http_code}']).stdout).toBe('200');
    const other = run(['curl', '-s', '-i', '-H', 'Host: other.example.com', 'http://localhost/']);
    expect(other.stdout).toMatch(/^HTTP\/1\.1 404 Not Found\r\nServer: nginx\r\n/);
    expect(other.stdout).toContain('<center><h1>404 Not Found</h1></center>');
    const d = ok(['describe', 'ing', 'kiada']);
    expect(d).toMatch(/\nDefault backend:  fun404:http \(10\.244\.\d+\.\d+:8080\)\n/);
    expect(d).toMatch(/\n {21}\/quote       quote:http \((10\.244\.\d+\.\d+:80,){2}10\.244\.\d+\.\d+:80\)\n/);
    expect(d).toMatch(/\n {21}\/questions   quiz:http \(10\.244\.\d+\.\d+:8080\)\n/);
  });

  it('wildcard host: *.example.com covers one label; api.example.com keeps its own rules', () => {
    ok(['delete', 'ing', 'kiada']);
    ok(['apply', '-f', 'ing.kiada.wildcard.yaml']);
    expect(podOf(get('foo.example.com', '/').stdout)).toMatch(/^kiada-00\d$/);
    expect(get('a.b.example.com', '/', ['-o', '/dev/null', '-w', '%{http_code}']).stdout).toBe('404');
    expect(get('api.example.com', '/quote', ['-o', '/dev/null', '-w', '%{http_code}']).stdout).toBe('200');
    const t = run(['curl', '-s', '--trace', '-o', '/dev/null', '-H', 'Host: foo.example.com', 'http://localhost/']);
    expect(t.stderr).toContain('ingress: Ingress default/kiada (Prefix /) → Service default/kiada port 80');
  });

  it('affinity: cookie — Set-Cookie for a new client, the same pod for the same cookie', () => {
    ok(['apply', '-f', 'ing.kiada.affinity-nginx.yaml']);
    const first = get('kiada.example.com', '/', ['-i']).stdout;
    const cookie = /\r\nSet-Cookie: (SESSION_COOKIE=[0-9a-f]{32}); Path=\/; HttpOnly\r\n/.exec(first)?.[1];
    expect(cookie).toBeDefined();
    const pod = podOf(first);
    for (let i = 0; i < 5; i++) {
      const again = get('kiada.example.com', '/', ['-i', '-b', cookie!]).stdout;
      expect(podOf(again)).toBe(pod);
      expect(again).not.toContain('Set-Cookie');
    }
    // Without the cookie every request is a new client: a Set-Cookie each time, pods vary.
    const pods = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const r = get('kiada.example.com', '/', ['-i']).stdout;
      expect(r).toContain('\r\nSet-Cookie: SESSION_COOKIE=');
      pods.add(podOf(r)!);
    }
    expect(pods.size).toBeGreaterThan(1);
  });

  it('TLS with the book\'s *.example.com Secret (tls.hosts "*.example.com")', () => {
    ok(['apply', '-f', 'secret.tls-example-com.yaml', '-f', 'ing.kiada.tls.yaml']);
    const R = ['--resolve', 'kiada.example.com:443:127.0.0.1'];
    const v = run(['curl', '-k', '-v', '-s', '-o', '/dev/null', ...R, 'https://kiada.example.com/']);
    expect(v.code).toBe(0);
    expect(v.stderr).toContain('*  subject: CN=*.example.com\n*  start date: Mar  4 07:05:50 2022 GMT\n*  expire date: Feb 27 07:05:50 2042 GMT\n*  issuer: CN=*.example.com\n');
    expect(run(['curl', '-s', ...R, 'https://kiada.example.com/']).code).toBe(60);
    const h = get('kiada.example.com', '/', ['-i']).stdout;
    expect(h).toMatch(/^HTTP\/1\.1 308 Permanent Redirect\r\n/);
    expect(h).toContain('Location: https://kiada.example.com\r\n');
  });
});

describe.skipIf(!hasCorpus)('kiamol ch15: traefik and HTTPS (needs ../shared/corpus)', () => {
  let k: TestCluster;
  const now = clock();
  const cwd = corpus('kiamol', 'ch15');
  const run = (args: string[]) => k.run(args, { cwd, env: now() });
  const ok = (args: string[]) => k.ok(args, { cwd, env: now() });
  const R = ['--resolve', 'todo2.kiamol.local:8015:127.0.0.1', '--resolve', 'todo2.kiamol.local:9443:127.0.0.1', '--resolve', 'todo.kiamol.local:443:127.0.0.1'];
  beforeAll(() => {
    k = cluster();
    ok(['apply', '-f', 'ingress-traefik/']);
    ok(['apply', '-f', 'todo-list/']);
    ok(['apply', '-f', 'todo-list/update/ingress-traefik.yaml']);
    ok(['scale', 'deploy/todo-web', '--replicas', '3']);
    ok(['wait', '--for=condition=Ready', 'pod', '--all', '-A']);
  });
  afterAll(() => k.cleanup());

  it('router.pathmatcher: Path /new is exact, PathPrefix /static is a prefix; no router → 404 page not found', () => {
    const code = (p: string) => run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', ...R, `http://todo2.kiamol.local:8015${p}`]).stdout;
    expect(code('/')).toBe('200');
    expect(code('/list')).toBe('200');
    expect(code('/new')).toBe('200');
    // /static/… reaches the app (whatever it answers), not traefik's own 404.
    const t = run(['curl', '-s', '--trace', ...R, 'http://todo2.kiamol.local:8015/staticx/app.css']);
    expect(t.stderr).toContain('traefik: Ingress default/todo2-static router Host(`todo2.kiamol.local`) && PathPrefix(`/static`) → Service default/todo-web port 80');
    expect(t.stdout).not.toBe('404 page not found\n');
    const n = run(['curl', '-s', '-i', ...R, 'http://todo2.kiamol.local:8015/newx']);
    expect(n.stdout).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
    expect(n.stdout).toContain('Content-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nContent-Length: 19\r\n\r\n404 page not found\n');
  });

  it('service.sticky.cookie: a cookie named _<sha1 of the service> pins the client to one pod', () => {
    const first = run(['curl', '-s', '-i', ...R, 'http://todo2.kiamol.local:8015/new']).stdout;
    // sha1("_TRAEFIK_BACKEND_default-todo-web-sticky-80@kubernetes") starts a4506.
    const m = /\r\nSet-Cookie: (_a4506)=(http:\/\/10\.244\.\d+\.\d+:80); Path=\/\r\n/.exec(first);
    expect(m).not.toBeNull();
    for (let i = 0; i < 4; i++) {
      const t = run(['curl', '-s', '-i', '--trace', '-b', `${m![1]}=${m![2]}`, ...R, 'http://todo2.kiamol.local:8015/new']);
      expect(t.stderr).toContain(`sticky cookie _a4506 pins ${m![2]}`);
      expect(t.stdout).not.toContain('Set-Cookie');
    }
    // The other paths use the plain todo-web Service: no cookie.
    expect(run(['curl', '-s', '-i', ...R, 'http://todo2.kiamol.local:8015/list']).stdout).not.toContain('Set-Cookie');
  });

  it('router.tls: HTTPS only, with TRAEFIK DEFAULT CERT when no Secret covers the name', () => {
    // The book's way: the cert-generator pod makes them, the learner copies them out.
    ok(['apply', '-f', 'cert-generator.yaml']);
    ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=cert-generator']);
    for (const f of ['server-cert.pem', 'server-key.pem']) writeFileSync(join(k.dir, f), ok(['exec', 'deploy/cert-generator', '--', 'cat', `/certs/${f}`]));
    ok(['create', 'secret', 'tls', 'kiamol-cert', `--cert=${join(k.dir, 'server-cert.pem')}`, `--key=${join(k.dir, 'server-key.pem')}`]);
    ok(['apply', '-f', 'todo-list/update/ingress-traefik-https.yaml']);
    expect(run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', ...R, 'http://todo2.kiamol.local:8015/']).stdout).toBe('404');
    const v = run(['curl', '-k', '-s', '-v', '-o', '/dev/null', ...R, 'https://todo2.kiamol.local:9443/']);
    expect(v.code).toBe(0);
    expect(v.stderr).toMatch(/\*  subject: CN=TRAEFIK DEFAULT CERT\n\*  start date: .+ GMT\n\*  expire date: .+ GMT\n\*  issuer: CN=TRAEFIK DEFAULT CERT\n\*  SSL certificate verify result: self-signed certificate \(18\), continuing anyway\.\n/);
    expect(v.stderr).toContain('< HTTP/1.1 200 OK\n');
    // Go's crypto/tls sends one session ticket.
    expect(v.stderr.match(/Newsession Ticket/g)?.length).toBe(1);
    expect(run(['curl', '-s', ...R, 'https://todo2.kiamol.local:9443/']).code).toBe(60);
  });

  it('ingress-nginx with the cert-generator\'s CA-signed certificate: unable to get local issuer certificate', () => {
    ok(['apply', '-f', 'todo-list/update/ingress-https.yaml']);
    const r = run(['curl', '-s', '-S', ...R, 'https://todo.kiamol.local/']);
    expect(r.code).toBe(60);
    expect(r.stderr).toBe(CA_ERROR('unable to get local issuer certificate'));
    const v = run(['curl', '-k', '-s', '-v', '-o', '/dev/null', ...R, 'https://todo.kiamol.local/']);
    expect(v.stderr).toContain(`${handshake(1461, 520)}\n*  subject: CN=kiamol.local\n`);
    expect(v.stderr).toContain('*  issuer: C=UK; ST=LONDON; L=London; O=KIAMOL; OU=elton\n*  SSL certificate verify result: unable to get local issuer certificate (20), continuing anyway.\n*   Certificate level 0: Public key type RSA (4096/152 Bits/secBits), signed using sha256WithRSAEncryption\n');
    // todo-new has affinity: cookie — over HTTPS the cookie is Secure and scoped to its path.
    const c = run(['curl', '-k', '-s', '-i', ...R, 'https://todo.kiamol.local/new']).stdout;
    expect(c).toMatch(/\r\nSet-Cookie: INGRESSCOOKIE=[0-9a-f]{32}; Path=\/new; Secure; HttpOnly\r\n/);
  });
});
