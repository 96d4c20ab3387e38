// The ingress controller, as ingress-nginx behaves: every Ingress of its class (ingressClassName,
// the `kubernetes.io/ingress.class` annotation, or none when `nginx` is the default class) is
// merged into one routing table. A request picks the server by Host (exact host, then a wildcard
// `*.example.com` covering exactly one label, then the rules without a host), then the location:
// Exact paths first, then Prefix (element-wise: `/foo` matches `/foo` and `/foo/x`, not `/foobar`)
// and ImplementationSpecific (a plain nginx prefix) longest first; then a defaultBackend; else the
// controller's 404 page. The request is proxied to the backend Service (kube-proxy picks the pod),
// with the X-Forwarded-* headers ingress-nginx adds; annotations: rewrite-target (regex captures),
// affinity: cookie (INGRESSCOOKIE pins a client to a pod), ssl-redirect / force-ssl-redirect.
//
// TLS (ingress-nginx's createServers + certificate.lua): a server (host) gets a certificate from
// the first Ingress with a rule for it and a non-empty spec.tls — the Secret whose tls.hosts lists
// the host (else one whose certificate's SANs cover it), if it exists, parses and covers the host
// (SAN or CN); in every other case the controller's self-signed "Fake Certificate". HTTPS picks the
// server by SNI (exact, then `*.`+rest); without one, the Fake Certificate. A plain-HTTP request to
// a server that has a certificate gets `308 Permanent Redirect` to https:// (ssl-redirect).
//
// Where it listens (its front door), per profile: docker-desktop and kind: localhost:80/443 (the
// LoadBalancer / kind's extraPortMappings) and the control-plane node on 80/443 (hostPort);
// minikube: the node IP on 80/443 (the addon's hostPort); cloud: its LoadBalancer, 203.0.113.2.
// The books' own controllers (kiamol ch15 ingress-nginx, traefik) serve the same way from their
// pods when a request reaches them through their Services; traefik's rules are in traefik.ts.
import { hexDigest } from '../util/digest.js';
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import type { HttpRequest, HttpResponse } from '../runtime/types.js';
import { readyEndpoints, type SvcPort } from './proxy.js';
import type { Trace } from './dns.js';
import { certCovers, defaultCertificate, secretCertificate, type Certificate, type ControllerFlavour } from './tls.js';
import { planTraefik, traefikCertificate, traefikPages } from './traefik.js';

export { CLOUD_INGRESS_IP, DEFAULT_CLASS, ingressStatusAddress, ingressClassOf } from './ingress-class.js';
import { CLOUD_INGRESS_IP, DEFAULT_CLASS, classIngresses, controlPlaneIP, controllerOf, hostOnly } from './ingress-class.js';

/** An ingress controller that answers a request: the built-in one or a book's controller pod. */
export interface IngressController {
  cls: string;
  flavour: ControllerFlavour;
  /** Its address: the source of the requests it proxies. */
  ip: string;
  /** When it started: its default certificate is generated then. */
  startedAt: number;
  /** Its pod name (traefik's X-Forwarded-Server; the seed of its default certificate). */
  name: string;
}

/** The built-in controller (like minikube's ingress addon): class nginx on the control-plane node. */
export function builtinController(cluster: Cluster): IngressController {
  const ic = cluster.get('ingressclasses', undefined, DEFAULT_CLASS);
  const started = Date.parse(ic?.metadata?.creationTimestamp ?? '');
  return { cls: DEFAULT_CLASS, flavour: 'nginx', ip: controlPlaneIP(cluster) ?? '172.18.0.2', startedAt: Number.isNaN(started) ? cluster.now : started, name: 'ingress-nginx-controller' };
}

/** A book's controller container in a pod, or undefined when the container is not one. */
export function podController(pod: KObject, container: { name?: string; image?: string; args?: string[] }): IngressController | undefined {
  const c = controllerOf(container);
  if (!c) return undefined;
  const st = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === container.name);
  const started = Date.parse(st?.state?.running?.startedAt ?? pod.status?.startTime ?? '');
  return { ...c, ip: pod.status?.podIP ?? '', startedAt: Number.isNaN(started) ? Date.parse(pod.metadata.creationTimestamp ?? '') || 0 : started, name: pod.metadata.name };
}

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
  /** The nginx server that took the request: a host, a `*.` wildcard, or '' (rules without host). */
  server: string;
}

const ruleHosts = (ing: KObject): string[] => (ing.spec?.rules ?? []).map((r: { host?: string }) => (r.host ?? '').toLowerCase());

