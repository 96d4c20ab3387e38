// awk: a small interpreter for the awk programs learners type — `{print $2}`, `-F:`, patterns
// (/re/, $3 > 5, NR==1), BEGIN/END, variables and arrays (`count[$1]++`, `for (k in a)`),
// if/while/for, print/printf, and the common functions (length, substr, index, split, sub,
// gsub, tolower, toupper, sprintf, int). Work is bounded like everything in the shell.
import type { Tool, ToolContext } from '../../types.js';
import { formatPrintf } from '../format.js';
import { compile } from './regex.js';
import { abs, isBusybox, lines } from './util.js';

type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 're'; v: string } | { t: 'id'; v: string } | { t: 'op'; v: string } | { t: 'nl' };

class AwkError extends Error {}
class NextSignal {}
class ExitSignal {
  constructor(public code: number) {}
}

const KEYWORDS = new Set(['BEGIN', 'END', 'print', 'printf', 'if', 'else', 'while', 'for', 'in', 'next', 'exit', 'delete', 'getline', 'function', 'return', 'do', 'break', 'continue']);

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const regexAllowed = () => {
    const last = out[out.length - 1];
    if (!last || last.t === 'nl') return true;
    if (last.t === 'op') return !([')', ']'].includes(last.v) || last.v === '$');
    if (last.t === 'id') return KEYWORDS.has(last.v) && last.v !== 'getline';
    return false;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n' || c === ';') {
      out.push(c === '\n' ? { t: 'nl' } : { t: 'op', v: ';' });
      i++;
      continue;
    }
    if (/\d/.test(c) || (c === '.' && /\d/.test(src[i + 1] ?? ''))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i))!;
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_]\w*/.exec(src.slice(i))!;
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\') {
          const n = src[++i];
          s += n === 'n' ? '\n' : n === 't' ? '\t' : n === '"' ? '"' : n === '\\' ? '\\' : n === '/' ? '/' : `\\${n}`;
          i++;
          continue;
        }
        s += src[i++];
      }
      i++;
      out.push({ t: 'str', v: s });
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '/') {
        if (src[i] === '\\' && src[i + 1] === '/') {
          s += '/';
          i += 2;
          continue;
        }
        s += src[i++];
      }
      i++;
      out.push({ t: 're', v: s });
      continue;
    }
    const ops = ['&&', '||', '==', '!=', '<=', '>=', '!~', '++', '--', '+=', '-=', '*=', '/=', '%=', '^=', '**'];
    const op = ops.find((o) => src.startsWith(o, i)) ?? c;
    if (!'{}()[],;+-*/%^!<>=~?:$|&'.includes(op[0]) || op === '&') throw new AwkError(`unexpected character '${c}'`);
    out.push({ t: 'op', v: op === '**' ? '^' : op });
    i += op.length;
  }
  return out;
}

type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; v: RegExp }
  | { k: 'field'; e: Expr }
  | { k: 'var'; name: string }
  | { k: 'idx'; name: string; i: Expr[] }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'un'; op: string; a: Expr }
  | { k: 'assign'; op: string; l: Expr; r: Expr }
  | { k: 'incdec'; op: string; pre: boolean; l: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'in'; key: Expr[]; arr: string }
  | { k: 'group'; e: Expr };

type Stmt =
  | { k: 'print'; args: Expr[] }
  | { k: 'printf'; args: Expr[] }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; c: Expr; a: Stmt; b?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'for'; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; e?: Expr }
  | { k: 'delete'; name: string; i?: Expr[] }
  | { k: 'break' }
  | { k: 'continue' };

interface Rule {
  pattern?: Expr | 'BEGIN' | 'END';
  range?: [Expr, Expr];
  inRange?: boolean;
  action?: Stmt;
}

class Parser {
  p = 0;
  constructor(private toks: Tok[]) {}
  peek(k = 0): Tok | undefined {
    return this.toks[this.p + k];
  }
  isOp(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === 'op' && t.v === v;
  }
  isId(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === 'id' && t.v === v;
  }
  expect(v: string): void {
    if (!this.isOp(v)) throw new AwkError(`syntax error: expected '${v}'`);
    this.p++;
  }
  skipNl(): void {
    while (this.peek()?.t === 'nl' || this.isOp(';')) this.p++;
  }
  skipOnlyNl(): void {
    while (this.peek()?.t === 'nl') this.p++;
  }

