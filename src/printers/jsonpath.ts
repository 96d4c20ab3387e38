// A port of client-go's util/jsonpath (parser.go, jsonpath.go, as in kubectl 1.32) and of
// cli-runtime's JSONPathPrinter: `kubectl get -o jsonpath=...` / `-o jsonpath-as-json=...`.
// Reference §6. The data is a decoded JSON object (what kubectl's unstructured decoding gives:
// integers are int64, other numbers float64). Maps are walked in sorted key order where Go
// would use its random map order (`*`, `..`).

import { CliError, ExitCode } from '../util/errors.js';
import { GoNum, compareGoStrings, formatFloatG, goQuote, goSharpV, goSprintV, goTypeName, isGoPrint, isInt64, sortedKeys } from './gofmt.js';
import { goJsonMarshal } from './json.js';

// ---------------------------------------------------------------------------------------------
// Parse tree (node.go)

interface ListNode {
  t: 'list';
  nodes: Node[];
}
interface Param {
  value: number;
  known: boolean;
  derived: boolean;
}
type Node =
  | ListNode
  | { t: 'text'; text: string }
  | { t: 'field'; value: string }
  | { t: 'identifier'; name: string }
  | { t: 'array'; params: [Param, Param, Param] }
  | { t: 'filter'; left: ListNode; right: ListNode; op: string }
  | { t: 'int'; value: number }
  | { t: 'float'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'union'; nodes: ListNode[] };

const newList = (): ListNode => ({ t: 'list', nodes: [] });

/** A template error in Go's words (the text after "error parsing jsonpath <tmpl>, "). */
class ParseError extends Error {}

// ---------------------------------------------------------------------------------------------
// Parser (parser.go)

const EOF = -1;
const CH = (s: string): number => s.charCodeAt(0);

const isSpace = (r: number): boolean => r === CH(' ') || r === CH('\t');
const isEndOfLine = (r: number): boolean => r === CH('\r') || r === CH('\n');
const isDigit = (r: number): boolean => r >= 0 && /^\p{Nd}$/u.test(String.fromCodePoint(r));
const isLetter = (r: number): boolean => r >= 0 && /^\p{L}$/u.test(String.fromCodePoint(r));
const isAlphaNumeric = (r: number): boolean => r === CH('_') || isLetter(r) || isDigit(r);
const isTerminator = (r: number): boolean =>
  isSpace(r) || isEndOfLine(r) || r === EOF || '.,[]$@{}'.includes(String.fromCodePoint(r));

/** Go's `%#U`. */
function formatRune(r: number): string {
  const ch = String.fromCodePoint(r);
  return `U+${r.toString(16).toUpperCase().padStart(4, '0')}${isGoPrint(ch) ? ` '${ch}'` : ''}`;
}

const INT64_MAX = 2n ** 63n - 1n;

/** strconv.Atoi; undefined when Go would fail. */
function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n > INT64_MAX || n < -INT64_MAX - 1n) return undefined;
  return Number(n);
}

const SLICE_OPERATOR = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;
const DICT_KEY = /^'([^']*)'$/;
const FILTER_SPLIT = /^([^!<>=]+)([!<>=]+)([\s\S]+?)$/;

class Parser {
  root: ListNode = newList();
  private input = '';
  private pos = 0;
  private start = 0;
  private width = 0;