/** nginx's server_name choice: the exact host, else a one-label wildcard, else ''. */
function serverFor(hosts: Iterable<string>, host: string): string | undefined {
  const all = [...hosts];
  if (all.includes(host)) return host;
  const wild = all.find((h) => h.startsWith('*.') && host.endsWith(h.slice(1)) && !host.slice(0, host.length - h.length + 1).includes('.'));
  return wild;
}

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
  const ings = classIngresses(cluster, cls);
  type Loc = IngressMatch & { exact: boolean; regex: boolean };
  const servers: Record<string, Loc[]> = {};
  for (const ing of ings) {
    for (const rule of ing.spec?.rules ?? []) {
      const h = (rule.host ?? '').toLowerCase();
      for (const p of rule.http?.paths ?? []) {
        const path = p.path ?? '/';
        (servers[h] ??= []).push({ ing, backend: p.backend, path, pathType: p.pathType ?? 'ImplementationSpecific', exact: p.pathType === 'Exact', regex: regexPath(ing, path), server: h });
      }
    }
  }
  const server = serverFor(Object.keys(servers), host) ?? '';
  const hostRules = servers[server] ?? [];
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
  // No location matched: the server's root location. A host's server was made by the first
  // Ingress with a rule for that host and falls back to that Ingress's defaultBackend; the
  // catch-all server (rules without host, unknown hosts) to the defaultBackend of an Ingress
  // without rules; otherwise the controller's own 404 (createServers).
  const fallback = server ? ings.find((i) => ruleHosts(i).includes(server)) : ings.find((i) => i.spec?.defaultBackend && !(i.spec?.rules ?? []).length);
  if (fallback?.spec?.defaultBackend) return { ing: fallback, backend: fallback.spec.defaultBackend, server };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// ingress-nginx TLS: which server has a certificate, and which one

/** The Ingress that configures a server's TLS: the first with a rule for it and a non-empty spec.tls. */
function tlsIngressFor(ings: KObject[], server: string): KObject | undefined {
  return ings.find((i) => ruleHosts(i).includes(server) && (i.spec?.tls ?? []).length > 0);
}

/** The server (exact, then wildcard) that has a certificate for `host` (certificate.lua get_pem_cert_uid). */
function certServer(ings: KObject[], host: string): { server: string; ing: KObject } | undefined {
  const exact = tlsIngressFor(ings, host);
  if (exact) return { server: host, ing: exact };
  const wild = host.replace(/^[^.]+\./, '*.');
  const ing = wild !== host ? tlsIngressFor(ings, wild) : undefined;
  return ing ? { server: wild, ing } : undefined;
}

/** extractTLSSecretName + the checks createServers makes on the Secret it names. */
async function nginxServerCertificate(cluster: Cluster, ing: KObject, server: string): Promise<{ cert?: Certificate; why: string }> {
  const ns = ing.metadata.namespace;
  const tls: { hosts?: string[]; secretName?: string }[] = ing.spec?.tls ?? [];
  let secretName = tls.find((t) => (t.hosts ?? []).some((h) => h.toLowerCase() === server))?.secretName;
  if (secretName === undefined) {
    for (const t of tls) {
      if (!t.secretName) continue;
      const c = await secretCertificate(cluster.get('secrets', ns, t.secretName));
      if (c && certCovers(c, server)) {
        secretName = t.secretName;
        break;
      }
    }
  }
  if (!secretName) return { why: `Host ${server} is listed in the TLS section of Ingress ${ns}/${ing.metadata.name} but no secretName applies` };
  const secret = cluster.get('secrets', ns, secretName);
  if (!secret) return { why: `Secret ${ns}/${secretName} does not exist` };
  const cert = await secretCertificate(secret);
  if (!cert) return { why: `Secret ${ns}/${secretName} has no valid certificate in tls.crt` };
  if (!certCovers(cert, server, { commonName: true })) return { why: `the certificate in Secret ${ns}/${secretName} has no Common Name or Subject Alternative Name for ${server}` };
  return { cert, why: '' };
}

async function nginxCertificate(cluster: Cluster, ctrl: IngressController, sni: string | undefined, trace?: Trace): Promise<Certificate> {
  const fallback = defaultCertificate('nginx', ctrl.startedAt, ctrl.name);
  if (!sni) {
    trace?.('tls: no SNI (an IP address in the URL) → the default server: the Fake Certificate');
    return fallback;
  }
  const found = certServer(classIngresses(cluster, ctrl.cls), sni.toLowerCase());
  if (!found) {
    trace?.(`tls: SNI ${sni}: no Ingress of class ${ctrl.cls} has TLS for it → the Fake Certificate`);
    return fallback;
  }
  const { cert, why } = await nginxServerCertificate(cluster, found.ing, found.server);
  if (cert) {
    trace?.(`tls: SNI ${sni} → server ${found.server} (Ingress ${found.ing.metadata.namespace}/${found.ing.metadata.name}): certificate from ${cert.source}`);
    return cert;
  }
  trace?.(`tls: SNI ${sni} → server ${found.server}: ${why} → the Fake Certificate`);
  return fallback;
}

