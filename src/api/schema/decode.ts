// The API server's strict JSON decoding (kubectl's default --validate=strict sends
// fieldValidation=Strict): unknown fields and type mismatches, checked against schema.json before
// any validation. Models sigs.k8s.io/json (a fork of encoding/json) as used by apimachinery's
// JSON serializer, plus the custom unmarshalers of IntOrString, Quantity, Time and []byte.
//
// Behaviour reproduced:
// * Keys are visited in sorted order: kubectl sends the object as JSON marshalled from a map.
// * Unknown fields are "strict" errors, collected (deduplicated, at most 100) with the full path
//   (`spec.template.spec.containers[0].foo`); the value of an unknown field is not inspected.
// * Type mismatches are fatal: the first one wins and the strict errors are then dropped. Errors
//   of custom unmarshalers (IntOrString, Quantity, Time) abort decoding at once.
// * Type errors read `json: cannot unmarshal <what> into Go struct field <Struct>.<a.b.c> of type <T>`:
//   <Struct> is the innermost Go struct, <a.b.c> the JSON field names from the root without array
//   indexes or map keys, <T> the Go type (`int32`, `string`, `v1.Container`, `[]v1.Container`, ...).
// [uncertain] type-mismatch wording comes from the Go sources, not from a live 1.32 server; named
// Go types (`v1.Protocol`, ...) are only known for the fields listed in src/tools/gen-schema.mjs;
// Time values are accepted as any string (the server also parses RFC 3339).
//
// Objects are checked at the version stored (after conversion from old apiVersions such as
// extensions/v1beta1), so fields that only exist in old versions must be converted first.
import schemaJson from './schema.json' with { type: 'json' };

interface Schema {
  kinds: Record<string, string>;
  /** A type's fields; in the bundle each is kept as JSON text until a decode first needs it. */
  types: Record<string, Record<string, string> | string>;
  named: Record<string, string>;
}

const schema = schemaJson as unknown as Schema;

function fieldsOf(key: string): Record<string, string> | undefined {
  const t = schema.types[key];
  return typeof t === 'string' ? (schema.types[key] = JSON.parse(t) as Record<string, string>) : t;
}

/** The schema type key of a kind (`core/v1.Service`), if kubesim knows the kind. */
export function schemaTypeOf(apiVersion: string, kind: string): string | undefined {
  return schema.kinds[`${apiVersion}/${kind}`];
}

/** Go type name of a field spec (without named-type overrides). */
function goType(spec: string): string {
  switch (spec[0]) {
    case 's':
      return 'string';
    case 'b':
      return 'bool';
    case 'i':
      return 'int32';
    case 'l':
      return 'int64';
    case 'f':
      return 'float64';
    case 'q':
      return 'resource.Quantity';
    case 't':
      return 'v1.Time';
    case 'o':
      return 'intstr.IntOrString';
    case 'y':
      return '[]uint8';
    case '*':
      return 'interface {}';
    case '[':
      return '[]' + goType(spec.slice(1));
    case '{':
      return 'map[string]' + goType(spec.slice(1));
    case '@': {
      const key = spec.slice(1);
      const version = key.slice(key.indexOf('/') + 1, key.lastIndexOf('.'));
      return `${version}.${key.slice(key.lastIndexOf('.') + 1)}`;
    }
    default:
      throw new Error(`internal: bad schema spec ${spec}`);
  }
}

function describe(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** How Go's JSON encoder (used by kubectl) writes a float64. */
function numberLiteral(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(n);
}

// --- resource.Quantity parsing (apimachinery pkg/api/resource/quantity.go) ---------------------

const ERR_FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const ERR_SUFFIX = "unable to parse quantity's suffix";
const SUFFIXES = new Set(['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E']);

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** The error ParseQuantity returns for `s`, or undefined when it parses. */
export function quantityError(s: string): string | undefined {
  if (s.length === 0) return ERR_FORMAT_WRONG;
  if (s === '0') return undefined;
  let pos = 0;
  const end = s.length;
  if (s[0] === '-' || s[0] === '+') pos++;
  while (pos < end && s[pos] === '0') pos++;
  if (pos >= end) return undefined;
  while (pos < end && isDigit(s[pos])) pos++;
  if (pos >= end) return undefined;
  if (s[pos] === '.') {
    pos++;
    while (pos < end && isDigit(s[pos])) pos++;
    if (pos >= end) return undefined;
  }
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(s[pos])) pos++;
  if (pos < end) {
    if (s[pos] === '-' || s[pos] === '+') pos++;
    while (pos < end && isDigit(s[pos])) pos++;
    if (pos < end) return ERR_FORMAT_WRONG;
  }
  const suffix = s.slice(suffixStart);
  if (SUFFIXES.has(suffix)) return undefined;
  if (/^[eE][-+]?[0-9]+$/.test(suffix)) return undefined;
  return ERR_SUFFIX;
}

