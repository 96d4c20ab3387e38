// Traefik v2 (kiamol ch15's controller, traefik:v2.2.1) reading Ingresses of its class: each
// rule path becomes a router `Host(`h`) && PathPrefix(`/p`)` (a `*.` host: HostRegexp with a
// `{subdomain:…}` label) — the matcher from the annotation traefik.ingress.kubernetes.io/
// router.pathmatcher when the pathType is ImplementationSpecific (Path or PathPrefix, default
// PathPrefix), Path for Exact — and routers are tried longest rule first. A router is a TLS router
// (HTTPS only) with router.tls: "true"; otherwise it serves plain HTTP only (spec.tls only loads
// certificates). No router: Go's "404 page not found". Services with the annotation
// traefik.ingress.kubernetes.io/service.sticky.cookie: "true" pin clients with a cookie named
// `_` + 5 hex digits of sha1("_TRAEFIK_BACKEND_" + <ns>-<svc>-<port>@kubernetes) whose value is
// the server URL (oxy's sticky session in v2.2). HTTPS: the certificate of any TLS Secret of its
// Ingresses whose names (CN or SAN) cover the SNI, else its self-signed TRAEFIK DEFAULT CERT.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import type { HttpRequest, HttpResponse } from '../runtime/types.js';
import { readyEndpoints, type SvcPort } from './proxy.js';
import type { Trace } from './dns.js';
import { certCovers, defaultCertificate, nameMatches, secretCertificate, type Certificate } from './tls.js';
import { classIngresses, hostOnly } from './ingress-class.js';
import type { IngressController, IngressPlan } from './ingress.js';

const A = 'traefik.ingress.kubernetes.io/';

interface Router {
  ing: KObject;
  backend: { service?: { name: string; port?: { number?: number; name?: string } } };
  host: string;
  path?: string;
  matcher: 'Path' | 'PathPrefix';
  tls: boolean;
  rule: string;
  priority: number;
}

function routersOf(ings: KObject[]): Router[] {
  const out: Router[] = [];
  for (const ing of ings) {
    const ann = ing.metadata.annotations ?? {};
    const tls = ann[`${A}router.tls`] === 'true';
    const annMatcher = ann[`${A}router.pathmatcher`];
    for (const r of ing.spec?.rules ?? []) {
      const host = (r.host ?? '').toLowerCase();
      const hostRule = host.startsWith('*.') ? `HostRegexp(\`{subdomain:[a-zA-Z0-9-]+}${host.slice(1)}\`)` : `Host(\`${host}\`)`;
      for (const p of r.http?.paths ?? []) {
        const specific = !p.pathType || p.pathType === 'ImplementationSpecific';
        const matcher = specific ? (annMatcher === 'Path' ? 'Path' : 'PathPrefix') : p.pathType === 'Exact' ? 'Path' : 'PathPrefix';
        const rule = [host ? hostRule : '', p.path ? `${matcher}(\`${p.path}\`)` : ''].filter(Boolean).join(' && ');
        out.push({ ing, backend: p.backend, host, path: p.path, matcher, tls, rule, priority: rule.length });
      }
    }
    if (ing.spec?.defaultBackend) out.push({ ing, backend: ing.spec.defaultBackend, host: '', path: '/', matcher: 'PathPrefix', tls, rule: 'PathPrefix(`/`)', priority: -Infinity });
  }
  return out;
}

function routerMatches(r: Router, host: string, path: string): boolean {
  if (r.host && (r.host.startsWith('*.') ? !nameMatches(r.host, host) : r.host !== host)) return false;
  if (!r.path) return true;
  return r.matcher === 'Path' ? path === r.path : path.startsWith(r.path);
}

const textPage = (status: number, statusText: string, body: string): HttpResponse => ({
  status,
  statusText,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'content-length': String(Buffer.byteLength(body)) },
  body,
});

/** Traefik's own answers: an upstream that fails; plain HTTP on its TLS port (Go's net/http). */
export const traefikPages = {
  badGateway: () => textPage(502, 'Bad Gateway', 'Bad Gateway'),
  plainHttpOnTls: (): HttpResponse => ({ status: 400, statusText: 'Bad Request', headers: {}, body: 'Client sent an HTTP request to an HTTPS server.\n' }),
};

/** Traefik's sticky-cookie name for a service (pkg/server/cookie GenerateName). */
export async function stickyCookieName(serviceName: string): Promise<string> {
  const { sha1Hex } = await import('./x509.js');
  return `_${sha1Hex(`_TRAEFIK_BACKEND_${serviceName}`)}`.slice(0, 6);
}

