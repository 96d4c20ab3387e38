// Building blocks the image rows share: answers, nginx serving files from the container's
// simulated filesystem (so `echo hi > /usr/share/nginx/html/index.html` changes what curl gets),
// access-log formats, and the shell tools each base image family ships.
import type { ContainerHandle, HttpRequest, HttpResponse, ImageBehaviour } from '../types.js';
import { containerEnv, containerFs, containerMemory } from '../container.js';
import { podHostname } from '../../network/dns.js';
import { imageBehaviour } from './index.js';

export function reply(status: number, body: string, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: typeof value === 'string' ? value : JSON.stringify(value) };
}

export function html(status: number, body: string, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body };
}

/** Path without the query string. */
export function pathOf(req: HttpRequest): string {
  const q = req.path.indexOf('?');
  return q < 0 ? req.path : req.path.slice(0, q);
}

export function queryOf(req: HttpRequest): URLSearchParams {
  const q = req.path.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : req.path.slice(q + 1));
}

export const hostname = (c: ContainerHandle) => podHostname(c.pod);
export const env = (c: ContainerHandle) => containerEnv(c);
export const memory = (c: ContainerHandle) => containerMemory(c);
export const now = (c: ContainerHandle) => c.cluster.now;

/** The time of a response (its Date header), for access-log lines. */
function responseTime(res: HttpResponse): Date {
  const d = res.headers?.date ? Date.parse(res.headers.date) : NaN;
  return Number.isNaN(d) ? new Date() : new Date(d);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** `01/May/2024:10:00:00 +0000` (nginx/apache $time_local). */
export function clfTime(d: Date): string {
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** `2024/05/01 10:00:00` (nginx error log). */
export function nginxLogTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

function clientIP(req: HttpRequest): string {
  return req.sourceIP.replace(/^::ffff:/, '');
}

function bodyBytes(res: HttpResponse): number {
  return Number(res.headers?.['content-length'] ?? Buffer.byteLength(res.body ?? ''));
}

/** nginx's `main` format as the official image configures it. */
export function nginxAccessLog(req: HttpRequest, res: HttpResponse): string {
  const ua = req.headers['user-agent'] ?? '-';
  const referer = req.headers.referer ?? '-';
  const xff = req.headers['x-forwarded-for'] ?? '-';
  return `${clientIP(req)} - - [${clfTime(responseTime(res))}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${bodyBytes(res)} "${referer}" "${ua}" "${xff}"`;
}

/** Apache httpd's common log format. */
export function apacheAccessLog(req: HttpRequest, res: HttpResponse): string {
  return `${clientIP(req)} - - [${clfTime(responseTime(res))}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${bodyBytes(res)}`;
}

export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const NGINX_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

const STATUS_TEXT: Record<number, string> = { 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };

/** nginx's built-in error page (CRLF line ends, as ngx_http_special_response.c writes them). */
export function nginxErrorPage(status: number, version: string): string {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

const MIME: Record<string, string> = { html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json', txt: 'text/plain', png: 'image/png', ico: 'image/x-icon', svg: 'image/svg+xml' };

function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}

/** nginx serving static files from `root` in the container's filesystem. */
export function nginxServe(c: ContainerHandle, req: HttpRequest, version: string, root = '/usr/share/nginx/html'): HttpResponse {
  const base = { server: `nginx/${version}` };
  const err = (status: number) => ({ status, headers: { ...base, 'content-type': 'text/html' }, body: nginxErrorPage(status, version) });
  if (!['GET', 'HEAD', 'POST'].includes(req.method)) return err(405);
  let path: string;
  try {
    path = decodeURIComponent(pathOf(req));
  } catch {
    return err(400);
  }
  if (path.split('/').includes('..')) return err(400);
  const fs = containerFs(c);
  let file = `${root}${path}`.replace(/\/+$/, '') || root;
  if (fs.isDir(file)) {
    if (!path.endsWith('/')) return { status: 301, headers: { ...base, 'content-type': 'text/html', location: `http://${req.headers.host ?? 'localhost'}${path}/` }, body: nginxErrorPage(301, version) };
    const index = ['index.html', 'index.htm'].map((n) => `${file}/${n}`).find((p) => fs.exists(p) && !fs.isDir(p));
    if (!index) return err(fs.exists(file) ? 403 : 404);
    file = index;
  }
  const content = fs.read(file);
  if (content === undefined) return err(404);
  if (req.method === 'POST') return err(405);
  const st = fs.stat?.(file);
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  const mtime = (st?.mtime ?? 0) * 1000;
  return {
    status: 200,
    headers: {
      ...base,
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'last-modified': httpDate(mtime),
      etag: `"${Math.floor(mtime / 1000).toString(16)}-${Buffer.byteLength(content).toString(16)}"`,
      'accept-ranges': 'bytes',
    },
    body: content,
  };
}

/** The start-up lines of the official nginx image's entrypoint (logs of a fresh container). */
export function nginxStartupLog(version: string): string[] {
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `{start:nginx} [notice] 1#1: using the "epoll" event method`,
    `{start:nginx} [notice] 1#1: nginx/${version}`,
    `{start:nginx} [notice] 1#1: start worker processes`,
    `{start:nginx} [notice] 1#1: start worker process 29`,
  ];
}

/** The files of an nginx image (config, default pages). */
export function nginxFiles(index = NGINX_INDEX): Record<string, string> {
  return {
    '/usr/share/nginx/html/index.html': index,
    '/usr/share/nginx/html/50x.html': NGINX_50X,
    '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
    '/etc/nginx/nginx.conf': `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`,
    '/var/log/nginx/access.log': '',
    '/var/log/nginx/error.log': '',
  };
}

export const NGINX_ENTRY = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], server: ['nginx', '/docker-entrypoint.sh'] };

