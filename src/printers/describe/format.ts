// Helpers shared by the describers: timestamps, the multi-line label / annotation / taint /
// toleration lists (describe.go's printLabelsMultiline & co.) and small formatting utilities.
import { humanDuration } from '../duration.js';
import { goSort } from './gosort.js';
import { LEVEL_0, type PrefixWriter } from './writer.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Any = any;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** time.RFC1123Z in UTC: `Tue, 14 May 2024 10:21:33 +0000`; Go's zero time when unset. */
export function rfc1123z(ts: string | undefined | null): string {
  if (!ts) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  return (
    `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).padStart(4, '0')} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
  );
}

/** translateTimestampSince: HumanDuration since the timestamp, `<unknown>` when unset. */
export function since(ts: string | undefined | null, now: number): string {
  if (!ts) return '<unknown>';
  const t = Date.parse(ts);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(now - t);
}

/** Microseconds since the epoch for sorting (MicroTime keeps six fraction digits); -Infinity when unset. */
export function timeKey(ts: string | undefined | null): number {
  if (!ts) return -Infinity;
  const m = /^(.*?)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(ts);
  if (!m) return Date.parse(ts) * 1000;
  const whole = Date.parse(m[1] + m[3]);
  const frac = m[2] ? Number((m[2] + '000000').slice(0, 6)) : 0;
  return whole * 1000 + frac;
}

/** Go's `len(s)`: the UTF-8 byte length. */
export const byteLen = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Go's `s[:n]` on a UTF-8 string. */
export const byteSlice = (s: string, n: number): string => Buffer.from(s, 'utf8').subarray(0, n).toString('utf8');

/** Go's sort.Strings order (byte-wise; equal to code-unit order outside surrogates). */
export const byteCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const stringOrNone = (s: string | undefined | null): string => (s ? s : '<none>');

/** %v of a Go bool. */
export const goBool = (b: unknown): string => (b ? 'true' : 'false');

/** printBool: True / False. */
export const printBool = (b: unknown): string => (b ? 'True' : 'False');

/** intstr.IntOrString.String(). */
export const intOrString = (v: unknown): string => (v === undefined || v === null ? '0' : String(v));

/** printLabelsMultilineWithIndent. */
export function printLabelsMultilineWithIndent(
  w: PrefixWriter,
  initialIndent: string,
  title: string,
  innerIndent: string,
  labels: Record<string, string> | undefined | null,
  skip: Set<string> = new Set(),
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).filter((k) => !skip.has(k));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.sort(byteCompare);
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined | null): void {
  printLabelsMultilineWithIndent(w, '', title, '\t', labels);
}

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

const shorten = (s: string, max: number): string => (byteLen(s) > max ? byteSlice(s, max) + '...' : s);

/** printAnnotationsMultiline: sorted `k: v`, long or multi-line values on their own lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined | null): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.sort(byteCompare);
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = String(annotations![key]).replace(/\n$/, '');
    if (byteLen(value) + byteLen(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** corev1.Taint.ToString(). */
export function taintString(t: Any): string {
  const key = t.key ?? '';
  const value = t.value ?? '';
  const effect = t.effect ?? '';
  return value ? `${key}=${value}:${effect}` : `${key}:${effect}`;
}

/** printNodeTaintsMultiline. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Any[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...taints];
  const key = (t: Any): string => `${t.effect ?? ''},${t.key ?? ''}`;
  goSort(sorted, (a, b) => key(a) < key(b));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Any[] | undefined, initialIndent = ''): void {
  const innerIndent = '\t';
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...tolerations];
  goSort(sorted, (a, b) => (a.key ?? '') < (b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    const key = t.key ?? '';
    const value = t.value ?? '';
    const effect = t.effect ?? '';
    w.write(LEVEL_0, key);
    if (value) w.write(LEVEL_0, `=${value}`);
    if (effect) w.write(LEVEL_0, `:${effect}`);
    if (t.operator === 'Exists' && !value) w.write(LEVEL_0, key || effect ? ' op=Exists' : 'op=Exists');
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) w.write(LEVEL_0, ` for ${t.tolerationSeconds}s`);
    w.write(LEVEL_0, '\n');
  });
}

/** printController: `Kind/name` of the controlling owner reference, or ''. */
export function controllerOf(obj: Any): string {
  const ref = (obj?.metadata?.ownerReferences ?? []).find((r: Any) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** metav1.IsControlledBy. */
export function isControlledBy(obj: Any, owner: Any): boolean {
  const ref = (obj?.metadata?.ownerReferences ?? []).find((r: Any) => r.controller === true);
  return !!ref && !!owner?.metadata?.uid && ref.uid === owner.metadata.uid;
}

/** net.JoinHostPort. */
export const joinHostPort = (host: string, port: string | number): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** SortedResourceNames. */
export const sortedKeys = (m: Record<string, unknown> | undefined | null): string[] => Object.keys(m ?? {}).sort(byteCompare);
