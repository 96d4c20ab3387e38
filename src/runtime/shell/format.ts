// echo and printf: escapes, options and formats as busybox, dash and bash print them.
import type { Flavour } from './messages.js';

/** Backslash escapes of echo -e / printf %b / printf formats. `stop` is set by \c. */
export function unescape(s: string, octalNeedsZero: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i === s.length - 1) {
      out += c;
      continue;
    }
    const n = s[++i];
    switch (n) {
      case 'a':
        out += '\x07';
        break;
      case 'b':
        out += '\b';
        break;
      case 'c':
        return { text: out, stop: true };
      case 'e':
      case 'E':
        out += '\x1b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case '\\':
        out += '\\';
        break;
      case 'x': {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16));
          i += m[0].length;
        } else out += '\\x';
        break;
      }
      default:
        if (/[0-7]/.test(n) && (!octalNeedsZero || n === '0')) {
          const m = /^[0-7]{1,3}/.exec(s.slice(octalNeedsZero ? i + 1 : i));
          const digits = m ? m[0] : '';
          out += String.fromCharCode(parseInt(digits || '0', 8) & 255);
          i += octalNeedsZero ? digits.length : digits.length - 1;
        } else out += `\\${n}`;
    }
  }
  return { text: out, stop: false };
}

export function echoText(args: string[], flavour: Flavour): string {
  let newline = true;
  let escapes = flavour === 'dash';
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (flavour === 'dash') {
      if (a === '-n') {
        newline = false;
        continue;
      }
      break;
    }
    if (!/^-[neE]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else if (f === 'E') escapes = false;
    }
  }
  const text = args.slice(i).join(' ');
  if (!escapes) return newline ? `${text}\n` : text;
  const r = unescape(text, true);
  if (r.stop) return r.text;
  return newline ? `${r.text}\n` : r.text;
}

function num(s: string | undefined): { v: number; bad: boolean } {
  if (s === undefined || s === '') return { v: 0, bad: false };
  if (/^['"]./.test(s)) return { v: s.charCodeAt(1), bad: false };
  const t = s.trim();
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(t)) return { v: parseInt(t, 16), bad: false };
  if (/^[-+]?0[0-7]+$/.test(t)) return { v: parseInt(t, 8), bad: false };
  if (/^[-+]?\d+(\.\d*)?([eE][-+]?\d+)?$/.test(t)) return { v: Number(t), bad: false };
  const lead = /^[-+]?\d+/.exec(t);
  return { v: lead ? Number(lead[0]) : 0, bad: true };
}

/** printf FORMAT ARGS…: the format is reused until the arguments run out. */
export function formatPrintf(format: string, args: string[]): { text: string; error?: string } {
  let out = '';
  let error: string | undefined;
  let ai = 0;
  let rounds = 0;
  do {
    rounds++;
    let i = 0;
    while (i < format.length) {
      const c = format[i];
      if (c === '\\') {
        const m = /^\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/.exec(format.slice(i));
        const seq = m ? m[0] : '\\';
        const r = unescape(seq, false);
        out += r.text;
        if (r.stop) return { text: out, error };
        i += seq.length;
        continue;
      }
      if (c !== '%') {
        out += c;
        i++;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([sdicuxXofeEgGb%q])/.exec(format.slice(i));
      if (!m) {
        out += c;
        i++;
        continue;
      }
      i += m[0].length;
      const [, flags, widthS, precS, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = widthS === '*' ? Number(args[ai++] ?? 0) : widthS ? Number(widthS) : 0;
      const prec = precS === '*' ? Number(args[ai++] ?? 0) : precS !== undefined ? Number(precS) : undefined;
      const arg = args[ai++];
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          break;
        case 'b': {
          const r = unescape(arg ?? '', true);
          s = r.text;
          break;
        }
        case 'q':
          s = /^[\w./:=@%+,-]+$/.test(arg ?? '') ? (arg ?? '') : `'${(arg ?? '').replace(/'/g, `'\\''`)}'`;
          break;
        case 'c':
          s = (arg ?? '')[0] ?? '';
          break;
        case 'd':
        case 'i':
        case 'u': {
          const n = num(arg);
          if (n.bad) error ??= `invalid number '${arg}'`;
          s = String(Math.trunc(n.v));
          if (flags.includes('+') && n.v >= 0) s = `+${s}`;
          if (prec !== undefined) s = s.padStart(prec, '0');
          break;
        }
        case 'x':
        case 'X':
        case 'o': {
          const n = num(arg);
          if (n.bad) error ??= `invalid number '${arg}'`;
          s = Math.trunc(n.v).toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') s = s.toUpperCase();
          if (flags.includes('#') && n.v !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
          break;
        }
        default: {
          const n = num(arg);
          if (n.bad) error ??= `invalid number '${arg}'`;
          const p = prec ?? 6;
          s = conv === 'f' ? n.v.toFixed(p) : conv === 'e' || conv === 'E' ? n.v.toExponential(p).replace(/e([-+])(\d)$/, 'e$10$2') : String(Number(n.v.toPrecision(p || 1)));
          if (conv === 'E') s = s.toUpperCase();
          if (flags.includes('+') && n.v >= 0) s = `+${s}`;
        }
      }
      if (s.length < width) {
        if (flags.includes('-')) s = s.padEnd(width);
        else if (flags.includes('0') && /[dieEfgGxXo]/.test(conv)) s = s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0');
        else s = s.padStart(width);
      }
      out += s;
    }
  } while (ai < args.length && rounds < 10_000 && /%[-+ #0*\d.]*[sdicuxXofeEgGbq]/.test(format));
  return { text: out, error };
}
