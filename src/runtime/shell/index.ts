// Running commands in a simulated container: `runShell(handle, argv, io)` is what `kubectl exec`
// does with its command (a shell with -c or a script on stdin, or a program run directly), and
// `InteractiveShell` is `exec -it … -- sh` (a prompt, one line at a time). Everything runs in the
// simulated shell over the pod's simulated filesystem and network; nothing reaches the host.
import type { ContainerHandle, Tool, ToolContext } from '../types.js';
import { containerEnv, containerFs, containerRuntime, setBinaryPaths, workingDir } from '../container.js';
import { podHostname } from '../../network/dns.js';
import { Input, LIMITS, ShellLimit, Sink, StillRunning } from './io.js';
import { ExitSignal, Run, ShellState, callTool, execNode, isPromise, runSource, runStdinScript, type Gen, type IO, type ShellHost } from './interp.js';
import { parseScript } from './parser.js';
import { ShellSyntaxError } from './ast.js';
import { BUILTINS, runBuiltin } from './builtins.js';
import { availableTools, isBuiltinProgram, toolFor } from './tools/index.js';
import { installedTools } from './tools/pkg.js';
import * as msg from './messages.js';
import type { Flavour } from './messages.js';
import { signalMain } from '../lifecycle.js';

setBinaryPaths((h) => Object.fromEntries([...availableTools(h)].map(([name, path]) => [name, path])));

export interface ShellIO {
  stdin: string;
  trace?: (line: string) => void;
  /** stdout is a terminal (`exec -t`). */
  tty?: boolean;
  /** Streamed output (interactive sessions print as commands write). */
  onStdout?: (s: string) => void;
  onStderr?: (s: string) => void;
  /** Interactive input for tools with their own prompt (mysql, redis-cli). */
  readLine?: (prompt: string) => Promise<string | undefined>;
}

export interface ShellResult {
  stdout: string;
  stderr: string;
  code: number;
  /** The runtime could not start the command at all (kubectl prints it as an error, exit 1). */
  execError?: string;
}

const SHELL_NAMES = new Set(['sh', 'ash', 'bash', 'dash']);

function baseName(s: string): string {
  return s.slice(s.lastIndexOf('/') + 1);
}

/** Which shell a name starts in this image (busybox ash, dash or bash), if it has one. */
export function shellFlavour(h: ContainerHandle, name: string, avail: Map<string, string>): Flavour | undefined {
  const b = baseName(name);
  if (!SHELL_NAMES.has(b) || !avail.has(b)) return undefined;
  if (b === 'bash') return 'bash';
  if (h.image.shell === 'bash-debian') return 'dash';
  return 'ash';
}

let pidCounter = 0;

function makeHost(h: ContainerHandle, io: ShellIO, avail: Map<string, string>): ShellHost {
  const rec = containerRuntime(h);
  const execs = ((rec.mem.__execs as number | undefined) ?? 0) + 1;
  rec.mem.__execs = execs;
  const pid = 7 + ((execs * 13 + pidCounter++) % 200);
  const fs = containerFs(h);
  // A package installed during this command (apk add curl && curl …) is found on the next lookup.
  const has = (name: string) => {
    if (avail.has(name)) return true;
    for (const [k, v] of availableTools(h, installedTools({ self: h }))) if (!avail.has(k)) avail.set(k, v);
    return avail.has(name);
  };
  return {
    self: h,
    fs,
    tool: (name) => (has(name) && !BUILTINS.has(name) ? toolFor(name) : undefined),
    toolPath: (name) => (has(name) ? avail.get(name) : undefined),
    now: () => h.cluster.now,
    trace: io.trace ?? (() => undefined),
    signalMain: (sig) => signalMain(h, sig),
    pid,
    tty: !!io.tty,
    toolExtras: {
      tty: !!io.tty,
      ...(io.readLine ? { readLine: io.readLine } : {}),
      shellPid: pid,
    } as Partial<ToolContext>,
  };
}

function newState(h: ContainerHandle, flavour: Flavour, arg0: string, interactive: boolean, shell: boolean): ShellState {
  const sh = new ShellState(flavour, arg0, workingDir(h), interactive);
  for (const [k, v] of Object.entries(containerEnv(h))) {
    sh.vars.set(k, v);
    sh.exported.add(k);
  }
  if (shell) {
    sh.vars.set('PWD', sh.cwd);
    sh.exported.add('PWD');
    sh.vars.set('SHLVL', '1');
    sh.exported.add('SHLVL');
    if (flavour === 'bash') {
      sh.vars.set('BASH', '/bin/bash');
      sh.vars.set('BASH_VERSION', '5.2.15(1)-release');
    }
  }
  if (!sh.vars.has('IFS')) sh.vars.set('IFS', ' \t\n');
  return sh;
}

