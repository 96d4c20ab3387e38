// The interpreter of the simulated shell. It walks the syntax tree (ast.ts) over the pod's
// simulated filesystem and the tool table; no host process, file or network is ever touched.
//
// It is written as generators: a tool may return a Promise (network tools such as curl), and
// the interpreter yields it. An async driver (exec) awaits it; a sync driver (exec probes run
// inside the kubelet's reconcile) refuses it. Everything is bounded (io.ts LIMITS).
import type { ContainerHandle, SimFs, Tool, ToolContext } from '../types.js';
import type { Node, Redir, Word } from './ast.js';
import { ShellSyntaxError } from './ast.js';
import { parseDoubleQuotedText, parseScript } from './parser.js';
import { evalArith, ArithError } from './arith.js';
import { escapeGlob, hasGlob, matchPattern, patternSource, removePattern, replacePattern } from './pattern.js';
import { Input, LIMITS, PipeClosed, ShellLimit, Sink, StillRunning, nullSink } from './io.js';
import * as msg from './messages.js';
import type { Flavour } from './messages.js';
import { runBuiltin, BUILTINS } from './builtins.js';
import { resolvePath } from '../fs.js';

export type Step = Promise<unknown>;
export type Gen<T> = Generator<Step, T, unknown>;

/** What the interpreter needs from the container it runs in. */
export interface ShellHost {
  self: ContainerHandle;
  fs: SimFs;
  /** The tool of that name if this container has it (image flavour + tools + installed packages). */
  tool(name: string): Tool | undefined;
  /** Where the tool lives (`/bin/ls`), for `which` / `command -v`. */
  toolPath(name: string): string | undefined;
  /** The simulated clock (ms since epoch) at the start of the invocation. */
  now(): number;
  trace(line: string): void;
  /** `kill <sig> 1`: what the container's main process does with the signal. */
  signalMain?(signal: number): 'terminated' | 'ignored';
  /** Process id of this shell in the container (`$$`, `ps`). */
  pid: number;
  /** Whether stdin/stdout are a terminal (`kubectl exec -t`). */
  tty: boolean;
  /** Extra ToolContext fields (set by the runtime). */
  toolExtras?: Partial<ToolContext>;
}

export class BreakSignal {
  constructor(public n: number) {}
}
export class ContinueSignal {
  constructor(public n: number) {}
}
export class ReturnSignal {
  constructor(public code: number) {}
}
export class ExitSignal {
  constructor(public code: number) {}
}

export interface IO {
  in: Input;
  out: Sink;
  err: Sink;
}

/** Counters shared by the whole invocation (all subshells). */
export class Run {
  steps = 0;
  depth = 0;
  slept = 0; // simulated ms
  /** Simulating a main process: past this much simulated time it is "still running". */
  horizon?: number;
  constructor(public host: ShellHost) {}
  step(): void {
    if (++this.steps > LIMITS.steps) throw new ShellLimit(`kubesim: stopped after ${LIMITS.steps} commands (an endless loop?); a simulated container runs a bounded amount of work per command`);
  }
  sleep(ms: number): void {
    this.slept += Math.max(0, ms);
    if (this.horizon !== undefined && this.slept > this.horizon) throw new StillRunning();
    if (this.slept > LIMITS.sleepSeconds * 1000) throw new ShellLimit(`kubesim: stopped after sleeping ${LIMITS.sleepSeconds} simulated seconds in one command`);
  }
  now(): number {
    return this.host.now() + this.slept;
  }
}

/** One shell process's state (copied for subshells). */
export class ShellState {
  vars = new Map<string, string>();
  exported = new Set<string>();
  readonly = new Set<string>();
  funcs = new Map<string, Node>();
  positional: string[] = [];
  status = 0;
  lastBg = 0;
  /** Status of the last command substitution of the current command (`x=$(false)` sets $?). */
  substStatus: number | undefined;
  opts = { errexit: false, xtrace: false, nounset: false, pipefail: false };
  /** >0 while evaluating a condition (set -e does not apply). */
  noErrexit = 0;
  locals: Map<string, string | undefined>[] = [];
  loopDepth = 0;
  line = 1;
  constructor(
    public flavour: Flavour,
    public arg0: string,
    public cwd: string,
    public interactive: boolean,
  ) {}

  clone(): ShellState {
    const s = new ShellState(this.flavour, this.arg0, this.cwd, false);
    s.vars = new Map(this.vars);
    s.exported = new Set(this.exported);
    s.readonly = new Set(this.readonly);
    s.funcs = new Map(this.funcs);
    s.positional = [...this.positional];
    s.status = this.status;
    s.opts = { ...this.opts };
    s.noErrexit = this.noErrexit;
    s.line = this.line;
    return s;
  }

