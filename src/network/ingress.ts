// The ingress controller, as ingress-nginx behaves: every Ingress of its class (ingressClassName,
// the `kubernetes.io/ingress.class` annotation, or none when `nginx` is the default class) is
// merged into one routing table. A request picks the server by Host (exact host, then a wildcard
// `*.example.com` covering exactly one label, then the rules without a host), then the location:
// Exact paths first, then Prefix (element-wise: `/foo` matches `/foo` and `/foo/x`, not `/foobar`)
// and ImplementationSpecific (a plain nginx prefix) longest first; then a defaultBackend; else the
// controller's 404 page. The request is proxied to the backend Service (kube-proxy picks the pod),
// with the X-Forwarded-* headers ingress-nginx adds; annotations: rewrite-target (regex captures)
// and affinity: cookie (INGRESSCOOKIE pins a client to a pod).
//
// Where it listens (its front door), per profile: docker-desktop and kind: localhost:80/443 (the
// LoadBalancer / kind's extraPortMappings) and the control-plane node on 80/443 (hostPort);
// minikube: the node IP on 80/443 (the addon's hostPort); cloud: its LoadBalancer, 203.0.113.2.
// The books' own controllers (kiamol ch15 ingress-nginx, traefik) serve the same way from their
// pods when a request reaches them through their Services.
import { hexDigest } from '../util/digest.js';
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import type { HttpRequest, HttpResponse } from '../runtime/types.js';
import { nodeAddresses, readyEndpoints, type SvcPort } from './proxy.js';
import type { Trace } from './dns.js';

export { CLOUD_INGRESS_IP, DEFAULT_CLASS, ingressStatusAddress, ingressClassOf } from './ingress-class.js';
import { CLOUD_INGRESS_IP, DEFAULT_CLASS, controlPlaneIP, ingressClassOf } from './ingress-class.js';

/** Is `ip:port` the built-in controller's front door? (`fromHost`: localhost means the user's machine.) */
export function isIngressFrontDoor(cluster: Cluster, ip: string, port: number, fromHost: boolean, localhostTaken: (port: number) => boolean): boolean {
  if (port !== 80 && port !== 443) return false;
  if (!cluster.get('ingressclasses', undefined, DEFAULT_CLASS)) return false;
  const profile = cluster.state.cluster.profile;
  if (/^127\./.test(ip) || ip === '::1') return fromHost && (profile === 'docker-desktop' || profile === 'kind') && !localhostTaken(port);
  if (profile === 'cloud') return ip === CLOUD_INGRESS_IP;
  return ip === controlPlaneIP(cluster);
}

interface Backend {
  service?: { name: string; port?: { number?: number; name?: string } };
  resource?: unknown;
}

export interface IngressMatch {
  ing: KObject;
  backend: Backend;
  /** The rule's path (undefined: a defaultBackend). */
  path?: string;
  pathType?: string;
}

const hostOnly = (h: string) => h.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();

function prefixMatches(rulePath: string, reqPath: string): boolean {
  const p = rulePath.replace(/\/+$/, '');
  if (p === '') return true;
  return reqPath === p || reqPath.startsWith(`${p}/`);
}

function regexPath(ing: KObject, path: string): boolean {
  const a = ing.metadata.annotations ?? {};
  return a['nginx.ingress.kubernetes.io/use-regex'] === 'true' || (!!a['nginx.ingress.kubernetes.io/rewrite-target'] && /[()[\]$^*+?|]/.test(path));
}

