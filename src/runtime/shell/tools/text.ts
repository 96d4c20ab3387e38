// Text tools: cat, head, tail, wc, sort, uniq, cut, tr, tee, seq, yes, printenv, rev, nl.
// Output formats follow busybox in busybox images and GNU coreutils in Debian/Ubuntu images.
import type { Tool, ToolContext } from '../../types.js';
import { abs, inputs, isBusybox, lines, parseArgs } from './util.js';

function usage(ctx: ToolContext, tool: string, bad: string): number {
  if (isBusybox(ctx)) ctx.stderr(`${tool}: unrecognized option '${bad}'\nBusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n`);
  else ctx.stderr(`${tool}: unrecognized option '${bad}'\nTry '${tool} --help' for more information.\n`);
  return 1;
}

export const cat: Tool = (ctx) => {
  const p = parseArgs(ctx.argv.slice(1), '', { number: 'n' });
  if (p.bad) return usage(ctx, 'cat', p.bad);
  const ins = inputs(ctx, 'cat', p.operands);
  let n = 0;
  for (const i of ins) {
    if (p.flags.has('n')) {
      const ls = i.data.split('\n');
      const last = ls.pop();
      ctx.stdout(ls.map((l) => `${String(++n).padStart(6)}\t${l}\n`).join('') + (last ? `${String(++n).padStart(6)}\t${last}` : ''));
    } else ctx.stdout(i.data);
  }
  return ins.failed ? 1 : 0;
};

function headTail(ctx: ToolContext, tool: 'head' | 'tail'): number {
  const argv = ctx.argv.slice(1).map((a, i, all) => (tool === 'tail' && /^\+\d+$/.test(a) && !['-n', '-c', '--lines', '--bytes'].includes(all[i - 1]) ? `-n${a}` : a));
  const p = parseArgs(argv, 'nc', { lines: 'n', bytes: 'c', follow: 'f', quiet: 'q', silent: 'q', verbose: 'v' }, 'n');
  if (p.bad) return usage(ctx, tool, p.bad);
  const spec = p.values.n ?? '10';
  const bytes = p.values.c;
  const ins = inputs(ctx, tool, p.operands, (f, dir) =>
    isBusybox(ctx) ? `${tool}: ${dir ? `${f}: Is a directory` : `can't open '${f}': No such file or directory`}\n` : dir ? `${tool}: error reading '${f}': Is a directory\n` : `${tool}: cannot open '${f}' for reading: No such file or directory\n`,
  );
  if (!/^[-+]?\d+$/.test(bytes ?? spec)) {
    ctx.stderr(isBusybox(ctx) ? `${tool}: invalid number '${bytes ?? spec}'\n` : `${tool}: invalid number of ${bytes ? 'bytes' : 'lines'}: '${bytes ?? spec}'\n`);
    return 1;
  }
  const headers = ins.length > 1 && !p.flags.has('q') || p.flags.has('v');
  ins.forEach((i, idx) => {
    if (headers) ctx.stdout(`${idx ? '\n' : ''}==> ${i.name === '-' ? 'standard input' : i.name} <==\n`);
    if (bytes !== undefined) {
      const n = Number(bytes);
      ctx.stdout(tool === 'head' ? (n < 0 ? i.data.slice(0, n) : i.data.slice(0, n)) : bytes.startsWith('+') ? i.data.slice(n - 1) : i.data.slice(-Math.abs(n) || i.data.length));
      return;
    }
    const ls = lines(i.data);
    const trailing = i.data.endsWith('\n');
    const n = Number(spec);
    let pick: string[];
    if (tool === 'head') pick = spec.startsWith('-') ? ls.slice(0, Math.max(0, ls.length + n)) : ls.slice(0, Math.abs(n));
    else pick = spec.startsWith('+') ? ls.slice(Math.max(0, n - 1)) : n === 0 ? [] : ls.slice(-Math.abs(n));
    if (!pick.length) return;
    const lastIncluded = tool === 'tail' || pick.length === ls.length ? trailing : true;
    ctx.stdout(pick.join('\n') + (lastIncluded || pick.length < ls.length ? '\n' : ''));
  });
  return ins.failed ? 1 : 0;
}