  get where(): msg.Where {
    return { flavour: this.flavour, arg0: this.arg0, line: this.line, interactive: this.interactive };
  }

  get(name: string): string | undefined {
    return this.vars.get(name);
  }

  set(name: string, value: string, run?: Run): void {
    if (this.readonly.has(name)) throw new ShellError(`${msg.prefix(this.where)}${name}: is read only\n`, 2);
    void run;
    this.vars.set(name, value);
  }

  environment(extra: Record<string, string> = {}): Record<string, string> {
    const env: Record<string, string> = {};
    for (const k of this.exported) {
      const v = this.vars.get(k);
      if (v !== undefined) env[k] = v;
    }
    return { ...env, ...extra };
  }
}

/** An error the shell reports and continues from (the message is printed, status set). */
export class ShellError extends Error {
  constructor(
    public text: string,
    public code: number,
  ) {
    super(text);
  }
}

export function isPromise(v: unknown): v is Promise<unknown> {
  return !!v && typeof (v as { then?: unknown }).then === 'function';
}

// ---------------------------------------------------------------------------------------------
// Running a node

/** One pass of a loop body: its status, or what a `break`/`continue` aimed at this loop asks for. */
function* loopBody(run: Run, sh: ShellState, body: Node, io: IO): Gen<number | 'break' | 'continue'> {
  try {
    return yield* execNode(run, sh, body, io);
  } catch (e) {
    if (e instanceof BreakSignal) {
      if (e.n > 1) throw new BreakSignal(e.n - 1);
      return 'break';
    }
    if (e instanceof ContinueSignal) {
      if (e.n > 1) throw new ContinueSignal(e.n - 1);
      return 'continue';
    }
    throw e;
  }
}

export function* execNode(run: Run, sh: ShellState, node: Node, io: IO): Gen<number> {
  switch (node.t) {
    case 'list': {
      let status = sh.status;
      for (const item of node.items) {
        status = yield* execNode(run, sh, item.node, io);
        if (item.bg) {
          sh.lastBg = run.host.pid + 100 + run.steps;
          status = 0;
        }
        sh.status = status;
      }
      return status;
    }
    case 'andor': {
      sh.noErrexit++;
      let status: number;
      try {
        status = yield* execNode(run, sh, node.first, io);
      } finally {
        sh.noErrexit--;
      }
      sh.status = status;
      for (let i = 0; i < node.rest.length; i++) {
        const { op, node: next } = node.rest[i];
        if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
        const last = i === node.rest.length - 1;
        if (!last) sh.noErrexit++;
        try {
          status = yield* execNode(run, sh, next, io);
        } finally {
          if (!last) sh.noErrexit--;
        }
        sh.status = status;
      }
      return status;
    }
    case 'pipeline':
      return yield* execPipeline(run, sh, node, io);
    case 'simple':
      return yield* execSimple(run, sh, node, io);
    case 'subshell': {
      const r = yield* withRedirs(run, sh, node.redirs, io, function* (io2) {
        const child = sh.clone();
        return yield* inSubshell(run, child, node.body, io2);
      });
      return errexit(sh, r);
    }
    case 'group': {
      const r = yield* withRedirs(run, sh, node.redirs, io, (io2) => execNode(run, sh, node.body, io2));
      return r;
    }
    case 'if':
      return yield* withRedirs(run, sh, node.redirs, io, function* (io2) {
        for (const c of node.clauses) {
          sh.noErrexit++;
          let cond: number;
          try {
            cond = yield* execNode(run, sh, c.cond, io2);
          } finally {
            sh.noErrexit--;
          }
          if (cond === 0) return yield* execNode(run, sh, c.body, io2);
        }
        if (node.otherwise) return yield* execNode(run, sh, node.otherwise, io2);
        return 0;
      });
    case 'loop':
      return yield* withRedirs(run, sh, node.redirs, io, function* (io2) {
        let status = 0;
        sh.loopDepth++;
        try {
          for (;;) {
            run.step();
            sh.noErrexit++;
            let cond: number;
            try {
              cond = yield* execNode(run, sh, node.cond, io2);
            } finally {
              sh.noErrexit--;
            }
            if ((cond === 0) === node.until) break;
            const pass = yield* loopBody(run, sh, node.body, io2);
            if (pass === 'break') break;
            if (pass !== 'continue') status = pass;
          }
        } finally {
          sh.loopDepth--;
        }
        return status;
      });
    case 'for':
      return yield* withRedirs(run, sh, node.redirs, io, function* (io2) {
        const items = node.items ? yield* expandWords(run, sh, node.items, io2) : [...sh.positional];
        let status = 0;
        sh.loopDepth++;
        try {
          for (const item of items) {
            run.step();
            sh.set(node.name, item);
            const pass = yield* loopBody(run, sh, node.body, io2);
            if (pass === 'break') break;
            if (pass !== 'continue') status = pass;
          }
        } finally {
          sh.loopDepth--;
        }
        return status;
      });
    case 'case':
      return yield* withRedirs(run, sh, node.redirs, io, function* (io2) {
        const value = yield* expandString(run, sh, node.word, io2);
        for (const arm of node.arms) {
          for (const p of arm.patterns) {
            const pat = yield* expandPattern(run, sh, p, io2);
            if (matchPattern(pat, value)) return arm.body ? yield* execNode(run, sh, arm.body, io2) : 0;
          }
        }
        return 0;
      });
    case 'func':
      sh.funcs.set(node.name, node.body);
      return 0;
  }
}