function execNotFound(name: string): string {
  return name.includes('/')
    ? `exec: "${name}": stat ${name}: no such file or directory`
    : `exec: "${name}": executable file not found in $PATH`;
}

/** The generator behind runShell: a shell invocation or a program run directly. */
function* execArgv(run: Run, h: ContainerHandle, argv: string[], io: IO, avail: Map<string, string>): Gen<{ code: number; execError?: string }> {
  const name = argv[0] ?? '';
  const b = baseName(name);
  const flavour = shellFlavour(h, name, avail);
  if (flavour) {
    return { code: yield* shellInvocation(run, h, flavour, argv, io) };
  }
  const pathOk = !name.includes('/') || avail.get(b) === name || /^\/(usr\/)?(local\/)?s?bin\//.test(name);
  if (avail.has(b) && pathOk && (BUILTINS.has(b) || isBuiltinProgram(b))) {
    const sh = newState(h, 'ash', b, false, false);
    return { code: yield* runBuiltinProgram(run, sh, [b, ...argv.slice(1)], io) };
  }
  const tool: Tool | undefined = avail.has(b) && pathOk ? toolFor(b) : undefined;
  if (tool) {
    const sh = newState(h, 'ash', b, false, false);
    return { code: yield* callTool(run, sh, tool, argv, {}, io) };
  }
  if (name.includes('/') && run.host.fs.exists(name) && !run.host.fs.isDir(name)) {
    const st = run.host.fs.stat?.(name);
    if (!st?.exec) return { code: 126, execError: `exec: "${name}": permission denied` };
    const text = run.host.fs.read(name) ?? '';
    const sh = newState(h, h.image.shell === 'bash-debian' ? 'dash' : 'ash', name, false, true);
    sh.positional = argv.slice(1);
    if (!text.startsWith('#!')) return { code: 1, execError: `exec: "${name}": exec format error` };
    return { code: yield* runSource(run, sh, text, io) };
  }
  return { code: 127, execError: execNotFound(name) };
}

function* runBuiltinProgram(run: Run, sh: ShellState, argv: string[], io: IO): Gen<number> {
  try {
    return yield* runBuiltin(run, sh, argv, io);
  } catch (e) {
    if (e instanceof ExitSignal) return e.code;
    throw e;
  }
}

/** `sh [-eux] -c SCRIPT [NAME [ARG…]]`, `sh SCRIPT [ARG…]`, or `sh` reading its script from stdin. */
function* shellInvocation(run: Run, h: ContainerHandle, flavour: Flavour, argv: string[], io: IO): Gen<number> {
  const arg0 = argv[0];
  let i = 1;
  let script: string | undefined;
  const opts = { errexit: false, xtrace: false };
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-c') {
      script = argv[++i];
      if (script === undefined) {
        io.err.write(flavour === 'bash' ? `${arg0}: -c: option requires an argument\n` : `${arg0}: -c requires an argument\n`);
        return 2;
      }
      i++;
      break;
    }
    if (/^-[a-z]+$/.test(a)) {
      if (a.includes('c')) {
        script = argv[++i];
        i++;
        if (a.includes('e')) opts.errexit = true;
        if (a.includes('x')) opts.xtrace = true;
        break;
      }
      if (a.includes('e')) opts.errexit = true;
      if (a.includes('x')) opts.xtrace = true;
      continue;
    }
    if (/^--(login|norc|noprofile)$/.test(a)) continue;
    break;
  }
  let sh: ShellState;
  if (script !== undefined) {
    sh = newState(h, flavour, argv[i] ?? arg0, false, true);
    sh.positional = argv.slice(i + 1);
  } else if (i < argv.length) {
    const file = argv[i];
    const path = file.startsWith('/') ? file : `${workingDir(h).replace(/\/$/, '')}/${file}`;
    const text = run.host.fs.read(path);
    if (text === undefined) {
      io.err.write(flavour === 'bash' ? `${arg0}: ${file}: No such file or directory\n` : flavour === 'dash' ? `${arg0}: 0: cannot open ${file}: No such file\n` : `${arg0}: can't open '${file}': No such file or directory\n`);
      return 127;
    }
    sh = newState(h, flavour, file, false, true);
    sh.positional = argv.slice(i + 1);
    script = text;
  } else {
    sh = newState(h, flavour, arg0, false, true);
  }
  sh.opts.errexit = opts.errexit;
  sh.opts.xtrace = opts.xtrace;
  if (!run.host.toolExtras) run.host.toolExtras = {};
  (run.host.toolExtras as Partial<ToolContext>).shellCommand = argv.join(' ').slice(0, 200);
  if (script === undefined) return yield* runStdinScript(run, sh, io);
  return yield* runSource(run, sh, script, io);
}

