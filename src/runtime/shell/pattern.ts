// Shell patterns (glob `*`, `?`, `[…]`) as regular expressions: for pathname expansion, `case`
// and `${var#pattern}`. A backslash escapes the next character (quoted text is escaped that way).

export function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** The regex source for a pattern (no anchors). `shortest` makes `*` lazy. */
export function patternSource(pattern: string, shortest = false): string {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[++i];
      if (n !== undefined) re += escapeRe(n);
      continue;
    }
    if (c === '*') re += shortest ? '[\\s\\S]*?' : '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const end = bracketEnd(pattern, i);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      let neg = false;
      if (body[0] === '!' || body[0] === '^') {
        neg = true;
        body = body.slice(1);
      }
      body = body.replace(/\[:(\w+):\]|[\\\][]/g, (m, cls?: string) => (cls ? (POSIX_CLASSES[cls] ?? '') : `\\${m}`));
      re += `[${neg ? '^' : ''}${body}]`;
      i = end;
    } else re += escapeRe(c);
  }
  return re;
}

/** Where the bracket expression opened at `start` closes (-1: it does not): a `]` first (after
 * `!`/`^`) is literal, and `[:class:]` inside is skipped whole. */
function bracketEnd(pattern: string, start: number): number {
  let j = start + 1;
  if (pattern[j] === '!' || pattern[j] === '^') j++;
  if (pattern[j] === ']') j++;
  while (j < pattern.length && pattern[j] !== ']') {
    const close = pattern[j] === '[' && pattern[j + 1] === ':' ? pattern.indexOf(':]', j + 2) : -1;
    j = close >= 0 ? close + 2 : j + 1;
  }
  return j < pattern.length ? j : -1;
}

/** POSIX bracket classes (`[:alpha:]`, …) as JavaScript class ranges (globs, grep, sed, awk). */
export const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
};

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function matchPattern(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^${patternSource(pattern)}$`).test(text);
  } catch {
    return pattern === text;
  }
}

/** `${v#p}` / `${v##p}` / `${v%p}` / `${v%%p}`. */
export function removePattern(value: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  const longest = op === '##' || op === '%%';
  if (op === '#' || op === '##') {
    const order = longest ? range(value.length, 0) : range(0, value.length);
    for (const n of order) if (matchPattern(pattern, value.slice(0, n))) return value.slice(n);
    return value;
  }
  const order = longest ? range(0, value.length) : range(value.length, 0);
  for (const n of order) if (matchPattern(pattern, value.slice(n))) return value.slice(0, n);
  return value;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  if (from <= to) for (let i = from; i <= to; i++) out.push(i);
  else for (let i = from; i >= to; i--) out.push(i);
  return out;
}

/** bash `${v/pat/rep}` and `${v//pat/rep}`. */
export function replacePattern(value: string, pattern: string, rep: string, all: boolean): string {
  if (!pattern) return value;
  let anchor = '';
  if (pattern[0] === '#' || pattern[0] === '%') {
    anchor = pattern[0];
    pattern = pattern.slice(1);
  }
  let src = patternSource(pattern);
  if (anchor === '#') src = `^${src}`;
  if (anchor === '%') src = `${src}$`;
  try {
    return value.replace(new RegExp(src, all ? 'g' : ''), () => rep);
  } catch {
    return value;
  }
}