// --- base64 (Go encoding/base64 StdEncoding.Decode, for []byte fields) ------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The CorruptInputError offset Go reports for `src`, or undefined when it decodes. */
export function base64ErrorOffset(src: string): number | undefined {
  let si = 0;
  const n = src.length;
  const isNL = (c: string) => c === '\n' || c === '\r';
  while (si < n) {
    let j = 0;
    for (; j < 4; j++) {
      if (si === n) {
        if (j === 0) return undefined;
        return si - j;
      }
      const c = src[si++];
      if (B64.includes(c)) continue;
      if (isNL(c)) {
        j--;
        continue;
      }
      if (c !== '=') return si - 1;
      if (j === 0 || j === 1) return si - 1;
      if (j === 2) {
        while (si < n && isNL(src[si])) si++;
        if (si === n) return n;
        if (src[si] !== '=') return si - 1;
        si++;
      }
      while (si < n && isNL(src[si])) si++;
      if (si < n) return si;
      return undefined;
    }
  }
  return undefined;
}

// --- the decoder -----------------------------------------------------------------------------

interface Ctx {
  path: string; // strict-error path: a.b[0].c
  stack: string[]; // Go error context FieldStack (struct field names only)
  struct: string; // Go error context Struct name
  namedKey?: string; // "<typeKey>.<field>" of the field being decoded, for named Go types
}

class Abort extends Error {}

class Decoder {
  strict: string[] = [];
  private seen = new Set<string>();
  saved?: string;
  returned?: string;

  strictError(msg: string): void {
    if (this.strict.length >= 100 || this.seen.has(msg)) return;
    this.seen.add(msg);
    this.strict.push(msg);
  }

  typeError(what: string, type: string, ctx: Ctx): string {
    return `json: cannot unmarshal ${what} into Go struct field ${ctx.struct}.${ctx.stack.join('.')} of type ${type}`;
  }

  save(msg: string): void {
    if (this.saved === undefined) this.saved = msg;
  }

  fail(msg: string): never {
    this.returned = msg;
    throw new Abort();
  }

