// Shell builtins (cd, export, set, read, kill, test, echo, printf, …) and the few commands that
// run other commands (env, xargs, timeout, nohup, nice, which, command, type) — they need the
// interpreter, so they live here rather than in tools/.
import * as msg from './messages.js';
import { Input, LIMITS, ShellLimit } from './io.js';
import { parseScript } from './parser.js';
import { resolvePath } from '../fs.js';
import { evalTest, TestError } from './test-expr.js';
import { formatPrintf, echoText } from './format.js';
import type { Gen, IO, Run, ShellState } from './interp.js';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal, ShellError, arith, execNode, invoke, runExternal, runSource } from './interp.js';

type Builtin = (run: Run, sh: ShellState, argv: string[], io: IO) => Gen<number> | number;

const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15, STOP: 19, CONT: 18 };

function sigNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const name = s.toUpperCase().replace(/^SIG/, '');
  return SIGNALS[name];
}

function* cd(run: Run, sh: ShellState, argv: string[], io: IO): Gen<number> {
  let target = argv[1];
  if (target === undefined || target === '~') target = sh.get('HOME') ?? '/root';
  if (target === '-') {
    target = sh.get('OLDPWD') ?? sh.cwd;
    io.out.write(`${target}\n`);
  }
  const path = resolvePath(sh.cwd, target);
  const fs = run.host.fs;
  if (!fs.exists(path)) {
    io.err.write(msg.cdError(sh.where, target));
    return sh.flavour === 'ash' ? 2 : sh.flavour === 'dash' ? 2 : 1;
  }
  if (!fs.isDir(path)) {
    io.err.write(msg.cdError(sh.where, target, 'ENOTDIR'));
    return sh.flavour === 'bash' ? 1 : 2;
  }
  sh.vars.set('OLDPWD', sh.cwd);
  sh.cwd = path;
  sh.vars.set('PWD', path);
  return 0;
}

function shellQuote(v: string): string {
  return `'${v.replace(/'/g, `'"'"'`)}'`;
}

function exportList(sh: ShellState, io: IO, mark: 'export' | 'readonly'): void {
  const names = [...(mark === 'export' ? sh.exported : sh.readonly)].sort();
  for (const k of names) {
    const v = sh.get(k);
    if (sh.flavour === 'bash') io.out.write(`declare -${mark === 'export' ? 'x' : 'r'} ${k}${v === undefined ? '' : `="${v.replace(/(["\\$`])/g, '\\$1')}"`}\n`);
    else io.out.write(`${mark} ${k}${v === undefined ? '' : `=${shellQuote(v)}`}\n`);
  }
}

function assignArgs(sh: ShellState, argv: string[], io: IO, mark: (k: string) => void): number {
  let status = 0;
  for (const a of argv) {
    if (a.startsWith('-')) continue;
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      io.err.write(sh.flavour === 'bash' ? `${msg.prefix(sh.where)}${argv[0]}: \`${a}': not a valid identifier\n` : `${msg.prefix(sh.where)}${argv[0]}: ${a}: bad variable name\n`);
      status = sh.flavour === 'bash' ? 1 : 2;
      continue;
    }
    try {
      if (eq >= 0) sh.set(name, a.slice(eq + 1));
    } catch (e) {
      if (e instanceof ShellError) {
        io.err.write(e.text);
        status = 1;
        continue;
      }
      throw e;
    }
    mark(name);
  }
  return status;
}

function set(_run: Run, sh: ShellState, argv: string[], io: IO): number {
  if (argv.length === 1) {
    for (const k of [...sh.vars.keys()].sort()) io.out.write(`${k}=${shellQuote(sh.vars.get(k) ?? '')}\n`);
    return 0;
  }
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      sh.positional = argv.slice(i + 1);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      const name = argv[++i];
      const on = a === '-o';
      if (name === 'pipefail') sh.opts.pipefail = on;
      else if (name === 'errexit') sh.opts.errexit = on;
      else if (name === 'xtrace') sh.opts.xtrace = on;
      else if (name === 'nounset') sh.opts.nounset = on;
      else if (name === undefined) {
        io.out.write(`errexit        \t${sh.opts.errexit ? 'on' : 'off'}\nnounset        \t${sh.opts.nounset ? 'on' : 'off'}\npipefail       \t${sh.opts.pipefail ? 'on' : 'off'}\nxtrace         \t${sh.opts.xtrace ? 'on' : 'off'}\n`);
      } else {
        io.err.write(`${msg.prefix(sh.where)}set: ${sh.flavour === 'bash' ? `${name}: invalid option name` : `Illegal option -o ${name}`}\n`);
        return sh.flavour === 'bash' ? 1 : 2;
      }
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      const on = a[0] === '-';
      for (const f of a.slice(1)) {
        if (f === 'e') sh.opts.errexit = on;
        else if (f === 'x') sh.opts.xtrace = on;
        else if (f === 'u') sh.opts.nounset = on;
      }
      continue;
    }
    sh.positional = argv.slice(i);
    return 0;
  }
  return 0;
}