  program(): Rule[] {
    const rules: Rule[] = [];
    this.skipNl();
    while (this.p < this.toks.length) {
      const r: Rule = {};
      if (this.isId('BEGIN') || this.isId('END')) {
        r.pattern = (this.toks[this.p++] as { v: string }).v as 'BEGIN' | 'END';
      } else if (!this.isOp('{')) {
        const a = this.expr();
        if (this.isOp(',')) {
          this.p++;
          r.range = [a, this.expr()];
        } else r.pattern = a;
      }
      if (this.isOp('{')) r.action = this.block();
      rules.push(r);
      this.skipNl();
    }
    return rules;
  }

  block(): Stmt {
    this.expect('{');
    const body: Stmt[] = [];
    this.skipNl();
    while (!this.isOp('}')) {
      if (this.p >= this.toks.length) throw new AwkError('syntax error: unexpected end of program');
      body.push(this.stmt());
      this.skipNl();
    }
    this.p++;
    return { k: 'block', body };
  }

  simpleOrBlock(): Stmt {
    this.skipOnlyNl();
    if (this.isOp(';')) {
      this.p++;
      return { k: 'block', body: [] };
    }
    return this.stmt();
  }

  stmt(): Stmt {
    if (this.isOp('{')) return this.block();
    const t = this.peek();
    if (t?.t === 'id') {
      switch (t.v) {
        case 'print':
        case 'printf': {
          this.p++;
          const args: Expr[] = [];
          const paren = this.isOp('(') && this.parenList();
          if (paren) args.push(...paren);
          else if (!this.endOfSimple()) {
            args.push(this.expr(true));
            while (this.isOp(',')) {
              this.p++;
              args.push(this.expr(true));
            }
          }
          return { k: t.v, args };
        }
        case 'if': {
          this.p++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          const a = this.simpleOrBlock();
          const save = this.p;
          this.skipNl();
          if (this.isId('else')) {
            this.p++;
            return { k: 'if', c, a, b: this.simpleOrBlock() };
          }
          this.p = save;
          return { k: 'if', c, a };
        }
        case 'while': {
          this.p++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          return { k: 'while', c, body: this.simpleOrBlock() };
        }
        case 'for': {
          this.p++;
          this.expect('(');
          const t1 = this.peek(0);
          const t2 = this.peek(1);
          const t3 = this.peek(2);
          if (t1?.t === 'id' && t2?.t === 'id' && t2.v === 'in' && t3?.t === 'id') {
            this.p += 3;
            this.expect(')');
            return { k: 'forin', v: t1.v, arr: t3.v, body: this.simpleOrBlock() };
          }
          const init = this.isOp(';') ? undefined : { k: 'expr' as const, e: this.expr() };
          this.expect(';');
          const c = this.isOp(';') ? undefined : this.expr();
          this.expect(';');
          const step = this.isOp(')') ? undefined : { k: 'expr' as const, e: this.expr() };
          this.expect(')');
          return { k: 'for', init, c, step, body: this.simpleOrBlock() };
        }
        case 'next':
          this.p++;
          return { k: 'next' };
        case 'break':
          this.p++;
          return { k: 'break' };
        case 'continue':
          this.p++;
          return { k: 'continue' };
        case 'exit': {
          this.p++;
          return { k: 'exit', e: this.endOfSimple() ? undefined : this.expr() };
        }
        case 'delete': {
          this.p++;
          const name = (this.toks[this.p++] as { v: string }).v;
          if (this.isOp('[')) {
            this.p++;
            const i = this.exprList(']');
            return { k: 'delete', name, i };
          }
          return { k: 'delete', name };
        }
      }
    }
    return { k: 'expr', e: this.expr() };
  }

  endOfSimple(): boolean {
    const t = this.peek();
    return !t || t.t === 'nl' || (t.t === 'op' && (t.v === ';' || t.v === '}'));
  }

  parenList(): Expr[] | undefined {
    // print (a, b): a parenthesised list; print (a)(b) would be a concatenation.
    const save = this.p;
    try {
      this.p++;
      const list = this.exprList(')');
      if (this.endOfSimple()) return list;
    } catch {
      // not a list
    }
    this.p = save;
    return undefined;
  }

