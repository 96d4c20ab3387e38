// `test` / `[` / `[[`: file tests against the simulated filesystem, string and integer
// comparisons, ! ( ) -a -o (and && || == =~ inside [[ ]]).
import type { SimFs } from '../types.js';
import { resolvePath } from '../fs.js';
import { matchPattern } from './pattern.js';

export class TestError extends Error {
  constructor(
    public ashText: string,
    public dashText: string,
    public bashText: string,
  ) {
    super(bashText);
  }
}

const UNARY = new Set(['-e', '-f', '-d', '-r', '-w', '-x', '-s', '-z', '-n', '-L', '-h', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G', '-a']);
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef', '<', '>', '=~']);

function int(s: string): number {
  const t = s.trim();
  if (!/^[-+]?\d+$/.test(t)) throw new TestError(`invalid number '${s}'`, `Illegal number: ${s}`, `${s}: integer expression expected`);
  return Number(t);
}

/** 0 (true) or 1 (false). `ext` is [[ ]] mode (patterns, regexes, && ||). */
export function evalTest(args: string[], fs: SimFs, cwd: string, single: 0 | 1): number {
  const ext = single === 0;
  let i = 0;
  const peek = (k = 0) => args[i + k];
  const fileStat = (p: string) => (fs.stat ? fs.stat(resolvePath(cwd, p)) : fs.exists(resolvePath(cwd, p)) ? { dir: fs.isDir(resolvePath(cwd, p)), size: (fs.read(resolvePath(cwd, p)) ?? '').length, exec: false, mtime: 0, readOnly: false } : undefined);

  const unary = (op: string, v: string): boolean => {
    const st = ['-z', '-n', '-t'].includes(op) ? undefined : fileStat(v);
    switch (op) {
      case '-z':
        return v.length === 0;
      case '-n':
        return v.length > 0;
      case '-t':
        return false;
      case '-e':
      case '-a':
        return !!st;
      case '-f':
        return !!st && !st.dir;
      case '-d':
        return !!st?.dir;
      case '-r':
        return !!st;
      case '-w':
        return !!st && !st.readOnly;
      case '-x':
        return !!st && (st.dir || st.exec);
      case '-s':
        return !!st && (st.dir || st.size > 0);
      default:
        return false;
    }
  };

  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=':
      case '==':
        return ext ? matchPattern(b, a) : a === b;
      case '!=':
        return ext ? !matchPattern(b, a) : a !== b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '=~':
        try {
          return new RegExp(b).test(a);
        } catch {
          return false;
        }
      case '-eq':
        return int(a) === int(b);
      case '-ne':
        return int(a) !== int(b);
      case '-lt':
        return int(a) < int(b);
      case '-le':
        return int(a) <= int(b);
      case '-gt':
        return int(a) > int(b);
      case '-ge':
        return int(a) >= int(b);
      case '-nt':
        return (fileStat(a)?.mtime ?? -1) > (fileStat(b)?.mtime ?? -1);
      case '-ot':
        return (fileStat(a)?.mtime ?? Infinity) < (fileStat(b)?.mtime ?? Infinity);
      case '-ef':
        return resolvePath(cwd, a) === resolvePath(cwd, b);
    }
    return false;
  };

  const orOps = ext ? ['||', '-o'] : ['-o'];
  const andOps = ext ? ['&&', '-a'] : ['-a'];

  function expr(): boolean {
    let v = and();
    while (peek() !== undefined && orOps.includes(peek()!)) {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  }
  function and(): boolean {
    let v = not();
    while (peek() !== undefined && andOps.includes(peek()!)) {
      i++;
      const r = not();
      v = v && r;
    }
    return v;
  }
  function not(): boolean {
    if (peek() === '!' && args.length - i > 1) {
      i++;
      return !not();
    }
    return primary();
  }
  function primary(): boolean {
    const t = peek();
    if (t === undefined) throw new TestError('argument expected', 'argument expected', 'argument expected');
    if (t === '(' && args.length - i > 1) {
      i++;
      const v = expr();
      if (peek() !== ')') throw new TestError("missing )", "closing paren expected", "`)' expected");
      i++;
      return v;
    }
    if (peek(1) !== undefined && BINARY.has(peek(1)!) && peek(2) !== undefined) {
      const a = t;
      const op = peek(1)!;
      const b = peek(2)!;
      i += 3;
      return binary(a, op, b);
    }
    if (UNARY.has(t) && peek(1) !== undefined && !(t === '-a' && i > 0)) {
      i += 2;
      return unary(t, args[i - 1]);
    }
    i++;
    return t.length > 0;
  }

  if (!args.length) return 1;
  const v = expr();
  if (i < args.length) throw new TestError(`${args[i]}: unknown operand`, `${args[i]}: unexpected operator`, args.length - i === 1 ? `${args[i]}: unary operator expected` : 'too many arguments');
  return v ? 0 : 1;
}
