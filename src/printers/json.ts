// Go encoding/json output as kubectl produces it (`-o json`, jsonpath's rendering of maps and
// arrays): map keys sorted by byte order, HTML-escaped `<` `>` `&`, U+2028/U+2029 escaped, and
// json.MarshalIndent's layout.

import { GoNum, sortedKeys } from './gofmt.js';

/** Go's JSON encoding of a string (HTML-safe, like json.Marshal). */
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function encode(v: unknown, indent: string | undefined, depth: number): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof GoNum) return encode(v.value, indent, depth);
  switch (typeof v) {
    case 'string':
      return goJsonString(v);
    case 'number':
      // JavaScript's shortest number form matches Go's float encoding (exponent below 1e-6 and
      // from 1e21 on, `e-7` not `e-07`); integers print as integers.
      return Number.isFinite(v) ? JSON.stringify(v) : 'null';
    case 'boolean':
      return String(v);
    case 'bigint':
      return v.toString();
  }
  const inner = indent === undefined ? '' : '\n' + indent.repeat(depth + 1);
  const close = indent === undefined ? '' : '\n' + indent.repeat(depth);
  const colon = indent === undefined ? ':' : ': ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((x) => inner + encode(x, indent, depth + 1)).join(',')}${close}]`;
  }
  const obj = v as Record<string, unknown>;
  const keys = sortedKeys(obj);
  if (keys.length === 0) return '{}';
  return `{${keys.map((k) => inner + goJsonString(k) + colon + encode(obj[k], indent, depth + 1)).join(',')}${close}}`;
}

/** json.Marshal (indent undefined) or json.MarshalIndent(v, "", indent). */
export function goJsonMarshal(value: unknown, indent?: string): string {
  return encode(value, indent, 0);
}

/** Exactly what `kubectl get -o json` prints for this object (trailing newline included). */
export function toKubectlJson(value: unknown): string {
  return goJsonMarshal(value, '    ') + '\n';
}

/** The List kubectl wraps several objects into for -o json/yaml/jsonpath/custom-columns/name. */
export function listWrapper(items: object[]): object {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
