// metav1.LabelSelector validation and matching (apimachinery pkg/apis/meta/v1/validation and
// LabelSelectorAsSelector), as the workload validators use them.
import type { ErrorList } from './field.js';
import { arr, forbidden, invalid, invalidEach, obj, required, sortedEntries, str } from './field.js';
import { validateLabelName, validateLabels } from './meta.js';
import { isQualifiedName, isValidLabelValue } from './names.js';

type Requirement = { key: string; op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values: string[] };

/** A parsed selector: undefined selector → matches nothing; {} → matches everything. */
export interface Selector {
  nothing: boolean;
  requirements: Requirement[];
}

export function validateLabelSelector(sel: unknown, field: string): ErrorList {
  if (sel === undefined || sel === null) return [];
  const s = obj(sel);
  const errs: ErrorList = validateLabels(s.matchLabels, `${field}.matchLabels`);
  arr<Record<string, unknown>>(s.matchExpressions).forEach((e0, i) => {
    const e = obj(e0);
    const f = `${field}.matchExpressions[${i}]`;
    const op = str(e.operator);
    const values = arr<unknown>(e.values).map(str);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) errs.push(required(`${f}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(`${f}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalid(`${f}.operator`, op, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(str(e.key), `${f}.key`));
    values.forEach((v, j) => errs.push(...invalidEach(`${f}.values[${j}]`, v, isValidLabelValue(v))));
  });
  return errs;
}

/** LabelSelectorAsSelector: the selector, or an error when it cannot be built. */
export function labelSelectorAsSelector(sel: unknown): { selector?: Selector; error?: string } {
  if (sel === undefined || sel === null) return { selector: { nothing: true, requirements: [] } };
  const s = obj(sel);
  const reqs: Requirement[] = [];
  for (const [k, v] of sortedEntries(s.matchLabels)) {
    if (isQualifiedName(k).length || isValidLabelValue(str(v)).length) return { error: 'invalid label' };
    reqs.push({ key: k, op: 'In', values: [str(v)] });
  }
  for (const e0 of arr<Record<string, unknown>>(s.matchExpressions)) {
    const e = obj(e0);
    const op = str(e.operator);
    const values = arr<unknown>(e.values).map(str);
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(op)) return { error: `"${op}" is not a valid label selector operator` };
    if ((op === 'In' || op === 'NotIn') && values.length === 0) return { error: 'values required' };
    if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) return { error: 'values forbidden' };
    if (isQualifiedName(str(e.key)).length) return { error: 'invalid key' };
    if (values.some((v) => isValidLabelValue(v).length)) return { error: 'invalid value' };
    reqs.push({ key: str(e.key), op: op as Requirement['op'], values });
  }
  return { selector: { nothing: false, requirements: reqs } };
}

export function selectorEmpty(s: Selector): boolean {
  return !s.nothing && s.requirements.length === 0;
}

export function selectorMatches(s: Selector, labels: unknown): boolean {
  if (s.nothing) return false;
  const l = obj(labels);
  return s.requirements.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = str(l[r.key]);
    switch (r.op) {
      case 'In':
        return has && r.values.includes(v);
      case 'NotIn':
        return !has || !r.values.includes(v);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
    }
  });
}

/** Map-style selectors (Service, ReplicationController): every key/value present. */
export function mapSelectorMatches(selector: unknown, labels: unknown): boolean {
  const l = obj(labels);
  return sortedEntries(selector).every(([k, v]) => Object.prototype.hasOwnProperty.call(l, k) && str(l[k]) === str(v));
}
