// kiamol (Learn Kubernetes in a Month of Lunches) images, as IMAGES.md describes them:
//
// | image                         | port | behaviour                                                                |
// |-------------------------------|------|--------------------------------------------------------------------------|
// | kiamol/ch03-sleep             | —    | Alpine 3.15 + curl + jq; sleeps forever; the client of every ch03 test    |
// | kiamol/ch03-numbers-api       | 80   | /rng (and the GitHub-style path) → 0–99; /healthz, /health; /reset;       |
// |                               |      | FailAfterCallCount=N: the Nth /rng turns it unhealthy (500s after that)   |
// | kiamol/ch03-numbers-web (+v2) | 80   | GET / page; POST / (Go!) calls RngApi__Url from inside its pod, retries a |
// |                               |      | 404 with Host RngApi__RetryHost; "Here it is: N" / "RNG service unavailable!" |
// | kiamol/ch02-hello-kiamol      | 80   | nginx 1.21 alpine with one page ("Hello from Chapter 2!")                 |
// | kiamol/ch02-whoami            | 80   | `"I'm <hostname> running on <OS>"` (a JSON string)                        |
// | kiamol/ch09-vweb:v1/v2        | 80   | nginx page "v1"/"v2", /v.txt                                             |
// | kiamol/ch05-pi                | 80   | /?dp=N: pi to N places, time taken, host                                 |
// | kiamol/ch04-todo-list         | 80   | to-do web app: /, /list, /new, /config, /diagnostics, /metrics           |
// | kiamol/ch15-cert-generator    | —    | Alpine with server-cert.pem / server-key.pem (kiamol-certs.ts) in /certs |
// | kiamol/ch14-*                 | 80   | not examined: the generic answer on port 80                              |
import type { ContainerHandle, HttpRequest, HttpResponse, ImageBehaviour } from '../types.js';
import { env, hostname, html, json, memory, nginxApp, nginxFiles, pathOf, queryOf, reply } from './common.js';
import { KIAMOL_SERVER_CERT, KIAMOL_SERVER_KEY } from './kiamol-certs.js';
import { KERNEL } from './system.js';

const RNG_URL = 'http://numbers-api/sixeyed/kiamol/master/ch03/numbers/rng';

/** numbers-api: the random number API with its deliberate failure mode. */
function numbersApi(req: HttpRequest, c: ContainerHandle): HttpResponse {
  const path = pathOf(req).toLowerCase().replace(/\/+$/, '') || '/';
  const mem = memory(c) as { calls?: number; unhealthy?: boolean };
  const failAfter = Number(env(c).FailAfterCallCount ?? '0') || 0;
  const useFailureId = (env(c).UseFailureId ?? '').toLowerCase() === 'true';
  if (path === '/rng' || path === '/sixeyed/kiamol/master/ch03/numbers/rng') {
    if (mem.unhealthy) {
      const body = useFailureId ? JSON.stringify({ message: `Unhealthy! Failure ID: ${c.cluster.rand.uuid()}` }) : JSON.stringify({ message: 'Unhealthy!' });
      return json(500, body, { server: 'Kestrel' });
    }
    mem.calls = (mem.calls ?? 0) + 1;
    if (failAfter > 0 && mem.calls >= failAfter) mem.unhealthy = true;
    return json(200, String(c.cluster.rand.int(100)), { server: 'Kestrel' });
  }
  if (path === '/healthz' || path === '/health') {
    return mem.unhealthy ? json(500, JSON.stringify({ message: 'Unhealthy' }), { server: 'Kestrel' }) : reply(200, 'Ok', { server: 'Kestrel' });
  }
  if (path === '/reset') {
    mem.unhealthy = false;
    mem.calls = 0;
    return reply(200, 'Ok', { server: 'Kestrel' });
  }
  return { status: 404, headers: { server: 'Kestrel', 'content-length': '0' }, body: '' };
}

