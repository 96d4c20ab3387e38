// pod-template-hash: a 32-bit FNV-1a hash of the pod template (+ collisionCount), written in
// decimal and encoded with SafeEncodeString (reference §8.2), e.g. `7c5ddbdf54`.
import { NAME_ALPHABET } from './rand.js';

export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  const bytes = Buffer.from(text, 'utf8');
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function safeEncodeString(s: string): string {
  let out = '';
  for (const c of s) out += NAME_ALPHABET[c.codePointAt(0)! % NAME_ALPHABET.length];
  return out;
}

/** JSON with sorted keys: a stable text of a value, whatever order its keys were written in. */
export function stableStringify(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
    .join(',')}}`;
}

export function podTemplateHash(template: unknown, collisionCount = 0): string {
  return safeEncodeString(String(fnv32a(stableStringify(template) + (collisionCount ? String(collisionCount) : ''))));
}
