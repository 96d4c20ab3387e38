// File tools on the simulated filesystem: ls, touch, rm, mkdir, rmdir, cp, mv, ln, chmod, chown,
// stat, find, basename, dirname, realpath, du. Errors in busybox or GNU wording.
import type { SimFs, Tool, ToolContext } from '../../types.js';
import { FsError, basename as base, dirname as dir, resolvePath } from '../../fs.js';
import { abs, isBusybox, parseArgs, userOf } from './util.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function mtimeText(sec: number, nowMs: number): string {
  const d = new Date(sec * 1000);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const recent = Math.abs(nowMs - sec * 1000) < 182 * 24 * 3600 * 1000;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

function stat(fs: SimFs, p: string) {
  return fs.stat?.(p) ?? (fs.exists(p) ? { dir: fs.isDir(p), size: (fs.read(p) ?? '').length, mtime: 0, exec: false, readOnly: false } : undefined);
}

function modeText(st: { dir: boolean; exec: boolean; readOnly: boolean }): string {
  if (st.dir) return 'drwxr-xr-x';
  return st.exec ? '-rwxr-xr-x' : '-rw-r--r--';
}

function human(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)}${units[u]}`;
}

function columns(names: string[], width = 80): string {
  if (!names.length) return '';
  const w = Math.max(...names.map((n) => n.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / w));
  if (names.join('  ').length <= width) return `${names.join('  ')}\n`;
  const rows = Math.ceil(names.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < perRow; c++) {
      const n = names[c * rows + r];
      if (n !== undefined) row.push(n);
    }
    out += row.map((n, i) => (i === row.length - 1 ? n : n.padEnd(w))).join('') + '\n';
  }
  return out;
}

export const ls: Tool = (ctx) => {
  const p = parseArgs(ctx.argv.slice(1), '', { all: 'a', 'almost-all': 'A', 'human-readable': 'h', directory: 'd', recursive: 'R', reverse: 'r' });
  if (p.bad) {
    ctx.stderr(isBusybox(ctx) ? `ls: unrecognized option '${p.bad}'\n` : `ls: unrecognized option '${p.bad}'\nTry 'ls --help' for more information.\n`);
    return isBusybox(ctx) ? 1 : 2;
  }
  const f = p.flags;
  const long = f.has('l') || f.has('n') || f.has('g') || f.has('o');
  const oneCol = f.has('1') || !ctx.tty;
  const nowMs = ctx.now ? ctx.now() : ctx.self.cluster.now;
  const ops = p.operands.length ? p.operands : ['.'];
  let status = 0;
  const files: string[] = [];
  const dirs: string[] = [];
  for (const o of ops) {
    const st = stat(ctx.fs, abs(ctx, o));
    if (!st) {
      ctx.stderr(isBusybox(ctx) ? `ls: ${o}: No such file or directory\n` : `ls: cannot access '${o}': No such file or directory\n`);
      status = isBusybox(ctx) ? 1 : 2;
      continue;
    }
    if (st.dir && !f.has('d')) dirs.push(o);
    else files.push(o);
  }
  const line = (path: string, name: string) => {
    const st = stat(ctx.fs, path)!;
    const user = f.has('n') ? '0' : 'root';
    const size = f.has('h') ? human(st.size) : String(st.size);
    if (isBusybox(ctx)) return `${modeText(st)}    ${st.dir ? 2 : 1} ${user.padEnd(8)} ${user.padEnd(8)} ${size.padStart(9)} ${mtimeText(st.mtime, nowMs)} ${name}`;
    return [modeText(st), String(st.dir ? 2 : 1), user, user, size, mtimeText(st.mtime, nowMs), name];
  };
  const render = (entries: { path: string; name: string }[]) => {
    if (!entries.length) return '';
    if (long) {
      const rows = entries.map((e) => line(e.path, e.name));
      if (isBusybox(ctx)) return rows.map((r) => `${r}\n`).join('');
      const cols = rows as string[][];
      const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...cols.map((c) => c[i].length)));
      return cols.map((c) => `${c[0]} ${c[1].padStart(widths[1])} ${c[2].padEnd(widths[2])} ${c[3].padEnd(widths[3])} ${c[4].padStart(widths[4])} ${c[5]} ${c[6]}\n`).join('');
    }
    const names = entries.map((e) => e.name);
    return oneCol ? names.map((n) => `${n}\n`).join('') : columns(names);
  };
  const sorted = (names: string[]) => {
    const s = [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
    if (f.has('t')) s.sort((a, b) => (stat(ctx.fs, abs(ctx, b))?.mtime ?? 0) - (stat(ctx.fs, abs(ctx, a))?.mtime ?? 0));
    return f.has('r') ? s.reverse() : s;
  };
  let out = render(sorted(files).map((n) => ({ path: abs(ctx, n), name: n })));
  const showHeaders = ops.length > 1 || f.has('R');
  const listDir = (d: string, label: string, first: boolean) => {
    const path = abs(ctx, d);
    let names = ctx.fs.list(path) ?? [];
    if (!f.has('a') && !f.has('A')) names = names.filter((n) => !n.startsWith('.'));
    names = sorted(names);
    if (f.has('a')) names = ['.', '..', ...names];
    const entries = names.map((n) => ({ path: n === '.' ? path : n === '..' ? dir(path) : `${path === '/' ? '' : path}/${n}`, name: n }));
    if (showHeaders) out += `${first && !files.length ? '' : '\n'}${label}:\n`;
    if (long && !isBusybox(ctx)) {
      const total = entries.reduce((s, e) => s + Math.ceil((stat(ctx.fs, e.path)?.size ?? 0) / 4096) * 4, 0);
      out += `total ${total}\n`;
    } else if (long) out += `total ${entries.reduce((s, e) => s + Math.ceil((stat(ctx.fs, e.path)?.size ?? 0) / 1024), 0)}\n`;
    out += render(entries);
    if (f.has('R')) {
      for (const e of entries) {
        if (e.name === '.' || e.name === '..') continue;
        if (stat(ctx.fs, e.path)?.dir) listDir(e.path, `${label === '/' ? '' : label}/${e.name}`, false);
      }
    }
  };
  sorted(dirs).forEach((d, i) => listDir(d, d, i === 0));
  ctx.stdout(out);
  return status;
};

function fsErr(ctx: ToolContext, tool: string, file: string, e: unknown, verb: string): void {
  const code = e instanceof FsError ? e.code : 'EIO';
  const text: Record<string, string> = {
    ENOENT: 'No such file or directory',
    EISDIR: 'Is a directory',
    ENOTDIR: 'Not a directory',
    EROFS: 'Read-only file system',
    ENOSPC: 'No space left on device',
    EEXIST: 'File exists',
    ENOTEMPTY: 'Directory not empty',
    EIO: 'Input/output error',
  };
  if (isBusybox(ctx)) ctx.stderr(`${tool}: ${verb ? `can't ${verb} '${file}'` : file}: ${text[code]}\n`);
  else ctx.stderr(`${tool}: ${verb ? `cannot ${verb} '${file}'` : file}: ${text[code]}\n`);
}

export const touch: Tool = (ctx) => {
  const p = parseArgs(ctx.argv.slice(1), 'dtr', {});
  let status = 0;
  if (!p.operands.length) {
    ctx.stderr(isBusybox(ctx) ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...\n' : "touch: missing file operand\nTry 'touch --help' for more information.\n");
    return 1;
  }
  for (const o of p.operands) {
    const path = abs(ctx, o);
    try {
      if (ctx.fs.isDir(path)) continue;
      if (p.flags.has('c') && !ctx.fs.exists(path)) continue;
      if (ctx.fs.touch) ctx.fs.touch(path);
      else ctx.fs.write(path, ctx.fs.read(path) ?? '');
    } catch (e) {
      if (isBusybox(ctx)) ctx.stderr(`touch: ${o}: ${e instanceof FsError && e.code === 'EROFS' ? 'Read-only file system' : e instanceof FsError && e.code === 'ENOSPC' ? 'No space left on device' : 'No such file or directory'}\n`);
      else fsErr(ctx, 'touch', o, e, 'touch');
      status = 1;
    }
  }
  return status;
};

export const rm: Tool = (ctx) => {
  const p = parseArgs(ctx.argv.slice(1), '', { recursive: 'r', force: 'f', verbose: 'v', dir: 'd' });
  const rec = p.flags.has('r') || p.flags.has('R');
  const force = p.flags.has('f');
  if (!p.operands.length) {
    if (force) return 0;
    ctx.stderr(isBusybox(ctx) ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: rm [-irf] FILE...\n' : "rm: missing operand\nTry 'rm --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const o of p.operands) {
    const path = abs(ctx, o);
    if (path === '/' && rec) {
      ctx.stderr(isBusybox(ctx) ? "rm: can't remove '/': Device or resource busy\n" : "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
      status = 1;
      continue;
    }
    if (!ctx.fs.exists(path)) {
      if (!force) {
        fsErr(ctx, 'rm', o, new FsError('ENOENT', path), 'remove');
        status = 1;
      }
      continue;
    }
    if (ctx.fs.isDir(path) && !rec) {
      ctx.stderr(isBusybox(ctx) ? `rm: '${o}' is a directory\n` : `rm: cannot remove '${o}': Is a directory\n`);
      status = 1;
      continue;
    }
    try {
      ctx.fs.remove(path, rec);
      if (p.flags.has('v')) ctx.stdout(isBusybox(ctx) ? `removed '${o}'\n` : `removed '${o}'\n`);
    } catch (e) {
      fsErr(ctx, 'rm', o, e, 'remove');
      status = 1;
    }
  }
  return status;
};

export const mkdir: Tool = (ctx) => {
  const p = parseArgs(ctx.argv.slice(1), 'm', { parents: 'p', verbose: 'v', mode: 'm' });
  if (!p.operands.length) {
    ctx.stderr(isBusybox(ctx) ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: mkdir [-m MODE] [-p] DIRECTORY...\n' : "mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const o of p.operands) {
    try {
      ctx.fs.mkdir(abs(ctx, o), p.flags.has('p'));
      if (p.flags.has('v')) ctx.stdout(`mkdir: created directory '${o}'\n`);
    } catch (e) {
      fsErr(ctx, 'mkdir', o, e, 'create directory');
      status = 1;
    }
  }
  return status;
};

export const rmdir: Tool = (ctx) => {
  let status = 0;
  for (const o of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const path = abs(ctx, o);
    try {
      if (!ctx.fs.exists(path)) throw new FsError('ENOENT', path);
      if (!ctx.fs.isDir(path)) throw new FsError('ENOTDIR', path);
      ctx.fs.remove(path, false);
    } catch (e) {
      if (isBusybox(ctx)) ctx.stderr(`rmdir: '${o}': ${e instanceof FsError && e.code === 'ENOTEMPTY' ? 'Directory not empty' : e instanceof FsError && e.code === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory'}\n`);
      else fsErr(ctx, 'rmdir', o, e, 'remove');
      status = 1;
    }
  }
  return status;
};