function numbersPage(c: ContainerHandle, result?: string): string {
  const url = env(c).RngApi__Url ?? RNG_URL;
  const body = result === undefined ? '' : `\n<p class="lead">${result}</p>\n<p><em>(Using API at: ${url})</em></p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>KIAMOL - Numbers.Web</title>
    <link rel="stylesheet" href="/css/site.css" />
</head>
<body>
    <div class="container">
        <main role="main" class="pb-3">
<h1 class="display-4">KIAMOL Random Number Generator</h1>
<form method="post">
    <p>Get a random number</p>
    <input type="submit" value="Go!" class="btn btn-primary" />
</form>${body}
        </main>
    </div>
</body>
</html>
`;
}

/** numbers-web: POST makes one server-side call from inside the pod (the kiamol ch03 lesson). */
function numbersWeb(req: HttpRequest, c: ContainerHandle): HttpResponse | Promise<HttpResponse> {
  const path = pathOf(req);
  if (path !== '/' && path !== '/index') return { status: 404, headers: { server: 'Kestrel', 'content-length': '0' }, body: '' };
  if (req.method !== 'POST') return html(200, numbersPage(c), { server: 'Kestrel' });
  return numbersWebGo(c);
}

async function numbersWebGo(c: ContainerHandle): Promise<HttpResponse> {
  const { httpRequest } = await import('../../network/connect.js');
  const e = env(c);
  const url = e.RngApi__Url ?? RNG_URL;
  const from = { pod: c.pod, ip: c.pod.status?.podIP ?? '127.0.0.1' };
  let r = await httpRequest(c.cluster, from, url, { method: 'GET', timeoutMs: 10_000 });
  if (r.ok && r.response.status === 404 && e.RngApi__RetryHost) {
    r = await httpRequest(c.cluster, from, url, { method: 'GET', headers: { host: e.RngApi__RetryHost }, timeoutMs: 10_000 });
  }
  const n = r.ok && r.response.status >= 200 && r.response.status < 300 ? r.response.body.trim() : '';
  const result = /^-?\d+$/.test(n) ? `Here it is: ${n}` : 'RNG service unavailable!';
  return html(200, numbersPage(c, result), { server: 'Kestrel' });
}

/** pi to `dp` decimal places (Machin's formula with BigInt). */
export function piDigits(dp: number): string {
  const digits = BigInt(dp + 10);
  const unity = 10n ** digits;
  const arctanInv = (x: bigint): bigint => {
    let sum = 0n;
    let term = unity / x;
    const x2 = x * x;
    let n = 1n;
    let sign = 1n;
    while (term !== 0n) {
      sum += (sign * term) / n;
      term /= x2;
      n += 2n;
      sign = -sign;
    }
    return sum;
  };
  const pi = 4n * (4n * arctanInv(5n) - arctanInv(239n));
  const s = pi.toString();
  const whole = s.slice(0, s.length - Number(digits));
  return dp === 0 ? whole : `${whole}.${s.slice(whole.length, whole.length + dp)}`;
}

function piPage(req: HttpRequest, c: ContainerHandle): HttpResponse {
  const dp = Math.min(10_000, Math.max(0, Number(queryOf(req).get('dp') ?? '6') || 0));
  const value = piDigits(dp);
  const ms = Math.max(1, Math.round(dp * dp / 200_000));
  return html(200, `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8" /><title>Pi.Web</title></head>
<body>
<div class="container">
<h1>Pi.Web</h1>
<p>To: ${dp} d.p.</p>
<p>Computed: ${value}</p>
<p>Took: ${ms}ms</p>
<p>Host: ${hostname(c)}</p>
</div>
</body>
</html>
`);
}

