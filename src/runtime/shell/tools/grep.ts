// grep (-v -E -F -i -c -q -n -o -l -w -x -h -H -s -e -r): POSIX BRE by default, ERE with -E.
import type { Tool } from '../../types.js';
import { compile } from './regex.js';
import { abs, isBusybox, lines, parseArgs } from './util.js';

export const grep: Tool = (ctx) => {
  const name = ctx.argv[0].replace(/^.*\//, '');
  const argv = ctx.argv.slice(1);
  const patterns: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '-e') patterns.push(argv[++i] ?? '');
    else if (argv[i].startsWith('-e') && argv[i].length > 2 && !argv[i].startsWith('--')) patterns.push(argv[i].slice(2));
    else if (argv[i].startsWith('--regexp=')) patterns.push(argv[i].slice(9));
    else rest.push(argv[i]);
  }
  const p = parseArgs(rest, 'mAB', {
    'invert-match': 'v', 'extended-regexp': 'E', 'fixed-strings': 'F', 'ignore-case': 'i', count: 'c', quiet: 'q', silent: 'q',
    'line-number': 'n', 'only-matching': 'o', 'files-with-matches': 'l', 'word-regexp': 'w', 'line-regexp': 'x',
    'no-filename': 'h', 'with-filename': 'H', 'no-messages': 's', recursive: 'r', 'max-count': 'm',
  });
  if (p.bad) {
    ctx.stderr(isBusybox(ctx) ? `grep: unrecognized option '${p.bad}'\n` : `grep: unrecognized option '${p.bad}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`);
    return 2;
  }
  const ops = [...p.operands];
  if (!patterns.length) {
    if (!ops.length) {
      ctx.stderr(isBusybox(ctx) ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n' : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    patterns.push(...ops.shift()!.split('\n'));
  }
  const extended = p.flags.has('E') || name === 'egrep';
  const fixed = p.flags.has('F') || name === 'fgrep';
  let res: RegExp[];
  try {
    res = patterns.map((pat) => compile(pat, { extended, fixed, ignoreCase: p.flags.has('i'), word: p.flags.has('w'), line: p.flags.has('x') }));
  } catch {
    ctx.stderr(isBusybox(ctx) ? `grep: bad regex '${patterns[0]}'\n` : `grep: Unmatched ( or \\(\n`);
    return 2;
  }
  let files = ops;
  if (p.flags.has('r')) {
    const expanded: string[] = [];
    const walk = (path: string, shown: string) => {
      if (ctx.fs.isDir(path)) for (const c of ctx.fs.list(path) ?? []) walk(`${path === '/' ? '' : path}/${c}`, `${shown.replace(/\/$/, '')}/${c}`);
      else expanded.push(shown);
    };
    for (const f of files.length ? files : ['.']) walk(abs(ctx, f), f);
    files = expanded;
  }
  const showName = (files.length > 1 || p.flags.has('r') || p.flags.has('H')) && !p.flags.has('h');
  const invert = p.flags.has('v');
  const max = p.values.m !== undefined ? Number(p.values.m) : Infinity;
  let matchedAny = false;
  let error = false;
  const sources = files.length ? files : ['-'];
  for (const f of sources) {
    let data: string | undefined;
    if (f === '-') data = ctx.stdin;
    else {
      const path = abs(ctx, f);
      if (ctx.fs.isDir(path)) {
        if (!p.flags.has('s')) ctx.stderr(`grep: ${f}: Is a directory\n`);
        continue;
      }
      data = ctx.fs.read(path);
      if (data === undefined) {
        if (!p.flags.has('s')) ctx.stderr(`grep: ${f}: No such file or directory\n`);
        error = true;
        continue;
      }
    }
    let count = 0;
    const label = f === '-' ? '(standard input)' : f;
    const ls = lines(data);
    for (let n = 0; n < ls.length && count < max; n++) {
      const l = ls[n];
      const hit = res.some((r) => r.test(l));
      if (hit === invert) continue;
      count++;
      matchedAny = true;
      if (p.flags.has('q')) return 0;
      if (p.flags.has('l') || p.flags.has('c')) continue;
      const prefix = `${showName ? `${label}:` : ''}${p.flags.has('n') ? `${n + 1}:` : ''}`;
      if (p.flags.has('o') && !invert) {
        for (const r of res) {
          const g = new RegExp(r.source, r.flags.includes('g') ? r.flags : `${r.flags}g`);
          for (const m of l.matchAll(g)) if (m[0]) ctx.stdout(`${prefix}${m[0]}\n`);
        }
      } else ctx.stdout(`${prefix}${l}\n`);
    }
    if (p.flags.has('c')) ctx.stdout(`${showName ? `${label}:` : ''}${count}\n`);
    if (p.flags.has('l') && count) ctx.stdout(`${label}\n`);
  }
  if (error && !(matchedAny && p.flags.has('q'))) return 2;
  return matchedAny ? 0 : 1;
};
