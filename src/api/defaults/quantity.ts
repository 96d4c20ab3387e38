// resource.Quantity as the API server re-serialises it (apimachinery pkg/api/resource):
// a value is parsed exactly, rounded up to nano units (or milli units for pod resource lists,
// SetDefaults_ResourceList), then printed in canonical form for its format:
//   DecimalSI ("", n u m k M G T P E)  0.5 → 500m, 1000m → 1, 1000 → 1k, 1500Mi stays 1500Mi
//   BinarySI (Ki Mi Gi Ti Pi Ei)        1024Mi → 1Gi, 0.5Ki → 512 (|v| < 1024 prints decimal)
//   DecimalExponent (e3, E-3)           1000e3 → 1e6

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXP: Record<number, string> = Object.fromEntries(Object.entries(DECIMAL_SUFFIX).map(([s, e]) => [e, s]));
const BINARY_NAMES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

interface Parsed {
  negative: boolean;
  digits: bigint; // all digits, the fraction included
  exp10: number; // value = digits * 10^exp10 * 2^exp2
  exp2: number;
  format: Format;
}

const QUANTITY_RE = /^([+-]?)(\d*)(?:\.(\d*))?([eEinumkKMGTP]*)([+-]?\d*)$/;

function parse(input: string | number): Parsed | undefined {
  const str = String(input).trim();
  const m = QUANTITY_RE.exec(str);
  if (!m) return undefined;
  const [, sign, whole, frac = '', letters, tail] = m;
  if (whole === '' && frac === '') return undefined;
  const suffix = letters + tail;
  let exp10 = -frac.length;
  let exp2 = 0;
  let format: Format;
  if (suffix in DECIMAL_SUFFIX) {
    format = 'DecimalSI';
    exp10 += DECIMAL_SUFFIX[suffix];
  } else if (suffix in BINARY_SUFFIX) {
    format = 'BinarySI';
    exp2 = BINARY_SUFFIX[suffix];
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    exp10 += Number(suffix.slice(1));
  } else {
    return undefined;
  }
  return { negative: sign === '-', digits: BigInt((whole || '0') + frac), exp10, exp2, format };
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** |value| in units of 10^scale, rounded away from zero (inf.Dec RoundUp). */
function scaled(p: Parsed, scale: number): bigint {
  let num = p.digits * 2n ** BigInt(p.exp2);
  const e = p.exp10 - scale;
  if (e >= 0) return num * pow10(e);
  const den = pow10(-e);
  const q = num / den;
  num = q * den === num ? q : q + 1n;
  return num;
}

/** The value of a quantity in nano units (1 = 1e-9), or undefined when it does not parse. */
export function quantityNano(q: unknown): bigint | undefined {
  if (typeof q !== 'string' && typeof q !== 'number') return undefined;
  const p = parse(q);
  if (!p) return undefined;
  const v = scaled(p, -9);
  return p.negative ? -v : v;
}

function decimalString(v: bigint, scale: number, format: Format): string {
  let amount = v;
  let exp = scale;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exp++;
  }
  const r = ((exp % 3) + 3) % 3;
  amount *= pow10(r);
  exp -= r;
  if (format === 'DecimalExponent') return `${amount}${exp === 0 ? '' : `e${exp}`}`;
  while (exp > 18) {
    amount *= 1000n;
    exp -= 3;
  }
  return `${amount}${DECIMAL_BY_EXP[exp]}`;
}

/**
 * The canonical string of a quantity as the API server returns it. `scale` is the precision it
 * is rounded up to: -9 (parse) or -3 (pod/container resource lists). Unparseable input is
 * returned unchanged (as a string).
 */
export function canonicalQuantity(q: string | number, scale = -9): string {
  const p = parse(q);
  if (!p) return String(q);
  const abs = scaled(p, scale);
  if (abs === 0n) return '0';
  const sign = p.negative ? '-' : '';
  const unit = pow10(-scale);
  if (p.format === 'BinarySI' && abs >= 1024n * unit && abs % unit === 0n) {
    let n = abs / unit;
    let k = 0;
    while (k < 6 && n % 1024n === 0n) {
      n /= 1024n;
      k++;
    }
    return `${sign}${n}${BINARY_NAMES[k]}`;
  }
  const format = p.format === 'BinarySI' ? 'DecimalSI' : p.format;
  return sign + decimalString(abs, scale, format);
}

/** Canonicalise every value of a ResourceList (`{cpu: 0.5}` → `{cpu: '500m'}`) in place. */
export function canonicalResourceList(list: unknown, scale = -9): void {
  if (typeof list !== 'object' || list === null || Array.isArray(list)) return;
  const l = list as Record<string, unknown>;
  for (const [k, v] of Object.entries(l)) {
    if (typeof v === 'string' || typeof v === 'number') l[k] = canonicalQuantity(v, scale);
  }
}
