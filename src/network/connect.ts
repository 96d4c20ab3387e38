// The packet path: a TCP/UDP connection from a pod (or a node) to an address and port — through
// kube-proxy's DNAT when the address is a Service's — and what is at the other end: a container
// that listens on that port (per its image behaviour), the simulated internet, or nothing
// (connection refused, no route to host, or a timeout). `httpRequest` builds on it: one HTTP
// exchange with the app in the target container (its ImageBehaviour.http), logging the access
// line the app would write.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import type { HttpRequest, HttpResponse, ImageBehaviour } from '../runtime/types.js';
import { containerHandle, appendLog } from '../runtime/container.js';
import { appListens } from '../runtime/process.js';
import { route, nodeAddresses } from './proxy.js';
import { internetHostByIP, type InternetHost } from './internet.js';
import { isIP, isIPv4, lookupHost, type Trace } from './dns.js';
import { hostLookup, hostPreroute, publishedOnLocalhost } from './host.js';
import { builtinController, controllerPage, controllerResponse, ingressCertificate, isIngressFrontDoor, planIngress, podController, type IngressController } from './ingress.js';
import { isIPLiteral, tlsSession, verifyError, type TlsSession } from './tls.js';

export interface From {
  pod?: KObject;
  /** Source address: the pod's IP (or a node's for kubelet/NodePort traffic). */
  ip: string;
  /** The user's machine outside the cluster (kubesim curl): see host.ts. */
  host?: boolean;
}

export type Proto = 'TCP' | 'UDP';

export interface Listener {
  container: string;
  image: string;
  port: number;
  protocol: string;
  kind: ImageBehaviour['listens'][number]['kind'];
}

export type ConnectError = 'refused' | 'timeout' | 'unreachable' | 'no-route';

export type ConnectResult =
  | { ok: true; kind: 'pod'; pod: KObject; container: string; listener: Listener; ip: string; port: number; via?: string; sourceIP?: string }
  | { ok: true; kind: 'internet'; host: InternetHost; ip: string; port: number; via?: string }
  | { ok: false; error: ConnectError; ip: string; port: number; via?: string; reason: string };

/** Linux gives up a connect() without answer after the SYN retries (tcp_syn_retries=6). */
export const KERNEL_CONNECT_TIMEOUT_MS = 131_000;
/** ARP for an address nobody has fails after ~3 s: "No route to host". */
export const ARP_TIMEOUT_MS = 3_070;

const POD_CIDR = /^10\.244\./;
const SERVICE_CIDR = /^10\.96\./;

function nodeOf(cluster: Cluster, pod: KObject | undefined): KObject | undefined {
  return pod?.spec?.nodeName ? cluster.get('nodes', undefined, pod.spec.nodeName) : undefined;
}

function containerRunning(cluster: Cluster, pod: KObject, name: string, startupSeconds = 0): boolean {
  const st = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === name);
  const running = st?.state?.running;
  if (!running) return false;
  if (startupSeconds > 0 && running.startedAt) return Date.parse(running.startedAt) + startupSeconds * 1000 <= cluster.now;
  return true;
}

/**
 * What listens in a pod's network namespace: the app of every running container that runs its
 * image's server (not a `sleep`/`sh` command in its place), once its start-up time has passed.
 */
export function podListeners(cluster: Cluster, pod: KObject): Listener[] {
  const out: Listener[] = [];
  for (const c of pod.spec?.containers ?? []) {
    const h = containerHandle(cluster, pod, c.name);
    const ib = h.image;
    if (!containerRunning(cluster, pod, c.name, ib.startupSeconds ?? 0) || !appListens(h)) continue;
    for (const l of ib.listens) {
      if (l.port === 'containerPorts') {
        for (const p of c.ports ?? []) out.push({ container: c.name, image: c.image, port: p.containerPort, protocol: p.protocol ?? 'TCP', kind: l.kind });
      } else {
        out.push({ container: c.name, image: c.image, port: l.port, protocol: l.protocol ?? 'TCP', kind: l.kind });
      }
    }
  }
  return out;
}

/** The pod that owns an address (its own pod IP; hostNetwork pods share their node's). */
export function podByIP(cluster: Cluster, ip: string): KObject | undefined {
  const pods = cluster.list('pods').filter((p) => p.status?.podIP === ip);
  return pods.find((p) => !p.spec?.hostNetwork) ?? undefined;
}

