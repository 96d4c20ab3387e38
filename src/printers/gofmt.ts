// Go `fmt` renderings of decoded JSON values (map[string]interface{}, []interface{}, string,
// int64, float64, bool, nil), as kubectl prints them: `%v` (custom-columns cells, jsonpath error
// texts), `%#v` (jsonpath's "object given to jsonpath engine was" dump), `%q` / strconv.Quote and
// strconv.FormatFloat(f, 'g', -1, 64). Map keys are ordered like Go's fmt (byte order).

/** A Go number that is not what a JSON number decodes to (jsonpath literals, string bytes). */
export class GoNum {
  constructor(
    public readonly value: number,
    public readonly type: 'int' | 'float64' | 'uint8',
  ) {}
}

const TWO_63 = 2 ** 63;

/** Whether a decoded JSON number is an int64 (unstructured decoding) rather than a float64. */
export function isInt64(n: number): boolean {
  return Number.isInteger(n) && n >= -TWO_63 && n < TWO_63;
}

/** Go type name of a decoded value, as `%T`/reflect.Type.String() prints it. */
export function goTypeName(v: unknown): string {
  if (v instanceof GoNum) return v.type;
  if (v === null || v === undefined) return 'interface {}';
  if (Array.isArray(v)) return '[]interface {}';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return isInt64(v) ? 'int64' : 'float64';
    default:
      return 'map[string]interface {}';
  }
}

/** Compare two strings by UTF-8 byte order (= code point order), as Go's `<` on strings does. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let ca = a.charCodeAt(i);
    let cb = b.charCodeAt(i);
    if (ca !== cb) {
      // Surrogates encode code points above U+FFFF: they sort after U+E000..U+FFFF.
      if (ca >= 0xd800 && ca <= 0xdfff) ca += 0x10000;
      if (cb >= 0xd800 && cb <= 0xdfff) cb += 0x10000;
      return ca - cb;
    }
  }
  return a.length - b.length;
}

/** Own keys whose value is not undefined, in Go (byte) order. */
export function sortedKeys(obj: object): string[] {
  return Object.keys(obj)
    .filter((k) => (obj as Record<string, unknown>)[k] !== undefined)
    .sort(compareGoStrings);
}

/** strconv.FormatFloat(f, 'g', -1, 64), which is also what `%v` prints for a float64. */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expText] = Math.abs(f).toExponential().split('e');
  const exp = Number(expText);
  const sign = f < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  return String(f);
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** strconv.IsPrint. */
export function isGoPrint(ch: string): boolean {
  return PRINTABLE.test(ch);
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** strconv.Quote (Go's `%q` / `%#v` of a string). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'; // lone surrogate: invalid UTF-8 in Go
    else if (isGoPrint(ch)) out += ch;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (cp <= 0xffff) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return out + '"';
}

function formatNumber(v: number | GoNum): string {
  if (v instanceof GoNum) return v.type === 'float64' ? formatFloatG(v.value) : String(v.value);
  return isInt64(v) ? BigInt(v).toString() : formatFloatG(v);
}

/** Go `%v` of a decoded value (`map[k:v]` with sorted keys, `[a b]`, `<nil>`). */
export function goSprintV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number' || v instanceof GoNum) return formatNumber(v);
  if (Array.isArray(v)) return `[${v.map(goSprintV).join(' ')}]`;
  const obj = v as Record<string, unknown>;
  return `map[${sortedKeys(obj)
    .map((k) => `${k}:${goSprintV(obj[k])}`)
    .join(' ')}]`;
}

/** Go `%#v` of a decoded value held in an interface{} (nil prints as `interface {}(nil)`). */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof GoNum) return v.type === 'uint8' ? `0x${v.value.toString(16)}` : formatNumber(v);
  if (typeof v === 'number') return formatNumber(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  const obj = v as Record<string, unknown>;
  return `map[string]interface {}{${sortedKeys(obj)
    .map((k) => `${goQuote(k)}:${goSharpV(obj[k])}`)
    .join(', ')}}`;
}