function todoPage(c: ContainerHandle, title: string, inner: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8" /><title>${title} - ToDo.Web</title></head>
<body>
<div class="container">
<h1>${title}</h1>
${inner}
</div>
<footer>ToDo.Web - ${hostname(c)}</footer>
</body>
</html>
`;
}

function todoList(req: HttpRequest, c: ContainerHandle): HttpResponse {
  const mem = memory(c) as { items?: string[]; hits?: number };
  mem.hits = (mem.hits ?? 0) + 1;
  const items = (mem.items ??= []);
  const path = pathOf(req).replace(/\/+$/, '') || '/';
  if (path === '/new' && req.method === 'POST') {
    const item = new URLSearchParams(req.body).get('Item') ?? req.body.trim();
    if (item) items.push(item);
    return { status: 302, headers: { location: '/list' }, body: '' };
  }
  if (path === '/' || path === '/list') return html(200, todoPage(c, 'Things to do', items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p>Nothing to do!</p>'));
  if (path === '/new') return html(200, todoPage(c, 'New item', '<form method="post"><input name="Item" /><input type="submit" value="Add" /></form>'));
  if (path === '/config') return json(200, { ConnectionStrings: { ToDoDb: 'Host=todo-db;Database=todo;Username=postgres;Password=kiamol' }, Logging: { LogLevel: { Default: 'Information' } } });
  if (path === '/diagnostics') return html(200, todoPage(c, 'Diagnostics', `<p>Host: ${hostname(c)}</p><p>OS: Linux ${KERNEL.release}</p>`));
  if (path === '/metrics') return reply(200, `# HELP todo_web_requests_total Requests handled\n# TYPE todo_web_requests_total counter\ntodo_web_requests_total ${mem.hits}\n`);
  return { status: 404, headers: { 'content-length': '0' }, body: '' };
}

const HELLO_KIAMOL = `<html>
  <head>
    <title>Hello from Chapter 2!</title>
  </head>
  <body>
    <h1>Hello from Chapter 2!</h1>
    <h2>This is <a href="https://www.manning.com/books/learn-kubernetes-in-a-month-of-lunches">Learn Kubernetes in a Month of Lunches</a>.</h2>
    <h3>By <a href="https://blog.sixeyed.com">Elton Stoneman</a>.</h3>
  </body>
</html>
`;

const vwebIndex = (v: string) => `<html>
  <head>
    <title>vweb ${v}</title>
  </head>
  <body>
    <h1 style="font-size:10em">${v}</h1>
  </body>
</html>
`;

const NGINX_121 = '1.21.6';
const kestrel = { env: { ASPNETCORE_URLS: 'http://+:80', DOTNET_RUNNING_IN_CONTAINER: 'true', DOTNET_VERSION: '6.0.36', ASPNET_VERSION: '6.0.36' } };
const alpine315 = { shell: 'busybox' as const, os: 'alpine' as const, toolVersions: { busybox: '1.34.1', libc: 'musl' as const, curl: '7.80.0' } };

