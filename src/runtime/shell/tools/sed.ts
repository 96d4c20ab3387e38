// sed: s/re/rep/[gpiN], d, p, q, =, y; addresses (N, $, /re/, ranges, !); -n -e -E/-r -i.
import type { Tool, ToolContext } from '../../types.js';
import { compile } from './regex.js';
import { abs, isBusybox, lines } from './util.js';

type Addr = { t: 'line'; n: number } | { t: 'last' } | { t: 're'; re: RegExp };
interface Cmd {
  a1?: Addr;
  a2?: Addr;
  neg: boolean;
  op: string;
  re?: RegExp;
  rep?: string;
  flags?: { g: boolean; p: boolean; n: number };
  text?: string;
  y?: [string, string];
  inRange?: boolean;
}

class SedError extends Error {}

function parseScript(script: string, extended: boolean): Cmd[] {
  const cmds: Cmd[] = [];
  let i = 0;
  const s = script;
  const readDelimited = (d: string): string => {
    let out = '';
    while (i < s.length && s[i] !== d) {
      if (s[i] === '\\' && i + 1 < s.length) {
        if (s[i + 1] === d) out += d;
        else if (s[i + 1] === 'n') out += '\n';
        else out += s[i] + s[i + 1];
        i += 2;
        continue;
      }
      out += s[i++];
    }
    if (s[i] !== d) throw new SedError(`unterminated \`s' command`);
    i++;
    return out;
  };
  const addr = (): Addr | undefined => {
    if (/\d/.test(s[i] ?? '')) {
      let n = '';
      while (/\d/.test(s[i] ?? '')) n += s[i++];
      return { t: 'line', n: Number(n) };
    }
    if (s[i] === '$') {
      i++;
      return { t: 'last' };
    }
    if (s[i] === '/' || s[i] === '\\') {
      const d = s[i] === '\\' ? s[++i] : '/';
      i++;
      return { t: 're', re: compile(readDelimited(d), { extended }) };
    }
    return undefined;
  };
  while (i < s.length) {
    while (i < s.length && /[\s;]/.test(s[i])) i++;
    if (i >= s.length) break;
    const c: Cmd = { neg: false, op: '' };
    c.a1 = addr();
    if (c.a1 && s[i] === ',') {
      i++;
      c.a2 = addr();
    }
    while (s[i] === ' ') i++;
    if (s[i] === '!') {
      c.neg = true;
      i++;
    }
    while (s[i] === ' ') i++;
    c.op = s[i++];
    switch (c.op) {
      case 's': {
        const d = s[i++];
        const re = readDelimited(d);
        const rep = readDelimited(d);
        let flagText = '';
        while (i < s.length && /[gpiI0-9]/.test(s[i])) flagText += s[i++];
        c.re = compile(re, { extended, ignoreCase: /[iI]/.test(flagText), global: true });
        c.rep = rep;
        c.flags = { g: flagText.includes('g'), p: flagText.includes('p'), n: Number(flagText.replace(/\D/g, '')) || 1 };
        break;
      }
      case 'y': {
        const d = s[i++];
        c.y = [readDelimited(d), readDelimited(d)];
        break;
      }
      case 'a':
      case 'i':
      case 'c': {
        while (s[i] === ' ' || s[i] === '\\') i++;
        if (s[i] === '\n') i++;
        let t = '';
        while (i < s.length && s[i] !== '\n') t += s[i++];
        c.text = t;
        break;
      }
      case 'd':
      case 'p':
      case 'q':
      case '=':
      case 'n':
        break;
      case undefined:
        throw new SedError('missing command');
      default:
        throw new SedError(`unknown command: \`${c.op}'`);
    }
    cmds.push(c);
  }
  return cmds;
}

function replacement(rep: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i];
    if (c === '\\' && i + 1 < rep.length) {
      const n = rep[++i];
      if (/\d/.test(n)) out += m[Number(n)] ?? '';
      else if (n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else out += n;
    } else if (c === '&') out += m[0];
    else out += c;
  }
  return out;
}

