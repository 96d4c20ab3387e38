// The simulated internet outside the cluster: what CoreDNS's upstream resolver (the kind node's
// Docker network, 172.18.0.1) answers for names that are not under cluster.local, and the few
// servers behind those names. Everything else is NXDOMAIN, and an address that is in no row here
// has nothing behind it (packets are dropped: connections time out, pings get no reply).
//
// | name                       | addresses                         | answers                                                            |
// |----------------------------|-----------------------------------|--------------------------------------------------------------------|
// | raw.githubusercontent.com  | 185.199.108-111.133               | GET /sixeyed/kiamol/master/ch03/numbers/rng → `42` (kiamol ch03),  |
// |                            |                                   | other paths, or another Host header → 404 `404: Not Found`         |
// | worldtimeapi.org           | 213.188.196.246                   | /api/timezone/<Area/City>, /api/ip → JSON with the cluster's clock |
// | api.somecompany.com        | 203.0.113.10                      | any path → `Hello from api.somecompany.com` (kia ch05 ExternalName)|
// | example.com, www.example.com | 93.184.215.14                   | the "Example Domain" page                                          |
// | www.google.com             | 142.250.185.68                    | a small HTML page                                                  |
// | google.com                 | 142.250.185.78                    | 301 → http://www.google.com/                                       |
// | github.com                 | 140.82.121.4                      | 301 → https://github.com/                                          |
// | dl-cdn.alpinelinux.org, deb.debian.org, archive.ubuntu.com, security.ubuntu.com | (CDN addresses) | package mirrors (a short text page) |
// | dns.google (8.8.8.8, 8.8.4.4), one.one.one.one (1.1.1.1, 1.0.0.1) | — | DNS resolvers on 53/UDP+TCP; they answer ping, no HTTP   |
// | kubesim-control-plane, kubesim-worker… | the node IPs (172.18.0.x) | Docker's embedded DNS knows the node containers' names           |
//
// Every row with addresses answers ping. HTTP is served on 80, and on 443 as HTTPS (trusted
// certificates). Requests reaching these servers come from the node's address (SNAT).
import type { HttpRequest, HttpResponse } from '../runtime/types.js';

export interface InternetHost {
  name: string;
  a: string[];
  aaaa?: string[];
  /** Ports with a server behind them (TCP). */
  ports: number[];
  /** Answers DNS queries (a public resolver). */
  dns?: boolean;
  http?: (req: HttpRequest, now: number) => HttpResponse;
}

/** The upstream resolver as pods with dnsPolicy Default see it (the kind node's Docker network gateway). */
export const UPSTREAM_RESOLVER = '172.18.0.1';

const text = (status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': type, ...extra },
  body,
});

const RNG_PATH = '/sixeyed/kiamol/master/ch03/numbers/rng';

function github(req: HttpRequest): HttpResponse {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const path = req.path.split('?')[0];
  // The Fastly front answers by Host header: numbers-web's first try (Host: numbers-api) is a 404,
  // its retry with Host raw.githubusercontent.com gets the file (kiamol ch03's ExternalName step).
  if (host === 'raw.githubusercontent.com' && path === RNG_PATH) return text(200, '42', 'text/plain; charset=utf-8');
  return text(404, '404: Not Found');
}

const TZ_OFFSETS: Record<string, [string, number]> = {
  CET: ['CET', 60],
  UTC: ['UTC', 0],
  'Etc/UTC': ['UTC', 0],
  'Europe/London': ['GMT', 0],
  'Europe/Berlin': ['CET', 60],
  'Europe/Paris': ['CET', 60],
  'Europe/Ljubljana': ['CET', 60],
  'America/New_York': ['EST', -300],
  'Asia/Seoul': ['KST', 540],
  'Asia/Tokyo': ['JST', 540],
};