export const KIAMOL_IMAGES: ImageBehaviour[] = [
  {
    match: ['kiamol/ch03-sleep'],
    description: 'Alpine 3.15 with curl and jq added (and busybox ping, nslookup, wget). Loops on `sleep 1000` forever and exits cleanly on TERM/INT (so `kill 1` restarts it); listens on nothing, so a Service in front of it has an endpoint but nothing answers.',
    ...alpine315,
    tools: ['curl', 'jq'],
    listens: [],
    cmd: ['/bin/sh', '-c', 'trap "exit 0" TERM INT; while true; do sleep 1000; done'],
  },
  {
    match: ['kiamol/ch03-numbers-api'],
    description: 'ASP.NET Core random-number API on port 80: /rng → 0-99; /healthz 200 Ok (500 once unhealthy); /reset; env FailAfterCallCount=N makes the Nth /rng call turn it unhealthy.',
    ...alpine315,
    listens: [{ port: 80, kind: 'http' }],
    http: numbersApi,
    startupLog: ['info: Microsoft.Hosting.Lifetime[0]', '      Now listening on: http://[::]:80', 'info: Microsoft.Hosting.Lifetime[0]', '      Application started. Press Ctrl+C to shut down.'],
    env: { ...kestrel.env, FailAfterCallCount: '0', UseFailureId: 'false' },
    startupSeconds: 1,
    entrypoint: ['dotnet', 'Numbers.Api.dll'],
    server: ['dotnet'],
  },
  {
    match: ['kiamol/ch03-numbers-web'],
    description: 'ASP.NET Core page on port 80; POST / (Go!) calls RngApi__Url from inside the pod, retrying a 404 with Host RngApi__RetryHost: "Here it is: N" or "RNG service unavailable!". :v2 only changes the stylesheet.',
    ...alpine315,
    listens: [{ port: 80, kind: 'http' }],
    http: numbersWeb,
    startupLog: ['info: Microsoft.Hosting.Lifetime[0]', '      Now listening on: http://[::]:80'],
    env: { ...kestrel.env, RngApi__Url: RNG_URL, RngApi__RetryHost: 'raw.githubusercontent.com' },
    startupSeconds: 1,
    entrypoint: ['dotnet', 'Numbers.Web.dll'],
    server: ['dotnet'],
  },
  {
    match: ['kiamol/ch02-hello-kiamol'],
    description: 'nginx 1.21 on Alpine serving one page on port 80 ("Hello from Chapter 2!"); nginx access log lines on stdout.',
    shell: 'busybox',
    os: 'alpine',
    toolVersions: { busybox: '1.34.1', libc: 'musl', curl: '7.80.0' },
    tools: ['curl'],
    env: { NGINX_VERSION: NGINX_121, NJS_VERSION: '0.7.2', PKG_RELEASE: '1' },
    ...nginxApp(NGINX_121, nginxFiles(HELLO_KIAMOL)),
  },
  {
    match: ['kiamol/ch02-whoami'],
    description: 'ASP.NET Core on port 80: GET / → "I\'m <hostname> running on <OS>" as a JSON string.',
    ...alpine315,
    listens: [{ port: 80, kind: 'http' }],
    http: (_req, c) => json(200, JSON.stringify(`I'm ${hostname(c)} running on Linux ${KERNEL.release} ${KERNEL.version}`), { server: 'Kestrel' }),
    env: kestrel.env,
    entrypoint: ['dotnet', 'WhoAmI.dll'],
    server: ['dotnet'],
  },
  {
    match: ['kiamol/ch09-vweb:v2'],
    description: 'nginx page with the big text "v2"; /v.txt is `v2`.',
    shell: 'busybox',
    os: 'alpine',
    ...nginxApp(NGINX_121, { ...nginxFiles(vwebIndex('v2')), '/usr/share/nginx/html/v.txt': 'v2\n' }),
  },
  {
    match: ['kiamol/ch09-vweb'],
    description: 'nginx page with the big text "v1"; /v.txt is `v1`.',
    shell: 'busybox',
    os: 'alpine',
    ...nginxApp(NGINX_121, { ...nginxFiles(vwebIndex('v1')), '/usr/share/nginx/html/v.txt': 'v1\n' }),
  },
  {
    match: ['kiamol/ch05-pi'],
    description: 'ASP.NET web app on port 80: /?dp=N computes pi to N decimal places (max 10000 here) and shows the time taken and the host.',
    ...alpine315,
    listens: [{ port: 80, kind: 'http' }],
    http: piPage,
    env: kestrel.env,
    entrypoint: ['dotnet', 'Pi.Web.dll'],
    server: ['dotnet'],
  },
  {
    match: ['kiamol/ch04-todo-list'],
    description: 'to-do web app on port 80: /, /list, /new (POST Item=…), /config, /diagnostics, /metrics; items kept in memory per pod.',
    ...alpine315,
    listens: [{ port: 80, kind: 'http' }],
    http: todoList,
    env: kestrel.env,
    entrypoint: ['dotnet', 'ToDoList.dll'],
    server: ['dotnet'],
  },
  {
    match: ['kiamol/ch15-cert-generator'],
    description: 'Alpine with a certificate for kiamol.local (hello/vweb/todo/pi.kiamol.local), signed by a KIAMOL CA, and its key in /certs (server-cert.pem, server-key.pem); sleeps forever.',
    ...alpine315,
    listens: [],
    files: {
      '/certs/server-cert.pem': KIAMOL_SERVER_CERT,
      '/certs/server-key.pem': KIAMOL_SERVER_KEY,
    },
    workdir: '/certs',
    cmd: ['sleep', 'infinity'],
  },
];
