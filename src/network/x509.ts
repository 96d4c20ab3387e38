// node:crypto, for the few requests that need it: parsing a TLS Secret's certificate and
// traefik's sha1 cookie names. Only ever loaded with `await import('./x509.js')`, so node:crypto
// stays off the start-up path (a bundled dynamic import of a builtin does not work under
// bin/kubesim's vm loader; a dynamic import of this module does).
import { X509Certificate, createHash } from 'node:crypto';

export { X509Certificate };

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