/** What every nginx-based image does: serve its files on port 80, log each request, start as nginx does. */
export function nginxApp(version: string, files: Record<string, string>): Pick<ImageBehaviour, 'listens' | 'http' | 'accessLog' | 'startupLog' | 'files' | 'entrypoint' | 'cmd' | 'server' | 'processName'> {
  return {
    listens: [{ port: 80, kind: 'http' }],
    http: (req, c) => nginxServe(c, req, version),
    accessLog: nginxAccessLog,
    startupLog: nginxStartupLog(version),
    files,
    ...NGINX_ENTRY,
    processName: 'nginx: master process nginx -g daemon off;',
  };
}

/**
 * A request to another container of the same pod over localhost (envoy → kiada on 127.0.0.1:8080,
 * quiz-api → mongo): the app listening on `port` in the pod answers, or undefined when nothing does.
 */
export async function podLocalRequest(c: ContainerHandle, port: number, req: HttpRequest): Promise<HttpResponse | undefined> {
  const { containerHandle } = await import('../container.js');
  for (const spec of c.pod.spec?.containers ?? []) {
    const h = containerHandle(c.cluster, c.pod, spec.name);
    const listens = h.image.listens.some((l) => l.port === port || (l.port === 'containerPorts' && (spec.ports ?? []).some((p: { containerPort: number }) => p.containerPort === port)));
    if (listens && h.image.http) return h.image.http({ ...req, sourceIP: '127.0.0.1', localAddress: '127.0.0.1', localPort: port }, h, port);
  }
  return undefined;
}

/** Whether some container of the pod listens on `port` (localhost checks such as quiz-api → mongo). */
export function podListensOn(c: ContainerHandle, port: number): boolean {
  return (c.pod.spec?.containers ?? []).some((spec: { name: string; image?: string; ports?: { containerPort: number }[] }) => {
    if (spec.name === c.container.name) return false;
    const st = (c.pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === spec.name);
    if (st && !st.state?.running) return false;
    const ib = imageBehaviour(spec.image ?? '');
    return ib.listens.some((l) => l.port === port || (l.port === 'containerPorts' && (spec.ports ?? []).some((p) => p.containerPort === port)));
  });
}
