// Builders for field errors (apimachinery pkg/util/validation/field) and Go `%#v` renderings of
// the values the server puts in them.
import type { FieldError } from '../../util/errors.js';
import { goQuote } from '../../util/errors.js';

export type ErrorList = FieldError[];

export const required = (field: string, detail = ''): FieldError => ({ field, type: 'Required value', detail });
export const forbidden = (field: string, detail: string): FieldError => ({ field, type: 'Forbidden', detail });
export const duplicate = (field: string, value: unknown, valueText?: string): FieldError => ({
  field,
  type: 'Duplicate value',
  value,
  valueText,
});
export const notFound = (field: string, value: unknown): FieldError => ({ field, type: 'Not found', value });
export const tooLong = (field: string, maxBytes: number): FieldError => ({
  field,
  type: 'Too long',
  detail: `must have at most ${maxBytes} bytes`, // [uncertain for 1.32]
});

/** field.Invalid. Strings, numbers and booleans render themselves; give `valueText` for Go dumps. */
export function invalid(field: string, value: unknown, detail: string, valueText?: string): FieldError {
  return { field, type: 'Invalid value', value: value ?? null, valueText, detail };
}

/** field.NotSupported: `supported values: "A", "B"` in the order given (callers sort when Go does). */
export function notSupported(field: string, value: unknown, supported: string[]): FieldError {
  return {
    field,
    type: 'Unsupported value',
    value: value ?? null,
    detail: supported.length ? 'supported values: ' + supported.map((v) => goQuote(v)).join(', ') : undefined,
  };
}

/** One Invalid error per message, as the server does for `for _, msg := range IsXxx(v)`. */
export function invalidEach(field: string, value: unknown, msgs: string[]): ErrorList {
  return msgs.map((m) => invalid(field, value, m));
}

// --- Go %#v dumps -----------------------------------------------------------------------------

/** `[]string{"a", "b"}`, `[]string{}` or `[]string(nil)`. */
export function goStringSlice(v: unknown, type = 'string'): string {
  if (!Array.isArray(v)) return `[]${type}(nil)`;
  return `[]${type}{${v.map((s) => goQuote(String(s))).join(', ')}}`;
}

/** `map[string]string{"a":"x", "b":"y"}` (keys sorted, as fmt does) or `map[string]string(nil)`. */
export function goStringMap(v: unknown): string {
  if (!v || typeof v !== 'object') return 'map[string]string(nil)';
  const m = v as Record<string, unknown>;
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(', ')}}`;
}

/** `v1.LabelSelector{MatchLabels:map[string]string{...}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`. */
export function goLabelSelector(sel: unknown): string {
  const s = (sel ?? {}) as { matchLabels?: unknown; matchExpressions?: unknown };
  let exprs = '[]v1.LabelSelectorRequirement(nil)';
  if (Array.isArray(s.matchExpressions)) {
    const items = s.matchExpressions.map((e: { key?: string; operator?: string; values?: unknown }) => {
      return `v1.LabelSelectorRequirement{Key:${goQuote(e.key ?? '')}, Operator:${goQuote(e.operator ?? '')}, Values:${goStringSlice(e.values)}}`;
    });
    exprs = `[]v1.LabelSelectorRequirement{${items.join(', ')}}`;
  }
  return `v1.LabelSelector{MatchLabels:${goStringMap(s.matchLabels)}, MatchExpressions:${exprs}}`;
}

/** Typed field access helpers for the plain JSON objects we validate. */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

export function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

export function arr<T = unknown>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

export function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Keys of a map in the order we report them (Go iterates maps randomly; we sort). */
export function sortedEntries(v: unknown): [string, unknown][] {
  const m = obj(v);
  return Object.keys(m)
    .sort()
    .map((k) => [k, m[k]]);
}