function copyTree(fs: SimFs, from: string, to: string): void {
  if (fs.isDir(from)) {
    if (!fs.exists(to)) fs.mkdir(to, false);
    for (const c of fs.list(from) ?? []) copyTree(fs, `${from === '/' ? '' : from}/${c}`, `${to}/${c}`);
  } else fs.write(to, fs.read(from) ?? '');
}

function copyOrMove(ctx: ToolContext, tool: 'cp' | 'mv' | 'ln'): number {
  const p = parseArgs(ctx.argv.slice(1), 't', { recursive: 'r', force: 'f', verbose: 'v', symbolic: 's', archive: 'a' });
  const ops = p.operands;
  if (ops.length < 2) {
    ctx.stderr(ops.length ? `${tool}: missing destination file operand after '${ops[0]}'\n` : `${tool}: missing file operand\n`);
    return 1;
  }
  const dest = abs(ctx, ops[ops.length - 1]);
  const sources = ops.slice(0, -1);
  const destDir = ctx.fs.isDir(dest);
  if (sources.length > 1 && !destDir) {
    ctx.stderr(`${tool}: target '${ops[ops.length - 1]}' is not a directory\n`);
    return 1;
  }
  let status = 0;
  for (const s of sources) {
    const from = abs(ctx, s);
    const to = destDir ? `${dest === '/' ? '' : dest}/${base(from)}` : dest;
    try {
      if (!ctx.fs.exists(from)) throw new FsError('ENOENT', from);
      if (ctx.fs.isDir(from) && tool === 'cp' && !(p.flags.has('r') || p.flags.has('R') || p.flags.has('a'))) {
        ctx.stderr(isBusybox(ctx) ? `cp: omitting directory '${s}'\n` : `cp: -r not specified; omitting directory '${s}'\n`);
        status = 1;
        continue;
      }
      copyTree(ctx.fs, from, to);
      if (tool === 'mv') ctx.fs.remove(from, true);
    } catch (e) {
      if (e instanceof FsError && e.code === 'ENOENT' && e.path === from) ctx.stderr(isBusybox(ctx) ? `${tool}: can't stat '${s}': No such file or directory\n` : `${tool}: cannot stat '${s}': No such file or directory\n`);
      else fsErr(ctx, tool, ops[ops.length - 1], e, tool === 'mv' ? 'move' : 'create regular file');
      status = 1;
    }
  }
  return status;
}

