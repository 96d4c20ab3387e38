// How HTTP messages look on the wire (curl -i/-v, wget -S): status line and headers.
import type { HttpResponse } from '../../runtime/types.js';

/** `content-type` → `Content-Type` (HTTP/1.1 servers send capitalised names). */
export function headerName(h: string): string {
  if (h.toLowerCase() === 'etag') return 'ETag';
  return h.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

/** The response header lines in the order a server sends them (Server/Date first, like nginx and Node). */
export function responseHeaderLines(res: HttpResponse): string[] {
  const entries = Object.entries(res.headers);
  const first = ['server', 'date'];
  entries.sort((a, b) => {
    const ia = first.indexOf(a[0]);
    const ib = first.indexOf(b[0]);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  return entries.map(([k, v]) => `${headerName(k)}: ${v}`);
}

export function statusLine(res: HttpResponse): string {
  return `HTTP/1.1 ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
}

/** Resolve a redirect target against the current URL. */
export function resolveLocation(base: string, location: string): string {
  try {
    return new URL(location, /^[a-z]+:\/\//i.test(base) ? base : `http://${base}`).toString();
  } catch {
    return location;
  }
}