function finish(out: Sink, err: Sink, code: number, execError?: string): ShellResult {
  return { stdout: out.text(), stderr: err.text(), code, ...(execError ? { execError } : {}) };
}

function streams(io: ShellIO): { out: Sink; err: Sink; input: Input } {
  return {
    out: new Sink('root', LIMITS.stdout, 'output', io.onStdout),
    err: new Sink('root', LIMITS.stderr, 'error output', io.onStderr),
    input: new Input(io.stdin),
  };
}

function limitNote(err: Sink, e: ShellLimit): void {
  try {
    err.write(`${e.note}\n`);
  } catch {
    // stderr itself is full
  }
}

/** Run `argv` in the container (what `kubectl exec POD -- ARGV…` runs). */
export async function runShell(h: ContainerHandle, argv: string[], io: ShellIO): Promise<ShellResult> {
  const avail = availableTools(h, installedTools({ self: h }));
  const host = makeHost(h, io, avail);
  const run = new Run(host);
  const { out, err, input } = streams(io);
  const gen = execArgv(run, h, argv, { in: input, out, err }, avail);
  try {
    let step = gen.next();
    while (!step.done) {
      let value: unknown;
      let failed: unknown;
      try {
        value = await step.value;
      } catch (e) {
        failed = e ?? new Error('tool failed');
      }
      step = failed !== undefined ? gen.throw(failed) : gen.next(value);
    }
    return finish(out, err, step.value.code, step.value.execError);
  } catch (e) {
    if (e instanceof ShellLimit) {
      limitNote(err, e);
      return finish(out, err, 137);
    }
    throw e;
  }
}

export interface SyncOptions extends ShellIO {
  /** Simulate a main process: the clock starts at `start`; past `horizonMs` it is still running. */
  main?: { start: number; horizonMs: number };
}

export interface SyncResult extends ShellResult {
  /** Output lines with the simulated time (ms after the start) they were written at. */
  lines?: [number, string][];
  /** The main process was still running at the horizon (or stopped at a limit). */
  stillRunning?: boolean;
  /** Simulated ms the process ran before it exited. */
  ranMs?: number;
}

/**
 * Run `argv` synchronously (exec probes, main processes and init containers inside the
 * kubelet's reconcile). Returns undefined when a tool needed to wait (an async network tool).
 */
export function runShellSync(h: ContainerHandle, argv: string[], io: SyncOptions): SyncResult | undefined {
  const avail = availableTools(h, installedTools({ self: h }));
  const host = makeHost(h, io, avail);
  const run = new Run(host);
  const lines: [number, string][] = [];
  let partial = '';
  let onStdout = io.onStdout;
  if (io.main) {
    const start = io.main.start;
    host.now = () => start;
    run.horizon = io.main.horizonMs;
    onStdout = (s) => {
      partial += s;
      let nl: number;
      while ((nl = partial.indexOf('\n')) >= 0) {
        if (lines.length < 2000) lines.push([run.slept, partial.slice(0, nl)]);
        partial = partial.slice(nl + 1);
      }
    };
  }
  const { out, err, input } = streams({ ...io, onStdout, onStderr: io.main ? onStdout : io.onStderr });
  const gen = execArgv(run, h, argv, { in: input, out, err }, avail);
  const extra = () => {
    if (partial && lines.length < 2000) lines.push([run.slept, partial]);
    return io.main ? { lines, ranMs: run.slept } : {};
  };
  try {
    const step = gen.next();
    if (!step.done) {
      (step.value as Promise<unknown>).catch(() => undefined);
      try {
        gen.return({ code: 0 });
      } catch {
        // a finally block that needs the tool's result
      }
      return undefined;
    }
    return { ...finish(out, err, step.value.code, step.value.execError), ...extra() };
  } catch (e) {
    if (e instanceof StillRunning) return { ...finish(out, err, 0), ...extra(), stillRunning: true };
    if (e instanceof ShellLimit) {
      if (io.main) return { ...finish(out, err, 0), ...extra(), stillRunning: true };
      limitNote(err, e);
      return finish(out, err, 137);
    }
    throw e;
  }
}

/** Drive a generator to completion (async tools awaited). */
export async function drive<T>(gen: Gen<T>): Promise<T> {
  let step = gen.next();
  while (!step.done) {
    let value: unknown;
    let failed: unknown;
    try {
      value = isPromise(step.value) ? await step.value : step.value;
    } catch (e) {
      failed = e ?? new Error('tool failed');
    }
    step = failed !== undefined ? gen.throw(failed) : gen.next(value);
  }
  return step.value;
}

