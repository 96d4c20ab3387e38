// Go's tls.X509KeyPair check that `create secret tls` runs on --cert/--key, with its error texts.
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { CliError } from '../../../../util/errors.js';

interface PemBlock {
  type: string;
  text: string;
}

/** pem.Decode in a loop: every `-----BEGIN X-----` … `-----END X-----` block, in order. */
function pemBlocks(data: Buffer): PemBlock[] {
  const text = data.toString('latin1');
  const out: PemBlock[] = [];
  const re = /-----BEGIN ([^\n-]*)-----\r?\n[\s\S]*?\n-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ type: m[1], text: m[0] });
  return out;
}

const goList = (items: string[]) => `[${items.join(' ')}]`;

/** Throws kubectl's error when the certificate and key do not form a pair. */
export function checkKeyPair(certPem: Buffer, keyPem: Buffer): void {
  const certBlocks = pemBlocks(certPem);
  const certs = certBlocks.filter((b) => b.type === 'CERTIFICATE');
  if (!certs.length) {
    const skipped = certBlocks.map((b) => b.type);
    if (!skipped.length) throw new CliError('tls: failed to find any PEM data in certificate input');
    if (skipped.length === 1 && skipped[0].endsWith('PRIVATE KEY')) {
      throw new CliError('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
    }
    throw new CliError(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: ${goList(skipped)}`);
  }
  const keyBlocks = pemBlocks(keyPem);
  const keyBlock = keyBlocks.find((b) => b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY'));
  if (!keyBlock) {
    const skipped = keyBlocks.map((b) => b.type);
    if (!skipped.length) throw new CliError('tls: failed to find any PEM data in key input');
    if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') throw new CliError('tls: found a certificate rather than a key in the PEM for the private key');
    throw new CliError(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: ${goList(skipped)}`);
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certs[0].text);
  } catch {
    throw new CliError('x509: malformed certificate');
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(keyBlock.text);
  } catch {
    throw new CliError('tls: failed to parse private key');
  }
  if (cert.publicKey.asymmetricKeyType !== key.asymmetricKeyType) throw new CliError('tls: private key type does not match public key type');
  if (!cert.checkPrivateKey(key)) throw new CliError('tls: private key does not match public key');
}
