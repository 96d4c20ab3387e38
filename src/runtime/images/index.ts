// The image behaviour table: one row per image family (ports, routes, answers, env, files,
// shell flavour and tools, start-up time), kept as data in the files beside this one, one file
// per book or family. `imageBehaviour(image)` picks the row for an image reference:
//
//   - a row's `match` entries are `repository` or `repository:tag-glob` (`nginx:*alpine*`,
//     `luksa/kubia:v3`, `busybox:1.28*`); the registry (`docker.io/`, `library/`) is ignored;
//   - a matching tag pattern beats a bare repository; among equals the first row wins;
//   - an image no row matches gets the generic behaviour (generic.ts): it listens on the
//     containerPorts the pod declares and answers any HTTP request with its pod name, port and
//     path; with no declared port nothing listens. Its shell is busybox.
import type { ImageBehaviour } from '../types.js';
import { normalizeImage } from '../images.js';
import { KIAMOL_IMAGES } from './kiamol.js';
import { KIA_IMAGES } from './kia.js';
import { KIA2_IMAGES } from './kia2.js';
import { FLEETMAN_IMAGES } from './fleetman.js';
import { BASE_IMAGES } from './base-images.js';
import { COUNTER_IMAGES } from './counters.js';
import { SYSTEM_IMAGES } from './system.js';
import { genericImage } from './generic.js';

export const IMAGE_TABLE: ImageBehaviour[] = [...KIAMOL_IMAGES, ...KIA_IMAGES, ...KIA2_IMAGES, ...FLEETMAN_IMAGES, ...COUNTER_IMAGES, ...SYSTEM_IMAGES, ...BASE_IMAGES];

/** `docker.io/library/nginx:1.27-alpine` → { repo: 'nginx', tag: '1.27-alpine' }. */
export function parseImageRef(image: string): { repo: string; tag: string } {
  const ref = normalizeImage(image.trim());
  const at = ref.indexOf('@');
  const noDigest = at >= 0 ? ref.slice(0, at) : ref;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  let repo = colon > slash ? noDigest.slice(0, colon) : noDigest;
  const tag = colon > slash ? noDigest.slice(colon + 1) : at >= 0 ? '' : 'latest';
  repo = repo.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
  return { repo, tag };
}

function tagMatches(glob: string, tag: string): boolean {
  const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(tag);
}

const cache = new Map<string, ImageBehaviour>();

export function imageBehaviour(image: string): ImageBehaviour {
  const hit = cache.get(image);
  if (hit) return hit;
  const { repo, tag } = parseImageRef(image);
  let best: ImageBehaviour | undefined;
  let bestScore = 0;
  for (const row of IMAGE_TABLE) {
    for (const m of row.match) {
      const colon = m.indexOf(':');
      const mRepo = colon < 0 ? m : m.slice(0, colon);
      if (mRepo !== repo) continue;
      const score = colon < 0 ? 1 : tagMatches(m.slice(colon + 1), tag) ? 2 : 0;
      if (score > bestScore) {
        best = row;
        bestScore = score;
      }
    }
  }
  const result = best ?? genericImage(repo);
  cache.set(image, result);
  return result;
}