function errexit(sh: ShellState, status: number): number {
  if (status !== 0 && sh.opts.errexit && sh.noErrexit === 0) throw new ExitSignal(status);
  return status;
}

export function* inSubshell(run: Run, child: ShellState, body: Node, io: IO): Gen<number> {
  if (++run.depth > LIMITS.depth) throw new ShellLimit(`kubesim: stopped: more than ${LIMITS.depth} nested subshells or function calls (a fork bomb?)`);
  try {
    return yield* execNode(run, child, body, io);
  } catch (e) {
    if (e instanceof ExitSignal) return e.code;
    if (e instanceof ReturnSignal) return e.code;
    if (e instanceof BreakSignal || e instanceof ContinueSignal) return 0;
    throw e;
  } finally {
    run.depth--;
  }
}

function* execPipeline(run: Run, sh: ShellState, node: Extract<Node, { t: 'pipeline' }>, io: IO): Gen<number> {
  let input = io.in;
  const statuses: number[] = [];
  for (let i = 0; i < node.cmds.length; i++) {
    const last = i === node.cmds.length - 1;
    const out = last ? io.out : new Sink('pipe', LIMITS.pipe);
    const stageIO: IO = { in: input, out, err: io.err };
    let status: number;
    try {
      if (node.cmds.length > 1) {
        const child = sh.clone();
        status = yield* inSubshell(run, child, node.cmds[i], stageIO);
      } else {
        sh.noErrexit += node.bang ? 1 : 0;
        try {
          status = yield* execNode(run, sh, node.cmds[i], stageIO);
        } finally {
          sh.noErrexit -= node.bang ? 1 : 0;
        }
      }
    } catch (e) {
      if (e instanceof PipeClosed) status = 141;
      else throw e;
    }
    statuses.push(status);
    if (!last) input = new Input(out.text());
  }
  let status = statuses[statuses.length - 1];
  if (sh.opts.pipefail) status = [...statuses].reverse().find((s) => s !== 0) ?? 0;
  if (node.bang) return status === 0 ? 1 : 0;
  return errexit(sh, status);
}

// ---------------------------------------------------------------------------------------------
// Simple commands

function* execSimple(run: Run, sh: ShellState, node: Extract<Node, { t: 'simple' }>, io: IO): Gen<number> {
  run.step();
  sh.line = node.line;
  let argv: string[];
  sh.substStatus = undefined;
  try {
    argv = yield* expandWords(run, sh, node.words, io);
  } catch (e) {
    if (e instanceof ShellError) {
      io.err.write(e.text);
      if (!sh.interactive && e.code === 2) throw new ExitSignal(e.code);
      return e.code;
    }
    throw e;
  }
  const assigns: [string, string][] = [];
  for (const a of node.assigns) {
    const v = yield* expandString(run, sh, a.value, io);
    assigns.push([a.name, a.append ? (sh.get(a.name) ?? '') + v : v]);
  }
  const cmdSubstStatus = sh.substStatus;
  if (!argv.length) {
    for (const [k, v] of assigns) {
      try {
        sh.set(k, v);
      } catch (e) {
        if (e instanceof ShellError) {
          io.err.write(e.text);
          return e.code;
        }
        throw e;
      }
    }
    const r = yield* withRedirs(run, sh, node.redirs, io, function* () {
      return 0;
    });
    return r !== 0 ? r : (cmdSubstStatus ?? 0);
  }
  if (sh.opts.xtrace) io.err.write(`+ ${[...assigns.map(([k, v]) => `${k}=${v}`), ...argv].join(' ')}\n`);
  const status = yield* withRedirs(run, sh, node.redirs, io, (io2) => invoke(run, sh, argv, assigns, io2));
  return errexit(sh, status);
}

