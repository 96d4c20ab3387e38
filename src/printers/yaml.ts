// `kubectl -o yaml` output: sigs.k8s.io/yaml marshals the object to JSON, reads that back with
// go-yaml v2 and emits it with go-yaml v2's emitter. This is a port of the parts of go-yaml v2
// (encode.go, resolve.go, sorter.go, emitterc.go) that JSON-shaped data reaches: block mappings
// with keys in go-yaml's "natural" order, indentless sequences under mapping keys, `{}`/`[]` for
// empty collections, the plain/single/double/literal scalar style choice, and line folding at
// 80 columns for plain and quoted scalars.

import { GoNum, formatFloatG } from './gofmt.js';

export { listWrapper } from './json.js';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

// ---------------------------------------------------------------------------------------------
// Key order (go-yaml v2 sorter.go keyList.Less, for string keys)

const isLetter = (c: string): boolean => {
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return /^\p{L}$/u.test(c);
};
const isDigit = (c: string): boolean => {
  const code = c.charCodeAt(0);
  if (code < 0x80) return code >= 0x30 && code <= 0x39;
  return /^\p{Nd}$/u.test(c);
};
const ASCII = /^[\x00-\x7f]*$/;
const runes = (s: string): string[] => (ASCII.test(s) ? s.split('') : Array.from(s));

export function yamlKeyLess(a: string, b: string): boolean {
  const ar = runes(a);
  const br = runes(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10n + BigInt(digitValue(ar[ai]));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10n + BigInt(digitValue(br[bi]));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

/** Go's `int64(r - '0')` for a (possibly non-ASCII) decimal digit rune. */
const digitValue = (c: string): number => c.codePointAt(0)! - 48;

const yamlKeyCompare = (a: string, b: string): number => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Would a plain scalar resolve to something other than a string? (resolve.go)

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

const INT_SYNTAX = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_FLOAT_DOT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

function hint(s: string): string {
  if (s === '') return 'N';
  const c = s[0];
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

function parsesAsGoInt(plain: string): boolean {
  const m = INT_SYNTAX.exec(plain);
  if (!m) return false;
  let body = m[2];
  let radix = 10;
  if (/^0[xX]/.test(body)) (radix = 16), (body = body.slice(2));
  else if (/^0[oO]/.test(body)) (radix = 8), (body = body.slice(2));
  else if (/^0[bB]/.test(body)) (radix = 2), (body = body.slice(2));
  else if (body.length > 1 && body[0] === '0') (radix = 8), (body = body.slice(1));
  let n = 0n;
  for (const ch of body) n = n * BigInt(radix) + BigInt(parseInt(ch, radix));
  if (m[1] === '-') return -n >= -(2n ** 63n);
  if (n < 2n ** 63n) return true;
  return m[1] === '' && n < 2n ** 64n; // strconv.ParseUint
}

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** go-yaml's parseTimestamp with Go time.Parse's field checks. */
function isTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2})))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/.exec(
      s,
    );
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return false;
  const h = m[4] ?? m[9];
  const mi = m[5] ?? m[10];
  const se = m[6] ?? m[11];
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59)) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return true;
}

function resolvesToString(s: string): boolean {
  const h = hint(s);
  if (h === '') return true;
  if (RESOLVE_MAP.has(s)) return false;
  if (h === '.') return !GO_FLOAT_DOT.test(s);
  if (h === 'D' || h === 'S') {
    if (isTimestamp(s)) return false;
    const plain = s.replace(/_/g, '');
    if (parsesAsGoInt(plain)) return false;
    if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return false;
  }
  return true;
}