function* read(_run: Run, sh: ShellState, argv: string[], io: IO): Gen<number> {
  let raw = false;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-r') raw = true;
    else if (a === '-p') io.err.write(argv[++i] ?? '');
    else if (a === '-s' || a === '-e') continue;
    else if (a === '-t' || a === '-n' || a === '-d' || a === '-u') i++;
    else names.push(a);
  }
  if (!names.length) names.push('REPLY');
  let line = io.in.readLine();
  if (line === undefined) {
    for (const n of names) sh.set(n, '');
    return 1;
  }
  if (!raw) {
    while (line.endsWith('\\')) {
      const next = io.in.readLine();
      line = line.slice(0, -1) + (next ?? '');
      if (next === undefined) break;
    }
    line = line.replace(/\\(.)/g, '$1');
  }
  const ifs = sh.get('IFS') ?? ' \t\n';
  const trimmed = ifs.includes(' ') ? line.replace(/^[ \t]+|[ \t]+$/g, '') : line;
  const fields = names.length === 1 ? [trimmed] : splitN(trimmed, ifs, names.length);
  names.forEach((n, i) => sh.set(n, fields[i] ?? ''));
  return 0;
}

function splitN(s: string, ifs: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  const isSep = (c: string) => ifs.includes(c);
  while (out.length < n - 1 && rest.length) {
    let i = 0;
    while (i < rest.length && !isSep(rest[i])) i++;
    out.push(rest.slice(0, i));
    while (i < rest.length && isSep(rest[i])) i++;
    rest = rest.slice(i);
  }
  out.push(rest);
  return out;
}

function kill(run: Run, sh: ShellState, argv: string[], io: IO): number {
  let sig = 15;
  const pids: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-l' || a === '-L') {
      io.out.write(sh.flavour === 'bash' ? ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM\n' : 'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n');
      return 0;
    }
    if (a === '-s' || a === '-n') {
      const s = sigNumber(argv[++i] ?? '');
      if (s === undefined) {
        io.err.write(`${msg.prefix(sh.where)}kill: ${argv[i]}: invalid signal specification\n`);
        return 1;
      }
      sig = s;
      continue;
    }
    if (/^-[A-Za-z0-9]+$/.test(a) && !pids.length) {
      const s = sigNumber(a.slice(1));
      if (s === undefined) {
        io.err.write(sh.flavour === 'bash' ? `${msg.prefix(sh.where)}kill: ${a.slice(1)}: invalid signal specification\n` : `${msg.prefix(sh.where)}kill: invalid signal number or name: ${a.slice(1)}\n`);
        return sh.flavour === 'bash' ? 1 : 2;
      }
      sig = s;
      continue;
    }
    pids.push(a);
  }
  if (!pids.length) {
    io.err.write(sh.flavour === 'bash' ? 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n' : `${msg.prefix(sh.where)}kill: usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n`);
    return sh.flavour === 'bash' ? 2 : 2;
  }
  let status = 0;
  for (const p of pids) {
    if (!/^-?\d+$/.test(p)) {
      io.err.write(sh.flavour === 'bash' ? `${msg.prefix(sh.where)}kill: ${p}: arguments must be process or job IDs\n` : `${msg.prefix(sh.where)}kill: illegal number: ${p}\n`);
      status = 1;
      continue;
    }
    const pid = Number(p);
    if (pid === 1) {
      if (sig === 0) continue;
      run.host.signalMain?.(sig);
      continue;
    }
    if (pid === run.host.pid && sig !== 0) throw new ExitSignal(128 + sig);
    if (pid === run.host.pid) continue;
    io.err.write(sh.flavour === 'bash' ? `${msg.prefix(sh.where)}kill: (${pid}) - No such process\n` : sh.flavour === 'dash' ? `${msg.prefix(sh.where)}kill: No such process\n` : `${msg.prefix(sh.where)}kill: can't kill pid ${pid}: No such process\n`);
    status = 1;
  }
  return status;
}

