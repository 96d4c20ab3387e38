// metav1.LabelSelectorAsSelector(...).String() and metav1.FormatLabelSelector (reference §2.7):
// requirements sorted by key, joined by `,`; `k=v`, `k in (a,b)` (values sorted), `k notin (a,b)`,
// `k`, `!k`.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { byteCompare } from './format.js';

interface Requirement {
  key: string;
  text: string;
}

/** The canonical string; '' for an empty or nil selector; undefined when the selector is invalid. */
export function selectorString(sel: LabelSelector | null | undefined): string | undefined {
  if (!sel) return '';
  const reqs: Requirement[] = [];
  for (const key of Object.keys(sel.matchLabels ?? {}).sort(byteCompare)) {
    reqs.push({ key, text: `${key}=${sel.matchLabels![key]}` });
  }
  for (const e of sel.matchExpressions ?? []) {
    const values = e.values ?? [];
    const sorted = [...values].sort(byteCompare).join(',');
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) return undefined;
        reqs.push({ key: e.key, text: `${e.key} ${e.operator === 'In' ? 'in' : 'notin'} (${sorted})` });
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) return undefined;
        reqs.push({ key: e.key, text: e.operator === 'Exists' ? e.key : `!${e.key}` });
        break;
      default:
        return undefined;
    }
  }
  // internalSelector.Add sorts by key; for the small slices here Go's sort is an insertion sort,
  // i.e. stable, like Array.prototype.sort.
  reqs.sort((a, b) => byteCompare(a.key, b.key));
  return reqs.map((r) => r.text).join(',');
}

/** FormatLabelSelector: `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(sel: LabelSelector | null | undefined): string {
  const s = selectorString(sel);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}