  exprList(close: string): Expr[] {
    const out: Expr[] = [];
    if (this.isOp(close)) {
      this.p++;
      return out;
    }
    out.push(this.expr());
    while (this.isOp(',')) {
      this.p++;
      this.skipOnlyNl();
      out.push(this.expr());
    }
    this.expect(close);
    return out;
  }

  expr(noGt = false): Expr {
    return this.assign(noGt);
  }

  assign(noGt: boolean): Expr {
    const l = this.ternary(noGt);
    const t = this.peek();
    if (t?.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(t.v) && (l.k === 'var' || l.k === 'idx' || l.k === 'field')) {
      this.p++;
      return { k: 'assign', op: t.v, l, r: this.assign(noGt) };
    }
    return l;
  }

  ternary(noGt: boolean): Expr {
    const c = this.or(noGt);
    if (!this.isOp('?')) return c;
    this.p++;
    const a = this.assign(noGt);
    this.expect(':');
    return { k: 'cond', c, a, b: this.assign(noGt) };
  }

  or(noGt: boolean): Expr {
    let a = this.and(noGt);
    while (this.isOp('||')) {
      this.p++;
      this.skipOnlyNl();
      a = { k: 'bin', op: '||', a, b: this.and(noGt) };
    }
    return a;
  }

  and(noGt: boolean): Expr {
    let a = this.inExpr(noGt);
    while (this.isOp('&&')) {
      this.p++;
      this.skipOnlyNl();
      a = { k: 'bin', op: '&&', a, b: this.inExpr(noGt) };
    }
    return a;
  }

  inExpr(noGt: boolean): Expr {
    const a = this.match(noGt);
    if (this.isId('in')) {
      this.p++;
      const arr = (this.toks[this.p++] as { v: string }).v;
      return { k: 'in', key: a.k === 'group' ? [a.e] : [a], arr };
    }
    return a;
  }

  match(noGt: boolean): Expr {
    let a = this.compare(noGt);
    while (this.isOp('~') || this.isOp('!~')) {
      const op = (this.toks[this.p++] as { v: string }).v;
      a = { k: 'bin', op, a, b: this.compare(noGt) };
    }
    return a;
  }

  compare(noGt: boolean): Expr {
    const a = this.concat();
    const t = this.peek();
    if (t?.t === 'op' && ['<', '<=', '==', '!=', '>=', '>'].includes(t.v) && !(noGt && t.v === '>')) {
      this.p++;
      return { k: 'bin', op: t.v, a, b: this.concat() };
    }
    return a;
  }

  startsPrimary(): boolean {
    const t = this.peek();
    if (!t || t.t === 'nl') return false;
    if (t.t === 'num' || t.t === 'str' || t.t === 're') return true;
    if (t.t === 'id') return !KEYWORDS.has(t.v) || t.v === 'getline';
    return ['$', '(', '!', '-', '+', '++', '--'].includes(t.v) && !(t.v === '-' || t.v === '+');
  }

  concat(): Expr {
    let a = this.additive();
    while (this.startsPrimary() && !this.isId('in')) a = { k: 'bin', op: 'concat', a, b: this.additive() };
    return a;
  }

