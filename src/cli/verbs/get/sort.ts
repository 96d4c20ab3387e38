// --sort-by: order objects by the value a JSONPath expression gives (kubectl's RuntimeSort:
// numbers numerically, strings lexically, objects without the field first).
import type { Found } from '../../builder.js';
import { findJsonPathResults } from '../../../printers/jsonpath.js';
import { relaxedJsonPathExpression } from '../../../printers/custom-columns.js';

export function sortObjects(found: Found[], expr: string): Found[] {
  const template = relaxedJsonPathExpression(expr);
  const keyed = found.map((f) => {
    const results = findJsonPathResults(template, JSON.parse(JSON.stringify(f.obj)));
    return { f, value: results[0]?.[0] };
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