  value(v: unknown, spec: string, ctx: Ctx, type: string): void {
    if (v === null || v === undefined) return;
    const kind = spec[0];
    switch (kind) {
      case '*':
        return;
      case 's':
        if (typeof v !== 'string') this.save(this.typeError(describe(v), type, ctx));
        return;
      case 'b':
        if (typeof v !== 'boolean') this.save(this.typeError(describe(v), type, ctx));
        return;
      case 'i':
      case 'l':
        if (typeof v !== 'number') this.save(this.typeError(describe(v), type, ctx));
        else if (!Number.isInteger(v) || (kind === 'i' ? v < -2147483648 || v > 2147483647 : Math.abs(v) > 9223372036854775807)) {
          this.save(this.typeError(`number ${numberLiteral(v)}`, type, ctx));
        }
        return;
      case 'f':
        if (typeof v !== 'number') this.save(this.typeError(describe(v), type, ctx));
        return;
      case 'o':
        if (typeof v === 'string') return;
        if (typeof v === 'number') {
          if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) this.fail(this.typeError(`number ${numberLiteral(v)}`, 'int32', ctx));
          return;
        }
        this.fail(this.typeError(describe(v), 'int32', ctx));
        return;
      case 'q': {
        const raw = typeof v === 'string' ? v : typeof v === 'number' ? numberLiteral(v) : typeof v === 'boolean' ? String(v) : JSON.stringify(v);
        const err = quantityError(raw.trim());
        if (err) this.fail(err);
        return;
      }
      case 't':
        if (typeof v !== 'string') this.fail(this.typeError(describe(v), 'string', ctx));
        return;
      case 'y':
        if (typeof v === 'string') {
          const off = base64ErrorOffset(v);
          if (off !== undefined) this.save(`illegal base64 data at input byte ${off}`);
        } else if (Array.isArray(v)) {
          v.forEach((b) => {
            if (typeof b !== 'number') this.save(this.typeError(describe(b), 'uint8', ctx));
            else if (!Number.isInteger(b) || b < 0 || b > 255) this.save(this.typeError(`number ${numberLiteral(b)}`, 'uint8', ctx));
          });
        } else {
          this.save(this.typeError(describe(v), type, ctx));
        }
        return;
      case '[': {
        if (!Array.isArray(v)) {
          this.save(this.typeError(describe(v), type, ctx));
          return;
        }
        const elem = spec.slice(1);
        const elemType = (ctx.namedKey && schema.named[`${ctx.namedKey}[]`]) || goType(elem);
        v.forEach((item, i) => this.value(item, elem, { ...ctx, path: `${ctx.path}[${i}]`, namedKey: undefined }, elemType));
        return;
      }
      case '{': {
        if (typeof v !== 'object' || Array.isArray(v)) {
          this.save(this.typeError(describe(v), type, ctx));
          return;
        }
        const elem = spec.slice(1);
        const m = v as Record<string, unknown>;
        for (const k of Object.keys(m).sort()) {
          this.value(m[k], elem, { ...ctx, path: ctx.path ? `${ctx.path}.${k}` : k, namedKey: undefined }, goType(elem));
        }
        return;
      }
      case '@': {
        if (typeof v !== 'object' || Array.isArray(v)) {
          this.save(this.typeError(describe(v), type, ctx));
          return;
        }
        this.struct(v as Record<string, unknown>, spec.slice(1), ctx);
        return;
      }
      default:
        throw new Error(`internal: bad schema spec ${spec}`);
    }
  }

  struct(v: Record<string, unknown>, key: string, ctx: Ctx): void {
    const fields = fieldsOf(key)!;
    const name = key.slice(key.lastIndexOf('.') + 1);
    for (const k of Object.keys(v).sort()) {
      const path = ctx.path ? `${ctx.path}.${k}` : k;
      const spec = fields[k];
      if (spec === undefined) {
        this.strictError(`unknown field "${path}"`);
        continue;
      }
      const namedKey = `${key}.${k}`;
      const type = schema.named[namedKey] ?? goType(spec);
      this.value(v[k], spec, { path, stack: [...ctx.stack, k], struct: name, namedKey }, type);
    }
  }
}

/**
 * Strict decoding of a manifest object as the API server does it before validation. Returns the
 * error texts: either unknown-field errors (`unknown field "spec.x"`, in the server's order) or a
 * single decoding error (type mismatch, bad quantity, bad base64). Empty when it decodes cleanly
 * or when the kind is not one kubesim serves.
 */
export function strictDecode(o: unknown): { errors: string[] } {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return { errors: [] };
  const rec = o as Record<string, unknown>;
  const key = schemaTypeOf(String(rec.apiVersion ?? ''), String(rec.kind ?? ''));
  if (!key) return { errors: [] };
  const d = new Decoder();
  try {
    d.struct(rec, key, { path: '', stack: [], struct: key.slice(key.lastIndexOf('.') + 1) });
  } catch (e) {
    if (!(e instanceof Abort)) throw e;
  }
  if (d.returned !== undefined) return { errors: [d.returned] };
  if (d.saved !== undefined) return { errors: [d.saved] };
  return { errors: d.strict };
}

/**
 * The BadRequest message for a decoding failure (apiserver transformDecodeError):
 * `Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.x", unknown field "spec.y"`
 * or, for a type mismatch, `... cannot be handled as a Service: json: cannot unmarshal ...`.
 */
export function formatStrictDecodeError(kind: string, version: string, errors: string[]): string {
  const strict = errors.length > 0 && errors.every((e) => e.startsWith('unknown field ') || e.startsWith('duplicate field '));
  const detail = strict ? `strict decoding error: ${errors.join(', ')}` : errors.join(', ');
  return `${kind} in version "${version}" cannot be handled as a ${kind}: ${detail}`;
}