export const cp: Tool = (ctx) => copyOrMove(ctx, 'cp');
export const mv: Tool = (ctx) => copyOrMove(ctx, 'mv');
export const ln: Tool = (ctx) => copyOrMove(ctx, 'ln');

export const chmod: Tool = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => a !== '-R');
  const [mode, ...files] = args;
  if (!mode || !files.length) {
    ctx.stderr(`chmod: missing operand\n`);
    return 1;
  }
  const on = /\+.*x/.test(mode) || /^[0-7]*[1357][0-7]{0,2}$/.test(mode) && /^[0-7]+$/.test(mode) && (parseInt(mode, 8) & 0o111) !== 0;
  const off = /-.*x/.test(mode) || (/^[0-7]+$/.test(mode) && (parseInt(mode, 8) & 0o111) === 0);
  let status = 0;
  for (const f of files) {
    const path = abs(ctx, f);
    if (!ctx.fs.exists(path)) {
      ctx.stderr(isBusybox(ctx) ? `chmod: ${f}: No such file or directory\n` : `chmod: cannot access '${f}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (ctx.fs.isDir(path)) continue;
    try {
      if (on || off) ctx.fs.setExec?.(path, on && !off ? true : !off);
    } catch (e) {
      fsErr(ctx, 'chmod', f, e, 'change permissions of');
      status = 1;
    }
  }
  return status;
};

export const chown: Tool = (ctx) => {
  const files = ctx.argv.slice(2).filter((a) => !a.startsWith('-'));
  let status = 0;
  for (const f of files) {
    if (!ctx.fs.exists(abs(ctx, f))) {
      ctx.stderr(isBusybox(ctx) ? `chown: ${f}: No such file or directory\n` : `chown: cannot access '${f}': No such file or directory\n`);
      status = 1;
    }
  }
  return status;
};

export const statTool: Tool = (ctx) => {
  let status = 0;
  const nowMs = ctx.now ? ctx.now() : ctx.self.cluster.now;
  for (const f of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const st = stat(ctx.fs, abs(ctx, f));
    if (!st) {
      ctx.stderr(isBusybox(ctx) ? `stat: can't stat '${f}': No such file or directory\n` : `stat: cannot statx '${f}': No such file or directory\n`);
      status = 1;
      continue;
    }
    const t = new Date(st.mtime * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '.000000000 +0000');
    void nowMs;
    ctx.stdout(`  File: ${f}\n  Size: ${st.size}\tBlocks: ${Math.ceil(st.size / 512) * 8}\tIO Block: 4096\t${st.dir ? 'directory' : st.size ? 'regular file' : 'regular empty file'}\nAccess: (${st.dir ? '0755/drwxr-xr-x' : st.exec ? '0755/-rwxr-xr-x' : '0644/-rw-r--r--'})  Uid: (    0/    root)   Gid: (    0/    root)\nModify: ${t}\n`);
  }
  return status;
};