function isBase60Float(s: string): boolean {
  if (s === '' || !/^[-+0-9]/.test(s) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}

// ---------------------------------------------------------------------------------------------
// Scalar analysis (emitterc.go yaml_emitter_analyze_scalar)

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreakCp = (cp: number): boolean => cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
const isBlankCp = (cp: number | undefined): boolean => cp === 0x20 || cp === 0x09;
const isPrintableCp = (cp: number): boolean =>
  cp === 0x0a ||
  (cp >= 0x20 && cp <= 0x7e) ||
  (cp >= 0xa0 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);

const FIRST_CHAR_INDICATORS = new Set(Array.from('#,[]{}&*!|>\'"%@`', (ch) => ch.charCodeAt(0)));

function analyzeScalar(chars: number[]): ScalarAnalysis {
  if (chars.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  const text = String.fromCodePoint(...chars.slice(0, 3));
  if (text === '---' || text === '...') blockIndicators = true;
  let precededByWhitespace = true;
  const n = chars.length;
  for (let i = 0; i < n; i++) {
    const c = chars[i];
    const followedByWhitespace = i + 1 >= n || isBlankCp(chars[i + 1]);
    if (i === 0) {
      if (FIRST_CHAR_INDICATORS.has(c)) blockIndicators = true;
      else if ((c === 0x3f || c === 0x3a || c === 0x2d) && followedByWhitespace) blockIndicators = true; // ? : -
    } else if (c === 0x3a && followedByWhitespace) blockIndicators = true; // :
    else if (c === 0x23 && precededByWhitespace) blockIndicators = true; // #

    if (!isPrintableCp(c)) specialCharacters = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === n - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreakCp(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === n - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankCp(c) || isBreakCp(c);
  }
  const r: ScalarAnalysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) r.blockPlainAllowed = false;
  if (trailingSpace) r.blockAllowed = false;
  if (breakSpace) {
    r.blockPlainAllowed = false;
    r.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    r.blockPlainAllowed = false;
    r.singleQuotedAllowed = false;
    r.blockAllowed = false;
  }
  if (lineBreaks) r.blockPlainAllowed = false;
  if (blockIndicators) r.blockPlainAllowed = false;
  return r;
}

// ---------------------------------------------------------------------------------------------
// The emitter

type Style = 'plain' | 'single' | 'double' | 'literal';

class Emitter {
  out = '';
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;
  private indents: number[] = [];
  // Context of the node being emitted.
  mappingContext = false;
  simpleKeyContext = false;

  put(s: string): void {
    this.out += s;
    this.column++;
  }

  putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  writeBreak(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.out += String.fromCodePoint(c);
      this.column = 0;
    }
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  // --- nodes -----------------------------------------------------------------------------------

  node(v: unknown, mapping: boolean, simpleKey: boolean): void {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    if (Array.isArray(v)) {
      const items = v.map((x) => (x === undefined ? null : x));
      if (items.length === 0) this.writeIndicator('[]', true, false, false);
      else this.blockSequence(items);
    } else if (v !== null && typeof v === 'object' && !(v instanceof GoNum)) {
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort(yamlKeyCompare);
      if (keys.length === 0) this.writeIndicator('{}', true, false, false);
      else this.blockMapping(obj, keys);
    } else {
      this.scalar(v);
    }
  }

  blockSequence(items: unknown[]): void {
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, false, false);
    }
    this.popIndent();
  }

  blockMapping(obj: Record<string, unknown>, keys: string[]): void {
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      const chars = codePoints(key);
      const simple = !analyzeScalar(chars).multiline && Buffer.byteLength(key) <= 128;
      if (simple) {
        this.node(key, true, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(key, true, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(obj[key], true, false);
    }
    this.popIndent();
  }

  scalar(v: unknown): void {
    let text: string;
    let requested: Style = 'plain';
    if (v === null || v === undefined) text = 'null';
    else if (typeof v === 'boolean') text = String(v);
    else if (typeof v === 'number' || v instanceof GoNum) text = yamlNumber(v instanceof GoNum ? v.value : v);
    else if (typeof v === 'bigint') text = v.toString();
    else {
      text = String(v);
      const canUsePlain = resolvesToString(text) && !isBase60Float(text);
      requested = text.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double';
    }
    const chars = codePoints(text);
    const a = analyzeScalar(chars);
    let style: Style = requested;
    if (this.simpleKeyContext && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlainAllowed) style = 'single';
      if (chars.length === 0 && this.simpleKeyContext) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || this.simpleKeyContext)) style = 'double';

    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === 'plain') this.writePlain(chars, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(chars, allowBreaks);
    else if (style === 'double') this.writeDoubleQuoted(chars, allowBreaks);
    else this.writeLiteral(chars);
    this.popIndent();
  }

  // --- scalar writers ----------------------------------------------------------------------------

  writePlain(chars: number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    if (!chars.some((c) => c === 0x20 || isBreakCp(c))) {
      // Nothing to fold at: write it in one go.
      this.out += String.fromCodePoint(...chars);
      this.column += chars.length;
      this.whitespace = false;
      this.indention = false;
      return;
    }
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== 0x20) this.writeIndent();
        else this.put(' ');
        spaces = true;
      } else if (isBreakCp(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(String.fromCodePoint(c));
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  writeSingleQuoted(chars: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== 0x20) {
          this.writeIndent();
        } else this.put(' ');
        spaces = true;
      } else if (isBreakCp(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.put(String.fromCodePoint(c));
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeDoubleQuoted(chars: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (!isPrintableCp(c) || c === 0xfeff || isBreakCp(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        const short = DOUBLE_ESCAPES.get(c);
        if (short !== undefined) this.put(short);
        else {
          const [prefix, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(prefix);
          for (const d of c.toString(16).toUpperCase().padStart(width, '0')) this.put(d);
        }
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === 0x20) this.put('\\');
        } else this.put(' ');
        spaces = true;
      } else {
        this.put(String.fromCodePoint(c));
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeLiteral(chars: number[]): void {
    this.writeIndicator('|', true, false, false);
    // Block scalar hints: indentation indicator, then chomping indicator.
    if (chars.length > 0 && (chars[0] === 0x20 || isBreakCp(chars[0]))) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const n = chars.length;
    let chomp = '';
    if (n === 0 || !isBreakCp(chars[n - 1])) chomp = '-';
    else if (n === 1 || isBreakCp(chars[n - 2])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of chars) {
      if (isBreakCp(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
          breaks = false;
        }
        this.put(String.fromCodePoint(c));
        this.indention = false;
      }
    }
  }
}

const DOUBLE_ESCAPES = new Map<number, string>([
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x1b, 'e'],
  [0x22, '"'],
  [0x5c, '\\'],
  [0x85, 'N'],
  [0xa0, '_'],
  [0x2028, 'L'],
  [0x2029, 'P'],
]);

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/** A JSON number as it comes out of JSON → go-yaml (int, uint64 or float64 'g' formatting). */
function yamlNumber(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '.nan' : n > 0 ? '.inf' : '-.inf';
  if (Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 64) return String(n);
  return formatFloatG(n);
}

/** Exactly what `kubectl get -o yaml` prints for this object (trailing newline included). */
export function toKubectlYaml(value: unknown): string {
  const e = new Emitter();
  e.node(value, false, false);
  // Document end: go to a fresh line.
  e.indent = -1;
  e.writeIndent();
  return e.out;
}