  additive(): Expr {
    let a = this.mult();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.toks[this.p++] as { v: string }).v;
      a = { k: 'bin', op, a, b: this.mult() };
    }
    return a;
  }

  mult(): Expr {
    let a = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.toks[this.p++] as { v: string }).v;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  unary(): Expr {
    if (this.isOp('!')) {
      this.p++;
      return { k: 'un', op: '!', a: this.unary() };
    }
    if (this.isOp('-') || this.isOp('+')) {
      const op = (this.toks[this.p++] as { v: string }).v;
      return { k: 'un', op, a: this.unary() };
    }
    return this.power();
  }

  power(): Expr {
    const a = this.postfix();
    if (this.isOp('^')) {
      this.p++;
      return { k: 'bin', op: '^', a, b: this.unary() };
    }
    return a;
  }

  postfix(): Expr {
    if (this.isOp('++') || this.isOp('--')) {
      const op = (this.toks[this.p++] as { v: string }).v;
      return { k: 'incdec', op, pre: true, l: this.primary() };
    }
    const e = this.primary();
    if ((this.isOp('++') || this.isOp('--')) && (e.k === 'var' || e.k === 'idx' || e.k === 'field')) {
      const op = (this.toks[this.p++] as { v: string }).v;
      return { k: 'incdec', op, pre: false, l: e };
    }
    return e;
  }

  primary(): Expr {
    const t = this.toks[this.p++];
    if (!t) throw new AwkError('syntax error: unexpected end of program');
    if (t.t === 'num') return { k: 'num', v: t.v };
    if (t.t === 'str') return { k: 'str', v: t.v };
    if (t.t === 're') return { k: 're', v: compile(t.v, { extended: true }) };
    if (t.t === 'op' && t.v === '$') return { k: 'field', e: this.primaryForField() };
    if (t.t === 'op' && t.v === '(') {
      const e = this.expr();
      if (this.isOp(',')) {
        const list = [e];
        while (this.isOp(',')) {
          this.p++;
          list.push(this.expr());
        }
        this.expect(')');
        if (this.isId('in')) {
          this.p++;
          return { k: 'in', key: list, arr: (this.toks[this.p++] as { v: string }).v };
        }
        throw new AwkError('syntax error');
      }
      this.expect(')');
      return { k: 'group', e };
    }
    if (t.t === 'id') {
      if (this.isOp('(') && BUILTIN_FUNCS.has(t.v)) {
        this.p++;
        return { k: 'call', name: t.v, args: this.exprList(')') };
      }
      if (t.v === 'length' && !this.isOp('(')) return { k: 'call', name: 'length', args: [] };
      if (this.isOp('[')) {
        this.p++;
        return { k: 'idx', name: t.v, i: this.exprList(']') };
      }
      return { k: 'var', name: t.v };
    }
    throw new AwkError(`syntax error at source line 1: unexpected '${t.t === 'op' ? t.v : t.t}'`);
  }

  primaryForField(): Expr {
    if (this.isOp('++') || this.isOp('--') || this.isOp('-')) return this.unary();
    return this.primary();
  }
}

const BUILTIN_FUNCS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'tolower', 'toupper', 'sprintf', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close']);

type Val = string | number;

function toNum(v: Val | undefined): number {
  if (typeof v === 'number') return v;
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(v ?? '');
  return m ? Number(m[0]) : 0;
}

function toStr(v: Val | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}

function looksNumeric(v: Val | undefined): boolean {
  return typeof v === 'number' || (typeof v === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v));
}

class Machine {
  vars = new Map<string, Val>();
  arrays = new Map<string, Map<string, Val>>();
  fields: string[] = [];
  steps = 0;
  out = '';
  constructor(private ctx: ToolContext) {}

  step(): void {
    if (++this.steps > 1_000_000) throw new AwkError('program ran too long (kubesim stops awk after a million steps)');
  }

  setRecord(line: string): void {
    this.fields = [line, ...this.split(line)];
    this.vars.set('NF', this.fields.length - 1);
  }

  split(line: string, fsOverride?: string): string[] {
    const fs = fsOverride ?? toStr(this.vars.get('FS') ?? ' ');
    if (fs === ' ') return line.trim() ? line.trim().split(/[ \t\n]+/) : [];
    if (!line) return [];
    if (fs.length === 1 && fs !== '\\') return line.split(fs);
    return line.split(compile(fs, { extended: true }));
  }

  getField(i: number): string {
    return this.fields[i] ?? '';
  }

  setField(i: number, v: string): void {
    if (i === 0) {
      this.setRecord(v);
      return;
    }
    while (this.fields.length <= i) this.fields.push('');
    this.fields[i] = v;
    this.vars.set('NF', this.fields.length - 1);
    this.fields[0] = this.fields.slice(1).join(toStr(this.vars.get('OFS') ?? ' '));
  }