/** Run argv: function, builtin, tool from the image, or a script file. */
export function* invoke(run: Run, sh: ShellState, argv: string[], assigns: [string, string][], io: IO): Gen<number> {
  const name = argv[0];
  const fn = sh.funcs.get(name);
  if (fn) {
    if (++run.depth > LIMITS.depth) throw new ShellLimit(`kubesim: stopped: more than ${LIMITS.depth} nested function calls (a fork bomb?)`);
    const saved = sh.positional;
    const savedVars = assigns.map(([k]) => [k, sh.get(k)] as const);
    for (const [k, v] of assigns) sh.set(k, v);
    sh.positional = argv.slice(1);
    sh.locals.push(new Map());
    try {
      return yield* execNode(run, sh, fn, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.code;
      throw e;
    } finally {
      const frame = sh.locals.pop()!;
      for (const [k, v] of frame) {
        if (v === undefined) sh.vars.delete(k);
        else sh.vars.set(k, v);
      }
      sh.positional = saved;
      for (const [k, v] of savedVars) {
        if (v === undefined) sh.vars.delete(k);
        else sh.vars.set(k, v);
      }
      run.depth--;
    }
  }
  if (BUILTINS.has(name)) {
    const special = ['export', 'readonly', 'unset', 'set', 'shift', 'exec', 'eval', '.', 'source', 'local', 'read', 'cd'].includes(name);
    const saved = special ? [] : assigns.map(([k]) => [k, sh.get(k)] as const);
    for (const [k, v] of assigns) sh.set(k, v);
    try {
      return yield* runBuiltin(run, sh, argv, io);
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) sh.vars.delete(k);
        else sh.vars.set(k, v);
      }
    }
  }
  return yield* runExternal(run, sh, argv, Object.fromEntries(assigns), io);
}

