// Stable made-up digests (image IDs, container IDs derived from names): hex strings that look
// like sha256 sums. Not cryptographic — they only need to be stable and well spread, and
// node:crypto would cost start-up time on every command.
import { fnv32a } from './hash.js';

/** `length` hex characters derived from `text` (64 by default, like a sha256 digest). */
export function hexDigest(text: string, length = 64): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += fnv32a(`${i}:${text}`).toString(16).padStart(8, '0');
  return out.slice(0, length);
}
