// resource.Quantity from apimachinery, as far as describe needs it: parsing, the canonical
// String() (`1024Mi` → `1Gi`, `0.5` → `500m`, `1000` → `1k`), Add (keeps the left operand's
// format), Cmp, Value (rounded up) and MilliValue.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent' | '';

/** value = unscaled × 10^scale, exactly. `s` is the cached string (Go keeps canonical input). */
export interface Quantity {
  unscaled: bigint;
  scale: number;
  format: QuantityFormat;
  s?: string;
}

export const ZERO: Quantity = { unscaled: 0n, scale: 0, format: '' };

const BIN: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DEC: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DEC_SUFFIX: Record<number, string> = Object.fromEntries(Object.entries(DEC).map(([k, v]) => [v, k]));
const BIN_SUFFIX: Record<number, string> = { 0: '', ...Object.fromEntries(Object.entries(BIN).map(([k, v]) => [v, k])) };

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** resource.ParseQuantity; throws on a malformed string. */
export function parseQuantity(str: string): Quantity {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([eEinumkKMGTP]*[+-]?\d*)$/.exec(str);
  if (!m || (m[2] === '' && m[3] === undefined)) throw new Error(`quantities must match the regular expression`);
  const positive = m[1] !== '-';
  const num = m[2].replace(/^0+/, '') || '0';
  const denom = m[3] ?? '';
  const suf = m[4];
  let base: 2 | 10;
  let exponent: number;
  let format: QuantityFormat;
  if (suf in BIN) {
    base = 2;
    exponent = BIN[suf];
    format = 'BinarySI';
  } else if (suf in DEC) {
    base = 10;
    exponent = DEC[suf];
    format = 'DecimalSI';
  } else if (/^[eE][+-]?\d+$/.test(suf)) {
    base = 10;
    exponent = Number(suf.slice(1));
    format = 'DecimalExponent';
  } else {
    throw new Error(`unable to parse quantity's suffix`);
  }

  // The exact value.
  let unscaled = BigInt(num + denom);
  let scale = -denom.length;
  if (base === 10) scale += exponent;
  else unscaled *= 1n << BigInt(exponent);
  if (!positive) unscaled = -unscaled;

  // Go's fast path keeps the input string when it is already canonical.
  let s: string | undefined;
  const shifted = num + denom;
  if (base === 10) {
    const precision = 18 - (num.length + denom.length);
    if (precision >= 0 && exponent - denom.length >= -9 && (exponent - denom.length) % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0') s = str;
  } else if (denom.length === 0) {
    const precision = 15 - num.length - Math.trunc(Math.fround((exponent * 3) / 10)) - 1;
    if (precision >= 0 && exponent % 10 === 0 && (BigInt(shifted) & 7n) !== 0n) s = str;
  }

  // Round up (away from zero) to nano precision.
  if (scale < -9) {
    const div = pow10(-9 - scale);
    const abs = unscaled < 0n ? -unscaled : unscaled;
    let q = abs / div;
    if (q * div !== abs) q += 1n;
    unscaled = unscaled < 0n ? -q : q;
    scale = -9;
  }
  if (format === 'BinarySI' && s === undefined && cmpAbs({ unscaled, scale }, 1n) < 0 && unscaled !== 0n) format = 'DecimalSI';
  return { unscaled, scale, format, s };
}

/** Parse, returning ZERO for a missing or malformed value. */
export function quantityOf(v: unknown): Quantity {
  if (typeof v === 'number') return parseQuantity(String(v));
  if (typeof v !== 'string') return ZERO;
  try {
    return parseQuantity(v);
  } catch {
    return ZERO;
  }
}

function align(a: { unscaled: bigint; scale: number }, b: { unscaled: bigint; scale: number }): [bigint, bigint, number] {
  const scale = Math.min(a.scale, b.scale);
  return [a.unscaled * pow10(a.scale - scale), b.unscaled * pow10(b.scale - scale), scale];
}

function cmpAbs(a: { unscaled: bigint; scale: number }, n: bigint): number {
  const abs = { unscaled: a.unscaled < 0n ? -a.unscaled : a.unscaled, scale: a.scale };
  const [x, y] = align(abs, { unscaled: n, scale: 0 });
  return x < y ? -1 : x > y ? 1 : 0;
}

export function cmp(a: Quantity, b: Quantity): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isZero = (q: Quantity): boolean => q.unscaled === 0n;

/** q.Add(y): the sum keeps q's format unless q is zero; the cached string is dropped. */
export function add(q: Quantity, y: Quantity): Quantity {
  const [x, z, scale] = align(q, y);
  return { unscaled: x + z, scale, format: isZero(q) ? y.format : q.format };
}

/** ScaledValue(scale): the value in units of 10^scale, rounded up (away from zero). */
function scaledValue(q: Quantity, scale: number): bigint {
  if (q.scale >= scale) return q.unscaled * pow10(q.scale - scale);
  const div = pow10(scale - q.scale);
  const abs = q.unscaled < 0n ? -q.unscaled : q.unscaled;
  let r = abs / div;
  if (r * div !== abs) r += 1n;
  return q.unscaled < 0n ? -r : r;
}

export const value = (q: Quantity): number => Number(scaledValue(q, 0));
export const milliValue = (q: Quantity): number => Number(scaledValue(q, -3));

/** Quantity.String(): the cached input if canonical, else the canonical form. */
export function quantityString(q: Quantity): string {
  if (q.s) return q.s;
  if (q.unscaled === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    if (cmpAbs(q, 1024n) < 0) format = 'DecimalSI';
    else if (q.scale < 0 && q.unscaled % pow10(-q.scale) !== 0n) format = 'DecimalSI';
  } else if (format !== 'DecimalSI') {
    format = 'DecimalExponent';
  }
  if (format === 'BinarySI') {
    let v = scaledValue(q, 0);
    let exp = 0;
    while (v !== 0n && v % 1024n === 0n) {
      v /= 1024n;
      exp += 10;
    }
    return v.toString() + (BIN_SUFFIX[exp] ?? '');
  }
  let amount = q.unscaled;
  let exp = q.scale;
  while (amount !== 0n && amount % 10n === 0n) {
    amount /= 10n;
    exp++;
  }
  while (exp % 3 !== 0) {
    amount *= 10n;
    exp--;
  }
  let suffix: string;
  if (format === 'DecimalSI') suffix = DEC_SUFFIX[exp] ?? '';
  else suffix = exp === 0 ? '' : `e${exp}`;
  return amount.toString() + suffix;
}

/** Parse and re-print a stored quantity string (`quantity.String()` in describe.go). */
export const formatQuantity = (v: unknown): string => quantityString(quantityOf(v));