/** Which backend ingress-nginx picks for a Host and path, among the Ingresses of `cls`. */
export function matchIngress(cluster: Cluster, hostHeader: string, reqPathQuery: string, cls = DEFAULT_CLASS): IngressMatch | undefined {
  const host = hostOnly(hostHeader);
  const reqPath = reqPathQuery.split('?')[0] || '/';
  const ings = cluster
    .list('ingresses')
    .filter((i) => ingressClassOf(cluster, i) === cls)
    .sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : a.metadata.creationTimestamp! > b.metadata.creationTimestamp! ? 1 : 0));
  type Loc = IngressMatch & { exact: boolean; regex: boolean };
  const servers: Record<string, Loc[]> = {};
  for (const ing of ings) {
    for (const rule of ing.spec?.rules ?? []) {
      const h = (rule.host ?? '').toLowerCase();
      for (const p of rule.http?.paths ?? []) {
        const path = p.path ?? '/';
        (servers[h] ??= []).push({ ing, backend: p.backend, path, pathType: p.pathType ?? 'ImplementationSpecific', exact: p.pathType === 'Exact', regex: regexPath(ing, path) });
      }
    }
  }
  let locs = servers[host];
  if (!locs) {
    const wild = Object.keys(servers).find((h) => h.startsWith('*.') && host.endsWith(h.slice(1)) && !host.slice(0, host.length - h.length + 1).includes('.'));
    locs = wild ? servers[wild] : servers[''];
  }
  const hostRules = locs ?? [];
  const exact = hostRules.find((l) => l.exact && l.path === reqPath);
  if (exact) return exact;
  const prefixes = hostRules
    .filter((l) => !l.exact)
    .filter((l) => {
      if (l.regex) return new RegExp(`^${l.path}`, 'i').test(reqPath);
      if (l.pathType === 'Prefix') return prefixMatches(l.path!, reqPath);
      return reqPath.startsWith(l.path!);
    })
    .sort((a, b) => b.path!.length - a.path!.length);
  if (prefixes[0]) return prefixes[0];
  // The default backend of an Ingress whose host matched, else of any Ingress of the class.
  const withDefault = (hostRules[0] && hostRules[0].ing.spec?.defaultBackend ? hostRules[0].ing : undefined) ?? ings.find((i) => i.spec?.defaultBackend);
  if (withDefault) return { ing: withDefault, backend: withDefault.spec.defaultBackend };
  return undefined;
}