function nodeByIP(cluster: Cluster, ip: string): KObject | undefined {
  return cluster.list('nodes').find((n) => nodeAddresses(n).includes(ip));
}

function podName(pod: KObject): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}

function listenIn(cluster: Cluster, pods: KObject[], ip: string, port: number, proto: string, where: string, via: string | undefined, trace?: Trace): ConnectResult {
  for (const pod of pods) {
    const l = podListeners(cluster, pod).find((x) => x.port === port && x.protocol === proto);
    if (l) {
      trace?.(`net: ${ip}:${port}/${proto} → pod ${podName(pod)}, container "${l.container}" (${l.image}) listens (${l.kind})`);
      return { ok: true, kind: 'pod', pod, container: l.container, listener: l, ip, port, via };
    }
  }
  const reason = `nothing listens on ${port}/${proto} in ${where}`;
  trace?.(`net: ${ip}:${port}/${proto}: ${reason} → ${proto === 'TCP' ? 'RST (connection refused)' : 'icmp port-unreachable'}`);
  return { ok: false, error: 'refused', ip, port, via, reason };
}

/** Deliver to an address after any DNAT: a pod, a node, the internet, or nowhere. */
function deliver(cluster: Cluster, from: From, ip: string, port: number, proto: Proto, via: string | undefined, trace?: Trace): ConnectResult {
  if (/^127\./.test(ip) || ip === '::1') {
    if (!from.pod) return { ok: false, error: 'refused', ip, port, via, reason: 'no pod' };
    return listenIn(cluster, [from.pod], ip, port, proto, `pod ${podName(from.pod)} (loopback)`, via ?? 'loopback', trace);
  }
  const pod = podByIP(cluster, ip);
  if (pod) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      const reason = `pod ${podName(pod)} has finished (${phase}); its network namespace is gone`;
      trace?.(`net: ${ip}: ${reason} → no route to host`);
      return { ok: false, error: 'unreachable', ip, port, via, reason };
    }
    return listenIn(cluster, [pod], ip, port, proto, `pod ${podName(pod)}`, via, trace);
  }
  const node = nodeByIP(cluster, ip);
  if (node) {
    const hostPods = cluster.list('pods').filter((p) => p.spec?.hostNetwork && p.spec?.nodeName === node.metadata.name);
    return listenIn(cluster, hostPods, ip, port, proto, `node ${node.metadata.name}`, via, trace);
  }
  if (POD_CIDR.test(ip)) {
    const reason = `no pod has the address ${ip} (ARP gets no answer)`;
    trace?.(`net: ${ip}: ${reason} → no route to host`);
    return { ok: false, error: 'unreachable', ip, port, via, reason };
  }
  if (SERVICE_CIDR.test(ip)) {
    const reason = `${ip} is in the Service range but no Service has it; the packet leaves by the default route and is lost`;
    trace?.(`net: ${reason}`);
    return { ok: false, error: 'timeout', ip, port, via, reason };
  }
  const host = internetHostByIP(ip);
  if (host && (host.ports.includes(port) || (host.dns && port === 53))) {
    trace?.(`net: ${ip}:${port}/${proto} → the internet: ${host.name} (SNAT to the node address)`);
    return { ok: true, kind: 'internet', host, ip, port, via };
  }
  const reason = host ? `${host.name} (${ip}) does not answer on ${port}/${proto}` : `nothing answers at ${ip} (not in the cluster, not in the simulated internet)`;
  trace?.(`net: ${reason}: no reply`);
  return { ok: false, error: 'timeout', ip, port, via, reason };
}

/**
 * Open a connection from `from` to `dstIP:dstPort`. Service addresses go through kube-proxy
 * (round-robin/random, ClientIP affinity, REJECT without endpoints, no rule for a port the
 * Service lacks); pod IPs are reached directly.
 */