  parse(text: string): void {
    this.input = text;
    this.root = newList();
    this.pos = 0;
    this.parseText(this.root);
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private at(prefix: string): boolean {
    return this.input.startsWith(prefix, this.pos);
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.at('{')) {
        if (this.pos > this.start) cur.nodes.push({ t: 'text', text: this.consumeText() });
        // parseLeftDelim
        this.pos += 1;
        this.consumeText();
        const action = newList();
        cur.nodes.push(action);
        this.parseInsideAction(action);
        // parseRightDelim consumed the `}`; go on with the root's text.
        cur = this.root;
        continue;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ t: 'text', text: this.consumeText() });
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      if (this.at('}')) {
        this.pos += 1;
        this.consumeText();
        return;
      }
      if (this.at('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (this.at('..')) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new ParseError('unclosed action');
      if (r === CH(' ') || r === CH('@') || r === CH('$')) this.consumeText();
      else if (r === CH('[')) this.parseArray(cur);
      else if (r === CH('"') || r === CH("'")) this.parseQuote(cur, r);
      else if (r === CH('.')) this.parseField(cur);
      else if (r === CH('+') || r === CH('-') || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else throw new ParseError(`unrecognized character in action: ${formatRune(r)}`);
    }
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ t: 'bool', value: value === 'true' });
    else cur.nodes.push({ t: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.t === 'recursive') throw new ParseError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ t: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const first = this.peek();
    if (first === CH('+') || first === CH('-')) this.next();
    for (;;) {
      const r = this.next();
      if (r !== CH('.') && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    const i = atoi(value);
    if (i !== undefined) {
      cur.nodes.push({ t: 'int', value: i });
      return;
    }
    if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value) && Number.isFinite(Number(value))) {
      cur.nodes.push({ t: 'float', value: Number(value) });
      return;
    }
    throw new ParseError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === CH('\n')) throw new ParseError('unterminated array');
      if (r === CH(']')) break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';

    const strs = text.split(',');
    if (strs.length > 1) {
      const union = strs.map((s) => parseAction(`[${s.replace(/^ +| +$/g, '')}]`).root);
      cur.nodes.push({ t: 'union', nodes: union });
      return;
    }

