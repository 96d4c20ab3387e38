// --sort-by: order objects by the value a JSONPath expression gives (kubectl's RuntimeSort:
// numbers numerically, strings lexically, missing values first).
import type { Found } from '../../builder.js';
import { printJsonPath } from '../../../printers/jsonpath.js';
import { CliError } from '../../../util/errors.js';

function relaxed(expr: string): string {
  let e = expr.trim();
  if (e.startsWith('{') && e.endsWith('}')) e = e.slice(1, -1);
  if (!e.startsWith('.')) e = `.${e}`;
  return `{${e}}`;
}

export function sortObjects(found: Found[], expr: string): Found[] {
  const template = relaxed(expr);
  const keyed = found.map((f) => {
    const text = printJsonPath(template, JSON.parse(JSON.stringify(f.obj)), { asJson: true, allowMissingKeys: true });
    let value: unknown;
    try {
      const arr = JSON.parse(text) as unknown[];
      value = arr[0];
    } catch {
      throw new CliError(`couldn't parse sort-by value for ${expr}`);
    }
    return { f, value };
  });
  const rank = (v: unknown) => (v === undefined || v === null ? 0 : typeof v === 'number' ? 1 : 2);
  keyed.sort((a, b) => {
    const ra = rank(a.value);
    const rb = rank(b.value);
    if (ra !== rb) return ra - rb;
    if (typeof a.value === 'number' && typeof b.value === 'number') return a.value - b.value;
    const sa = typeof a.value === 'string' ? a.value : JSON.stringify(a.value);
    const sb = typeof b.value === 'string' ? b.value : JSON.stringify(b.value);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
  return keyed.map((k) => k.f);
}