export const find: Tool = (ctx) => {
  const argv = ctx.argv.slice(1);
  const roots: string[] = [];
  let i = 0;
  while (i < argv.length && !argv[i].startsWith('-') && argv[i] !== '!' && argv[i] !== '(') roots.push(argv[i++]);
  if (!roots.length) roots.push('.');
  let name: RegExp | undefined;
  let type: string | undefined;
  let maxdepth = Infinity;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-name' || a === '-iname') {
      const pat = argv[++i] ?? '';
      name = new RegExp(`^${pat.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, a === '-iname' ? 'i' : '');
    } else if (a === '-type') type = argv[++i];
    else if (a === '-maxdepth') maxdepth = Number(argv[++i]);
  }
  let status = 0;
  let count = 0;
  const walk = (path: string, shown: string, depth: number) => {
    if (++count > 10_000) return;
    const st = stat(ctx.fs, path);
    if (!st) return;
    const okType = !type || (type === 'd' ? st.dir : type === 'f' ? !st.dir : false);
    if (okType && (!name || name.test(base(path) || '/'))) ctx.stdout(`${shown}\n`);
    if (st.dir && depth < maxdepth) for (const c of ctx.fs.list(path) ?? []) walk(`${path === '/' ? '' : path}/${c}`, `${shown === '/' ? '' : shown}/${c}`, depth + 1);
  };
  for (const r of roots) {
    const path = abs(ctx, r);
    if (!ctx.fs.exists(path)) {
      ctx.stderr(`find: ${isBusybox(ctx) ? r : `'${r}'`}: No such file or directory\n`);
      status = 1;
      continue;
    }
    walk(path, r, 0);
  }
  return status;
};

export const basename: Tool = (ctx) => {
  const [p, suffix] = ctx.argv.slice(1);
  if (p === undefined) {
    ctx.stderr('basename: missing operand\n');
    return 1;
  }
  let b = p.replace(/\/+$/, '');
  b = b.slice(b.lastIndexOf('/') + 1) || (p.startsWith('/') ? '/' : '');
  if (suffix && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length);
  ctx.stdout(`${b}\n`);
  return 0;
};

export const dirname: Tool = (ctx) => {
  const p = ctx.argv[1];
  if (p === undefined) {
    ctx.stderr('dirname: missing operand\n');
    return 1;
  }
  const t = p.replace(/\/+$/, '');
  const i = t.lastIndexOf('/');
  ctx.stdout(`${i < 0 ? '.' : i === 0 ? '/' : t.slice(0, i)}\n`);
  return 0;
};

export const realpath: Tool = (ctx) => {
  let status = 0;
  for (const o of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const path = resolvePath(ctx.cwd, o);
    if (!ctx.fs.exists(path)) {
      ctx.stderr(`realpath: ${o}: No such file or directory\n`);
      status = 1;
      continue;
    }
    ctx.stdout(`${path}\n`);
  }
  return status;
};

export const du: Tool = (ctx) => {
  const ops = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  for (const o of ops.length ? ops : ['.']) {
    const path = abs(ctx, o);
    let total = 0;
    const walk = (p: string) => {
      const st = stat(ctx.fs, p);
      if (!st) return;
      total += st.dir ? 4 : Math.ceil(st.size / 4096) * 4;
      if (st.dir) for (const c of ctx.fs.list(p) ?? []) walk(`${p === '/' ? '' : p}/${c}`);
    };
    walk(path);
    ctx.stdout(`${total}\t${o}\n`);
  }
  void userOf;
  return 0;
};