    const key = DICT_KEY.exec(text);
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1]}`).root.nodes);
      return;
    }

    const m = SLICE_OPERATOR.exec(text);
    if (!m) throw new ParseError(`invalid array index ${text}`);
    const value = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: [Param, Param, Param] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      if (value[i] !== '') {
        if (i > 0) value[i] = value[i].slice(1);
        if (i > 0 && value[i] === '') params[i].known = false;
        else {
          const n = atoi(value[i]);
          if (n === undefined) throw new ParseError(`array index ${value[i]} is not a number`);
          params[i].known = true;
          params[i].value = n;
        }
      } else if (i === 1) {
        params[i].known = true;
        params[i].value = params[0].value + 1;
        params[i].derived = true;
      } else {
        params[i].known = false;
        params[i].value = 0;
      }
    }
    cur.nodes.push({ t: 'array', params });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = 0;
    for (;;) {
      const r = this.next();
      if (r === EOF || r === CH('\n')) throw new ParseError('unterminated filter');
      if (r === CH('"') || r === CH("'")) {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === CH(')')) {
        if (begin === end) break;
      }
    }
    if (this.next() !== CH(']')) throw new ParseError('unclosed array expect ]');
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = FILTER_SPLIT.exec(text);
    if (!m) {
      cur.nodes.push({ t: 'filter', left: parseAction(text).root, right: newList(), op: 'exists' });
    } else {
      const left = parseAction(m[1]).root;
      const right = parseAction(m[3]).root;
      cur.nodes.push({ t: 'filter', left, right, op: m[2] });
    }
  }

  private parseQuote(cur: ListNode, end: number): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === CH('\n')) throw new ParseError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    const s = unquoteExtend(value);
    if (s === undefined) throw new ParseError(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ t: 'text', text: s });
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    while (this.advance());
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ t: 'wildcard' });
    else cur.nodes.push({ t: 'field', value: value.replaceAll('\\', '') });
  }

  private advance(): boolean {
    const r = this.next();
    if (r === CH('\\')) this.next();
    else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** parseAction: parse `{text}` and return the parser whose root is the action's list. */
function parseAction(text: string): Parser {
  const p = new Parser();
  p.parse(`{${text}}`);
  p.root = p.root.nodes[0] as ListNode;
  return p;
}

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/** jsonpath.UnquoteExtend (strconv.Unquote that also accepts single quotes); undefined on error. */
function unquoteExtend(s: string): string | undefined {
  const n = s.length;
  if (n < 2) return undefined;
  const quote = s[0];
  if (quote !== s[n - 1] || (quote !== '"' && quote !== "'")) return undefined;
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  const bytes: number[] = [];
  const chars = Array.from(body);
  for (let i = 0; i < chars.length; ) {
    const c = chars[i];
    if (c === quote) return undefined;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      i++;
      continue;
    }
    if (i + 1 >= chars.length) return undefined;
    const e = chars[i + 1];
    i += 2;
    if (e in SIMPLE_ESCAPES) bytes.push(SIMPLE_ESCAPES[e]);
    else if (e === "'" || e === '"') {
      if (e !== quote) return undefined;
      bytes.push(e.charCodeAt(0));
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const digits = chars.slice(i, i + len).join('');
      if (digits.length !== len || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
      i += len;
      const v = parseInt(digits, 16);
      if (e === 'x') bytes.push(v);
      else {
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
        bytes.push(...Buffer.from(String.fromCodePoint(v), 'utf8'));
      }
    } else if (e >= '0' && e <= '7') {
      const digits = chars.slice(i, i + 2).join('');
      if (!/^[0-7]{2}$/.test(digits)) return undefined;
      i += 2;
      const v = parseInt(e + digits, 8);
      if (v > 255) return undefined;
      bytes.push(v);
    } else return undefined;
  }
  return Buffer.from(bytes).toString('utf8');
}

// ---------------------------------------------------------------------------------------------
// Evaluation (jsonpath.go)

/** reflect.ValueOf(nil): what a `range` body sees for a null element or an empty range. */
const INVALID = Symbol('invalid reflect.Value');
type Val = unknown;
type Result = [Val[], string | null];

/** A Go runtime panic (kubectl crashes with exit code 2). */
class GoPanic extends Error {}

const isMap = (v: Val): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoNum);

/** The children `*` and `..` visit: map values (sorted keys), slice elements, string bytes. */
function children(v: Val): Val[] {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : x));
  if (isMap(v)) return sortedKeys(v).map((k) => v[k]);
  if (typeof v === 'string') return [...Buffer.from(v, 'utf8')].map((b) => new GoNum(b, 'uint8'));
  return [];
}

/** `%v` of a reflect.Value. */
function sprintValue(v: Val): string {
  return v === INVALID ? '<invalid reflect.Value>' : goSprintV(v);
}

type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(v: Val): BasicKind | undefined {
  if (v instanceof GoNum) return v.type === 'int' ? 'int' : v.type === 'uint8' ? 'uint' : 'float';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return isInt64(v) ? 'int' : 'float';
  }
  return undefined;
}

const BAD_TYPE = 'invalid type for comparison';
const BAD_COMPARISON = 'incompatible types for comparison';
const num = (v: Val): number => (v instanceof GoNum ? v.value : (v as number));
const isInteger = (k: BasicKind): boolean => k === 'int' || k === 'uint';

type Cmp = [boolean, string | null];

function equal(a: Val, b: Val): Cmp {
  const k1 = basicKind(a);
  if (!k1) return [false, BAD_TYPE];
  const k2 = basicKind(b);
  if (!k2) return [false, BAD_TYPE];
  if (k1 !== k2) {
    if (isInteger(k1) && isInteger(k2)) return [num(a) === num(b), null];
    return [false, BAD_COMPARISON];
  }
  if (k1 === 'bool' || k1 === 'string') return [a === b, null];
  return [num(a) === num(b), null];
}

function less(a: Val, b: Val): Cmp {
  const k1 = basicKind(a);
  if (!k1) return [false, BAD_TYPE];
  const k2 = basicKind(b);
  if (!k2) return [false, BAD_TYPE];
  if (k1 !== k2) {
    if (isInteger(k1) && isInteger(k2)) return [num(a) < num(b), null];
    return [false, BAD_COMPARISON];
  }
  if (k1 === 'bool') return [false, BAD_TYPE];
  if (k1 === 'string') return [compareGoStrings(a as string, b as string) < 0, null];
  return [num(a) < num(b), null];
}

function lessEqual(a: Val, b: Val): Cmp {
  const [lt, err] = less(a, b);
  if (lt || err) return [lt, err];
  return equal(a, b);
}

function compare(op: string, a: Val, b: Val): Cmp | undefined {
  switch (op) {
    case '<':
      return less(a, b);
    case '>': {
      const [le, err] = lessEqual(a, b);
      return err ? [false, err] : [!le, null];
    }
    case '==':
      return equal(a, b);
    case '!=': {
      const [eq, err] = equal(a, b);
      return [!eq, err];
    }
    case '<=':
      return lessEqual(a, b);
    case '>=': {
      const [lt, err] = less(a, b);
      return err ? [false, err] : [!lt, null];
    }
  }
  return undefined;
}

/** `value.Interface()` of a result, as a `range` iteration passes it to FindResults. */
function toInterface(v: Val): Val {
  if (v === INVALID) throw new GoPanic('reflect: call of reflect.Value.Interface on zero Value');
  return v === null ? INVALID : v;
}

class JsonPath {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;

  constructor(
    private readonly nodes: Node[],
    private readonly allowMissingKeys: boolean,
  ) {}

  /** FindResults; `start` models `j.parser.Root.Nodes = nodes[i+1:]`. */
  findResults(data: Val, start = 0): Val[][] {
    const cur = [data];
    const nodes = this.nodes;
    const fullResult: Val[][] = [];
    for (let i = start; i < nodes.length; i++) {
      const [results, err] = this.walk(cur, nodes[i]);
      if (err !== null) throw new ExecError(err);
      // encounter an end node, break the current block
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      // encounter a range node, start a range loop
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) fullResult.push(...this.findResults(toInterface(value), i + 1));
        } else {
          // process the nodes within the range so the position advances to the end node
          this.findResults(INVALID, i + 1);
        }
        this.inRange--;
        // fast forward to resume after the most recent end node
        for (let k = i + 1; k < nodes.length; k++) {
          if (k === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      fullResult.push(results);
    }
    return fullResult;
  }

  private walk(value: Val[], node: Node): Result {
    switch (node.t) {
      case 'list':
        return this.evalList(value, node);
      case 'text':
        return [[node.text], null];
      case 'field':
        return this.evalField(value, node.value);
      case 'array':
        return this.evalArray(value, node.params);
      case 'filter':
        return this.evalFilter(value, node);
      case 'int':
        return [value.map(() => new GoNum(node.value, 'int')), null];
      case 'float':
        return [value.map(() => new GoNum(node.value, 'float64')), null];
      case 'bool':
        return [value.map(() => node.value), null];
      case 'wildcard':
        return [value.filter((v) => v !== null).flatMap(children), null];
      case 'recursive':
        return this.evalRecursive(value);
      case 'union':
        return this.evalUnion(value, node.nodes);
      case 'identifier':
        return this.evalIdentifier(value, node.name);
    }
  }

  private evalList(value: Val[], node: ListNode): Result {
    let curValue = value;
    for (const n of node.nodes) {
      const [next, err] = this.walk(curValue, n);
      curValue = next;
      if (err !== null) return [curValue, err];
    }
    return [curValue, null];
  }

  private evalIdentifier(input: Val[], name: string): Result {
    switch (name) {
      case 'range':
        this.beginRange++;
        return [input, null];
      case 'end':
        if (this.inRange > 0) {
          this.endRange++;
          return [[], null];
        }
        return [[], 'not in range, nothing to end'];
      default:
        return [input, `unrecognized identifier ${name}`];
    }
  }

  private evalArray(input: Val[], node: [Param, Param, Param]): Result {
    const result: Val[] = [];
    for (const value of input) {
      if (value === null) continue;
      if (value === INVALID) throw new GoPanic('reflect: call of reflect.Value.Type on zero Value');
      if (!Array.isArray(value)) return [input, `${goTypeName(value)} is not array or slice`];
      const params = node.map((p) => ({ ...p }));
      const len = value.length;
      if (!params[0].known) params[0].value = 0;
      if (params[0].value < 0) params[0].value += len;
      if (!params[1].known) params[1].value = len;
      if (params[1].value < 0 || (params[1].value === 0 && params[1].derived)) params[1].value += len;
      if (params[1].value !== params[0].value) {
        if (params[0].value >= len || params[0].value < 0) {
          return [input, `array index out of bounds: index ${params[0].value}, length ${len}`];
        }
        if (params[1].value > len || params[1].value < 0) {
          return [input, `array index out of bounds: index ${params[1].value - 1}, length ${len}`];
        }
        if (params[0].value > params[1].value) {
          return [input, `starting index ${params[0].value} is greater than ending index ${params[1].value}`];
        }
      } else {
        return [result, null];
      }
      const sliced = value.slice(params[0].value, params[1].value);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) return [input, 'step must be > 0'];
        step = params[2].value;
      }
      for (let i = 0; i < sliced.length; i += step) result.push(sliced[i] === undefined ? null : sliced[i]);
    }
    return [result, null];
  }

  private evalUnion(input: Val[], nodes: ListNode[]): Result {
    const result: Val[] = [];
    for (const listNode of nodes) {
      const [temp, err] = this.evalList(input, listNode);
      if (err !== null) return [input, err];
      result.push(...temp);
    }
    return [result, null];
  }

  private evalField(input: Val[], name: string): Result {
    const results: Val[] = [];
    if (input.length === 0) return [results, null];
    for (const value of input) {
      if (value === null) continue;
      if (isMap(value) && Object.prototype.hasOwnProperty.call(value, name) && value[name] !== undefined) {
        results.push(value[name]);
      }
    }
    if (results.length === 0) {
      if (this.allowMissingKeys) return [results, null];
      return [results, `${name} is not found`];
    }
    return [results, null];
  }

  private evalRecursive(input: Val[]): Result {
    const result: Val[] = [];
    for (const value of input) {
      if (value === null) continue;
      const kids = children(value);
      if (kids.length !== 0) {
        result.push(value);
        const [output] = this.evalRecursive(kids);
        result.push(...output);
      }
    }
    return [result, null];
  }

  private evalFilter(input: Val[], node: { left: ListNode; right: ListNode; op: string }): Result {
    const results: Val[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) return [input, `${sprintValue(value)} is not array or slice and cannot be filtered`];
      for (const raw of value) {
        const element = raw === undefined ? null : raw;
        const temp = [element];
        const [lefts, err] = this.evalList(temp, node.left);
        if (node.op === 'exists') {
          if (lefts.length > 0) results.push(element);
          continue;
        }
        if (err !== null) return [input, err];
        if (lefts.length === 0) continue;
        if (lefts.length > 1) return [input, 'can only compare one element at a time'];
        const left = lefts[0];
        const [rights, rerr] = this.evalList(temp, node.right);
        if (rerr !== null) return [input, rerr];
        if (rights.length === 0) continue;
        if (rights.length > 1) return [input, 'can only compare one element at a time'];
        const right = rights[0];
        const outcome = compare(node.op, left, right);
        if (!outcome) return [results, `unrecognized filter operator ${node.op}`];
        const [pass, cerr] = outcome;
        if (cerr !== null) return [results, cerr];
        if (pass) results.push(element);
      }
    }
    return [results, null];
  }
}

/** An error returned by FindResults (the text after "Error executing template: "). */
class ExecError extends Error {}

// ---------------------------------------------------------------------------------------------
// Printing (JSONPath.PrintResults / evalToText, JSONPathPrinter.PrintObj)

function evalToText(v: Val): string {
  if (v === INVALID) return '<no value>';
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof GoNum) return v.type === 'float64' ? formatFloatG(v.value) : String(v.value);
  if (typeof v === 'number') return isInt64(v) ? BigInt(v).toString() : formatFloatG(v);
  return goSprintV(v);
}

function printResults(results: Val[], asJson: boolean): string {
  if (asJson) {
    const values = results.map((r) => {
      if (r === INVALID) throw new GoPanic('reflect: call of reflect.Value.Interface on zero Value');
      return r;
    });
    return goJsonMarshal(values, '    ') + '\n';
  }
  return results.map((r) => (Array.isArray(r) || isMap(r) ? goJsonMarshal(r) : evalToText(r))).join(' ');
}

export interface JsonPathOptions {
  /** `-o jsonpath-as-json`: print each action's results as an indented JSON array. */
  asJson?: boolean;
  /** `--allow-missing-template-keys` (kubectl's default: true). */
  allowMissingKeys?: boolean;
}

const NO_TEMPLATE = 'template format specified but no template given';

/** Parse a template; throws JsonPathError(<Go's parse error text>) if it is invalid. */
function parseTemplate(template: string): Node[] {
  const p = new Parser();
  try {
    p.parse(template);
  } catch (e) {
    if (e instanceof ParseError) throw new JsonPathError(e.message);
    throw e;
  }
  return p.root.nodes;
}

/** kubectl's printer-creation checks (JSONPathPrintFlags.ToPrinter) as a CliError. */
function parseForPrinter(template: string): Node[] {
  if (template === '') throw new CliError(NO_TEMPLATE);
  try {
    return parseTemplate(template);
  } catch (e) {
    if (e instanceof JsonPathError) throw new CliError(`error: error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
}

