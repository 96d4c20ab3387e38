// Parser of the simulated shell: source text → syntax tree (ast.ts).
//
// Hand-written recursive descent, not `shell-quote`: shell-quote tokenizes a flat command line
// (words and operators) but cannot express the grammar learners type — `$(…)` and backticks
// that nest whole programs, `${VAR:-x}`, here-documents, `if/then/fi`, `while/do/done`, `for`,
// `case`, functions and `[[ … ]]`. Word boundaries in sh depend on that context, so one pass
// reads words and structure together.
import { ShellSyntaxError, type Node, type Redir, type Word, type WordPart } from './ast.js';

const META = ' \t\n;&|<>()';
const OPERATORS = ['&&', '||', ';;', '<<-', '<<<', '<<', '>>', '&>>', '&>', '>&', '<&', '>|', '<>', '|&', ';', '&', '|', '(', ')', '<', '>', '\n'];
const REDIR_OPS = new Set(['<<-', '<<<', '<<', '>>', '&>>', '&>', '>&', '<&', '>|', '<>', '<', '>']);
const LIST_END_WORDS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Function names: bash also accepts `:`, `.` and `-` (the classic fork bomb is named `:`). */
const FUNC_NAME_RE = /^[A-Za-z_:.][A-Za-z0-9_:.-]*$/;

/** Limits that keep a hostile script from exhausting the parser. */
const MAX_SOURCE = 256 * 1024;
const MAX_DEPTH = 200;

export function parseScript(src: string): Node {
  if (src.length > MAX_SOURCE) throw new ShellSyntaxError(`script too long (${src.length} bytes; kubesim's limit is ${MAX_SOURCE})`, '', 1);
  return new Parser(src).program();
}

/** Parse text as the inside of double quotes (here-document bodies). */
export function parseDoubleQuotedText(text: string): Word {
  const p = new Parser(text);
  return p.dqUntilEnd();
}

class Parser {
  private pos = 0;
  private depth = 0;
  private heredocs: Redir[] = [];
  constructor(private src: string) {}

  // ---------- helpers ----------

  private line(at = this.pos): number {
    let n = 1;
    for (let i = 0; i < at && i < this.src.length; i++) if (this.src[i] === '\n') n++;
    return n;
  }

  private fail(token?: string): never {
    const tok = token ?? this.describeNext();
    if (tok === 'end of file') throw new ShellSyntaxError('syntax error: unexpected end of file', tok, this.line());
    throw new ShellSyntaxError(`syntax error: unexpected "${tok}"`, tok, this.line());
  }

  private describeNext(): string {
    this.skipBlanks();
    if (this.pos >= this.src.length) return 'end of file';
    const op = this.peekOp();
    if (op) return op === '\n' ? 'newline' : op;
    const save = this.pos;
    const w = this.word();
    this.pos = save;
    return w ? wordText(w) : this.src[this.pos];
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new ShellSyntaxError('syntax error: nesting too deep', '', this.line());
  }
  private leave(): void {
    this.depth--;
  }

  /** Skip spaces, tabs, line continuations and comments (not newlines). */
  private skipBlanks(): void {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\\' && s[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  private peekOp(): string | undefined {
    const s = this.src;
    for (const op of OPERATORS) if (s.startsWith(op, this.pos)) return op;
    return undefined;
  }

  private takeOp(op: string): boolean {
    this.skipBlanks();
    if (this.src.startsWith(op, this.pos) && this.peekOp() === op) {
      this.pos += op.length;
      if (op === '\n') this.readHeredocs();
      return true;
    }
    return false;
  }

  /** Newlines (and the here-document bodies that follow them). */
  private skipNewlines(): void {
    for (;;) {
      this.skipBlanks();
      if (this.src[this.pos] === '\n') {
        this.pos++;
        this.readHeredocs();
      } else return;
    }
  }

  /** The next word if it is the unquoted reserved word `w` (not consumed). */
  private peekReserved(): string | undefined {
    this.skipBlanks();
    const c = this.src[this.pos];
    if (c === undefined || META.includes(c)) return undefined;
    const save = this.pos;
    const w = this.word();
    this.pos = save;
    if (!w || w.length !== 1 || w[0].t !== 'lit' || w[0].q) return undefined;
    return w[0].v;
  }

