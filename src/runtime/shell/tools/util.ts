// Helpers the in-container tools share: flavour (busybox vs GNU texts), reading operands or
// stdin, and simple option parsing.
import type { ToolContext } from '../../types.js';
import { resolvePath } from '../../fs.js';

export function isBusybox(ctx: ToolContext): boolean {
  return ctx.self.image.shell !== 'bash-debian';
}

/** `cat: can't open 'x': …` (busybox) / `cat: x: …` (GNU). */
export function openError(ctx: ToolContext, tool: string, file: string, dir = false): string {
  const why = dir ? 'Is a directory' : 'No such file or directory';
  if (isBusybox(ctx)) return dir ? `${tool}: read error: Is a directory\n` : `${tool}: can't open '${file}': ${why}\n`;
  return `${tool}: ${file}: ${why}\n`;
}

export function abs(ctx: ToolContext, p: string): string {
  return resolvePath(ctx.cwd, p);
}

/** Read a file operand (`-` = stdin). undefined when it cannot be read (the error is printed). */
export function readOperand(ctx: ToolContext, tool: string, file: string, errorText?: (f: string, dir: boolean) => string): string | undefined {
  if (file === '-') return ctx.stdin;
  const p = abs(ctx, file);
  if (ctx.fs.isDir(p)) {
    ctx.stderr(errorText ? errorText(file, true) : openError(ctx, tool, file, true));
    return undefined;
  }
  const data = ctx.fs.read(p);
  if (data === undefined) {
    ctx.stderr(errorText ? errorText(file, false) : openError(ctx, tool, file));
    return undefined;
  }
  return data;
}

/** Inputs of a filter: the named files, or stdin. */
export function inputs(ctx: ToolContext, tool: string, files: string[], errorText?: (f: string, dir: boolean) => string): { name: string; data: string }[] & { failed?: boolean } {
  const out: { name: string; data: string }[] & { failed?: boolean } = [];
  if (!files.length) {
    out.push({ name: '-', data: ctx.stdin });
    return out;
  }
  for (const f of files) {
    const d = readOperand(ctx, tool, f, errorText);
    if (d === undefined) out.failed = true;
    else out.push({ name: f, data: d });
  }
  return out;
}

export function lines(text: string): string[] {
  if (!text) return [];
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

export interface Parsed {
  flags: Set<string>;
  values: Record<string, string>;
  operands: string[];
  bad?: string;
}

/**
 * getopt-style parsing: `withValue` lists the letters that take a value; long options map to
 * letters via `long`. Combined short flags (`-la`), `-n5`, `--lines=5`, `--` are understood.
 */
export function parseArgs(argv: string[], withValue: string, long: Record<string, string> = {}, numericShorthand?: string): Parsed {
  const flags = new Set<string>();
  const values: Record<string, string> = {};
  const operands: string[] = [];
  let bad: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const letter = long[name];
      if (!letter) {
        bad ??= a;
        continue;
      }
      if (withValue.includes(letter)) values[letter] = eq < 0 ? (argv[++i] ?? '') : a.slice(eq + 1);
      else flags.add(letter);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (numericShorthand && /^-\d+$/.test(a)) {
        values[numericShorthand] = a.slice(1);
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (withValue.includes(f)) {
          values[f] = j + 1 < a.length ? a.slice(j + 1) : (argv[++i] ?? '');
          break;
        }
        flags.add(f);
      }
      continue;
    }
    operands.push(a);
  }
  return { flags, values, operands, bad };
}

/** The effective user of the container (securityContext.runAsUser, else root). */
export function userOf(ctx: ToolContext): { uid: number; gid: number; name: string } {
  const uid = Number(ctx.self.container.securityContext?.runAsUser ?? ctx.self.pod.spec?.securityContext?.runAsUser ?? 0);
  const gid = Number(ctx.self.container.securityContext?.runAsGroup ?? ctx.self.pod.spec?.securityContext?.runAsGroup ?? uid);
  const passwd = ctx.fs.read('/etc/passwd') ?? '';
  const line = passwd.split('\n').find((l) => l.split(':')[2] === String(uid));
  return { uid, gid, name: line ? line.split(':')[0] : '' };
}

export function nowMs(ctx: ToolContext): number {
  return ctx.now ? ctx.now() : ctx.self.cluster.now;
}