function run(ctx: ToolContext, cmds: Cmd[], text: string, quiet: boolean): { out: string; quit: boolean } {
  const ls = lines(text);
  let out = '';
  for (let n = 0; n < ls.length; n++) {
    let line = ls[n];
    let deleted = false;
    let quit = false;
    const after: string[] = [];
    const isLast = n === ls.length - 1;
    const hit = (a: Addr) => (a.t === 'line' ? a.n === n + 1 : a.t === 'last' ? isLast : a.re.test(line));
    for (const c of cmds) {
      let sel: boolean;
      if (!c.a1) sel = true;
      else if (!c.a2) sel = hit(c.a1);
      else {
        if (!c.inRange && hit(c.a1)) {
          c.inRange = true;
          sel = true;
          if (c.a2.t === 'line' && c.a2.n <= n + 1) c.inRange = false;
        } else if (c.inRange) {
          sel = true;
          if (hit(c.a2)) c.inRange = false;
        } else sel = false;
      }
      if (c.neg) sel = !sel;
      if (!sel) continue;
      if (c.op === 's') {
        let count = 0;
        let changed = false;
        const re = c.re!;
        re.lastIndex = 0;
        line = line.replace(re, (...args) => {
          count++;
          const m = args.slice(0, -2) as unknown as RegExpExecArray;
          if (c.flags!.g ? count >= c.flags!.n : count === c.flags!.n) {
            changed = true;
            return replacement(c.rep!, m);
          }
          return args[0] as string;
        });
        if (changed && c.flags!.p) out += `${line}\n`;
      } else if (c.op === 'd') {
        deleted = true;
        break;
      } else if (c.op === 'p') out += `${line}\n`;
      else if (c.op === '=') out += `${n + 1}\n`;
      else if (c.op === 'q') {
        quit = true;
        break;
      } else if (c.op === 'y') {
        const [from, to] = c.y!;
        line = [...line].map((ch) => (from.includes(ch) ? to[from.indexOf(ch)] ?? ch : ch)).join('');
      } else if (c.op === 'a') after.push(c.text ?? '');
      else if (c.op === 'i') out += `${c.text ?? ''}\n`;
      else if (c.op === 'c') {
        out += `${c.text ?? ''}\n`;
        deleted = true;
        break;
      }
    }
    if (!deleted && !quiet) out += `${line}\n`;
    for (const a of after) out += `${a}\n`;
    if (quit) return { out, quit: true };
  }
  void ctx;
  return { out, quit: false };
}

export const sed: Tool = (ctx) => {
  const argv = ctx.argv.slice(1);
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let extended = false;
  let inPlace = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') extended = true;
    else if (a === '-e') scripts.push(argv[++i] ?? '');
    else if (a.startsWith('-i') || a === '--in-place') inPlace = true;
    else if (/^-[nEr]+$/.test(a)) {
      if (a.includes('n')) quiet = true;
      if (/[Er]/.test(a)) extended = true;
    } else if (!scripts.length) scripts.push(a);
    else files.push(a);
  }
  if (!scripts.length) {
    ctx.stderr(isBusybox(ctx) ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\n' : 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
    return 1;
  }
  let cmds: Cmd[];
  try {
    cmds = parseScript(scripts.join('\n'), extended);
  } catch (e) {
    ctx.stderr(isBusybox(ctx) ? `sed: ${(e as Error).message}\n` : `sed: -e expression #1, char ${scripts[0].length}: ${(e as Error).message}\n`);
    return 1;
  }
  if (!files.length) {
    ctx.stdout(run(ctx, cmds, ctx.stdin, quiet).out);
    return 0;
  }
  let status = 0;
  for (const f of files) {
    const path = abs(ctx, f);
    const data = ctx.fs.read(path);
    if (data === undefined) {
      ctx.stderr(isBusybox(ctx) ? `sed: ${f}: No such file or directory\n` : `sed: can't read ${f}: No such file or directory\n`);
      status = 2;
      continue;
    }
    const r = run(ctx, cmds, data, quiet);
    if (inPlace) {
      try {
        ctx.fs.write(path, r.out);
      } catch {
        ctx.stderr(`sed: couldn't open temporary file ${f}: Read-only file system\n`);
        status = 4;
      }
    } else ctx.stdout(r.out);
    if (r.quit) break;
  }
  return status;
};