  private takeReserved(word: string): boolean {
    if (this.peekReserved() !== word) return false;
    this.word();
    return true;
  }

  private expectReserved(word: string): void {
    if (!this.takeReserved(word)) this.fail();
  }

  // ---------- grammar ----------

  program(): Node {
    const list = this.list();
    this.skipNewlines();
    if (this.pos < this.src.length) this.fail();
    return list;
  }

  /** A list of and-or items, ending at EOF, `)`, `;;` or a closing reserved word. */
  private list(): Node {
    this.enter();
    const items: { node: Node; bg: boolean }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.pos >= this.src.length) break;
      const op = this.peekOp();
      if (op === ')' || op === ';;') break;
      const rw = this.peekReserved();
      if (rw && LIST_END_WORDS.has(rw)) break;
      if (op && op !== '(' && !REDIR_OPS.has(op)) this.fail();
      const node = this.andOr();
      this.skipBlanks();
      const sep = this.peekOp();
      if (sep === ';' || sep === '&') {
        this.pos++;
        items.push({ node, bg: sep === '&' });
        continue;
      }
      items.push({ node, bg: false });
      if (sep === '\n') continue;
      break;
    }
    this.leave();
    return { t: 'list', items };
  }

  private nonEmptyList(): Node {
    const l = this.list();
    if (l.t === 'list' && !l.items.length) this.fail();
    return l;
  }

  private andOr(): Node {
    const first = this.pipeline();
    const rest: { op: '&&' | '||'; node: Node }[] = [];
    for (;;) {
      this.skipBlanks();
      const op = this.peekOp();
      if (op !== '&&' && op !== '||') break;
      this.pos += 2;
      this.skipNewlines();
      rest.push({ op, node: this.pipeline() });
    }
    return rest.length ? { t: 'andor', first, rest } : first;
  }

  private pipeline(): Node {
    let bang = false;
    if (this.takeReserved('!')) bang = true;
    const cmds: Node[] = [this.command()];
    for (;;) {
      this.skipBlanks();
      const op = this.peekOp();
      if (op !== '|' && op !== '|&') break;
      this.pos += op.length;
      if (op === '|&') {
        const last = cmds[cmds.length - 1];
        const dup: Redir = { fd: 2, op: '>&', target: [{ t: 'lit', v: '1', q: false }] };
        if ('redirs' in last) last.redirs.push(dup);
      }
      this.skipNewlines();
      cmds.push(this.command());
    }
    return cmds.length === 1 && !bang ? cmds[0] : { t: 'pipeline', cmds, bang };
  }

  private command(): Node {
    this.enter();
    try {
      this.skipBlanks();
      if (this.pos >= this.src.length) this.fail();
      if (this.src.startsWith('((', this.pos)) {
        const arith = this.arithCommand();
        if (arith) return arith;
      }
      if (this.peekOp() === '(') {
        this.pos++;
        const body = this.nonEmptyList();
        if (!this.takeOp(')')) this.fail();
        return { t: 'subshell', body, redirs: this.redirects() };
      }
      const rw = this.peekReserved();
      switch (rw) {
        case 'if':
          return this.ifClause();
        case 'while':
        case 'until':
          return this.loop(rw === 'until');
        case 'for':
          return this.forClause();
        case 'case':
          return this.caseClause();
        case '{': {
          this.word();
          const body = this.nonEmptyList();
          this.expectReserved('}');
          return { t: 'group', body, redirs: this.redirects() };
        }
        case 'function':
          return this.functionKeyword();
        case 'then':
        case 'else':
        case 'elif':
        case 'fi':
        case 'do':
        case 'done':
        case 'esac':
        case '}':
        case 'in':
          this.fail(rw);
      }
      return this.simple();
    } finally {
      this.leave();
    }
  }

  private arithCommand(): Node | undefined {
    const start = this.pos;
    let depth = 0;
    for (let i = start + 2; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '\n') return undefined;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) {
          if (this.src[i + 1] !== ')') return undefined;
          const expr = this.src.slice(start + 2, i);
          this.pos = i + 2;
          return { t: 'simple', assigns: [], words: [[{ t: 'lit', v: '((', q: false }], [{ t: 'lit', v: expr, q: true }]], redirs: this.redirects(), line: this.line(start) };
        }
        depth--;
      }
    }
    return undefined;
  }

  private redirects(): Redir[] {
    const out: Redir[] = [];
    for (;;) {
      this.skipBlanks();
      const r = this.redirect();
      if (!r) return out;
      out.push(r);
    }
  }

  /** A redirection at the current position (with an optional fd number), or undefined. */
  private redirect(): Redir | undefined {
    const m = /^(\d+)(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 12));
    let fd: number | undefined;
    const save = this.pos;
    if (m) {
      fd = Number(m[1]);
      this.pos += m[1].length;
    }
    const op = this.peekOp();
    if (!op || !REDIR_OPS.has(op)) {
      this.pos = save;
      return undefined;
    }
    this.pos += op.length;
    this.skipBlanks();
    if (op === '<<' || op === '<<-') {
      const start = this.pos;
      const w = this.word();
      if (!w) this.fail();
      const raw = this.src.slice(start, this.pos);
      const r: Redir = { fd: fd ?? 0, op: '<<', target: w, heredoc: { body: '', expand: !/['"\\]/.test(raw), strip: op === '<<-' } };
      this.heredocs.push(r);
      return r;
    }
    const target = this.word();
    if (!target) this.fail();
    const defaultFd = op.startsWith('<') ? 0 : 1;
    return { fd: fd ?? defaultFd, op: op as Redir['op'], target };
  }

  private readHeredocs(): void {
    while (this.heredocs.length) {
      const r = this.heredocs.shift()!;
      const delim = wordText(r.target);
      const lines: string[] = [];
      for (;;) {
        if (this.pos >= this.src.length) break;
        let end = this.src.indexOf('\n', this.pos);
        if (end < 0) end = this.src.length;
        let line = this.src.slice(this.pos, end);
        this.pos = Math.min(end + 1, this.src.length);
        if (r.heredoc!.strip) line = line.replace(/^\t+/, '');
        if (line === delim) break;
        lines.push(line);
      }
      r.heredoc!.body = lines.length ? lines.join('\n') + '\n' : '';
    }
  }

  private simple(): Node {
    const line = this.line();
    const assigns: { name: string; value: Word; append?: boolean }[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    let testMode = false;
    for (;;) {
      this.skipBlanks();
      if (this.pos >= this.src.length) break;
      if (testMode) {
        // Inside [[ … ]]: && || < > ( ) ! are arguments, not operators.
        const op = this.peekOp();
        if (op && ['&&', '||', '<', '>', '(', ')'].includes(op)) {
          this.pos += op.length;
          words.push([{ t: 'lit', v: op, q: false }]);
          continue;
        }
        if (op === '\n') this.fail('newline');
      }
      const r = this.redirect();
      if (r) {
        redirs.push(r);
        continue;
      }
      const op = this.peekOp();
      if (op) {
        if (op === '(' && words.length === 1 && !assigns.length && FUNC_NAME_RE.test(wordText(words[0]) ?? '')) return this.functionDef(wordText(words[0]));
        break;
      }
      const w = this.word();
      if (!w) break;
      if (!words.length) {
        const a = assignment(w);
        if (a) {
          assigns.push(a);
          continue;
        }
      }
      words.push(w);
      if (words.length === 1 && w.length === 1 && w[0].t === 'lit' && !w[0].q && w[0].v === '[[') testMode = true;
      if (testMode && words.length > 1 && w.length === 1 && w[0].t === 'lit' && !w[0].q && w[0].v === ']]') testMode = false;
    }
    if (testMode) this.fail();
    if (!words.length && !assigns.length && !redirs.length) this.fail();
    return { t: 'simple', assigns, words, redirs, line };
  }

  private functionDef(name: string): Node {
    if (!this.takeOp('(') || !this.takeOp(')')) this.fail();
    this.skipNewlines();
    const body = this.command();
    return { t: 'func', name, body };
  }

  private functionKeyword(): Node {
    this.word();
    this.skipBlanks();
    const w = this.word();
    const name = w ? wordText(w) : '';
    if (!FUNC_NAME_RE.test(name)) this.fail();
    this.skipBlanks();
    if (this.peekOp() === '(') {
      this.pos++;
      if (!this.takeOp(')')) this.fail();
    }
    this.skipNewlines();
    return { t: 'func', name, body: this.command() };
  }

  private ifClause(): Node {
    this.expectReserved('if');
    const clauses: { cond: Node; body: Node }[] = [];
    let otherwise: Node | undefined;
    const cond = this.nonEmptyList();
    this.expectReserved('then');
    clauses.push({ cond, body: this.nonEmptyList() });
    for (;;) {
      if (this.takeReserved('elif')) {
        const c = this.nonEmptyList();
        this.expectReserved('then');
        clauses.push({ cond: c, body: this.nonEmptyList() });
        continue;
      }
      if (this.takeReserved('else')) otherwise = this.nonEmptyList();
      this.expectReserved('fi');
      break;
    }
    return { t: 'if', clauses, otherwise, redirs: this.redirects() };
  }

  private loop(until: boolean): Node {
    this.word();
    const cond = this.nonEmptyList();
    this.expectReserved('do');
    const body = this.nonEmptyList();
    this.expectReserved('done');
    return { t: 'loop', until, cond, body, redirs: this.redirects() };
  }

  private forClause(): Node {
    this.expectReserved('for');
    this.skipBlanks();
    const nameWord = this.word();
    const name = nameWord ? wordText(nameWord) : '';
    if (!NAME_RE.test(name)) this.fail(name || undefined);
    let items: Word[] | undefined;
    this.skipNewlines();
    if (this.takeReserved('in')) {
      items = [];
      for (;;) {
        this.skipBlanks();
        const op = this.peekOp();
        if (op === ';' || op === '\n') {
          this.pos++;
          if (op === '\n') this.readHeredocs();
          break;
        }
        if (op) this.fail();
        const w = this.word();
        if (!w) break;
        items.push(w);
      }
    } else {
      this.skipBlanks();
      if (this.peekOp() === ';') this.pos++;
    }
    this.skipNewlines();
    this.expectReserved('do');
    const body = this.nonEmptyList();
    this.expectReserved('done');
    return { t: 'for', name, items, body, redirs: this.redirects() };
  }

  private caseClause(): Node {
    this.expectReserved('case');
    this.skipBlanks();
    const word = this.word();
    if (!word) this.fail();
    this.skipNewlines();
    this.expectReserved('in');
    const arms: { patterns: Word[]; body?: Node }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.takeReserved('esac')) break;
      this.skipBlanks();
      if (this.peekOp() === '(') this.pos++;
      const patterns: Word[] = [];
      for (;;) {
        this.skipBlanks();
        const w = this.word();
        if (!w) this.fail();
        patterns.push(w);
        this.skipBlanks();
        if (this.peekOp() === '|') {
          this.pos++;
          continue;
        }
        if (!this.takeOp(')')) this.fail();
        break;
      }
      const body = this.list();
      arms.push({ patterns, body: body.t === 'list' && !body.items.length ? undefined : body });
      this.skipNewlines();
      if (this.takeOp(';;')) continue;
      this.expectReserved('esac');
      break;
    }
    return { t: 'case', word, arms, redirs: this.redirects() };
  }

  // ---------- words ----------

  /** Read one word at the current position (undefined at an operator or the end). */
  private word(stop = ''): Word | undefined {
    const s = this.src;
    const parts: WordPart[] = [];
    const start = this.pos;
    const lit = (v: string, q: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.t === 'lit' && last.q === q) last.v += v;
      else parts.push({ t: 'lit', v, q });
    };
    if (s[this.pos] === '~' && !stop) {
      let end = this.pos + 1;
      while (end < s.length && /[A-Za-z0-9_.-]/.test(s[end])) end++;
      if (end >= s.length || s[end] === '/' || META.includes(s[end])) {
        parts.push({ t: 'tilde', user: s.slice(this.pos + 1, end) });
        this.pos = end;
      }
    }
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (stop ? stop.includes(c) : META.includes(c)) break;
      if (c === '\\') {
        const n = s[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          continue;
        }
        if (n === undefined) {
          lit('\\', false);
          this.pos++;
          continue;
        }
        lit(n, true);
        this.pos += 2;
        continue;
      }
      if (c === "'") {
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw new ShellSyntaxError('syntax error: unterminated quoted string', "'", this.line());
        lit(s.slice(this.pos + 1, end), true);
        this.pos = end + 1;
        continue;
      }
      if (c === '"') {
        this.pos++;
        const inner = this.dq('"');
        if (!inner.length) lit('', true);
        for (const p of inner) {
          if (p.t === 'lit') lit(p.v, true);
          else parts.push(p);
        }
        continue;
      }
      if (c === '`') {
        parts.push(this.backtick(false));
        continue;
      }
      if (c === '$') {
        const p = this.dollar(false);
        if (p.t === 'lit') lit(p.v, p.q);
        else parts.push(p);
        continue;
      }
      lit(c, false);
      this.pos++;
    }
    if (this.pos === start) return undefined;
    return parts;
  }

  /** Inside double quotes, up to the closing `end` character (consumed). */
  private dq(end: string): WordPart[] {
    const s = this.src;
    const parts: WordPart[] = [];
    const lit = (v: string) => {
      const last = parts[parts.length - 1];
      if (last && last.t === 'lit') last.v += v;
      else parts.push({ t: 'lit', v, q: true });
    };
    for (;;) {
      if (this.pos >= s.length) {
        if (end === '') return parts;
        throw new ShellSyntaxError('syntax error: unterminated quoted string', '"', this.line());
      }
      const c = s[this.pos];
      if (end && c === end) {
        this.pos++;
        return parts;
      }
      if (c === '\\') {
        const n = s[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          continue;
        }
        if (n !== undefined && '$`"\\'.includes(n)) {
          lit(n);
          this.pos += 2;
          continue;
        }
        lit('\\');
        this.pos++;
        continue;
      }
      if (c === '$') {
        const p = this.dollar(true);
        if (p.t === 'lit') lit(p.v);
        else parts.push(p);
        continue;
      }
      if (c === '`') {
        parts.push(this.backtick(true));
        continue;
      }
      lit(c);
      this.pos++;
    }
  }

  dqUntilEnd(): Word {
    return this.dq('');
  }

  private backtick(q: boolean): WordPart {
    const s = this.src;
    let i = this.pos + 1;
    let inner = '';
    for (;;) {
      if (i >= s.length) throw new ShellSyntaxError('syntax error: unterminated quoted string', '`', this.line());
      const c = s[i];
      if (c === '`') break;
      if (c === '\\' && '`$\\'.includes(s[i + 1] ?? '')) {
        inner += s[i + 1];
        i += 2;
        continue;
      }
      inner += c;
      i++;
    }
    this.pos = i + 1;
    const body = new Parser(inner).program();
    return { t: 'cmd', body, q };
  }

  private dollar(q: boolean): WordPart {
    const s = this.src;
    const n = s[this.pos + 1];
    if (n === '(' && s[this.pos + 2] === '(') {
      // $(( arithmetic ))
      let depth = 0;
      for (let i = this.pos + 3; i < s.length; i++) {
        if (s[i] === '(') depth++;
        else if (s[i] === ')') {
          if (depth === 0 && s[i + 1] === ')') {
            const expr = s.slice(this.pos + 3, i);
            this.pos = i + 2;
            return { t: 'arith', expr, q };
          }
          depth--;
        }
      }
      // Not arithmetic after all: a command substitution starting with a subshell.
    }
    if (n === '(') {
      this.pos += 2;
      const body = this.list();
      this.skipNewlines();
      if (s[this.pos] !== ')') this.fail();
      this.pos++;
      return { t: 'cmd', body, q };
    }
    if (n === '{') return this.braceParam(q);
    if (n !== undefined && /[A-Za-z_]/.test(n)) {
      let end = this.pos + 2;
      while (end < s.length && /[A-Za-z0-9_]/.test(s[end])) end++;
      const name = s.slice(this.pos + 1, end);
      this.pos = end;
      return { t: 'param', name, q };
    }
    if (n !== undefined && /[0-9?#@*$!-]/.test(n)) {
      this.pos += 2;
      return { t: 'param', name: n, q };
    }
    this.pos++;
    return { t: 'lit', v: '$', q };
  }

  private braceParam(q: boolean): WordPart {
    const s = this.src;
    this.pos += 2;
    let length = false;
    if (s[this.pos] === '#' && s[this.pos + 1] !== '}') {
      length = true;
      this.pos++;
    }
    let name = '';
    if (/[A-Za-z_]/.test(s[this.pos] ?? '')) {
      while (/[A-Za-z0-9_]/.test(s[this.pos] ?? '')) name += s[this.pos++];
    } else if (/[0-9?#@*$!-]/.test(s[this.pos] ?? '')) {
      name = s[this.pos++];
      while (/[0-9]/.test(name) && /[0-9]/.test(s[this.pos] ?? '')) name += s[this.pos++];
    } else {
      throw new ShellSyntaxError(`\${${s.slice(this.pos, s.indexOf('}', this.pos))}}: bad substitution`, '', this.line());
    }
    if (s[this.pos] === '}') {
      this.pos++;
      return { t: 'param', name, q, length };
    }
    const m = /^(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%|\/\/|\/|:)/.exec(s.slice(this.pos, this.pos + 2));
    if (!m || length) throw new ShellSyntaxError(`\${${name}${s.slice(this.pos, s.indexOf('}', this.pos))}}: bad substitution`, '', this.line());
    const op = m[1];
    this.pos += op.length;
    const arg = this.braceArg();
    return { t: 'param', name, op, arg, q };
  }

  /** The word inside `${name<op>…}` up to the matching `}`. */
  private braceArg(): Word {
    const s = this.src;
    const parts: WordPart[] = [];
    const lit = (v: string, q: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.t === 'lit' && last.q === q) last.v += v;
      else parts.push({ t: 'lit', v, q });
    };
    for (;;) {
      if (this.pos >= s.length) throw new ShellSyntaxError('syntax error: missing }', '}', this.line());
      const c = s[this.pos];
      if (c === '}') {
        this.pos++;
        return parts;
      }
      if (c === '\\' && s[this.pos + 1] !== undefined) {
        lit(s[this.pos + 1], true);
        this.pos += 2;
        continue;
      }
      if (c === "'") {
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw new ShellSyntaxError('syntax error: unterminated quoted string', "'", this.line());
        lit(s.slice(this.pos + 1, end), true);
        this.pos = end + 1;
        continue;
      }
      if (c === '"') {
        this.pos++;
        for (const p of this.dq('"')) {
          if (p.t === 'lit') lit(p.v, true);
          else parts.push(p);
        }
        continue;
      }
      if (c === '$') {
        const p = this.dollar(false);
        if (p.t === 'lit') lit(p.v, false);
        else parts.push(p);
        continue;
      }
      if (c === '`') {
        parts.push(this.backtick(false));
        continue;
      }
      lit(c, false);
      this.pos++;
    }
  }
}

/** The literal text of a word made only of literal parts (reserved words, names). */
export function wordText(w: Word): string {
  return w.map((p) => (p.t === 'lit' ? p.v : p.t === 'tilde' ? `~${p.user}` : '\u0000')).join('');
}

function assignment(w: Word): { name: string; value: Word; append?: boolean } | undefined {
  const first = w[0];
  if (!first || first.t !== 'lit' || first.q) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.v);
  if (!m) return undefined;
  const rest = first.v.slice(m[0].length);
  const value: Word = [...(rest ? [{ t: 'lit' as const, v: rest, q: false }] : []), ...w.slice(1)];
  return { name: m[1], value, append: m[2] === '+' || undefined };
}
