// Label selectors: the `-l` grammar (reference §2.7), metav1.LabelSelector objects, matching,
// and the canonical string form shown in SELECTOR columns.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';

export type Op = '=' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';
export interface Requirement {
  key: string;
  op: Op;
  values: string[];
}
export type Selector = Requirement[];
export type Labels = Record<string, string> | undefined | null;

export class SelectorParseError extends Error {}

export function matches(sel: Selector, labels: Labels): boolean {
  const l = labels ?? {};
  return sel.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case '=':
      case 'in':
        return has && r.values.includes(v);
      case '!=':
      case 'notin':
        return !has || !r.values.includes(v);
      case 'exists':
        return has;
      case '!':
        return !has;
      case 'gt':
      case 'lt': {
        if (!has || !/^-?\d+$/.test(v)) return false;
        const n = Number(v);
        return r.op === 'gt' ? n > Number(r.values[0]) : n < Number(r.values[0]);
      }
    }
  });
}

/** A map selector (Service.spec.selector, RC.spec.selector). */
export function fromMap(m: Record<string, string> | undefined | null): Selector {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => ({ key: k, op: '=' as Op, values: [m![k]] }));
}

/** A metav1.LabelSelector. `undefined`/null matches nothing, `{}` matches everything (as in apps/v1). */
export function fromLabelSelector(s: LabelSelector | undefined | null): Selector | null {
  if (!s) return null;
  const reqs: Selector = fromMap(s.matchLabels);
  for (const e of s.matchExpressions ?? []) {
    const op: Op = e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!';
    reqs.push({ key: e.key, op, values: [...(e.values ?? [])] });
  }
  return reqs;
}

/** Canonical text: requirements sorted by key, values sorted (labels.Selector.String()). */
export function selectorString(sel: Selector): string {
  return [...sel]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => {
      const vals = [...r.values].sort();
      switch (r.op) {
        case '=':
          return `${r.key}=${vals[0]}`;
        case '!=':
          return `${r.key}!=${vals[0]}`;
        case 'in':
          return `${r.key} in (${vals.join(',')})`;
        case 'notin':
          return `${r.key} notin (${vals.join(',')})`;
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
        case 'gt':
          return `${r.key}>${vals[0]}`;
        case 'lt':
          return `${r.key}<${vals[0]}`;
      }
    })
    .join(',');
}

/** `k1=v1,k2=v2` with sorted keys, `<none>` when empty (FormatLabels / describe). */
export function formatLabels(m: Labels, empty = '<none>'): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : empty;
}

// ---- the -l grammar (apimachinery labels.Parse) ----

type Tok = { t: 'id' | 'op' | '(' | ')' | ',' | '!' | 'end'; v: string };

function lex(s: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const isIdChar = (c: string) => !/[\s(),!=<>]/.test(c);
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      toks.push({ t: c, v: c });
      i++;
    } else if (c === '!' && s[i + 1] === '=') {
      toks.push({ t: 'op', v: '!=' });
      i += 2;
    } else if (c === '!') {
      toks.push({ t: '!', v: '!' });
      i++;
    } else if (c === '=' && s[i + 1] === '=') {
      toks.push({ t: 'op', v: '==' });
      i += 2;
    } else if (c === '=' || c === '<' || c === '>') {
      toks.push({ t: 'op', v: c });
      i++;
    } else {
      let j = i;
      while (j < s.length && isIdChar(s[j])) j++;
      const word = s.slice(i, j);
      toks.push({ t: word === 'in' || word === 'notin' ? 'op' : 'id', v: word });
      i = j;
    }
  }
  toks.push({ t: 'end', v: '' });
  return toks;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function checkKey(key: string): void {
  const slash = key.indexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefix = slash < 0 ? '' : key.slice(0, slash);
  const bad =
    name.length === 0 || name.length > 63 || !NAME_PART.test(name) || (slash >= 0 && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)));
  if (bad) {
    throw new SelectorParseError(
      `unable to parse requirement: <nil>: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
  }
}

function checkValue(v: string, key: string, index = 0): void {
  if (v.length > 63 || !LABEL_VALUE.test(v)) {
    throw new SelectorParseError(
      `unable to parse requirement: values[${index}][${key}]: Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  }
}

/** Parse a `-l` selector. Throws SelectorParseError with apimachinery's message. */
export function parseSelector(text: string): Selector {
  try {
    return parseSelectorRaw(text);
  } catch (e) {
    if (e instanceof SelectorParseError && e.message.startsWith('__req__')) {
      throw new SelectorParseError(`unable to parse requirement: ${e.message.slice(7)}`);
    }
    throw e;
  }
}

function reqError(msg: string): SelectorParseError {
  return new SelectorParseError(`__req__${msg}`);
}

function parseSelectorRaw(text: string): Selector {
  const toks = lex(text);
  let p = 0;
  const peek = () => toks[p];
  const next = () => toks[p++];
  const reqs: Selector = [];
  if (peek().t === 'end') return reqs;
  for (;;) {
    let tok = next();
    let negate = false;
    if (tok.t === '!') {
      negate = true;
      tok = next();
    }
    if (tok.t !== 'id') throw new SelectorParseError(`found '${tok.v}', expected: !, identifier, or 'end of string'`);
    const key = tok.v;
    checkKey(key);
    const after = peek();
    if (negate) {
      if (after.t !== ',' && after.t !== 'end') throw new SelectorParseError(`found '${after.v}', expected: ',' or 'end of string'`);
      reqs.push({ key, op: '!', values: [] });
    } else if (after.t === ',' || after.t === 'end') {
      reqs.push({ key, op: 'exists', values: [] });
    } else if (after.t === 'op') {
      next();
      const op = after.v;
      if (op === 'in' || op === 'notin') {
        const open = next();
        if (open.t !== '(') throw reqError(`found '${open.v}' expected: '('`);
        const values: string[] = [];
        let t = peek();
        if (t.t === ')') {
          next();
        } else {
          for (;;) {
            t = peek();
            if (t.t === 'id') {
              next();
              values.push(t.v);
            } else if (t.t === ',' || t.t === ')') {
              values.push('');
            } else {
              throw reqError(`found '${t.v}', expected: ',', ')' or identifier`);
            }
            const sep = next();
            if (sep.t === ')') break;
            if (sep.t !== ',') throw reqError(`found '${sep.v}', expected: ',' or ')'`);
          }
        }
        values.forEach((v, i) => checkValue(v, key, i));
        reqs.push({ key, op: op === 'in' ? 'in' : 'notin', values });
      } else {
        const vt = peek();
        let value = '';
        if (vt.t === 'id') {
          next();
          value = vt.v;
        } else if (vt.t !== ',' && vt.t !== 'end') {
          throw reqError(`found '${vt.v}', expected: identifier`);
        }
        if (op === '<' || op === '>') {
          if (!/^-?\d+$/.test(value)) throw new SelectorParseError(`unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`);
          reqs.push({ key, op: op === '>' ? 'gt' : 'lt', values: [value] });
        } else {
          checkValue(value, key);
          reqs.push({ key, op: op === '!=' ? '!=' : '=', values: [value] });
        }
      }
    } else {
      throw reqError(`found '${after.v}', expected: =, !=, ==, in, notin`);
    }
    const sep = next();
    if (sep.t === 'end') break;
    if (sep.t !== ',') throw new SelectorParseError(`found '${sep.v}', expected: ',' or 'end of string'`);
    if (peek().t === 'end') throw new SelectorParseError(`found '', expected: identifier after ','`);
  }
  return reqs;
}