export const head: Tool = (ctx) => headTail(ctx, 'head');
export const tail: Tool = (ctx) => headTail(ctx, 'tail');

export const wc: Tool = (ctx) => {
  const p = parseArgs(ctx.argv.slice(1), '', { lines: 'l', words: 'w', bytes: 'c', chars: 'm' });
  if (p.bad) return usage(ctx, 'wc', p.bad);
  let which = ['l', 'w', 'c', 'm'].filter((f) => p.flags.has(f));
  if (!which.length) which = ['l', 'w', 'c'];
  const ins = inputs(ctx, 'wc', p.operands, (f, dir) => (isBusybox(ctx) ? `wc: ${dir ? `${f}: Is a directory` : `can't open '${f}': No such file or directory`}\n` : `wc: ${f}: ${dir ? 'Is a directory' : 'No such file or directory'}\n`));
  const rows = ins.map((i) => {
    const counts: Record<string, number> = {
      l: (i.data.match(/\n/g) ?? []).length,
      w: i.data.split(/\s+/).filter(Boolean).length,
      c: Buffer.byteLength(i.data),
      m: [...i.data].length,
    };
    return { name: i.name, counts: which.map((w) => counts[w]) };
  });
  if (rows.length > 1) rows.push({ name: 'total', counts: which.map((_, k) => rows.reduce((s, r) => s + r.counts[k], 0)) });
  const stdin = !p.operands.length;
  const single = which.length === 1 && rows.length === 1;
  let width: number;
  if (isBusybox(ctx)) width = single ? 0 : 9;
  else width = single ? 0 : stdin ? 7 : Math.max(1, ...rows.flatMap((r) => r.counts.map((c) => String(c).length)));
  for (const r of rows) {
    const nums = r.counts.map((c) => String(c).padStart(width)).join(isBusybox(ctx) ? ' ' : ' ');
    ctx.stdout(`${nums}${r.name === '-' ? '' : ` ${r.name}`}\n`);
  }
  return ins.failed ? 1 : 0;
};

function fieldOf(line: string, key: number | undefined, sep: string | undefined): string {
  if (!key) return line;
  const parts = sep ? line.split(sep) : line.trim().split(/\s+/);
  return parts.slice(key - 1).join(sep ?? ' ');
}

export const sort: Tool = (ctx) => {
  const p = parseArgs(ctx.argv.slice(1), 'kto', { reverse: 'r', numeric: 'n', unique: 'u', key: 'k', 'field-separator': 't', 'ignore-case': 'f', output: 'o', 'human-numeric-sort': 'h' });
  if (p.bad) return usage(ctx, 'sort', p.bad);
  const ins = inputs(ctx, 'sort', p.operands, (f) => (isBusybox(ctx) ? `sort: can't open '${f}': No such file or directory\n` : `sort: cannot read: ${f}: No such file or directory\n`));
  if (ins.failed) return 2;
  const key = p.values.k ? Number(p.values.k.split(/[,.]/)[0]) : undefined;
  const sep = p.values.t;
  let all = ins.flatMap((i) => lines(i.data));
  const num = p.flags.has('n') || p.flags.has('h') || /n/.test(p.values.k ?? '');
  const fold = p.flags.has('f');
  const cmp = (a: string, b: string) => {
    const fa = fieldOf(a, key, sep);
    const fb = fieldOf(b, key, sep);
    if (num) {
      const d = (parseFloat(fa) || 0) - (parseFloat(fb) || 0);
      if (d) return d;
    }
    const x = fold ? fa.toLowerCase() : fa;
    const y = fold ? fb.toLowerCase() : fb;
    if (x !== y) return x < y ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  all.sort(cmp);
  if (p.flags.has('r')) all.reverse();
  if (p.flags.has('u')) all = all.filter((l, i) => i === 0 || cmp(all[i - 1], l) !== 0);
  const text = all.map((l) => `${l}\n`).join('');
  if (p.values.o) {
    try {
      ctx.fs.write(abs(ctx, p.values.o), text);
    } catch {
      ctx.stderr(`sort: cannot create ${p.values.o}\n`);
      return 2;
    }
    return 0;
  }
  ctx.stdout(text);
  return 0;
};

export const uniq: Tool = (ctx) => {
  const p = parseArgs(ctx.argv.slice(1), '', { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' });
  if (p.bad) return usage(ctx, 'uniq', p.bad);
  const ins = inputs(ctx, 'uniq', p.operands.slice(0, 1));
  if (ins.failed) return 1;
  const ls = lines(ins[0]?.data ?? '');
  const groups: { line: string; n: number }[] = [];
  const same = (a: string, b: string) => (p.flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  for (const l of ls) {
    const g = groups[groups.length - 1];
    if (g && same(g.line, l)) g.n++;
    else groups.push({ line: l, n: 1 });
  }
  for (const g of groups) {
    if (p.flags.has('d') && g.n < 2) continue;
    if (p.flags.has('u') && g.n > 1) continue;
    ctx.stdout(p.flags.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`);
  }
  return 0;
};

function ranges(spec: string): ((n: number) => boolean) | undefined {
  const parts = spec.split(',');
  const tests: ((n: number) => boolean)[] = [];
  for (const part of parts) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[3])) return undefined;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    tests.push((n) => n >= a && n <= b);
  }
  return (n) => tests.some((t) => t(n));
}

export const cut: Tool = (ctx) => {
  const p = parseArgs(ctx.argv.slice(1), 'dfcb', { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'b', 'only-delimited': 's' });
  if (p.bad) return usage(ctx, 'cut', p.bad);
  const spec = p.values.f ?? p.values.c ?? p.values.b;
  if (!spec) {
    ctx.stderr(isBusybox(ctx) ? 'cut: expected a list of bytes, characters, or fields\n' : "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    return 1;
  }
  const sel = ranges(spec);
  if (!sel) {
    ctx.stderr(isBusybox(ctx) ? `cut: invalid range\n` : `cut: invalid field value '${spec}'\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  const delim = p.values.d ?? '\t';
  const ins = inputs(ctx, 'cut', p.operands);
  for (const i of ins) {
    for (const l of lines(i.data)) {
      if (p.values.f !== undefined) {
        if (!l.includes(delim)) {
          if (!p.flags.has('s')) ctx.stdout(`${l}\n`);
          continue;
        }
        ctx.stdout(`${l.split(delim).filter((_, k) => sel(k + 1)).join(delim)}\n`);
      } else ctx.stdout(`${[...l].filter((_, k) => sel(k + 1)).join('')}\n`);
    }
  }
  return ins.failed ? 1 : 0;
};

function expandSet(s: string): string {
  const classes: Record<string, string> = {
    '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '[:lower:]': 'abcdefghijklmnopqrstuvwxyz',
    '[:digit:]': '0123456789',
    '[:space:]': ' \t\n\r\f\v',
    '[:alpha:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    '[:alnum:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
    '[:punct:]': '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  };
  let t = s;
  for (const [k, v] of Object.entries(classes)) t = t.split(k).join(v);
  t = t.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  let out = '';
  for (let i = 0; i < t.length; i++) {
    if (t[i + 1] === '-' && i + 2 < t.length) {
      const a = t.charCodeAt(i);
      const b = t.charCodeAt(i + 2);
      for (let c = a; c <= b && c - a < 256; c++) out += String.fromCharCode(c);
      i += 2;
    } else out += t[i];
  }
  return out;
}

export const tr: Tool = (ctx) => {
  const p = parseArgs(ctx.argv.slice(1), '', { delete: 'd', 'squeeze-repeats': 's', complement: 'c' });
  const [a, b] = p.operands;
  if (a === undefined) {
    ctx.stderr(isBusybox(ctx) ? 'tr: missing operand\n' : "tr: missing operand\nTry 'tr --help' for more information.\n");
    return 1;
  }
  const set1 = expandSet(a);
  const set2 = b !== undefined ? expandSet(b) : '';
  let out = '';
  let last = '';
  for (const ch of ctx.stdin) {
    const idx = set1.indexOf(ch);
    let o = ch;
    if (p.flags.has('d')) {
      if (idx >= 0) continue;
    } else if (idx >= 0 && set2) o = set2[Math.min(idx, set2.length - 1)];
    if (p.flags.has('s') && o === last && (set2 || set1).includes(o)) continue;
    out += o;
    last = o;
  }
  ctx.stdout(out);
  return 0;
};

export const tee: Tool = (ctx) => {
  const p = parseArgs(ctx.argv.slice(1), '', { append: 'a' });
  const data = ctx.stdin;
  let status = 0;
  for (const f of p.operands) {
    try {
      ctx.fs.write(abs(ctx, f), data, p.flags.has('a'));
    } catch {
      ctx.stderr(isBusybox(ctx) ? `tee: can't open '${f}': No such file or directory\n` : `tee: ${f}: No such file or directory\n`);
      status = 1;
    }
  }
  ctx.stdout(data);
  return status;
};

export const seq: Tool = (ctx) => {
  const p = parseArgs(ctx.argv.slice(1).map((a) => (/^-\d/.test(a) ? `\u0000${a}` : a)), 's', { separator: 's', 'equal-width': 'w' });
  const nums = p.operands.map((o) => o.replace('\u0000', ''));
  if (!nums.length || nums.some((n) => !/^-?\d+(\.\d+)?$/.test(n))) {
    ctx.stderr(nums.length ? `seq: invalid floating point argument: '${nums.find((n) => !/^-?\d+(\.\d+)?$/.test(n))}'\n` : 'seq: missing operand\n');
    return 1;
  }
  const [first, inc, last] = nums.length === 1 ? [1, 1, Number(nums[0])] : nums.length === 2 ? [Number(nums[0]), 1, Number(nums[1])] : nums.map(Number);
  if (inc === 0) return 1;
  const out: string[] = [];
  for (let v = first; inc > 0 ? v <= last : v >= last; v += inc) {
    out.push(String(Math.round(v * 1e9) / 1e9));
    if (out.length >= 1_000_000) break;
  }
  const w = p.flags.has('w') ? Math.max(...out.map((o) => o.length)) : 0;
  if (out.length) ctx.stdout(out.map((o) => o.padStart(w, '0')).join(p.values.s ?? '\n') + '\n');
  return 0;
};

export const yes: Tool = (ctx) => {
  const word = ctx.argv.length > 1 ? ctx.argv.slice(1).join(' ') : 'y';
  const chunk = `${word}\n`.repeat(Math.max(1, Math.floor(8192 / (word.length + 1))));
  // Writes until the pipe or the terminal limit stops it (io.ts): `yes | head` ends, `yes` alone is capped.
  for (let i = 0; i < 100_000; i++) ctx.stdout(chunk);
  return 0;
};

export const printenv: Tool = (ctx) => {
  const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!names.length) {
    for (const [k, v] of Object.entries(ctx.env)) ctx.stdout(`${k}=${v}\n`);
    return 0;
  }
  let status = 0;
  for (const n of names) {
    if (n in ctx.env) ctx.stdout(`${ctx.env[n]}\n`);
    else status = 1;
  }
  return status;
};

export const rev: Tool = (ctx) => {
  const ins = inputs(ctx, 'rev', ctx.argv.slice(1));
  for (const i of ins) for (const l of lines(i.data)) ctx.stdout(`${[...l].reverse().join('')}\n`);
  return ins.failed ? 1 : 0;
};

export const nl: Tool = (ctx) => {
  const ins = inputs(ctx, 'nl', ctx.argv.slice(1).filter((a) => !a.startsWith('-')));
  let n = 0;
  for (const i of ins) for (const l of lines(i.data)) ctx.stdout(l.trim() ? `${String(++n).padStart(6)}\t${l}\n` : '       \n');
  return ins.failed ? 1 : 0;
};
