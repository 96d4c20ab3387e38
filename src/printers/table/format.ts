// Small formatting helpers shared by the per-kind printers (Go equivalents in comments).
import type { Container } from 'kubernetes-types/core/v1.js';
import { age } from '../duration.js';

export const NONE = '<none>';
export const UNSET = '<unset>';

/** translateTimestampSince: HumanDuration(now - ts), `<unknown>` for a zero/missing time. */
export const since = (ts: string | undefined | null, now: number): string => age(ts ?? undefined, now);

/** Milliseconds since the epoch of an RFC 3339 time; 0 (Go's zero time) when missing/invalid. */
export const timeMs = (ts: string | undefined | null): number => {
  if (!ts) return 0;
  const t = Date.parse(ts);
  return Number.isNaN(t) ? 0 : t;
};

/** labels.FormatLabels: `k=v` sorted by key (byte-wise), joined by `,`; `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | null | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(byteCompare);
  if (keys.length === 0) return NONE;
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** Go's string ordering (byte-wise on UTF-8; code-unit order is the same for BMP text). */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** layoutContainerCells: names and images joined by `,`. */
export function layoutContainers(containers: Container[] | null | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name ?? '').join(','), cs.map((c) => c.image ?? '').join(',')];
}

/** net.JoinHostPort. */
export const joinHostPort = (host: string, port: number | string): string =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

/** listWithMoreString: `a,b,c + N more...`, `<unset>` when empty. */
export function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? UNSET : ret;
}

/** printBoolPtr: `True` / `False` / `<unset>`. */
export const boolPtr = (v: boolean | null | undefined): string => (v == null ? UNSET : v ? 'True' : 'False');

/** fmt.Sprint of a Go bool cell. */
export const goBool = (v: boolean | null | undefined): string => (v ? 'true' : 'false');

/** fmt.Sprint of an integer cell (missing = Go zero value). */
export const int = (v: number | null | undefined): string => String(Math.trunc(v ?? 0));

/** (ingress)LoadBalancerStatusStringer with wide=true (the server always renders wide cells). */
export function loadBalancerIngress(ingress: { ip?: string; hostname?: string }[] | null | undefined): string {
  const set = new Set<string>();
  for (const i of ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort(byteCompare).join(',');
}

/** A resource.Quantity's String(); the zero Quantity prints `0`. */
export const quantity = (q: string | number | null | undefined): string => (q == null || q === '' ? '0' : String(q));