  arr(name: string): Map<string, Val> {
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  key(i: Expr[]): string {
    return i.map((e) => toStr(this.eval(e))).join(toStr(this.vars.get('SUBSEP') ?? '\u001c'));
  }

  get(l: Expr): Val {
    if (l.k === 'var') return this.vars.get(l.name) ?? '';
    if (l.k === 'idx') return this.arr(l.name).get(this.key(l.i)) ?? '';
    if (l.k === 'field') return this.getField(toNum(this.eval(l.e)));
    return this.eval(l);
  }

  set(l: Expr, v: Val): void {
    if (l.k === 'var') {
      this.vars.set(l.name, v);
      if (l.name === 'NF') {
        const n = toNum(v);
        this.fields = this.fields.slice(0, n + 1);
        while (this.fields.length < n + 1) this.fields.push('');
        this.fields[0] = this.fields.slice(1).join(toStr(this.vars.get('OFS') ?? ' '));
      }
    } else if (l.k === 'idx') this.arr(l.name).set(this.key(l.i), v);
    else if (l.k === 'field') this.setField(toNum(this.eval(l.e)), toStr(v));
  }

  truthy(v: Val): boolean {
    return typeof v === 'number' ? v !== 0 : v !== '';
  }

  eval(e: Expr): Val {
    this.step();
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return e.v.test(this.getField(0)) ? 1 : 0;
      case 'group':
        return this.eval(e.e);
      case 'field':
      case 'var':
      case 'idx':
        return this.get(e);
      case 'assign': {
        const r = this.eval(e.r);
        const v = e.op === '=' ? r : this.arith(e.op.slice(0, -1), this.get(e.l), r);
        this.set(e.l, v);
        return v;
      }
      case 'incdec': {
        const old = toNum(this.get(e.l));
        const v = old + (e.op === '++' ? 1 : -1);
        this.set(e.l, v);
        return e.pre ? v : old;
      }
      case 'cond':
        return this.truthy(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'un': {
        const v = this.eval(e.a);
        if (e.op === '!') return this.truthy(v) ? 0 : 1;
        return e.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'in':
        return this.arr(e.arr).has(this.key(e.key)) ? 1 : 0;
      case 'bin':
        return this.binary(e);
      case 'call':
        return this.call(e.name, e.args);
    }
  }

  arith(op: string, a: Val, b: Val): number {
    const x = toNum(a);
    const y = toNum(b);
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        if (y === 0) throw new AwkError('division by zero');
        return x / y;
      case '%':
        if (y === 0) throw new AwkError('division by zero in %');
        return x % y;
      case '^':
        return x ** y;
    }
    return 0;
  }

  binary(e: Extract<Expr, { k: 'bin' }>): Val {
    if (e.op === '&&') return this.truthy(this.eval(e.a)) && this.truthy(this.eval(e.b)) ? 1 : 0;
    if (e.op === '||') return this.truthy(this.eval(e.a)) || this.truthy(this.eval(e.b)) ? 1 : 0;
    if (e.op === '~' || e.op === '!~') {
      const s = toStr(this.eval(e.a));
      const re = e.b.k === 're' ? e.b.v : compile(toStr(this.eval(e.b)), { extended: true });
      const m = re.test(s);
      return (e.op === '~') === m ? 1 : 0;
    }
    const a = this.eval(e.a);
    const b = this.eval(e.b);
    if (e.op === 'concat') return toStr(a) + toStr(b);
    if (['<', '<=', '==', '!=', '>=', '>'].includes(e.op)) {
      const numeric = looksNumeric(a) && looksNumeric(b);
      const x = numeric ? toNum(a) : toStr(a);
      const y = numeric ? toNum(b) : toStr(b);
      const r = e.op === '<' ? x < y : e.op === '<=' ? x <= y : e.op === '==' ? x === y : e.op === '!=' ? x !== y : e.op === '>=' ? x >= y : x > y;
      return r ? 1 : 0;
    }
    return this.arith(e.op, a, b);
  }

  call(name: string, args: Expr[]): Val {
    const s = (i: number) => toStr(this.eval(args[i]));
    const n = (i: number) => toNum(this.eval(args[i]));
    switch (name) {
      case 'length':
        if (!args.length) return this.getField(0).length;
        if (args[0].k === 'var' && this.arrays.has(args[0].name)) return this.arrays.get(args[0].name)!.size;
        return s(0).length;
      case 'substr': {
        const str = s(0);
        const start = Math.round(n(1));
        const len = args.length > 2 ? Math.round(n(2)) : Infinity;
        const from = Math.max(1, start);
        const to = Math.min(str.length + 1, start + len);
        return to > from ? str.slice(from - 1, to - 1) : '';
      }
      case 'index':
        return s(0).indexOf(s(1)) + 1;
      case 'split': {
        const parts = this.split(s(0), args[2] ? (args[2].k === 're' ? args[2].v.source : s(2)) : undefined);
        const arrName = args[1].k === 'var' ? args[1].name : '';
        const a = new Map<string, Val>();
        parts.forEach((p, i) => a.set(String(i + 1), p));
        this.arrays.set(arrName, a);
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const re = args[0].k === 're' ? args[0].v : compile(s(0), { extended: true });
        const g = new RegExp(re.source, name === 'gsub' ? 'g' : '');
        const target = args[2] ?? { k: 'field' as const, e: { k: 'num' as const, v: 0 } };
        const rep = s(1);
        let count = 0;
        const v = toStr(this.get(target)).replace(g, (m) => {
          count++;
          return rep.replace(/\\&/g, '\u0000').replace(/&/g, m).replace(/\u0000/g, '&');
        });
        this.set(target, v);
        return count;
      }
      case 'match': {
        const re = args[1].k === 're' ? args[1].v : compile(s(1), { extended: true });
        const m = re.exec(s(0));
        this.vars.set('RSTART', m ? m.index + 1 : 0);
        this.vars.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'tolower':
        return s(0).toLowerCase();
      case 'toupper':
        return s(0).toUpperCase();
      case 'sprintf':
        return formatPrintf(s(0), args.slice(1).map((_, i) => toStr(this.eval(args[i + 1])))).text;
      case 'int':
        return Math.trunc(n(0));
      case 'sqrt':
        return Math.sqrt(n(0));
      case 'exp':
        return Math.exp(n(0));
      case 'log':
        return Math.log(n(0));
      case 'sin':
        return Math.sin(n(0));
      case 'cos':
        return Math.cos(n(0));
      case 'atan2':
        return Math.atan2(n(0), n(1));
      case 'rand':
        return 0.237788;
      case 'srand':
        return 0;
      case 'system':
        return 127;
      case 'close':
        return 0;
    }
    return '';
  }

  exec(st: Stmt): void {
    this.step();
    switch (st.k) {
      case 'print': {
        const ofs = toStr(this.vars.get('OFS') ?? ' ');
        const ors = toStr(this.vars.get('ORS') ?? '\n');
        const parts = st.args.length ? st.args.map((a) => {
          const v = this.eval(a);
          return typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)))) : v;
        }) : [this.getField(0)];
        this.emit(parts.join(ofs) + ors);
        return;
      }
      case 'printf': {
        if (!st.args.length) return;
        const vals = st.args.map((a) => toStr(this.eval(a)));
        this.emit(formatPrintf(vals[0], vals.slice(1)).text);
        return;
      }
      case 'expr':
        this.eval(st.e);
        return;
      case 'if':
        if (this.truthy(this.eval(st.c))) this.exec(st.a);
        else if (st.b) this.exec(st.b);
        return;
      case 'while':
        while (this.truthy(this.eval(st.c))) {
          try {
            this.exec(st.body);
          } catch (e) {
            if (e === BREAK) break;
            if (e === CONTINUE) continue;
            throw e;
          }
        }
        return;
      case 'for':
        if (st.init) this.exec(st.init);
        while (!st.c || this.truthy(this.eval(st.c))) {
          try {
            this.exec(st.body);
          } catch (e) {
            if (e === BREAK) break;
            if (e !== CONTINUE) throw e;
          }
          if (st.step) this.exec(st.step);
        }
        return;
      case 'forin':
        for (const k of [...this.arr(st.arr).keys()]) {
          this.vars.set(st.v, k);
          try {
            this.exec(st.body);
          } catch (e) {
            if (e === BREAK) break;
            if (e !== CONTINUE) throw e;
          }
        }
        return;
      case 'block':
        for (const s of st.body) this.exec(s);
        return;
      case 'next':
        throw new NextSignal();
      case 'exit':
        throw new ExitSignal(st.e ? toNum(this.eval(st.e)) : 0);
      case 'delete':
        if (st.i) this.arr(st.name).delete(this.key(st.i));
        else this.arrays.delete(st.name);
        return;
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
    }
  }

  emit(s: string): void {
    this.ctx.stdout(s);
  }
}

