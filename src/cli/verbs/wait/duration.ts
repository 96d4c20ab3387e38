// Go's time.ParseDuration (`30s`, `1m`, `2m30s`, `500ms`, `1.5h`, `-1s`, `0`), with its exact
// error texts, for duration flags (wait --timeout, scale --timeout, delete --timeout).
import { flagValueError } from '../label/targets.js';

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const MAX = (1n << 63n) - 1n;

/** time's quote(): ASCII printable as is (escaping `"` and `\`), other bytes as \xNN. */
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x80 || code < 0x20) {
      for (const b of Buffer.from(ch, 'utf8')) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return out + '"';
}

export class DurationError extends Error {}

/** Parse a Go duration; returns nanoseconds. Throws DurationError with Go's message. */
export function parseDurationNanos(orig: string): bigint {
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  const invalid = () => new DurationError(`time: invalid duration ${quote(orig)}`);
  if (s === '') throw invalid();
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) throw invalid();
    let i = 0;
    while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
    const intDigits = s.slice(0, i);
    s = s.slice(i);
    let fracDigits = '';
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
      fracDigits = s.slice(0, j);
      post = j > 0;
      s = s.slice(j);
    }
    if (!intDigits && !post) throw invalid();
    let v = intDigits ? BigInt(intDigits) : 0n;
    if (v > 1n << 63n) throw invalid();
    let u = 0;
    while (u < s.length && s[u] !== '.' && !(s[u] >= '0' && s[u] <= '9')) u++;
    if (u === 0) throw new DurationError(`time: missing unit in duration ${quote(orig)}`);
    const unitText = s.slice(0, u);
    s = s.slice(u);
    const unit = UNITS[unitText];
    if (unit === undefined) throw new DurationError(`time: unknown unit ${quote(unitText)} in duration ${quote(orig)}`);
    if (v > (1n << 63n) / unit) throw invalid();
    v *= unit;
    if (fracDigits && /[1-9]/.test(fracDigits)) {
      const f = Number(`0.${fracDigits}`);
      v += BigInt(Math.floor(f * Number(unit)));
      if (v > 1n << 63n) throw invalid();
    }
    total += v;
    if (total > 1n << 63n) throw invalid();
  }
  if (neg) return -total;
  if (total > MAX) throw invalid();
  return total;
}

/** Parse a duration flag value into milliseconds; a bad value is pflag's `invalid argument` error. */
export function parseGoDuration(value: string, flag: string, verb: string): number {
  try {
    return Number(parseDurationNanos(value)) / 1e6;
  } catch (e) {
    if (e instanceof DurationError) throw flagValueError(flag, value, e.message, verb);
    throw e;
  }
}
