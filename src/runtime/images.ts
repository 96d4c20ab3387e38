// Image references as containerd reports them, and what the kubelet needs to know about an image
// to start it. (The full per-image behaviour table — ports, routes, shell tools — lives beside this
// file in the container runtime.)
import { hexDigest } from '../util/digest.js';

/** `nginx` → `docker.io/library/nginx:latest`; `kiamol/ch03-sleep` → `docker.io/kiamol/ch03-sleep:latest`. */
export function normalizeImage(image: string): string {
  let ref = image;
  const firstSlash = ref.indexOf('/');
  const first = firstSlash < 0 ? '' : ref.slice(0, firstSlash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  if (!hasRegistry) ref = firstSlash < 0 ? `docker.io/library/${ref}` : `docker.io/${ref}`;
  const lastSlash = ref.lastIndexOf('/');
  if (!ref.includes('@') && !ref.slice(lastSlash).includes(':')) ref += ':latest';
  return ref;
}

/** `docker.io/library/nginx@sha256:<digest>`: a stable made-up digest per image. */
export function imageID(image: string): string {
  const ref = normalizeImage(image);
  const repo = ref.includes('@') ? ref.split('@')[0] : ref.slice(0, ref.lastIndexOf(':') > ref.lastIndexOf('/') ? ref.lastIndexOf(':') : ref.length);
  return `${repo}@sha256:${hexDigest(ref)}`;
}

/** A plausible compressed image size in bytes (for the Pulled event). */
export function imageSize(image: string): number {
  return 5_000_000 + (parseInt(hexDigest(normalizeImage(image), 8), 16) % 120_000_000);
}