// ---------------------------------------------------------------------------------------------
// Interactive shells (exec -it … -- sh)

export interface LineResult {
  stdout: string;
  stderr: string;
  /** The shell ended (`exit`, or the container went away) with this status. */
  exited?: number;
  /** More input is needed to finish the command (an open if/while/quote): show PS2. */
  continuation?: boolean;
}

/** A shell session kept across lines; each line runs against the cluster of that moment. */
export class InteractiveShell {
  private state?: ShellState;
  private pending = '';
  readonly flavour: Flavour;

  constructor(
    private argv: string[],
    h: ContainerHandle,
  ) {
    const avail = availableTools(h, installedTools({ self: h }));
    this.flavour = shellFlavour(h, argv[0], avail) ?? 'ash';
  }

  /** Whether argv starts an interactive shell in this container (`sh`, `bash`, `ash` without -c). */
  static wants(h: ContainerHandle, argv: string[]): boolean {
    const avail = availableTools(h, installedTools({ self: h }));
    if (!shellFlavour(h, argv[0] ?? '', avail)) return false;
    return !argv.slice(1).some((a) => a === '-c' || (/^-[a-z]*c/.test(a) && !a.startsWith('--')) || !a.startsWith('-'));
  }

  private ensure(h: ContainerHandle): ShellState {
    if (!this.state) {
      this.state = newState(h, this.flavour, this.flavour === 'bash' ? 'bash' : baseName(this.argv[0]), true, true);
      this.state.arg0 = this.flavour === 'bash' ? 'bash' : this.argv[0];
    }
    return this.state;
  }

  /** The prompt: `/ # ` (busybox ash), `root@host:/# ` (bash), `# ` (dash). */
  prompt(h: ContainerHandle): string {
    if (this.pending) return '> ';
    const sh = this.ensure(h);
    const home = sh.get('HOME') ?? '/root';
    const cwd = sh.cwd === home ? '~' : sh.cwd.startsWith(`${home}/`) ? `~${sh.cwd.slice(home.length)}` : sh.cwd;
    const root = !Number(h.container.securityContext?.runAsUser ?? h.pod.spec?.securityContext?.runAsUser ?? 0);
    const mark = root ? '#' : '$';
    if (this.flavour === 'bash') return `${root ? 'root' : 'I have no name!'}@${podHostname(h.pod)}:${cwd}${mark} `;
    if (this.flavour === 'dash') return `${mark} `;
    return `${cwd} ${mark} `;
  }

  async runLine(h: ContainerHandle, line: string, io: Omit<ShellIO, 'stdin'>): Promise<LineResult> {
    const sh = this.ensure(h);
    const text = this.pending ? `${this.pending}\n${line}` : line;
    try {
      parseScript(text);
    } catch (e) {
      if (e instanceof ShellSyntaxError && /end of file|unterminated|missing/.test(e.message)) {
        this.pending = text;
        return { stdout: '', stderr: '', continuation: true };
      }
    }
    this.pending = '';
    const avail = availableTools(h, installedTools({ self: h }));
    const host = makeHost(h, { ...io, stdin: '' }, avail);
    (host.toolExtras as Partial<ToolContext>).shellCommand = this.argv.join(' ');
    host.pid = 7;
    (host.toolExtras as Partial<ToolContext>).shellPid = 7;
    const run = new Run(host);
    const { out, err } = streams({ ...io, stdin: '' });
    let killed = false;
    host.signalMain = (sig) => {
      const r = signalMain(h, sig);
      if (r === 'terminated') killed = true;
      return r;
    };
    let exited: number | undefined;
    try {
      const tree = (() => {
        try {
          return parseScript(text);
        } catch (e) {
          if (e instanceof ShellSyntaxError) {
            sh.line = e.line;
            err.write(msg.syntaxError(sh.where, e.token, /end of file/.test(e.message)));
            sh.status = 2;
            return undefined;
          }
          throw e;
        }
      })();
      if (tree) sh.status = await drive(execNode(run, sh, tree, { in: new Input(''), out, err }));
    } catch (e) {
      if (e instanceof ExitSignal) exited = e.code;
      else if (e instanceof ShellLimit) {
        limitNote(err, e);
        sh.status = 137;
      } else throw e;
    }
    if (killed) exited = 137;
    return { stdout: out.text(), stderr: err.text(), ...(exited !== undefined ? { exited } : {}) };
  }

  get status(): number {
    return this.state?.status ?? 0;
  }
}

export { isBuiltinProgram };