export function connect(cluster: Cluster, from: From, dstIP: string, dstPort: number, proto: Proto, trace?: Trace): ConnectResult {
  trace?.(`net: connect ${from.ip} → ${dstIP}:${dstPort}/${proto}${from.pod ? ` (from pod ${podName(from.pod)})` : from.host ? ' (from your machine)' : ''}`);
  if (from.host) {
    const pre = hostPreroute(cluster, dstIP, dstPort, trace);
    if (pre.kind === 'fail') return { ok: false, error: pre.error, ip: dstIP, port: dstPort, reason: pre.reason };
    if (pre.kind === 'rewrite') {
      dstIP = pre.ip;
      dstPort = pre.port;
    }
  }
  const r = route(cluster, from.ip, dstIP, dstPort, proto);
  if (!r) return deliver(cluster, from, dstIP, dstPort, proto, undefined, trace);
  const svc = r.match.svc;
  const via = `Service ${svc.metadata.namespace}/${svc.metadata.name}`;
  const viaWhat = r.match.via === 'ClusterIP' ? 'ClusterIP' : r.match.via === 'NodePort' ? `NodePort on node ${r.match.node?.metadata.name}` : r.match.via;
  trace?.(`proxy: ${dstIP}:${dstPort}/${proto} is the ${viaWhat} of ${via}`);
  if (r.kind === 'reject') {
    trace?.(`proxy: ${r.reason}`);
    return { ok: false, error: 'refused', ip: dstIP, port: dstPort, via, reason: r.reason };
  }
  if (r.kind === 'drop') {
    trace?.(`proxy: ${r.reason}`);
    return { ok: false, error: 'timeout', ip: dstIP, port: dstPort, via, reason: r.reason };
  }
  const ep = r.endpoint;
  trace?.(`proxy: ${r.reason}`);
  trace?.(`proxy: DNAT ${dstIP}:${dstPort} → ${ep.ip}:${ep.port}${ep.podRef ? ` (pod ${ep.podRef.namespace}/${ep.podRef.name})` : ' (manual Endpoints)'}`);
  const out = deliver(cluster, from, ep.ip, ep.port, proto, via, trace);
  // Traffic from outside the node (NodePort, LoadBalancer, externalIPs) is masqueraded to the
  // node's address unless externalTrafficPolicy is Local (which keeps the client's address).
  if (out.ok && out.kind === 'pod' && r.match.via !== 'ClusterIP') {
    if (svc.spec?.externalTrafficPolicy === 'Local') trace?.(`proxy: externalTrafficPolicy Local: no SNAT, the app sees the client address ${from.ip}`);
    else {
      const node = r.match.node ?? (ep.nodeName ? cluster.get('nodes', undefined, ep.nodeName) : undefined);
      const snat = node ? nodeAddresses(node)[0] : undefined;
      if (snat && snat !== from.ip) {
        out.sourceIP = snat;
        trace?.(`proxy: SNAT ${from.ip} → ${snat} (externalTrafficPolicy Cluster: the app sees the node's address)`);
      }
    }
  }
  return out;
}

/** Does an ICMP echo to `ip` get a reply? Pods and nodes answer; Service addresses never do. */
export function pingable(cluster: Cluster, from: From, ip: string, trace?: Trace): { reply: boolean; ttl: number; reason: string } {
  if (/^127\./.test(ip) || ip === from.ip) return { reply: true, ttl: 64, reason: 'loopback' };
  const pod = podByIP(cluster, ip);
  if (pod) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return { reply: false, ttl: 0, reason: `pod ${podName(pod)} has finished (${phase})` };
    const same = pod.spec?.nodeName === from.pod?.spec?.nodeName;
    return { reply: true, ttl: same ? 64 : 63, reason: `pod ${podName(pod)} on node ${pod.spec?.nodeName}` };
  }
  const node = nodeByIP(cluster, ip);
  if (node) return { reply: true, ttl: node.metadata.name === from.pod?.spec?.nodeName ? 64 : 63, reason: `node ${node.metadata.name}` };
  const svc = cluster.list('services').find((s) => (s.spec?.clusterIPs ?? [s.spec?.clusterIP]).includes(ip));
  if (svc) {
    const reason = `${ip} is the ClusterIP of Service ${svc.metadata.namespace}/${svc.metadata.name}: a virtual address that only exists in kube-proxy's iptables rules for its TCP/UDP ports; nothing answers ICMP`;
    return { reply: false, ttl: 0, reason };
  }
  const host = internetHostByIP(ip);
  if (host) return { reply: true, ttl: 115, reason: `${host.name} on the internet` };
  void trace;
  return { reply: false, ttl: 0, reason: POD_CIDR.test(ip) ? `no pod has the address ${ip}` : `nothing answers at ${ip}` };
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface HttpOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Give up after this long (curl -m, wget -T); undefined: the kernel's connect timeout. */
  timeoutMs?: number;
  /** curl --resolve: `host:port` → address. */
  resolve?: Record<string, string>;
  /** curl -k: accept the cluster apps' self-signed certificates. */
  insecure?: boolean;
  libc?: 'glibc' | 'musl';
}