// ---------------------------------------------------------------------------------------------
// Pages the controller answers itself

function nginxPage(status: number, text: string, extra: Record<string, string> = {}): HttpResponse {
  const body = `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status, statusText: text, headers: { server: 'nginx', 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(body)), connection: 'keep-alive', ...extra }, body };
}

/** The page ingress-nginx's default backend returns when no rule matches. */
export const notFoundPage = () => nginxPage(404, 'Not Found');
export const unavailablePage = () => nginxPage(503, 'Service Temporarily Unavailable');
export const badGatewayPage = () => nginxPage(502, 'Bad Gateway');

/** nginx's answer to plain HTTP on its TLS port. */
export function plainHttpToHttpsPage(): HttpResponse {
  const body = `<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status: 400, statusText: 'Bad Request', headers: { server: 'nginx', 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(body)), connection: 'close' }, body };
}

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
  /** Headers the controller adds to the response (Set-Cookie of an affinity cookie, HSTS). */
  addHeaders: Record<string, string>;
  describe: string;
}

export type IngressPlan = { page: HttpResponse } | ProxyTo;

const cookieValue = (ep: string) => hexDigest(`cookie:${ep}`, 32);

/** lua_ingress.lua's redirect_to_https: Location https://host/uri (trailing slash dropped). */
function sslRedirect(cluster: Cluster, ctrl: IngressController, req: HttpRequest, m: IngressMatch | undefined, trace?: Trace): HttpResponse | undefined {
  const host = hostOnly(req.headers.host ?? '');
  const ings = classIngresses(cluster, ctrl.cls);
  const tlsServer = host ? certServer(ings, host) : undefined;
  // The location's annotations (a request no path matched uses the server's root location, which
  // carries the annotations of the Ingress that made the server).
  const server = m?.server ?? serverFor(new Set(ings.flatMap(ruleHosts)), host);
  const ann = (m?.ing ?? ings.find((i) => server !== undefined && ruleHosts(i).includes(server)))?.metadata.annotations ?? {};
  const force = ann['nginx.ingress.kubernetes.io/force-ssl-redirect'] === 'true';
  if (!force && (!tlsServer || ann['nginx.ingress.kubernetes.io/ssl-redirect'] === 'false')) return undefined;
  let uri = req.path;
  if (ann['nginx.ingress.kubernetes.io/preserve-trailing-slash'] !== 'true' && uri.endsWith('/')) uri = uri.slice(0, -1);
  const location = `https://${host}${uri}`;
  trace?.(`ingress: ${host} has TLS (Ingress ${tlsServer?.ing.metadata.namespace ?? ''}/${tlsServer?.ing.metadata.name ?? ''}${force ? ', force-ssl-redirect' : ''}) → ssl-redirect: 308 to ${location}`);
  return nginxPage(308, 'Permanent Redirect', { location });
}

/** X-Forwarded-* and the request id ingress-nginx adds before proxying. */
function nginxHeaders(cluster: Cluster, req: HttpRequest, scheme: 'http' | 'https', clientIP: string): Record<string, string> {
  const headers: Record<string, string> = { ...req.headers };
  const xff = headers['x-forwarded-for'];
  return Object.assign(headers, {
    'x-request-id': hexDigest(`${cluster.now}${req.path}${clientIP}`, 32),
    'x-real-ip': clientIP,
    'x-forwarded-for': xff ? `${xff}, ${clientIP}` : clientIP,
    'x-forwarded-host': hostOnly(req.headers.host ?? ''),
    'x-forwarded-port': scheme === 'https' ? '443' : '80',
    'x-forwarded-proto': scheme,
    'x-forwarded-scheme': scheme,
    'x-scheme': scheme,
  });
}

