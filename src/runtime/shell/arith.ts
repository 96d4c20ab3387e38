// `$(( … ))` and `(( … ))`: integer arithmetic over shell variables (C precedence, assignment
// operators, ++/--). Values are JS numbers truncated to integers (no 64-bit wrap-around).

export class ArithError extends Error {}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { k: 'num'; v: number } | { k: 'id'; v: string } | { k: 'op'; v: string };

const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '|', '^', '?', ':', '(', ')', ','];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(src.slice(i));
    if (num) {
      const t = num[1];
      const v = /^0[xX]/.test(t) ? parseInt(t, 16) : t.length > 1 && t[0] === '0' ? parseInt(t, 8) : parseInt(t, 10);
      if (Number.isNaN(v)) throw new ArithError(`${src}: value too great for base`);
      out.push({ k: 'num', v });
      i += t.length;
      if (/[A-Za-z_]/.test(src[i] ?? '')) throw new ArithError(`${src}: value too great for base`);
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      out.push({ k: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError(`${src}: syntax error: invalid arithmetic operator`);
    out.push({ k: 'op', v: op });
    i += op.length;
  }
  return out;
}

const BINARY: [string[], boolean][] = [
  // [operators, right-assoc], lowest precedence first (after ?: and assignment)
  [['||'], false],
  [['&&'], false],
  [['|'], false],
  [['^'], false],
  [['&'], false],
  [['==', '!='], false],
  [['<', '>', '<=', '>='], false],
  [['<<', '>>'], false],
  [['+', '-'], false],
  [['*', '/', '%'], false],
  [['**'], true],
];

export function evalArith(src: string, vars: ArithVars): number {
  if (!src.trim()) return 0;
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => peek()?.k === 'op' && peek()!.v === v;
  const num = (name: string, depth = 0): number => {
    const raw = (vars.get(name) ?? '').trim();
    if (!raw) return 0;
    if (/^-?\d+$/.test(raw)) return parseInt(raw, 10);
    if (/^[A-Za-z_]\w*$/.test(raw) && depth < 10) return num(raw, depth + 1);
    if (depth < 10) return evalArith(raw, vars);
    throw new ArithError(`${raw}: expression recursion level exceeded`);
  };
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
      case '%':
        if (b === 0) throw new ArithError('divide by zero');
        return op === '/' ? Math.trunc(a / b) : a % b;
      case '**':
        return a ** b;
      case '<<':
        return a << b;
      case '>>':
        return a >> b;
      case '<':
        return +(a < b);
      case '>':
        return +(a > b);
      case '<=':
        return +(a <= b);
      case '>=':
        return +(a >= b);
      case '==':
        return +(a === b);
      case '!=':
        return +(a !== b);
      case '&':
        return a & b;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '&&':
        return +(a !== 0 && b !== 0);
      case '||':
        return +(a !== 0 || b !== 0);
    }
    throw new ArithError(`${src}: syntax error`);
  };

  function comma(): number {
    let v = assign();
    while (isOp(',')) {
      p++;
      v = assign();
    }
    return v;
  }
  function assign(): number {
    const t = peek();
    const n = toks[p + 1];
    if (t?.k === 'id' && n?.k === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^='].includes(n.v)) {
      p += 2;
      const rhs = assign();
      const v = n.v === '=' ? rhs : apply(n.v.slice(0, -1), num(t.v), rhs);
      vars.set(t.v, String(Math.trunc(v)));
      return v;
    }
    return ternary();
  }
  function ternary(): number {
    const c = binary(0);
    if (!isOp('?')) return c;
    p++;
    const a = assign();
    if (!isOp(':')) throw new ArithError(`${src}: syntax error: ':' expected`);
    p++;
    const b = assign();
    return c ? a : b;
  }
  function binary(level: number): number {
    if (level >= BINARY.length) return unary();
    const [ops, right] = BINARY[level];
    let a = binary(level + 1);
    while (peek()?.k === "op" && ops.includes(String(peek()!.v))) {
      const op = (toks[p++] as { v: string }).v;
      const b = right ? binary(level) : binary(level + 1);
      a = apply(op, a, b);
    }
    return a;
  }
  function unary(): number {
    const t = peek();
    if (t?.k === 'op') {
      if (t.v === '++' || t.v === '--') {
        p++;
        const id = peek();
        if (id?.k !== 'id') throw new ArithError(`${src}: syntax error`);
        p++;
        const v = num(id.v) + (t.v === '++' ? 1 : -1);
        vars.set(id.v, String(v));
        return v;
      }
      if (['-', '+', '!', '~'].includes(t.v)) {
        p++;
        const v = unary();
        return t.v === '-' ? -v : t.v === '+' ? v : t.v === '!' ? +(v === 0) : ~v;
      }
    }
    return postfix();
  }
  function postfix(): number {
    const t = peek();
    if (!t) throw new ArithError(`${src}: syntax error: operand expected`);
    p++;
    if (t.k === 'num') return t.v;
    if (t.k === 'id') {
      if (isOp('++') || isOp('--')) {
        const op = (toks[p++] as { v: string }).v;
        const v = num(t.v);
        vars.set(t.v, String(v + (op === '++' ? 1 : -1)));
        return v;
      }
      return num(t.v);
    }
    if (t.v === '(') {
      const v = comma();
      if (!isOp(')')) throw new ArithError(`${src}: syntax error: ')' expected`);
      p++;
      return v;
    }
    throw new ArithError(`${src}: syntax error: operand expected`);
  }

  const v = comma();
  if (p < toks.length) throw new ArithError(`${src}: syntax error: invalid arithmetic operator`);
  return Math.trunc(v);
}
