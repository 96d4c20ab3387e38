// Small helpers shared by the defaulting functions. Objects are plain JSON (the API wire form),
// so "unset" means missing, null, '' or (for Go's int fields with `== 0` checks) 0.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `o[k]` as an object, created (empty) when missing. */
export function child(o: Obj, k: string): Obj {
  if (!isObj(o[k])) o[k] = {};
  return o[k];
}

/** Set `o[k] = v` when `o[k]` is missing/null/'' (a Go string or pointer field left unset). */
export function dflt(o: Obj, k: string, v: unknown): void {
  if (o[k] === undefined || o[k] === null || o[k] === '') o[k] = v;
}

/** Like `dflt`, but also replaces 0 (Go `if x == 0` checks on non-pointer ints). */
export function dfltNonZero(o: Obj, k: string, v: unknown): void {
  if (o[k] === undefined || o[k] === null || o[k] === '' || o[k] === 0) o[k] = v;
}

/** The elements of `o[k]` that are objects (empty when `o[k]` is not an array). */
export function items(o: Obj | undefined, k: string): Obj[] {
  const a = o?.[k];
  return Array.isArray(a) ? a.filter(isObj) : [];
}

/** True when a map field is missing or has no keys (Go `len(m) == 0`). */
export const emptyMap = (m: unknown): boolean => !isObj(m) || Object.keys(m).length === 0;

/** A template/embedded ObjectMeta as the API server prints it: Go marshals its zero creationTimestamp as null. */
export function templateMeta(t: Obj): Obj {
  const meta = child(t, 'metadata');
  if (meta.creationTimestamp === undefined) meta.creationTimestamp = null;
  return meta;
}