/** Route one request the way traefik does. */
export async function planTraefik(cluster: Cluster, req: HttpRequest, scheme: 'http' | 'https', clientIP: string, ctrl: IngressController, trace?: Trace): Promise<IngressPlan> {
  const host = hostOnly(req.headers.host ?? '');
  const path = req.path.split('?')[0] || '/';
  const entry = scheme === 'https' ? 'websecure' : 'web';
  const r = routersOf(classIngresses(cluster, ctrl.cls))
    .filter((x) => x.tls === (scheme === 'https') && routerMatches(x, host, path))
    .sort((a, b) => b.priority - a.priority)[0];
  if (!r) {
    trace?.(`traefik: no ${entry} router of class ${ctrl.cls} matches Host ${host || '(none)'} path ${path} → 404 page not found`);
    return { page: textPage(404, 'Not Found', '404 page not found\n') };
  }
  const ns = r.ing.metadata.namespace;
  const where = `Ingress ${ns}/${r.ing.metadata.name} router ${r.rule}${r.tls ? ' (tls)' : ''}`;
  const svcName = r.backend?.service?.name;
  const svc = svcName ? cluster.get('services', ns, svcName) : undefined;
  const want = r.backend?.service?.port;
  const port: SvcPort | undefined = svc ? (svc.spec.ports ?? []).find((p: SvcPort) => (want?.number !== undefined ? p.port === want.number : p.name === want?.name)) : undefined;
  const eps = svc && port ? readyEndpoints(cluster, svc, port) : [];
  if (!svc || !port || !eps.length) {
    trace?.(`traefik: ${where} → Service ${ns}/${svcName ?? '?'} has no servers → 503`);
    return { page: textPage(503, 'Service Unavailable', 'Service Unavailable') };
  }
  const xff = req.headers['x-forwarded-for'];
  const headers: Record<string, string> = {
    ...req.headers,
    'x-forwarded-for': xff ? `${xff}, ${clientIP}` : clientIP,
    'x-forwarded-host': req.headers.host ?? '',
    'x-forwarded-port': /:(\d+)$/.exec(req.headers.host ?? '')?.[1] ?? (scheme === 'https' ? '443' : '80'),
    'x-forwarded-proto': scheme,
    'x-forwarded-server': ctrl.name,
    'x-real-ip': clientIP,
  };
  const request: HttpRequest = { ...req, headers, sourceIP: ctrl.ip, scheme: 'http' };
  const sann = svc.metadata.annotations ?? {};
  if (sann[`${A}service.sticky.cookie`] === 'true') {
    // The service's name in traefik: provider.Normalize(<ns>-<svc>-<port>), qualified @kubernetes.
    const serviceName = `${ns}-${svc.metadata.name}-${want?.number ?? want?.name}`.split(/[^\p{L}\p{N}]+/u).filter(Boolean).join('-');
    const name = sann[`${A}service.sticky.cookie.name`] ?? (await stickyCookieName(`${serviceName}@kubernetes`));
    const url = (e: { ip: string; port: number }) => `http://${e.ip}:${e.port}`;
    const cookie = (req.headers.cookie ?? '').split(/;\s*/).map((c) => c.split('=')).find(([k]) => k === name)?.[1];
    const pinned = cookie ? eps.find((e) => url(e) === cookie) : undefined;
    const ep = pinned ?? eps[cluster.rand.int(eps.length)];
    trace?.(`traefik: ${where} → Service ${ns}/${svcName}: sticky cookie ${name} ${pinned ? 'pins' : 'new client, picked'} ${url(ep)}`);
    const addHeaders: Record<string, string> = {};
    if (!pinned) {
      const flags = `${sann[`${A}service.sticky.cookie.httponly`] === 'true' ? '; HttpOnly' : ''}${sann[`${A}service.sticky.cookie.secure`] === 'true' ? '; Secure' : ''}`;
      addHeaders['set-cookie'] = `${name}=${url(ep)}; Path=/${flags}`;
    }
    return { ip: ep.ip, port: ep.port, request, describe: where, addHeaders };
  }
  trace?.(`traefik: ${where} → Service ${ns}/${svcName} port ${port.port}`);
  return { ip: svc.spec.clusterIP, port: port.port, request, describe: where, addHeaders: {} };
}

/** The certificate traefik presents: a TLS Secret of its Ingresses covering the SNI, else its default. */
export async function traefikCertificate(cluster: Cluster, ctrl: IngressController, sni: string | undefined, trace?: Trace): Promise<Certificate> {
  if (sni) {
    for (const ing of classIngresses(cluster, ctrl.cls)) {
      for (const t of (ing.spec?.tls ?? []) as { secretName?: string }[]) {
        if (!t.secretName) continue;
        const cert = await secretCertificate(cluster.get('secrets', ing.metadata.namespace, t.secretName));
        if (cert && certCovers(cert, sni, { commonName: true })) {
          trace?.(`tls: SNI ${sni}: certificate from ${cert.source} (Ingress ${ing.metadata.namespace}/${ing.metadata.name})`);
          return cert;
        }
      }
    }
  }
  trace?.(`tls: ${sni ? `no TLS Secret of class ${ctrl.cls} has a certificate for ${sni}` : 'no SNI'} → TRAEFIK DEFAULT CERT`);
  return defaultCertificate('traefik', ctrl.startedAt, ctrl.name);
}