function isoWithOffset(now: number, minutes: number): string {
  const d = new Date(now + minutes * 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  const off = `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${d.toISOString().replace('Z', '').replace(/\.(\d{3})$/, '.$1000')}${off}`;
}

function worldtime(req: HttpRequest, now: number): HttpResponse {
  const path = req.path.split('?')[0].replace(/\/+$/, '');
  if (path === '/api/ip') {
    return text(200, JSON.stringify({ client_ip: req.sourceIP, datetime: isoWithOffset(now, 0), timezone: 'Etc/UTC', unixtime: Math.floor(now / 1000) }), 'application/json; charset=utf-8');
  }
  const m = /^\/api\/timezone\/(.+)$/.exec(path);
  if (m && TZ_OFFSETS[m[1]]) {
    const [abbr, off] = TZ_OFFSETS[m[1]];
    const d = new Date(now + off * 60_000);
    const start = Date.UTC(d.getUTCFullYear(), 0, 1);
    const body = {
      abbreviation: abbr,
      client_ip: req.sourceIP,
      datetime: isoWithOffset(now, off),
      day_of_week: d.getUTCDay(),
      day_of_year: Math.floor((d.getTime() - start) / 86_400_000) + 1,
      dst: false,
      dst_from: null,
      dst_offset: 0,
      dst_until: null,
      raw_offset: off * 60,
      timezone: m[1],
      unixtime: Math.floor(now / 1000),
      utc_datetime: isoWithOffset(now, 0),
      utc_offset: isoWithOffset(now, off).slice(-6),
      week_number: Math.floor((d.getTime() - start) / (7 * 86_400_000)) + 1,
    };
    return text(200, JSON.stringify(body), 'application/json; charset=utf-8');
  }
  if (m) return text(404, JSON.stringify({ error: 'unknown location' }), 'application/json; charset=utf-8');
  return text(404, '404 Not Found');
}

const EXAMPLE_PAGE = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>

    <meta charset="utf-8" />
    <meta http-equiv="Content-type" content="text/html; charset=utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
</head>

<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is for use in illustrative examples in documents. You may use this
    domain in literature without prior coordination or asking for permission.</p>
    <p><a href="https://www.iana.org/domains/example">More information...</a></p>
</div>
</body>
</html>
`;

const GOOGLE_PAGE = '<!doctype html><html itemscope="" itemtype="http://schema.org/WebPage" lang="en"><head><title>Google</title></head><body><center><img alt="Google" src="/images/branding/googlelogo/1x/googlelogo_white_background_color_272x92dp.png"><form action="/search"><input name="q"><input type="submit" value="Google Search"></form></center></body></html>';

const mirror = (name: string) => (req: HttpRequest) =>
  req.path === '/' ? text(200, `${name}: package mirror\n`) : text(404, '404 Not Found\n');

const redirect = (location: string) => () => text(301, `<HTML><HEAD><TITLE>301 Moved</TITLE></HEAD><BODY><H1>301 Moved</H1>The document has moved <A HREF="${location}">here</A>.</BODY></HTML>\n`, 'text/html; charset=UTF-8', { location });

let table: InternetHost[] | undefined;

/** The rows (built on first use). */
export function internetHosts(): InternetHost[] {
  return (table ??= [
    { name: 'raw.githubusercontent.com', a: ['185.199.108.133', '185.199.109.133', '185.199.110.133', '185.199.111.133'], ports: [80, 443], http: github },
    { name: 'worldtimeapi.org', a: ['213.188.196.246'], ports: [80, 443], http: worldtime },
    { name: 'api.somecompany.com', a: ['203.0.113.10'], ports: [80, 443], http: () => text(200, 'Hello from api.somecompany.com\n') },
    { name: 'example.com', a: ['93.184.215.14'], aaaa: ['2606:2800:21f:cb07:6820:80da:af6b:8b2c'], ports: [80, 443], http: () => text(200, EXAMPLE_PAGE, 'text/html') },
    { name: 'www.example.com', a: ['93.184.215.14'], ports: [80, 443], http: () => text(200, EXAMPLE_PAGE, 'text/html') },
    { name: 'www.google.com', a: ['142.250.185.68'], aaaa: ['2a00:1450:4001:82f::2004'], ports: [80, 443], http: () => text(200, GOOGLE_PAGE, 'text/html; charset=ISO-8859-1') },
    { name: 'google.com', a: ['142.250.185.78'], aaaa: ['2a00:1450:4001:831::200e'], ports: [80, 443], http: redirect('http://www.google.com/') },
    { name: 'github.com', a: ['140.82.121.4'], ports: [80, 443], http: redirect('https://github.com/') },
    { name: 'dl-cdn.alpinelinux.org', a: ['151.101.2.132'], ports: [80, 443], http: mirror('dl-cdn.alpinelinux.org') },
    { name: 'deb.debian.org', a: ['151.101.66.132'], ports: [80, 443], http: mirror('deb.debian.org') },
    { name: 'archive.ubuntu.com', a: ['91.189.91.82'], ports: [80, 443], http: mirror('archive.ubuntu.com') },
    { name: 'security.ubuntu.com', a: ['91.189.91.83'], ports: [80, 443], http: mirror('security.ubuntu.com') },
    { name: 'dns.google', a: ['8.8.8.8', '8.8.4.4'], ports: [53, 443], dns: true },
    { name: 'one.one.one.one', a: ['1.1.1.1', '1.0.0.1'], ports: [53], dns: true },
  ]);
}

/** The row for a name (lower-case, no trailing dot). */
export function internetHost(name: string): InternetHost | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  return internetHosts().find((h) => h.name === n);
}

/** The row whose addresses include `ip`. */
export function internetHostByIP(ip: string): InternetHost | undefined {
  return internetHosts().find((h) => h.a.includes(ip) || (h.aaaa ?? []).includes(ip));
}

/** Whether `ip` is a public resolver that answers DNS (8.8.8.8, 1.1.1.1, …). */
export function isPublicResolver(ip: string): boolean {
  return !!internetHostByIP(ip)?.dns;
}