/** Route one request the way ingress-nginx does. */
async function planNginx(cluster: Cluster, req: HttpRequest, scheme: 'http' | 'https', clientIP: string, ctrl: IngressController, trace?: Trace): Promise<IngressPlan> {
  const host = req.headers.host ?? '';
  const cls = ctrl.cls;
  const m = matchIngress(cluster, host, req.path, cls);
  if (scheme === 'http') {
    const redirect = sslRedirect(cluster, ctrl, req, m, trace);
    if (redirect) return { page: redirect };
  }
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
  const request: HttpRequest = { ...req, path, headers: nginxHeaders(cluster, req, scheme, clientIP), sourceIP: ctrl.ip, scheme: 'http' };
  const addHeaders: Record<string, string> = {};
  // HSTS (hsts: true, max-age 1 year, includeSubDomains) on HTTPS answers of a server with a certificate.
  if (scheme === 'https' && certServer(classIngresses(cluster, cls), hostOnly(host))) addHeaders['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  const ann = m.ing.metadata.annotations ?? {};
  if (ann['nginx.ingress.kubernetes.io/affinity'] === 'cookie') {
    const name = ann['nginx.ingress.kubernetes.io/session-cookie-name'] ?? 'INGRESSCOOKIE';
    const cookie = (req.headers.cookie ?? '').split(/;\s*/).map((c) => c.split('=')).find(([k]) => k === name)?.[1];
    const pinned = cookie ? eps.find((e) => cookieValue(`${e.ip}:${e.port}`) === cookie) : undefined;
    const ep = pinned ?? eps[Math.floor((cluster.rand.int(1_000_000) / 1_000_000) * eps.length)];
    trace?.(`ingress: ${where} → Service ${ns}/${svcName}: affinity cookie ${pinned ? `${name} pins` : 'new client, picked'} ${ep.ip}:${ep.port}`);
    // sticky.lua set_cookie (lua-resty-cookie order): Path is the location's path; Secure on HTTPS.
    if (!pinned) addHeaders['set-cookie'] = `${name}=${cookieValue(`${ep.ip}:${ep.port}`)}; Path=${ann['nginx.ingress.kubernetes.io/session-cookie-path'] ?? m.path ?? '/'}${scheme === 'https' ? '; Secure' : ''}; HttpOnly`;
    return { ip: ep.ip, port: ep.port, request, describe: where, addHeaders };
  }
  trace?.(`ingress: ${where} → Service ${ns}/${svcName} port ${port.port}`);
  return { ip: svc.spec.clusterIP, port: port.port, request, describe: where, addHeaders };
}

// ---------------------------------------------------------------------------------------------
// The controllers, as data: how each routes a request and picks its certificate.

interface Flavour {
  plan(cluster: Cluster, req: HttpRequest, scheme: 'http' | 'https', clientIP: string, ctrl: IngressController, trace?: Trace): Promise<IngressPlan>;
  certificate(cluster: Cluster, ctrl: IngressController, sni: string | undefined, trace?: Trace): Promise<Certificate>;
  /** Headers the controller puts on every proxied answer. */
  responseHeaders: Record<string, string>;
  /** Its answers when the upstream fails or plain HTTP reaches its TLS port. */
  badGateway(): HttpResponse;
  plainHttpOnTls(): HttpResponse;
}

const FLAVOURS: Record<ControllerFlavour, Flavour> = {
  nginx: { plan: planNginx, certificate: nginxCertificate, responseHeaders: { server: 'nginx', connection: 'keep-alive' }, badGateway: badGatewayPage, plainHttpOnTls: plainHttpToHttpsPage },
  traefik: { plan: planTraefik, certificate: traefikCertificate, responseHeaders: {}, ...traefikPages },
};

/** Route one request: the page the controller answers itself, or where to proxy it. */
export function planIngress(cluster: Cluster, req: HttpRequest, scheme: 'http' | 'https', clientIP: string, ctrl: IngressController, trace?: Trace): Promise<IngressPlan> {
  return FLAVOURS[ctrl.flavour].plan(cluster, req, scheme, clientIP, ctrl, trace);
}

/** The certificate the controller presents for a TLS connection with this SNI. */
export function ingressCertificate(cluster: Cluster, ctrl: IngressController, sni: string | undefined, trace?: Trace): Promise<Certificate> {
  return FLAVOURS[ctrl.flavour].certificate(cluster, ctrl, sni, trace);
}

export function controllerPage(ctrl: IngressController, page: 'badGateway' | 'plainHttpOnTls'): HttpResponse {
  return FLAVOURS[ctrl.flavour][page]();
}

/** Response headers as the controller returns them (its own Server etc., the app's others). */
export function controllerResponse(res: HttpResponse, ctrl: IngressController, addHeaders: Record<string, string> = {}): HttpResponse {
  return { ...res, headers: { ...res.headers, ...FLAVOURS[ctrl.flavour].responseHeaders, ...addHeaders } };
}