/** A command that is not a function or builtin: a tool of the image, or a script file. */
export function* runExternal(run: Run, sh: ShellState, argv: string[], extraEnv: Record<string, string>, io: IO): Gen<number> {
  const name = argv[0];
  const host = run.host;
  const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  let tool: Tool | undefined;
  if (!name.includes('/')) tool = host.tool(name);
  else {
    const abs = resolvePath(sh.cwd, name);
    if (host.fs.exists(abs) && !host.fs.isDir(abs)) {
      return yield* runScriptFile(run, sh, abs, argv, extraEnv, io);
    }
    const t = host.tool(base);
    if (t && host.toolPath(base) && /^\/(usr\/)?(local\/)?s?bin\//.test(abs)) tool = t;
    if (!tool) {
      if (host.fs.isDir(abs)) {
        io.err.write(sh.flavour === 'bash' ? `${msg.prefix(sh.where)}${name}: Is a directory\n` : msg.permissionDenied(sh.where, name));
        return 126;
      }
      io.err.write(sh.flavour === 'bash' ? msg.noSuchFile(sh.where, name) : msg.notFound(sh.where, name));
      return 127;
    }
  }
  if (!tool) {
    io.err.write(msg.notFound(sh.where, name));
    return 127;
  }
  return yield* callTool(run, sh, tool, argv, extraEnv, io);
}

export function* callTool(run: Run, sh: ShellState, tool: Tool, argv: string[], extraEnv: Record<string, string>, io: IO): Gen<number> {
  const host = run.host;
  const ctx: ToolContext = {
    ...(host.toolExtras ?? {}),
    argv,
    get stdin() {
      return io.in.readAll();
    },
    env: sh.environment(extraEnv),
    cwd: sh.cwd,
    fs: host.fs,
    self: host.self,
    stdout: (s) => io.out.write(s),
    stderr: (s) => io.err.write(s),
    trace: (l) => host.trace(l),
    sleep: (ms) => run.sleep(ms),
    now: () => run.now(),
    tty: host.tty,
  } as ToolContext;
  const r = tool(ctx);
  const code = isPromise(r) ? ((yield r) as number) : r;
  return typeof code === 'number' ? code : 0;
}

function* runScriptFile(run: Run, sh: ShellState, path: string, argv: string[], extraEnv: Record<string, string>, io: IO): Gen<number> {
  const text = run.host.fs.read(path) ?? '';
  const first = text.split('\n', 1)[0];
  const interp = first.startsWith('#!') ? first.slice(2).trim().split(/\s+/)[0] : '';
  const shellName = interp ? interp.slice(interp.lastIndexOf('/') + 1) : 'sh';
  if (interp && !['sh', 'ash', 'bash', 'dash'].includes(shellName)) {
    const tool = run.host.tool(shellName);
    if (!tool) {
      io.err.write(msg.notFound(sh.where, argv[0]));
      return 127;
    }
    return yield* callTool(run, sh, tool, [shellName, path, ...argv.slice(1)], extraEnv, io);
  }
  const child = new ShellState(shellName === 'bash' && run.host.tool('bash') ? 'bash' : sh.flavour === 'bash' ? (run.host.tool('dash') ? 'dash' : 'ash') : sh.flavour, argv[0], sh.cwd, false);
  for (const k of sh.exported) {
    const v = sh.get(k);
    if (v !== undefined) {
      child.vars.set(k, v);
      child.exported.add(k);
    }
  }
  for (const [k, v] of Object.entries(extraEnv)) {
    child.vars.set(k, v);
    child.exported.add(k);
  }
  child.positional = argv.slice(1);
  return yield* runSource(run, child, text, io);
}

/** Parse and run a script in `sh` (syntax errors reported the shell's way, status 2). */
export function* runSource(run: Run, sh: ShellState, text: string, io: IO): Gen<number> {
  let tree: Node;
  try {
    tree = parseScript(text);
  } catch (e) {
    if (e instanceof ShellSyntaxError) {
      sh.line = e.line;
      if (e.message.includes('bad substitution') || e.message.includes('too long') || e.message.includes('too deep')) io.err.write(msg.badSubstitution(sh.where, e.message));
      else io.err.write(msg.syntaxError(sh.where, e.token === 'newline' ? 'newline' : e.token, e.token === 'end of file' || e.message.includes('end of file') || e.message.includes('unterminated')));
      return 2;
    }
    throw e;
  }
  return yield* inSubshellSameState(run, sh, tree, io);
}

/**
 * `sh` reading its script from stdin (`kubectl exec -i POD -- sh < script`): like a real shell it
 * reads one complete command at a time and runs it before reading on, so a program it starts
 * that reads stdin (mysql, cat, redis-cli) gets the lines that follow, not the shell.
 */
export function* runStdinScript(run: Run, sh: ShellState, io: IO): Gen<number> {
  let status = 0;
  let pending = '';
  for (;;) {
    const line = io.in.readLine();
    if (line === undefined && !pending) return status;
    if (line !== undefined) {
      pending += `${line}\n`;
      if (needsMore(pending)) continue;
    }
    const text = pending;
    pending = '';
    let tree: Node;
    try {
      tree = parseScript(text);
    } catch (e) {
      if (e instanceof ShellSyntaxError) return yield* runSource(run, sh, text, io); // reports it: status 2
      throw e;
    }
    if (++run.depth > LIMITS.depth) throw new ShellLimit(`kubesim: stopped: more than ${LIMITS.depth} nested shells (a fork bomb?)`);
    try {
      status = yield* execNode(run, sh, tree, io);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      if (e instanceof ReturnSignal) status = e.code;
      else if (!(e instanceof BreakSignal || e instanceof ContinueSignal)) throw e;
    } finally {
      run.depth--;
    }
    if (line === undefined) return status;
  }
}

/** Whether a script so far ends inside a command (an open quote, `if` without `fi`, a trailing `|`). */
function needsMore(text: string): boolean {
  try {
    parseScript(text);
    return false;
  } catch (e) {
    return e instanceof ShellSyntaxError && (e.token === 'end of file' || /end of file|unterminated/.test(e.message));
  }
}

function* inSubshellSameState(run: Run, sh: ShellState, tree: Node, io: IO): Gen<number> {
  if (++run.depth > LIMITS.depth) throw new ShellLimit(`kubesim: stopped: more than ${LIMITS.depth} nested shells (a fork bomb?)`);
  try {
    return yield* execNode(run, sh, tree, io);
  } catch (e) {
    if (e instanceof ExitSignal) return e.code;
    if (e instanceof ReturnSignal) return e.code;
    if (e instanceof BreakSignal || e instanceof ContinueSignal) return 0;
    throw e;
  } finally {
    run.depth--;
  }
}

// ---------------------------------------------------------------------------------------------
// Redirections

type Body = (io: IO) => Gen<number>;

export function* withRedirs(run: Run, sh: ShellState, redirs: Redir[], io: IO, body: Body): Gen<number> {
  if (!redirs.length) return yield* body(io);
  const fds: (Sink | Input)[] = [io.in, io.out, io.err];
  const files: { path: string; sink: Sink; append: boolean }[] = [];
  const fs = run.host.fs;
  for (const r of redirs) {
    let target: string;
    if (r.heredoc) {
      const text = r.heredoc.expand ? yield* expandString(run, sh, parseDoubleQuotedText(r.heredoc.body), io) : r.heredoc.body;
      fds[r.fd] = new Input(text);
      continue;
    }
    try {
      target = yield* expandString(run, sh, r.target, io);
    } catch (e) {
      if (e instanceof ShellError) {
        io.err.write(e.text);
        return e.code;
      }
      throw e;
    }
    if (r.op === '<<<') {
      fds[r.fd] = new Input(target + '\n');
      continue;
    }
    if (r.op === '>&' || r.op === '<&') {
      if (target === '-') {
        fds[r.fd] = r.op === '<&' ? new Input('') : nullSink();
        continue;
      }
      if (/^\d+$/.test(target)) {
        const src = fds[Number(target)];
        if (!src) {
          io.err.write(`${msg.prefix(sh.where)}${target}: bad file descriptor\n`);
          return 1;
        }
        fds[r.fd] = src;
        continue;
      }
      // `>& file` (bash): stdout and stderr to a file.
    }
    const path = resolvePath(sh.cwd, target);
    if (r.op === '<' || r.op === '<&') {
      if (path === '/dev/null') {
        fds[r.fd] = new Input('');
        continue;
      }
      if (path === '/dev/stdin') continue;
      if (fs.isDir(path)) {
        fds[r.fd] = new Input('');
        continue;
      }
      const data = fs.read(path);
      if (data === undefined) {
        io.err.write(msg.cantOpen(sh.where, target));
        return 1;
      }
      fds[r.fd] = new Input(data);
      continue;
    }
    // Output redirections.
    let sink: Sink;
    if (path === '/dev/null') sink = nullSink();
    else if (path === '/dev/stdout') sink = fds[1] as Sink;
    else if (path === '/dev/stderr') sink = fds[2] as Sink;
    else if (path === '/dev/tty' || path === '/dev/console') sink = io.out;
    else {
      const problem = fs.isDir(path) ? 'EISDIR' : !fs.isDir(parentOf(path)) ? (fs.exists(parentOf(path)) ? 'ENOTDIR' : 'ENOENT') : undefined;
      if (problem) {
        io.err.write(msg.cantCreate(sh.where, target, problem));
        return sh.flavour === 'bash' ? 1 : 2;
      }
      const append = r.op === '>>' || r.op === '&>>';
      try {
        if (!append || !fs.exists(path)) fs.write(path, '');
      } catch (e) {
        const code = (e as { code?: string }).code;
        io.err.write(msg.cantCreate(sh.where, target, code === 'EROFS' ? 'EROFS' : code === 'ENOSPC' ? 'ENOSPC' : 'ENOENT'));
        return sh.flavour === 'bash' ? 1 : 2;
      }
      sink = new Sink('file', LIMITS.stdout, `output to ${target}`);
      files.push({ path, sink, append: true });
    }
    if (r.op === '&>' || r.op === '&>>' || (r.op === '>&' && !/^\d+$/.test(target))) {
      fds[1] = sink;
      fds[2] = sink;
    } else fds[r.fd] = sink;
  }
  const io2: IO = { in: fds[0] instanceof Input ? fds[0] : io.in, out: fds[1] instanceof Sink ? fds[1] : io.out, err: fds[2] instanceof Sink ? fds[2] : io.err };
  try {
    return yield* body(io2);
  } finally {
    for (const f of files) {
      const text = f.sink.text();
      if (!text) continue;
      try {
        fs.write(f.path, text, f.append);
      } catch (e) {
        const code = (e as { code?: string }).code;
        io.err.write(`${msg.prefix(sh.where)}write error: ${code === 'ENOSPC' ? 'No space left on device' : code === 'EROFS' ? 'Read-only file system' : 'I/O error'}\n`);
      }
    }
  }
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

// ---------------------------------------------------------------------------------------------
// Expansion

interface Field {
  s: string;
  pat: string;
  glob: boolean;
  quoted: boolean;
}

/** Expand words into fields: parameters, command substitution, arithmetic, splitting, globbing. */
export function* expandWords(run: Run, sh: ShellState, words: Word[], io: IO): Gen<string[]> {
  const out: string[] = [];
  for (const w of words) {
    const fields = yield* expandWord(run, sh, w, io, true);
    for (const f of fields) {
      if (f.glob && hasGlob(f.pat)) {
        const matches = glob(run.host.fs, sh.cwd, f.pat);
        if (matches.length) {
          out.push(...matches);
          continue;
        }
      }
      out.push(f.s);
    }
  }
  return out;
}

/** Expand a word into one string (assignments, redirection targets, case words). */
export function* expandString(run: Run, sh: ShellState, w: Word, io: IO): Gen<string> {
  const fields = yield* expandWord(run, sh, w, io, false);
  return fields.map((f) => f.s).join(' ');
}

/** Expand a word as a pattern (case arms): quoted parts are literal. */
function* expandPattern(run: Run, sh: ShellState, w: Word, io: IO): Gen<string> {
  const fields = yield* expandWord(run, sh, w, io, false);
  return fields.map((f) => f.pat).join(' ');
}

function* expandWord(run: Run, sh: ShellState, w: Word, io: IO, split: boolean): Gen<Field[]> {
  const fields: Field[] = [];
  let cur: Field | undefined;
  const add = (s: string, quoted: boolean) => {
    cur ??= { s: '', pat: '', glob: false, quoted: false };
    cur.s += s;
    if (quoted) {
      cur.pat += escapeGlob(s);
      cur.quoted = true;
    } else {
      cur.pat += s;
      if (/[*?[]/.test(s)) cur.glob = true;
    }
  };
  const finish = () => {
    if (cur && (cur.s !== '' || cur.quoted)) fields.push(cur);
    cur = undefined;
  };
  const addSplit = (s: string) => {
    if (!split) {
      add(s, false);
      return;
    }
    const ifs = sh.get('IFS') ?? ' \t\n';
    if (ifs === '') {
      add(s, false);
      return;
    }
    const ws = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
    const other = [...ifs].filter((c) => !' \t\n'.includes(c)).join('');
    const re = new RegExp(`[${escapeClass(ws)}]*[${escapeClass(other)}][${escapeClass(ws)}]*|[${escapeClass(ws)}]+`);
    const pieces = other || ws ? s.split(re) : [s];
    pieces.forEach((piece, i) => {
      if (i > 0) finish();
      if (piece) add(piece, false);
    });
  };

  for (const part of w) {
    switch (part.t) {
      case 'lit':
        add(part.v, part.q);
        break;
      case 'tilde': {
        const home = part.user ? (part.user === 'root' ? '/root' : `/home/${part.user}`) : (sh.get('HOME') ?? '/root');
        add(home, true);
        break;
      }
      case 'param': {
        if (part.q && (part.name === '@' || part.name === '*') && !part.op && !part.length) {
          if (part.name === '@') {
            sh.positional.forEach((p, i) => {
              if (i > 0) finish();
              add(p, true);
            });
            if (!sh.positional.length && cur === undefined) {
              // "$@" with no parameters expands to nothing.
            }
          } else add(sh.positional.join((sh.get('IFS') ?? ' ')[0] ?? ''), true);
          break;
        }
        const v = yield* paramValue(run, sh, part, io);
        if (v === undefined) break;
        if (part.q) add(v, true);
        else addSplit(v);
        break;
      }
      case 'cmd': {
        const text = yield* commandSubstitution(run, sh, part.body, io);
        if (part.q) add(text, true);
        else addSplit(text);
        break;
      }
      case 'arith': {
        const v = arith(run, sh, part.expr);
        if (part.q) add(String(v), true);
        else addSplit(String(v));
        break;
      }
    }
  }
  finish();
  return fields;
}

function escapeClass(s: string): string {
  return s.replace(/[\]\\^-]/g, '\\$&').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

export function arith(run: Run, sh: ShellState, expr: string): number {
  // Parameter expansions inside the expression first ($x, ${x}); bare names are looked up by the evaluator.
  const text = expr.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*|[0-9#?$])\}?/g, (_m, name: string) => specialOrVar(run, sh, name) ?? '0');
  try {
    return evalArith(text, { get: (n) => sh.get(n), set: (n, v) => sh.set(n, v) });
  } catch (e) {
    if (e instanceof ArithError) {
      throw new ShellError(`${msg.prefix(sh.where)}${sh.flavour === 'ash' ? 'arithmetic syntax error' : e.message}\n`, 2);
    }
    throw e;
  }
}

function specialOrVar(run: Run, sh: ShellState, name: string): string | undefined {
  switch (name) {
    case '?':
      return String(sh.status);
    case '#':
      return String(sh.positional.length);
    case '$':
      return String(run.host.pid);
    case '!':
      return sh.lastBg ? String(sh.lastBg) : '';
    case '-':
      return (sh.opts.errexit ? 'e' : '') + (sh.opts.xtrace ? 'x' : '') + (sh.interactive ? 'i' : '');
    case '0':
      return sh.arg0;
    case '@':
    case '*':
      return sh.positional.join(' ');
  }
  if (/^\d+$/.test(name)) return sh.positional[Number(name) - 1];
  return sh.get(name);
}

function* paramValue(run: Run, sh: ShellState, part: Extract<Word[number], { t: 'param' }>, io: IO): Gen<string | undefined> {
  const value = specialOrVar(run, sh, part.name);
  if (part.length) return String((value ?? '').length);
  if (!part.op) return value;
  const op = part.op;
  const argText = () => expandString(run, sh, part.arg ?? [], io);
  const unsetOrEmpty = op.startsWith(':') ? value === undefined || value === '' : value === undefined;
  switch (op) {
    case ':-':
    case '-':
      return unsetOrEmpty ? yield* argText() : value;
    case ':=':
    case '=':
      if (unsetOrEmpty) {
        const v = yield* argText();
        sh.set(part.name, v);
        return v;
      }
      return value;
    case ':+':
    case '+':
      return unsetOrEmpty ? '' : yield* argText();
    case ':?':
    case '?': {
      if (!unsetOrEmpty) return value;
      const m = yield* argText();
      throw new ShellError(`${msg.prefix(sh.where)}${part.name}: ${m || (op === ':?' ? 'parameter null or not set' : 'parameter not set')}\n`, 2);
    }
    case '#':
    case '##':
    case '%':
    case '%%': {
      const pat = yield* expandPattern(run, sh, part.arg ?? [], io);
      return removePattern(value ?? '', pat, op);
    }
    case '/':
    case '//': {
      const raw = yield* expandPattern(run, sh, part.arg ?? [], io);
      const slash = findUnescaped(raw, '/');
      const pat = slash < 0 ? raw : raw.slice(0, slash);
      const rep = slash < 0 ? '' : raw.slice(slash + 1).replace(/\\(.)/g, '$1');
      return replacePattern(value ?? '', pat, rep, op === '//');
    }
    case ':': {
      const spec = yield* argText();
      const [offS, lenS] = spec.split(':');
      const v = value ?? '';
      let off = arith(run, sh, offS || '0');
      if (off < 0) off = Math.max(0, v.length + off);
      if (lenS === undefined) return v.slice(off);
      let len = arith(run, sh, lenS);
      if (len < 0) len = Math.max(0, v.length - off + len);
      return v.slice(off, off + len);
    }
  }
  return value;
}

function findUnescaped(s: string, c: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === c) return i;
  }
  return -1;
}

function* commandSubstitution(run: Run, sh: ShellState, body: Node, io: IO): Gen<string> {
  const child = sh.clone();
  const out = new Sink('capture', LIMITS.stdout, 'command substitution output');
  const status = yield* inSubshell(run, child, body, { in: new Input(''), out, err: io.err });
  sh.substStatus = status;
  return out.text().replace(/\n+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Pathname expansion against the simulated filesystem

export function glob(fs: SimFs, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let bases: string[] = [absolute ? '/' : ''];
  const start = absolute ? 1 : 0;
  for (let i = start; i < segs.length; i++) {
    const seg = segs[i];
    const next: string[] = [];
    for (const b of bases) {
      const dir = b === '' ? cwd : b;
      if (!hasGlob(seg)) {
        const lit = seg.replace(/\\(.)/g, '$1');
        const p = joinPath(b, lit);
        if (fs.exists(resolvePath(cwd, p))) next.push(p);
        continue;
      }
      const entries = fs.list(resolvePath(cwd, dir)) ?? [];
      const re = new RegExp(`^${patternSource(seg)}$`);
      for (const e of entries.sort()) {
        if (e.startsWith('.') && !seg.startsWith('.')) continue;
        if (re.test(e)) next.push(joinPath(b, e));
      }
    }
    bases = next;
    if (!bases.length) break;
  }
  return bases.filter((b) => b !== '' && b !== '/').sort();
}

function joinPath(base: string, name: string): string {
  if (base === '') return name;
  if (base.endsWith('/')) return base + name;
  return `${base}/${name}`;
}

export { msg };
