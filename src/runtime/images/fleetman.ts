// fleetman (k8s-fleetman course) images, as IMAGES.md describes them:
//
// | image                                             | port        | behaviour                                   |
// |---------------------------------------------------|-------------|---------------------------------------------|
// | richardchesterwood/k8s-fleetman-webapp-angular    | 80          | nginx 1.14 alpine (+bash) serving the Angular app; |
// |   :release0, :release0-5                          |             | no backend proxy                            |
// |   :release1, :release2 (and later)                |             | + /api/ → fleetman-api-gateway.default.svc.cluster.local:8080 |
// | richardchesterwood/k8s-fleetman-queue             | 8161, 61616 | ActiveMQ: admin console (admin/admin), broker |
// | richardchesterwood/k8s-fleetman-position-simulator| —           | sends positions to the queue; no port        |
// | richardchesterwood/k8s-fleetman-position-tracker  | 8080        | /vehicles/, /vehicles/{name}, /history/{name} |
// | richardchesterwood/k8s-fleetman-api-gateway       | 8080        | / banner; /vehicles/ and /history/ → tracker  |
// mysql:5 / mysql/mysql-server and mongo are the base images (base-images.ts).
import type { ContainerHandle, HttpRequest, HttpResponse, ImageBehaviour } from '../types.js';
import { html, json, nginxAccessLog, nginxErrorPage, nginxFiles, nginxServe, NGINX_ENTRY, pathOf, reply } from './common.js';

const NGINX_114 = '1.14.2';
const GATEWAY = 'http://fleetman-api-gateway.default.svc.cluster.local:8080';
const TRACKER = 'http://fleetman-position-tracker.default.svc.cluster.local:8080';

const FLEETMAN_INDEX = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Fleet Management</title>
  <base href="/">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" type="image/x-icon" href="favicon.ico">
</head>
<body>
  <app-root></app-root>