export type HttpError = 'bad-url' | 'resolve' | 'refused' | 'timeout' | 'unreachable' | 'empty-reply' | 'http09' | 'tls-cert' | 'tls-version';

export type HttpResult =
  | { ok: true; response: HttpResponse; remoteIP: string; remotePort: number; host: string; port: number; elapsedMs: number; servedBy: string; tls?: TlsSession }
  | { ok: false; error: HttpError; host: string; port: number; remoteIP?: string; elapsedMs: number; detail: string; tls?: TlsSession };

const TLS_PORTS = new Set([443, 6443, 8443, 9443]);

export const REASON_PHRASES: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 418: "I'm a teapot", 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** RFC 7231 date of the cluster clock. */
export function httpDate(now: number): string {
  return new Date(now).toUTCString();
}

export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** path + query */
  path: string;
  /** host[:port] as written (for the Host header). */
  hostHeader: string;
}

/** Parse a URL the way curl does (a missing scheme means http). */
export function parseUrl(url: string): ParsedUrl | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
  const m = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]+\]|[^/:?#]*)(?::(\d*))?([^#]*)/i.exec(withScheme);
  if (!m) return undefined;
  const scheme = m[1].toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const host = m[2].replace(/^\[|\]$/g, '');
  if (!host) return undefined;
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  let path = m[4] || '/';
  if (!path.startsWith('/')) path = `/${path}`;
  const hostHeader = m[3] ? `${m[2]}:${m[3]}` : m[2];
  return { scheme, host, port, path, hostHeader };
}

function sourceFor(cluster: Cluster, from: From, conn: ConnectResult): string {
  if (conn.ok && conn.kind === 'pod' && conn.sourceIP) return conn.sourceIP;
  if (conn.ok && conn.kind === 'internet') {
    const node = nodeOf(cluster, from.pod);
    return (node && nodeAddresses(node)[0]) || from.ip;
  }
  return from.ip;
}

function finishResponse(res: HttpResponse, now: number): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers ?? {})) headers[k.toLowerCase()] = v;
  if (!headers.date) headers.date = httpDate(now);
  if (!headers['content-length'] && !headers['transfer-encoding']) headers['content-length'] = String(Buffer.byteLength(res.body ?? ''));
  return { status: res.status, statusText: res.statusText ?? REASON_PHRASES[res.status] ?? '', headers, body: res.body ?? '' };
}

/**
 * One HTTP request from a pod: resolve the host (getaddrinfo: /etc/hosts, search list), connect
 * (kube-proxy), and hand the request to the app listening there (or the simulated internet).
 */