function* testBuiltin(_run: Run, sh: ShellState, argv: string[], io: IO, run: Run): Gen<number> {
  let args = argv.slice(1);
  const name = argv[0];
  if (name === '[' || name === '[[') {
    const close = name === '[' ? ']' : ']]';
    if (args[args.length - 1] !== close) {
      io.err.write(sh.flavour === 'bash' ? `${msg.prefix(sh.where)}${name}: missing \`${close}'\n` : `${msg.prefix(sh.where)}${name === '[' ? '[: ' : ''}missing ]\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evalTest(args, run.host.fs, sh.cwd, name === '[[' ? 0 : 1);
  } catch (e) {
    if (e instanceof TestError) {
      const text =
        sh.flavour === 'bash'
          ? `${msg.prefix(sh.where)}${name}: ${e.bashText}\n`
          : sh.flavour === 'dash'
            ? `${msg.prefix(sh.where)}${name === '[' ? '[' : 'test'}: ${e.dashText}\n`
            : `${msg.prefix(sh.where)}${e.ashText}\n`;
      io.err.write(text);
      return 2;
    }
    throw e;
  }
}

function typeOf(run: Run, sh: ShellState, name: string): { kind: 'function' | 'builtin' | 'file' | 'keyword'; path?: string } | undefined {
  if (['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', '{', '}', '!'].includes(name)) return { kind: 'keyword' };
  if (sh.funcs.has(name)) return { kind: 'function' };
  if (BUILTINS.has(name) && !EXTERNAL_LIKE.has(name)) return { kind: 'builtin' };
  if (name.includes('/')) return run.host.fs.exists(resolvePath(sh.cwd, name)) ? { kind: 'file', path: name } : undefined;
  const path = run.host.toolPath(name) ?? (EXTERNAL_LIKE.has(name) ? `/usr/bin/${name}` : undefined);
  return path ? { kind: 'file', path } : undefined;
}

function* command(run: Run, sh: ShellState, argv: string[], io: IO): Gen<number> {
  let i = 1;
  let mode: '' | 'v' | 'V' = '';
  while (argv[i]?.startsWith('-')) {
    if (argv[i] === '-v') mode = 'v';
    else if (argv[i] === '-V') mode = 'V';
    i++;
  }
  const names = argv.slice(i);
  if (!mode) {
    if (!names.length) return 0;
    const nm = names[0];
    if (BUILTINS.has(nm)) return yield* runBuiltin(run, sh, names, io);
    return yield* runExternal(run, sh, names, {}, io);
  }
  let status = 0;
  for (const n of names) {
    const t = typeOf(run, sh, n);
    if (!t) {
      if (mode === 'V') io.err.write(sh.flavour === 'bash' ? `${msg.prefix(sh.where)}command: ${n}: not found\n` : `${n}: not found\n`);
      status = 1;
      continue;
    }
    if (mode === 'v') io.out.write(`${t.kind === 'file' ? t.path : n}\n`);
    else io.out.write(describeType(sh, n, t));
  }
  return status;
}

function describeType(sh: ShellState, n: string, t: NonNullable<ReturnType<typeof typeOf>>): string {
  if (t.kind === 'keyword') return `${n} is a shell keyword\n`;
  if (t.kind === 'function') return sh.flavour === 'bash' ? `${n} is a function\n` : `${n} is a shell function\n`;
  if (t.kind === 'builtin') return sh.flavour === 'ash' && ['echo', 'printf', 'test', '[', 'kill', 'pwd', 'true', 'false'].includes(n) ? `${n} is a shell builtin\n` : `${n} is a shell builtin\n`;
  return sh.flavour === 'bash' ? `${n} is ${t.path}\n` : `${n} is ${t.path}\n`;
}

function type(run: Run, sh: ShellState, argv: string[], io: IO): number {
  let status = 0;
  for (const n of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const t = typeOf(run, sh, n);
    if (!t) {
      io.err.write(sh.flavour === 'bash' ? `${msg.prefix(sh.where)}type: ${n}: not found\n` : '');
      if (sh.flavour !== 'bash') io.out.write(`${n}: not found\n`);
      status = 1;
      continue;
    }
    io.out.write(describeType(sh, n, t));
  }
  return status;
}

function which(run: Run, sh: ShellState, argv: string[], io: IO): number {
  let status = 0;
  const names = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!names.length) return 1;
  for (const n of names) {
    const p = n.includes('/') ? (run.host.fs.exists(resolvePath(sh.cwd, n)) ? n : undefined) : (run.host.toolPath(n) ?? (EXTERNAL_LIKE.has(n) ? `/usr/bin/${n}` : undefined));
    if (p) io.out.write(`${p}\n`);
    else status = 1;
  }
  return status;
}

/** `env` (print, or run a command with changes), `env -i`, `env -u NAME`. */
function* env(run: Run, sh: ShellState, argv: string[], io: IO): Gen<number> {
  let i = 1;
  let clear = false;
  const unset: string[] = [];
  while (i < argv.length && argv[i].startsWith('-')) {
    const a = argv[i];
    if (a === '-i' || a === '-' || a === '--ignore-environment') clear = true;
    else if (a === '-u') unset.push(argv[++i] ?? '');
    else if (a === '--') {
      i++;
      break;
    } else break;
    i++;
  }
  const extra: Record<string, string> = {};
  while (i < argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i])) {
    const eq = argv[i].indexOf('=');
    extra[argv[i].slice(0, eq)] = argv[i].slice(eq + 1);
    i++;
  }
  const rest = argv.slice(i);
  const base = clear ? {} : sh.environment();
  for (const u of unset) delete base[u];
  const merged = { ...base, ...extra };
  if (!rest.length) {
    for (const [k, v] of Object.entries(merged)) io.out.write(`${k}=${v}\n`);
    return 0;
  }
  const child = sh.clone();
  child.vars = new Map(Object.entries(merged));
  child.exported = new Set(Object.keys(merged));
  child.funcs = new Map();
  const r = yield* runExternal(run, child, rest, {}, io);
  if (r === 127) {
    // env prints its own error instead of the shell's.
  }
  return r;
}

function* xargs(run: Run, sh: ShellState, argv: string[], io: IO): Gen<number> {
  let i = 1;
  let n = 0;
  let replace: string | undefined;
  while (i < argv.length && argv[i].startsWith('-')) {
    const a = argv[i];
    if (a === '-n') n = Number(argv[++i]) || 0;
    else if (a.startsWith('-n')) n = Number(a.slice(2)) || 0;
    else if (a === '-I') replace = argv[++i];
    else if (a.startsWith('-I')) replace = a.slice(2);
    i++;
  }
  const cmd = argv.slice(i).length ? argv.slice(i) : ['echo'];
  const input = io.in.readAll();
  let status = 0;
  if (replace !== undefined) {
    for (const line of input.split('\n').filter((l) => l.length)) {
      run.step();
      const r = yield* runExternal(run, sh, cmd.map((c) => c.split(replace!).join(line)), {}, { ...io, in: new Input('') });
      if (r !== 0) status = 123;
    }
    return status;
  }
  const items = input.split(/\s+/).filter(Boolean);
  const groups: string[][] = [];
  if (n > 0) for (let k = 0; k < items.length; k += n) groups.push(items.slice(k, k + n));
  else groups.push(items);
  for (const g of groups) {
    run.step();
    const r = yield* runExternal(run, sh, [...cmd, ...g], {}, { ...io, in: new Input('') });
    if (r !== 0) status = 123;
  }
  return status;
}

/** `timeout`, `nohup`, `nice`, `time`: run the rest of the command line. */
function* wrapper(run: Run, sh: ShellState, argv: string[], io: IO): Gen<number> {
  let rest = argv.slice(1);
  if (argv[0] === 'timeout') {
    while (rest[0]?.startsWith('-')) rest = rest.slice(rest[0] === '-s' || rest[0] === '-k' ? 2 : 1);
    rest = rest.slice(1);
  }
  if (argv[0] === 'nice') while (rest[0]?.startsWith('-')) rest = rest.slice(rest[0] === '-n' ? 2 : 1);
  if (!rest.length) return argv[0] === 'time' ? 0 : 1;
  const name = rest[0];
  const status = BUILTINS.has(name) ? yield* runBuiltin(run, sh, rest, io) : yield* runExternal(run, sh, rest, {}, io);
  if (argv[0] === 'time') io.err.write(sh.flavour === 'bash' ? '\nreal\t0m0.002s\nuser\t0m0.000s\nsys\t0m0.001s\n' : 'real\t0m 0.00s\nuser\t0m 0.00s\nsys\t0m 0.00s\n');
  return status;
}

function* evalBuiltin(run: Run, sh: ShellState, argv: string[], io: IO): Gen<number> {
  const text = argv.slice(1).join(' ');
  if (!text.trim()) return 0;
  return yield* runSourceHere(run, sh, text, io);
}

function* runSourceHere(run: Run, sh: ShellState, text: string, io: IO): Gen<number> {
  if (++run.depth > LIMITS.depth) throw new ShellLimit(`kubesim: stopped: more than ${LIMITS.depth} nested eval/source calls (a fork bomb?)`);
  try {
    let tree;
    try {
      tree = parseScript(text);
    } catch {
      return yield* runSource(run, sh.clone(), text, io);
    }
    return yield* execNode(run, sh, tree, io);
  } finally {
    run.depth--;
  }
}

function* source(run: Run, sh: ShellState, argv: string[], io: IO): Gen<number> {
  const file = argv[1];
  if (!file) {
    io.err.write(`${msg.prefix(sh.where)}${argv[0]}: filename argument required\n`);
    return 2;
  }
  const path = resolvePath(sh.cwd, file);
  const text = run.host.fs.read(path);
  if (text === undefined) {
    io.err.write(sh.flavour === 'bash' ? msg.noSuchFile(sh.where, file) : `${msg.prefix(sh.where)}${argv[0]}: can't open '${file}': No such file or directory\n`);
    return sh.flavour === 'bash' ? 1 : 2;
  }
  const saved = sh.positional;
  if (argv.length > 2) sh.positional = argv.slice(2);
  try {
    return yield* runSourceHere(run, sh, text, io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  } finally {
    if (argv.length > 2) sh.positional = saved;
  }
}

function local(_run: Run, sh: ShellState, argv: string[], io: IO): number {
  const frame = sh.locals[sh.locals.length - 1];
  if (!frame) {
    io.err.write(`${msg.prefix(sh.where)}local: ${sh.flavour === 'bash' ? 'can only be used in a function' : 'not in a function'}\n`);
    return sh.flavour === 'bash' ? 1 : 2;
  }
  for (const a of argv.slice(1)) {
    if (a.startsWith('-')) continue;
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!frame.has(name)) frame.set(name, sh.vars.get(name));
    if (eq >= 0) sh.vars.set(name, a.slice(eq + 1));
    else if (sh.flavour !== 'bash') sh.vars.set(name, sh.vars.get(name) ?? '');
    else sh.vars.delete(name);
  }
  return 0;
}

const EXTERNAL_LIKE = new Set(['env', 'xargs', 'timeout', 'nohup', 'nice', 'which', 'time']);

const TABLE: Record<string, Builtin> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  cd,
  chdir: cd,
  pwd: (_r, sh, _a, io) => {
    io.out.write(`${sh.cwd}\n`);
    return 0;
  },
  export: (_r, sh, argv, io) => {
    if (argv.length === 1 || argv[1] === '-p') {
      exportList(sh, io, 'export');
      return 0;
    }
    return assignArgs(sh, argv, io, (k) => sh.exported.add(k));
  },
  readonly: (_r, sh, argv, io) => {
    if (argv.length === 1 || argv[1] === '-p') {
      exportList(sh, io, 'readonly');
      return 0;
    }
    return assignArgs(sh, argv, io, (k) => sh.readonly.add(k));
  },
  unset: (_r, sh, argv, io) => {
    let funcs = false;
    for (const a of argv.slice(1)) {
      if (a === '-f') funcs = true;
      else if (a === '-v') funcs = false;
      else if (funcs) sh.funcs.delete(a);
      else {
        if (sh.readonly.has(a)) {
          io.err.write(`${msg.prefix(sh.where)}unset: ${a}: ${sh.flavour === 'bash' ? 'cannot unset: readonly variable' : 'is read only'}\n`);
          return 1;
        }
        sh.vars.delete(a);
        sh.exported.delete(a);
      }
    }
    return 0;
  },
  set,
  shift: (_r, sh, argv, io) => {
    const n = argv[1] === undefined ? 1 : Number(argv[1]);
    if (!Number.isInteger(n) || n < 0 || n > sh.positional.length) {
      if (sh.flavour === 'bash') return 1;
      io.err.write(`${msg.prefix(sh.where)}shift: ${sh.flavour === 'dash' ? `can't shift that many` : `can't shift that many`}\n`);
      return 2;
    }
    sh.positional = sh.positional.slice(n);
    return 0;
  },
  exit: (_r, sh, argv) => {
    throw new ExitSignal(argv[1] === undefined ? sh.status : Number(argv[1]) & 255);
  },
  return: (_r, sh, argv) => {
    throw new ReturnSignal(argv[1] === undefined ? sh.status : Number(argv[1]) & 255);
  },
  break: (_r, sh, argv) => {
    if (!sh.loopDepth) return 0;
    throw new BreakSignal(Math.max(1, Number(argv[1] ?? 1) || 1));
  },
  continue: (_r, sh, argv) => {
    if (!sh.loopDepth) return 0;
    throw new ContinueSignal(Math.max(1, Number(argv[1] ?? 1) || 1));
  },
  read,
  eval: evalBuiltin,
  exec: function* (run, sh, argv, io) {
    if (argv.length === 1) return 0;
    const r = BUILTINS.has(argv[1]) ? yield* runBuiltin(run, sh, argv.slice(1), io) : yield* runExternal(run, sh, argv.slice(1), {}, io);
    throw new ExitSignal(r);
  },
  '.': source,
  source,
  local,
  wait: () => 0,
  trap: () => 0,
  alias: () => 0,
  unalias: () => 0,
  ulimit: (_r, _sh, argv, io) => {
    if (argv.length === 1 || argv[1] === '-f') io.out.write('unlimited\n');
    else if (argv[1] === '-n') io.out.write('1048576\n');
    return 0;
  },
  umask: (_r, _sh, argv, io) => {
    if (argv.length === 1) io.out.write('0022\n');
    return 0;
  },
  hash: () => 0,
  times: (_r, _sh, _a, io) => {
    io.out.write('0m0.00s 0m0.00s\n0m0.00s 0m0.00s\n');
    return 0;
  },
  jobs: () => 0,
  echo: (_r, sh, argv, io) => {
    io.out.write(echoText(argv.slice(1), sh.flavour));
    return 0;
  },
  printf: (_r, sh, argv, io) => {
    if (argv.length < 2) {
      io.err.write(sh.flavour === 'bash' ? 'printf: usage: printf [-v var] format [arguments]\n' : `${msg.prefix(sh.where)}printf: usage: printf FORMAT [ARGUMENT...]\n`);
      return sh.flavour === 'bash' ? 2 : 1;
    }
    const r = formatPrintf(argv[1], argv.slice(2));
    io.out.write(r.text);
    if (r.error) {
      io.err.write(`${msg.prefix(sh.where)}printf: ${r.error}\n`);
      return 1;
    }
    return 0;
  },
  test: function* (run, sh, argv, io) {
    return yield* testBuiltin(run, sh, argv, io, run);
  },
  '[': function* (run, sh, argv, io) {
    return yield* testBuiltin(run, sh, argv, io, run);
  },
  '[[': function* (run, sh, argv, io) {
    return yield* testBuiltin(run, sh, argv, io, run);
  },
  '((': (run, sh, argv) => (arith(run, sh, argv[1] ?? '') !== 0 ? 0 : 1),
  let: (run, sh, argv) => {
    let v = 0;
    for (const e of argv.slice(1)) v = arith(run, sh, e);
    return v !== 0 ? 0 : 1;
  },
  kill,
  type,
  command,
  which,
  env,
  xargs,
  timeout: wrapper,
  nohup: wrapper,
  nice: wrapper,
  time: wrapper,
};

export const BUILTINS = new Set(Object.keys(TABLE));

export function* runBuiltin(run: Run, sh: ShellState, argv: string[], io: IO): Gen<number> {
  const fn = TABLE[argv[0]];
  try {
    const r = fn(run, sh, argv, io);
    return typeof r === 'number' ? r : yield* r;
  } catch (e) {
    if (e instanceof ShellError) {
      io.err.write(e.text);
      return e.code;
    }
    throw e;
  }
}

export { invoke };