const BREAK = { brk: 1 };
const CONTINUE = { cont: 1 };

export const awk: Tool = (ctx) => {
  const argv = ctx.argv.slice(1);
  let fs: string | undefined;
  const assigns: [string, string][] = [];
  let program: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (program === undefined && a === '-F') fs = argv[++i];
    else if (program === undefined && a.startsWith('-F')) fs = a.slice(2);
    else if (program === undefined && a === '-v') {
      const kv = argv[++i] ?? '';
      const eq = kv.indexOf('=');
      assigns.push([kv.slice(0, eq), kv.slice(eq + 1)]);
    } else if (program === undefined && a === '--') continue;
    else if (program === undefined) program = a;
    else files.push(a);
  }
  if (program === undefined) {
    ctx.stderr(isBusybox(ctx) ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n' : 'usage: awk [-F value] [-v var=value] [--] \'program text\' [file ...]\n');
    return isBusybox(ctx) ? 1 : 2;
  }
  let rules: Rule[];
  try {
    rules = new Parser(lex(program)).program();
  } catch (e) {
    ctx.stderr(isBusybox(ctx) ? `awk: cmd. line:1: ${(e as Error).message}\n` : `awk: line 1: ${(e as Error).message}\n`);
    return 2;
  }
  const m = new Machine(ctx);
  m.vars.set('FS', fs === undefined ? ' ' : fs === 't' ? '\t' : fs.replace(/\\t/g, '\t'));
  m.vars.set('OFS', ' ');
  m.vars.set('ORS', '\n');
  m.vars.set('NR', 0);
  m.vars.set('SUBSEP', '\u001c');
  for (const [k, v] of assigns) m.vars.set(k, v);
  m.fields = [''];
  let code = 0;
  const runRules = (which: 'BEGIN' | 'END' | 'main') => {
    for (const r of rules) {
      if (which === 'BEGIN' || which === 'END') {
        if (r.pattern === which && r.action) m.exec(r.action);
        continue;
      }
      if (r.pattern === 'BEGIN' || r.pattern === 'END') continue;
      let sel = true;
      if (r.range) {
        if (!r.inRange && m.truthy(m.eval(r.range[0]))) r.inRange = true;
        sel = !!r.inRange;
        if (r.inRange && m.truthy(m.eval(r.range[1]))) r.inRange = false;
      } else if (r.pattern) sel = m.truthy(m.eval(r.pattern));
      if (!sel) continue;
      if (r.action) m.exec(r.action);
      else m.emit(m.getField(0) + toStr(m.vars.get('ORS') ?? '\n'));
    }
  };
  try {
    try {
      runRules('BEGIN');
      const hasMain = rules.some((r) => r.pattern !== 'BEGIN');
      if (hasMain) {
        const sources = files.length ? files : ['-'];
        for (const f of sources) {
          if (/^[A-Za-z_]\w*=/.test(f)) {
            const eq = f.indexOf('=');
            m.vars.set(f.slice(0, eq), f.slice(eq + 1));
            continue;
          }
          let data: string | undefined;
          if (f === '-') data = ctx.stdin;
          else {
            data = ctx.fs.read(abs(ctx, f));
            if (data === undefined) {
              ctx.stderr(isBusybox(ctx) ? `awk: ${f}: No such file or directory\n` : `awk: cannot open "${f}" (No such file or directory)\n`);
              code = 2;
              continue;
            }
          }
          m.vars.set('FILENAME', f === '-' ? '' : f);
          for (const line of lines(data)) {
            m.vars.set('NR', toNum(m.vars.get('NR')) + 1);
            m.setRecord(line);
            try {
              runRules('main');
            } catch (e) {
              if (!(e instanceof NextSignal)) throw e;
            }
          }
        }
      }
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      code = e.code;
    }
    try {
      runRules('END');
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      code = e.code;
    }
  } catch (e) {
    if (e instanceof AwkError) {
      ctx.stderr(`awk: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return code;
};
