// jq (kiamol's sleep image has it): paths (`.a.b`, `.[0]`, `.[]`, `.a[]`), pipes, `keys`,
// `length`, `-r` raw strings, `-c` compact output. Enough for the usual `curl … | jq .field`.
import type { Tool } from '../../types.js';

function fmt(v: unknown, compact: boolean, raw: boolean): string {
  if (raw && typeof v === 'string') return v;
  if (compact) return JSON.stringify(v);
  return JSON.stringify(v, null, 2) ?? 'null';
}

function apply(filter: string, input: unknown): unknown[] {
  const stages = filter.split('|').map((s) => s.trim());
  let values: unknown[] = [input];
  for (const st of stages) {
    const next: unknown[] = [];
    for (const v of values) next.push(...stage(st, v));
    values = next;
  }
  return values;
}

function stage(f: string, v: unknown): unknown[] {
  if (f === '.' || f === '') return [v];
  if (f === 'keys') return [v && typeof v === 'object' ? Object.keys(v as object).sort() : null];
  if (f === 'length') return [Array.isArray(v) ? v.length : typeof v === 'string' ? v.length : v && typeof v === 'object' ? Object.keys(v as object).length : 0];
  if (!f.startsWith('.')) throw new Error(`jq: error: ${f}/0 is not defined`);
  const tokens = f.match(/\.[A-Za-z_][\w-]*|\["[^"]*"\]|\[\d*\]|\.\[\d*\]|\."[^"]*"/g);
  if (!tokens || tokens.join('') !== f) throw new Error(`jq: error: syntax error in filter ${f}`);
  let cur: unknown[] = [v];
  for (const t of tokens) {
    const out: unknown[] = [];
    for (const c of cur) {
      const m = /^\.?\[(\d*)\]$/.exec(t);
      if (m) {
        if (m[1] === '') {
          if (Array.isArray(c)) out.push(...c);
          else if (c && typeof c === 'object') out.push(...Object.values(c));
          else throw new Error(`jq: error: Cannot iterate over ${c === null ? 'null' : typeof c}`);
        } else out.push(Array.isArray(c) ? c[Number(m[1])] ?? null : null);
        continue;
      }
      const key = t.replace(/^\.?\[?"?|"?\]?$/g, '').replace(/^\./, '');
      if (c === null || c === undefined) out.push(null);
      else if (typeof c === 'object' && !Array.isArray(c)) out.push((c as Record<string, unknown>)[key] ?? null);
      else throw new Error(`jq: error: Cannot index ${Array.isArray(c) ? 'array' : typeof c} with "${key}"`);
    }
    cur = out;
  }
  return cur;
}

export const jq: Tool = (ctx) => {
  const args = ctx.argv.slice(1);
  const raw = args.some((a) => /^-[a-z]*r/.test(a) || a === '--raw-output');
  const compact = args.some((a) => /^-[a-z]*c/.test(a) || a === '--compact-output');
  const ops = args.filter((a) => !a.startsWith('-'));
  const filter = ops[0] ?? '.';
  const input = ops[1] !== undefined ? (ctx.fs.read(ops[1].startsWith('/') ? ops[1] : `${ctx.cwd}/${ops[1]}`) ?? '') : ctx.stdin;
  const docs: unknown[] = [];
  const text = input.trim();
  if (!text) return 0;
  try {
    docs.push(JSON.parse(text));
  } catch {
    ctx.stderr(`jq: error (at <stdin>:${text.split('\n').length}): Cannot parse JSON input\n`);
    return 2;
  }
  try {
    for (const d of docs) for (const r of apply(filter, d)) ctx.stdout(`${fmt(r, compact, raw)}\n`);
  } catch (e) {
    ctx.stderr(`${(e as Error).message}\n`);
    return 5;
  }
  return 0;
};