<script type="text/javascript" src="runtime.js"></script><script type="text/javascript" src="polyfills.js"></script><script type="text/javascript" src="main.js"></script></body>
</html>
`;

async function forward(c: ContainerHandle, base: string, req: HttpRequest, path: string): Promise<HttpResponse | { error: string }> {
  const { httpRequest } = await import('../../network/connect.js');
  const r = await httpRequest(c.cluster, { pod: c.pod, ip: c.pod.status?.podIP ?? '127.0.0.1' }, `${base}${path}`, { method: req.method, body: req.body, timeoutMs: 10_000 });
  if (!r.ok) return { error: r.error };
  return r.response;
}

async function apiProxy(req: HttpRequest, c: ContainerHandle): Promise<HttpResponse> {
  const r = await forward(c, GATEWAY, req, req.path.slice('/api'.length));
  if ('error' in r) return { status: 502, headers: { server: `nginx/${NGINX_114}`, 'content-type': 'text/html' }, body: nginxErrorPage(502, NGINX_114) };
  return r;
}

const webapp = (proxy: boolean) => (req: HttpRequest, c: ContainerHandle): HttpResponse | Promise<HttpResponse> => {
  const path = pathOf(req);
  if (proxy && path.startsWith('/api/')) return apiProxy(req, c);
  const r = nginxServe(c, req, NGINX_114);
  if (r.status === 404) return nginxServe(c, { ...req, path: '/' }, NGINX_114); // the Angular router's fallback
  return r;
};

const VEHICLES = ['City Truck', 'Huddersfield Truck A', 'Huddersfield Truck B', 'Leeds Truck A', 'London Riverside', 'Village Truck'];

function position(name: string, now: number, back = 0): Record<string, unknown> {
  const i = VEHICLES.indexOf(name);
  const t = Math.floor(now / 10_000) - back;
  const lat = 53.6 + (i + 1) * 0.01 + Math.sin(t / 30 + i) * 0.005;
  const lng = -1.78 + (i + 1) * 0.01 + Math.cos(t / 30 + i) * 0.005;
  return { name, lat: lat.toFixed(7), lng: lng.toFixed(7), timestamp: new Date(t * 10_000).toISOString().replace('Z', '+0000'), speed: (10 + ((t + i) % 20)).toFixed(1) };
}

function tracker(req: HttpRequest, c: ContainerHandle): HttpResponse {
  const path = decodeURIComponent(pathOf(req)).replace(/\/+$/, '');
  const now = c.cluster.now;
  if (path === '/vehicles') return json(200, VEHICLES.map((v) => position(v, now)));
  let m = /^\/vehicles\/(.+)$/.exec(path);
  if (m) return VEHICLES.includes(m[1]) ? json(200, position(m[1], now)) : json(404, { timestamp: new Date(now).toISOString(), status: 404, error: 'Not Found', path: pathOf(req) });
  m = /^\/history\/(.+)$/.exec(path);
  if (m) return VEHICLES.includes(m[1]) ? json(200, [0, 1, 2, 3, 4].map((b) => position(m![1], now, b))) : json(200, []);
  return json(404, { timestamp: new Date(now).toISOString(), status: 404, error: 'Not Found', path: pathOf(req) });
}

async function gateway(req: HttpRequest, c: ContainerHandle): Promise<HttpResponse> {
  const path = pathOf(req);
  if (path === '/' || path === '') return html(200, `<p>Fleetman API Gateway at 2023 Edition${new Date(c.cluster.now).toString().replace(/ \(.*\)$/, '')}</p>`);
  if (path.startsWith('/vehicles') || path.startsWith('/history')) {
    const r = await forward(c, TRACKER, req, req.path);
    if ('error' in r) return json(500, { timestamp: new Date(c.cluster.now).toISOString(), status: 500, error: 'Internal Server Error', path });
    return r;
  }
  return json(404, { timestamp: new Date(c.cluster.now).toISOString(), status: 404, error: 'Not Found', path });
}

function activemq(req: HttpRequest, _c: ContainerHandle, port: number): HttpResponse {
  if (port !== 8161) return reply(400, '');
  const path = pathOf(req);
  if (path.startsWith('/admin')) {
    const auth = req.headers.authorization ?? '';
    if (auth !== `Basic ${Buffer.from('admin:admin').toString('base64')}`) return { status: 401, headers: { 'www-authenticate': 'basic realm="ActiveMQRealm"', 'content-type': 'text/html;charset=iso-8859-1' }, body: '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n<title>Error 401 Unauthorized</title>\n</head>\n<body><h2>HTTP ERROR 401 Unauthorized</h2>\n</body>\n</html>\n' };
    return html(200, '<html><head><title>localhost : ActiveMQ Console</title></head><body><h2>Welcome!</h2><p>Welcome to the Apache ActiveMQ Console of <b>localhost</b> (ID:fleetman-queue)</p><h2>Queues</h2><table><tr><td>positionQueue</td></tr></table></body></html>\n');
  }
  return html(200, '<html><head><title>Apache ActiveMQ</title></head><body><h2>Welcome to the Apache ActiveMQ!</h2><ul><li><a href="/admin/">Manage ActiveMQ broker</a></li></ul></body></html>\n');
}

const springBoot = { shell: 'busybox' as const, os: 'alpine' as const, entrypoint: ['java', '-jar', 'webapp.jar'], server: ['java'] };
const webappBase = {
  shell: 'busybox' as const,
  os: 'alpine' as const,
  tools: ['bash'],
  toolVersions: { busybox: '1.28.4', libc: 'musl' as const },
  listens: [{ port: 80, kind: 'http' as const }],
  accessLog: nginxAccessLog,
  env: { NGINX_VERSION: NGINX_114 },
  files: nginxFiles(FLEETMAN_INDEX),
  ...NGINX_ENTRY,
};

export const FLEETMAN_IMAGES: ImageBehaviour[] = [
  { ...webappBase, match: ['richardchesterwood/k8s-fleetman-webapp-angular:release0*'], description: 'Fleetman Angular front end on nginx 1.14 (alpine, bash added), port 80; no /api proxy in release0/release0-5.', http: webapp(false) },
  { ...webappBase, match: ['richardchesterwood/k8s-fleetman-webapp-angular', 'richardchesterwood/k8s-fleetman-helm-demo'], description: 'Fleetman Angular front end on nginx, port 80, with /api/ proxied to fleetman-api-gateway.default.svc.cluster.local:8080.', http: webapp(true) },
  {
    ...springBoot,
    match: ['richardchesterwood/k8s-fleetman-queue'],
    description: 'ActiveMQ 5.17: web console on 8161 (admin/admin), OpenWire broker on 61616.',
    listens: [{ port: 8161, kind: 'http' }, { port: 61616, kind: 'tcp' }],
    http: activemq,
    startupLog: [' INFO | Apache ActiveMQ 5.17.3 (localhost, ID:{hostname}-1) started', ' INFO | ActiveMQ WebConsole available at http://0.0.0.0:8161/'],
    entrypoint: ['/bin/sh', '-c', '/opt/apache-activemq/bin/activemq console'],
    server: ['/bin/sh'],
  },
  { ...springBoot, match: ['richardchesterwood/k8s-fleetman-position-simulator'], description: 'Sends vehicle positions to fleetman-queue:61616 (no port).', listens: [], startupLog: ['Started PositionsimulatorApplication'] },
  { ...springBoot, match: ['richardchesterwood/k8s-fleetman-position-tracker'], description: 'Spring Boot on 8080: /vehicles/ (latest positions, JSON), /vehicles/{name}, /history/{name}.', listens: [{ port: 8080, kind: 'http' }], http: tracker, startupLog: ['Started PositionTrackerApplication'] },
  { ...springBoot, match: ['richardchesterwood/k8s-fleetman-api-gateway'], description: 'Spring Boot on 8080: / banner; /vehicles/ and /history/ forwarded to fleetman-position-tracker:8080.', listens: [{ port: 8080, kind: 'http' }], http: gateway, startupLog: ['Started ApiGatewayApplication'] },
];
