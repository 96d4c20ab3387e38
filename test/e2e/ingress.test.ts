// The ingress controller simulation (issue 5 §4) from the host: kiamol ch15 (hello.kiamol.local,
// vweb rewrite-target, todo Exact/Prefix, the book's own ingress-nginx as the entry point) and
// KiA ch05's kubia.example.com (extensions/v1beta1) in the cloud profile.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { cluster, corpus, hasCorpus, type TestCluster } from './helpers.js';

describe.skipIf(!hasCorpus)('kiamol ch15 Ingress via kubesim curl -H Host (needs ../shared/corpus)', () => {
  let k: TestCluster;
  const cwd = corpus('kiamol', 'ch15');
  const run = (args: string[]) => k.run(args, { cwd });
  const ok = (args: string[]) => k.ok(args, { cwd });
  beforeAll(() => {
    k = cluster();
    ok(['apply', '-f', 'hello-kiamol/']);
    ok(['apply', '-f', 'hello-kiamol/ingress/hello.kiamol.local.yaml']);
    ok(['apply', '-f', 'vweb/']);
    ok(['apply', '-f', 'todo-list/']);
    ok(['apply', '-f', 'todo-list/update/ingress-exact.yaml']);
  });
  afterAll(() => k.cleanup());

  it('ADDRESS is localhost in the docker-desktop profile', () => {
    expect(ok(['get', 'ing', 'hello-kiamol', '-o', 'jsonpath={.status.loadBalancer.ingress[0].hostname}'])).toBe('localhost');
  });

  it('hello.kiamol.local answers through the controller; an unknown host gets nginx 404', () => {
    const r = run(['curl', '-s', '-H', 'Host: hello.kiamol.local', 'http://localhost']);
    expect(r.stdout).toContain('<title>Hello from Chapter 2!</title>');
    const n = run(['curl', '-s', '-i', 'http://localhost/']);
    expect(n.stdout).toMatch(/^HTTP\/1\.1 404 Not Found\r\nServer: nginx\r\n/);
    expect(n.stdout).toContain('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n');
  });

  it('--resolve maps the name as the book\'s hosts entry does', () => {
    const r = run(['curl', '-s', '--resolve', 'hello.kiamol.local:80:127.0.0.1', 'http://hello.kiamol.local']);
    expect(r.stdout).toContain('Hello from Chapter 2!');
  });

  it('vweb: /v1 and /v2 go to their versions, rewritten to /', () => {
    const page = (p: string) => run(['curl', '-s', '-H', 'Host: vweb.kiamol.local', `http://localhost${p}`]).stdout;
    expect(page('/v1')).toContain('vweb v1');
    expect(page('/v2')).toContain('vweb v2');
    expect(page('/')).toContain('vweb v2');
    const t = run(['curl', '-s', '--trace', '-o', '/dev/null', '-H', 'Host: vweb.kiamol.local', 'http://localhost/v1']);
    expect(t.stderr).toContain('ingress: rewrite-target: /v1 → /');
  });

  it('todo with Exact paths: / and /list served, /listx and /api 404 from the controller', () => {
    const code = (p: string) => run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', '-H', 'Host: todo.kiamol.local', `http://localhost${p}`]).stdout;
    expect(code('/')).toBe('200');
    expect(code('/list')).toBe('200');
    expect(code('/listx')).toBe('404');
    const t = run(['curl', '-s', '--trace', '-o', '/dev/null', '-H', 'Host: todo.kiamol.local', 'http://localhost/api']);
    expect(t.stderr).toContain('ingress: no rule of class nginx matches Host todo.kiamol.local path /api → the default backend: 404');
  });

  it("the book's ingress-nginx controller becomes the entry point on localhost:80", () => {
    ok(['apply', '-f', 'ingress-nginx/']);
    ok(['wait', '--for=condition=Ready', 'pod', '--all', '-n', 'kiamol-ingress-nginx']);
    const r = run(['curl', '-s', '--trace', '-H', 'Host: hello.kiamol.local', 'http://localhost']);
    expect(r.stdout).toContain('Hello from Chapter 2!');
    expect(r.stderr).toContain('host: localhost:80 is published by Docker Desktop for LoadBalancer Service kiamol-ingress-nginx/ingress-nginx-controller');
    expect(r.stderr).toMatch(/http: pod kiamol-ingress-nginx\/ingress-nginx-controller-\S+ is an ingress controller \(class nginx\)/);
  });
});

describe.skipIf(!hasCorpus)('KiA ch05 Ingress kubia.example.com, cloud profile (needs ../shared/corpus)', () => {
  let k: TestCluster;
  afterAll(() => k.cleanup());
  it('gets the controller address and routes by Host', () => {
    k = cluster();
    const C = corpus('kia');
    k.ok(['reset', '--nodes', '3', '--profile', 'cloud']);
    k.ok(['apply', '-f', join(C, 'Chapter04', 'kubia-rc.yaml'), '-f', join(C, 'Chapter05', 'kubia-svc-nodeport.yaml'), '-f', join(C, 'Chapter05', 'kubia-ingress.yaml')]);
    k.ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=kubia']);
    const ip = k.ok(['get', 'ing', 'kubia', '-o', 'jsonpath={.status.loadBalancer.ingress[0].ip}']);
    expect(ip).toBe('203.0.113.2');
    const r = k.run(['curl', '-s', '-H', 'Host: kubia.example.com', `http://${ip}`]);
    expect(r.stdout).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/);
    expect(k.run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', `http://${ip}`]).stdout).toBe('404');
  });
});
