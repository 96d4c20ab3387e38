// POSIX regular expressions (BRE for grep/sed, ERE with -E) as JavaScript RegExps.
import { POSIX_CLASSES } from '../pattern.js';

/** BRE → JS: `\(` `\)` `\{` `\}` `\|` `\+` `\?` are the operators; bare ( ) { } | + ? are literal. */
export function breToJs(re: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (inClass) {
      if (c === ']' && !/\[\^?$/.test(out)) inClass = false;
      out += c === '\\' ? '\\\\' : c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      const cls = /^\[:(\w+):\]/.exec(re.slice(i + 1));
      if (cls) {
        out += POSIX_CLASSES[cls[1]] ?? '';
        i += cls[0].length;
      }
      continue;
    }
    if (c === '\\') {
      const n = re[++i];
      if (n === undefined) {
        out += '\\\\';
        break;
      }
      if ('(){}|+?'.includes(n)) out += n;
      else if (/[1-9]/.test(n)) out += `\\${n}`;
      else if (n === '<' || n === '>') out += '\\b';
      else if ('wWsSbB'.includes(n)) out += `\\${n}`;
      else out += `\\${n}`;
      continue;
    }
    if ('(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '*' && (out === '' || out.endsWith('^'))) out += '\\*';
    else out += c;
  }
  return out;
}

/** ERE → JS: mostly the same; POSIX classes inside brackets. */
export function ereToJs(re: string): string {
  return re.replace(/\[:(\w+):\]/g, (m, name: string) => POSIX_CLASSES[name] ?? m).replace(/\\</g, '\\b').replace(/\\>/g, '\\b');
}

export function compile(re: string, opts: { extended?: boolean; fixed?: boolean; ignoreCase?: boolean; global?: boolean; word?: boolean; line?: boolean }): RegExp {
  let src = opts.fixed ? re.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : opts.extended ? ereToJs(re) : breToJs(re);
  if (opts.word) src = `(?<![\\w])(?:${src})(?![\\w])`;
  if (opts.line) src = `^(?:${src})$`;
  return new RegExp(src, `${opts.ignoreCase ? 'i' : ''}${opts.global ? 'g' : ''}`);
}