export async function httpRequest(cluster: Cluster, from: From, url: string, opts: HttpOptions = {}, trace?: Trace): Promise<HttpResult> {
  const u = parseUrl(url);
  if (!u) return { ok: false, error: 'bad-url', host: url, port: 0, elapsedMs: 0, detail: `bad URL ${url}` };
  const method = (opts.method ?? 'GET').toUpperCase();
  let elapsed = 0;
  let ip: string | undefined = opts.resolve?.[`${u.host}:${u.port}`];
  if (ip) trace?.(`http: --resolve ${u.host}:${u.port} → ${ip}`);
  else if (isIP(u.host)) ip = u.host;
  else if (from.host) {
    ip = hostLookup(cluster, u.host, trace);
    if (!ip) return { ok: false, error: 'resolve', host: u.host, port: u.port, elapsedMs: elapsed + 20, detail: 'NXDOMAIN' };
  } else {
    const r = lookupHost(cluster, from.pod, u.host, { trace, libc: opts.libc, srcIP: from.ip });
    elapsed += r.elapsedMs;
    const addr = r.addresses.find(isIPv4);
    if (!addr) return { ok: false, error: 'resolve', host: u.host, port: u.port, elapsedMs: elapsed, detail: r.error ?? 'NXDOMAIN' };
    ip = addr;
  }
  if (isIngressFrontDoor(cluster, ip, u.port, !!from.host, (p) => !!publishedOnLocalhost(cluster, p))) {
    const ctrl = builtinController(cluster);
    trace?.(`net: ${ip}:${u.port} is the ingress controller (class ${ctrl.cls})`);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = v;
    if (!headers.host) headers.host = u.hostHeader;
    const req: HttpRequest = { method, path: u.path, headers, body: opts.body ?? '', sourceIP: from.ip, localAddress: ip, localPort: u.port, scheme: u.scheme };
    let tls: TlsSession | undefined;
    if (u.scheme === 'https') {
      if (u.port !== 443) return { ok: false, error: 'tls-version', host: u.host, port: u.port, remoteIP: ip, elapsedMs: elapsed + 2, detail: 'port 80 speaks plain HTTP' };
      tls = await tlsHandshake(cluster, ctrl, u.host, trace);
      if (!opts.insecure) return { ok: false, error: 'tls-cert', host: u.host, port: u.port, remoteIP: ip, elapsedMs: elapsed + 2, detail: verifyError(tls.cert).text, tls };
    }
    const served = u.scheme === 'http' && u.port === 443 ? finishResponse(controllerPage(ctrl, 'plainHttpOnTls'), cluster.now) : await serveIngress(cluster, req, u.scheme, from.ip, ctrl, trace);
    return { ok: true, response: served, remoteIP: ip, remotePort: u.port, host: u.host, port: u.port, elapsedMs: elapsed + 3, servedBy: 'the ingress controller', tls };
  }
  const conn = connect(cluster, from, ip, u.port, 'TCP', trace);
  const limit = opts.timeoutMs;
  if (!conn.ok) {
    const wait = conn.error === 'timeout' ? KERNEL_CONNECT_TIMEOUT_MS : conn.error === 'unreachable' ? ARP_TIMEOUT_MS : 1;
    if (limit !== undefined && wait >= limit) return { ok: false, error: 'timeout', host: u.host, port: u.port, remoteIP: ip, elapsedMs: elapsed + limit, detail: conn.reason };
    return { ok: false, error: conn.error === 'no-route' ? 'unreachable' : conn.error, host: u.host, port: u.port, remoteIP: ip, elapsedMs: elapsed + wait, detail: conn.reason };
  }
  elapsed += 1;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = v;
  if (!headers.host) headers.host = u.hostHeader;
  const req: HttpRequest = {
    method,
    path: u.path,
    headers,
    body: opts.body ?? '',
    sourceIP: sourceFor(cluster, from, conn),
    localAddress: conn.ip,
    localPort: conn.port,
    scheme: u.scheme,
  };
  let tls: TlsSession | undefined;
  if (conn.kind === 'pod' && u.scheme === 'https') {
    if (!TLS_PORTS.has(conn.port)) return { ok: false, error: 'tls-version', host: u.host, port: u.port, remoteIP: ip, elapsedMs: elapsed, detail: 'the server speaks plain HTTP' };
    const ctrl = podController(conn.pod, containerHandle(cluster, conn.pod, conn.container).container ?? {});
    if (ctrl) tls = await tlsHandshake(cluster, ctrl, u.host, trace);
    if (!opts.insecure) return { ok: false, error: 'tls-cert', host: u.host, port: u.port, remoteIP: ip, elapsedMs: elapsed, detail: tls ? verifyError(tls.cert).text : 'self-signed certificate', tls };
  }
  const served = await serveHttp(cluster, conn, req, trace);
  if (!served.ok) return { ok: false, error: served.error, host: u.host, port: u.port, remoteIP: ip, elapsedMs: elapsed, detail: served.detail };
  elapsed += served.ms;
  return { ok: true, response: served.response, remoteIP: ip, remotePort: u.port, host: u.host, port: u.port, elapsedMs: elapsed, servedBy: served.servedBy, tls };
}

/**
 * The TLS handshake with an ingress controller: curl sends the URL's host as SNI (none for an IP
 * address) and the controller answers with its certificate for that name. Real ingress-nginx and
 * traefik would accept h2 from curl's ALPN offer; kubesim's controllers speak HTTP/1.1, so they
 * pick http/1.1.
 */