function nginxPage(status: number, text: string): HttpResponse {
  const body = `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status, statusText: text, headers: { server: 'nginx', 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(body)), connection: 'keep-alive' }, body };
}

/** The page ingress-nginx's default backend returns when no rule matches. */
export const notFoundPage = () => nginxPage(404, 'Not Found');
export const unavailablePage = () => nginxPage(503, 'Service Temporarily Unavailable');

function rewrite(ing: KObject, m: IngressMatch, path: string): string {
  const target = ing.metadata.annotations?.['nginx.ingress.kubernetes.io/rewrite-target'];
  if (!target || m.path === undefined) return path;
  const [p, q] = path.split(/\?(.*)/s, 2);
  const re = new RegExp(`^${m.path}`, 'i');
  // nginx `rewrite REGEX TARGET break;`: a match replaces the whole URI with TARGET ($n: captures).
  const g = re.exec(p);
  const out = g ? target.replace(/\$(\d)/g, (_x, n: string) => g[Number(n)] ?? '') : p;
  return q !== undefined ? `${out}?${q}` : out;
}

export interface ProxyTo {
  /** Connect to this address (the Service's ClusterIP, or a pinned pod endpoint) and port. */
  ip: string;
  port: number;
  request: HttpRequest;
  /** Set-Cookie the controller adds (affinity: cookie). */
  setCookie?: string;
  describe: string;
}

const cookieValue = (ep: string) => hexDigest(`cookie:${ep}`, 32);

/**
 * Route one request: the 404/503 page the controller answers itself, or where to proxy it (the
 * caller connects and hands the rewritten request to the app).
 */
export function planIngress(cluster: Cluster, req: HttpRequest, scheme: 'http' | 'https', clientIP: string, controllerIP: string, cls = DEFAULT_CLASS, trace?: Trace): { page: HttpResponse } | ProxyTo {
  const host = req.headers.host ?? '';
  const m = matchIngress(cluster, host, req.path, cls);
  if (!m) {
    trace?.(`ingress: no rule of class ${cls} matches Host ${hostOnly(host) || '(none)'} path ${req.path.split('?')[0]} → the default backend: 404`);
    return { page: notFoundPage() };
  }
  const ns = m.ing.metadata.namespace;
  const where = `Ingress ${ns}/${m.ing.metadata.name}${m.path !== undefined ? ` (${m.pathType} ${m.path})` : ' (defaultBackend)'}`;
  const svcName = m.backend?.service?.name;
  const svc = svcName ? cluster.get('services', ns, svcName) : undefined;
  const want = m.backend?.service?.port;
  const port: SvcPort | undefined = svc ? (svc.spec.ports ?? []).find((p: SvcPort) => (want?.number !== undefined ? p.port === want.number : p.name === want?.name)) : undefined;
  if (!svc || !port) {
    trace?.(`ingress: ${where} → Service ${ns}/${svcName ?? '?'}${svc ? ` has no port ${want?.number ?? want?.name}` : ' does not exist'} → 503`);
    return { page: unavailablePage() };
  }
  const eps = readyEndpoints(cluster, svc, port);
  if (!eps.length) {
    trace?.(`ingress: ${where} → Service ${ns}/${svcName} has no ready endpoints → 503`);
    return { page: unavailablePage() };
  }
  const path = rewrite(m.ing, m, req.path);
  if (path !== req.path) trace?.(`ingress: rewrite-target: ${req.path} → ${path}`);
  const headers: Record<string, string> = { ...req.headers };
  const xff = headers['x-forwarded-for'];
  Object.assign(headers, {
    'x-request-id': hexDigest(`${cluster.now}${req.path}${clientIP}`, 32),
    'x-real-ip': clientIP,
    'x-forwarded-for': xff ? `${xff}, ${clientIP}` : clientIP,
    'x-forwarded-host': hostOnly(host),
    'x-forwarded-port': scheme === 'https' ? '443' : '80',
    'x-forwarded-proto': scheme,
    'x-forwarded-scheme': scheme,
    'x-scheme': scheme,
  });
  const request: HttpRequest = { ...req, path, headers, sourceIP: controllerIP };
  const ann = m.ing.metadata.annotations ?? {};
  if (ann['nginx.ingress.kubernetes.io/affinity'] === 'cookie') {
    const name = ann['nginx.ingress.kubernetes.io/session-cookie-name'] ?? 'INGRESSCOOKIE';
    const cookie = (req.headers.cookie ?? '').split(/;\s*/).map((c) => c.split('=')).find(([k]) => k === name)?.[1];
    const pinned = cookie ? eps.find((e) => cookieValue(`${e.ip}:${e.port}`) === cookie) : undefined;
    const ep = pinned ?? eps[Math.floor((cluster.rand.int(1_000_000) / 1_000_000) * eps.length)];
    trace?.(`ingress: ${where} → Service ${ns}/${svcName}: affinity cookie ${pinned ? `${name} pins` : 'new client, picked'} ${ep.ip}:${ep.port}`);
    return { ip: ep.ip, port: ep.port, request, describe: where, setCookie: pinned ? undefined : `${name}=${cookieValue(`${ep.ip}:${ep.port}`)}; Path=/; HttpOnly` };
  }
  trace?.(`ingress: ${where} → Service ${ns}/${svcName} port ${port.port}`);
  return { ip: svc.spec.clusterIP, port: port.port, request, describe: where };
}

/** Response headers as the controller returns them (its own Server/Date, the app's others). */
export function controllerResponse(res: HttpResponse, cls: string, setCookie?: string): HttpResponse {
  const headers: Record<string, string> = { ...res.headers };
  if (cls === 'nginx') {
    headers.server = 'nginx';
    headers.connection = 'keep-alive';
  }
  if (setCookie) headers['set-cookie'] = setCookie;
  return { ...res, headers };
}