/**
 * Check a template as kubectl does when it builds the printer (before contacting the server):
 * throws `template format specified but no template given` or
 * `error: error parsing jsonpath <template>, <reason>` as a CliError.
 */
export function validateJsonPath(template: string): void {
  parseForPrinter(template);
}

/**
 * What `kubectl get -o jsonpath=TEMPLATE` (or `jsonpath-as-json` with `asJson`) prints on stdout
 * for `data` (a single object, or the List wrapper for several). Errors are thrown as CliError
 * (exit code 1) whose message is kubectl's error text; printed with kubectl's rule (a newline
 * is added only if the text lacks one) it gives kubectl's stderr exactly — the execution error
 * text already ends with its own three newlines. A Go runtime panic (kubectl crashes, exit
 * code 2) is thrown as ExitCode(2, 'panic: ...').
 */
export function printJsonPath(template: string, data: unknown, opts: JsonPathOptions = {}): string {
  const nodes = parseForPrinter(template);
  const engine = new JsonPath(nodes, opts.allowMissingKeys ?? true);
  try {
    const full = engine.findResults(data);
    return full.map((results) => printResults(results, opts.asJson ?? false)).join('');
  } catch (e) {
    if (e instanceof ExecError) throw new CliError(execErrorText(template, e.message, data));
    if (e instanceof GoPanic) throw new ExitCode(2, `panic: ${e.message}`);
    throw e;
  }
}

function execErrorText(template: string, err: string, data: unknown): string {
  return (
    `error: error executing jsonpath ${goQuote(template)}: Error executing template: ${err}. ` +
    'Printing more information for debugging the template:\n' +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n\n`
  );
}

/** A raw jsonpath parse or execution error (Go's error text, no kubectl decoration). */
export class JsonPathError extends Error {}

/** Throw JsonPathError(<Go's parse error text>) if the template does not parse. */
export function checkJsonPathSyntax(template: string): void {
  parseTemplate(template);
}

/**
 * FindResults with missing keys allowed, as custom-columns uses it: one list of values per
 * top-level node. Parse and execution errors are thrown as JsonPathError with Go's bare text.
 */
export function findJsonPathResults(template: string, data: unknown): unknown[][] {
  const nodes = parseTemplate(template);
  try {
    return new JsonPath(nodes, true).findResults(data);
  } catch (e) {
    if (e instanceof ExecError) throw new JsonPathError(e.message);
    if (e instanceof GoPanic) throw new ExitCode(2, `panic: ${e.message}`);
    throw e;
  }
}