async function tlsHandshake(cluster: Cluster, ctrl: IngressController, host: string, trace?: Trace): Promise<TlsSession> {
  const sni = isIPLiteral(host) ? undefined : host;
  const cert = await ingressCertificate(cluster, ctrl, sni, trace);
  return tlsSession(cert, sni, ctrl.flavour);
}

/** The ingress controller's answer to one request: its own 404/503/502/308 page or the backend's response. */
export async function serveIngress(cluster: Cluster, req: HttpRequest, scheme: 'http' | 'https', clientIP: string, ctrl: IngressController, trace?: Trace): Promise<HttpResponse> {
  const plan = await planIngress(cluster, req, scheme, clientIP, ctrl, trace);
  if ('page' in plan) return finishResponse(plan.page, cluster.now);
  const conn = connect(cluster, { ip: ctrl.ip }, plan.ip, plan.port, 'TCP', trace);
  if (!conn.ok) {
    trace?.(`ingress: upstream ${plan.ip}:${plan.port}: ${conn.reason} → 502`);
    return finishResponse(controllerPage(ctrl, 'badGateway'), cluster.now);
  }
  const served = await serveHttp(cluster, conn, plan.request, trace);
  if (!served.ok) return finishResponse(controllerPage(ctrl, 'badGateway'), cluster.now);
  return controllerResponse(served.response, ctrl, plan.addHeaders);
}

/**
 * Hand an HTTP request to whatever accepted the connection: the app's ImageBehaviour.http (and
 * its access-log line), or a simulated internet server. Non-HTTP servers answer like they do
 * (MySQL's greeting: HTTP/0.9; others close the connection: empty reply).
 */
export async function serveHttp(
  cluster: Cluster,
  conn: Extract<ConnectResult, { ok: true }>,
  req: HttpRequest,
  trace?: Trace,
): Promise<{ ok: true; response: HttpResponse; servedBy: string; ms: number } | { ok: false; error: 'empty-reply' | 'http09'; detail: string }> {
  if (conn.kind === 'internet') {
    const h = conn.host;
    if (!h.http) return { ok: false, error: 'empty-reply', detail: `${h.name} is not a web server` };
    const res = finishResponse(h.http(req, cluster.now), cluster.now);
    trace?.(`http: ${req.method} ${req.path} → ${res.status} ${res.statusText} from ${h.name} (simulated internet)`);
    return { ok: true, response: res, servedBy: h.name, ms: 20 };
  }
  const handle = containerHandle(cluster, conn.pod, conn.container);
  const ctrl = podController(conn.pod, handle.container ?? {});
  if (ctrl && (conn.port === 80 || conn.port === 443 || conn.port === 8000 || conn.port === 8443)) {
    trace?.(`http: pod ${podName(conn.pod)} is an ingress controller (class ${ctrl.cls})`);
    const tlsPort = conn.port === 443 || conn.port === 8443;
    const scheme = req.scheme ?? (tlsPort ? 'https' : 'http');
    const res = tlsPort && scheme === 'http' ? finishResponse(controllerPage(ctrl, 'plainHttpOnTls'), cluster.now) : await serveIngress(cluster, req, scheme, req.sourceIP, ctrl, trace);
    return { ok: true, response: res, servedBy: `ingress controller pod ${podName(conn.pod)}`, ms: 3 };
  }
  const kind = conn.listener.kind;
  if (kind === 'mysql') return { ok: false, error: 'http09', detail: 'MySQL sent its greeting' };
  if (kind !== 'http' || !handle.image.http) return { ok: false, error: 'empty-reply', detail: `${conn.listener.image} does not speak HTTP on ${conn.port}` };
  const raw = await handle.image.http(req, handle, conn.port);
  const res = finishResponse(raw, cluster.now);
  if (handle.image.accessLog) appendLog(handle, handle.image.accessLog(req, res));
  const servedBy = `pod ${podName(conn.pod)} container "${conn.container}"`;
  trace?.(`http: ${req.method} ${req.path} (Host: ${req.headers.host ?? ''}) → ${res.status} ${res.statusText} from ${servedBy}`);
  return { ok: true, response: res, servedBy, ms: 2 };
}
