// TLS certificates as a client sees them: the one in a `kubernetes.io/tls` Secret (parsed with
// node:crypto's X509Certificate, imported lazily through x509.ts — only on this path) and the
// self-signed defaults ingress controllers present when no Secret applies (ingress-nginx's "Fake
// Certificate", traefik's "TRAEFIK DEFAULT CERT"). Also: hostname matching (Go's VerifyHostname and
// ingress-nginx's Common Name fallback) and the verification error OpenSSL gives curl (no
// certificate here chains to a CA curl trusts: self-signed → 18, otherwise → 20).
import type { KObject } from '../api/types.js';
import { hexDigest } from '../util/digest.js';

export interface Certificate {
  /** curl's one-line form (OpenSSL XN_FLAG_SEP_SPLUS_SPC): `C=UK; O=KIAMOL; CN=x`. */
  subject: string;
  issuer: string;
  /** ASN1_TIME_print form, as curl -v prints it: `Jun  1 10:00:00 2024 GMT`. */
  notBefore: string;
  notAfter: string;
  commonName?: string;
  /** subjectAltName DNS entries. */
  dnsNames: string[];
  /** curl's "Public key type" (EVP type name, `/group` for EC), bits and security bits. */
  key: { type: string; bits: number; secBits: number };
  /** OpenSSL's long name of the signature algorithm, e.g. sha256WithRSAEncryption. */
  signature: string;
  /** Size of the DER encoding (the TLS Certificate message is 13 bytes more). */
  derLength: number;
  /** Where the controller got it (for --trace). */
  source: string;
}

/** What OpenSSL reports when curl verifies the peer (X509_verify_cert_error_string). */
export interface VerifyError {
  code: number;
  text: string;
}

export function verifyError(cert: Certificate): VerifyError {
  return cert.subject === cert.issuer ? { code: 18, text: 'self-signed certificate' } : { code: 20, text: 'unable to get local issuer certificate' };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** OpenSSL's ASN1_TIME_print: `Jun  1 10:00:00 2024 GMT`. */
export function asn1Time(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** The certificate an ingress controller generates for itself at start-up (as data). */
const DEFAULTS = {
  // ingress-nginx internal/net/ssl GetFakeSSLCert: RSA 2048, O=Acme Co, valid 365 days, SAN ingress.local.
  nginx: (_key: string) => ({ subject: 'O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate', commonName: 'Kubernetes Ingress Controller Fake Certificate', dnsNames: ['ingress.local'], derLength: 882 }),
  // traefik pkg/tls/generate DefaultCertificate: RSA 2048, CN=TRAEFIK DEFAULT CERT, 365 days, SAN <random>.traefik.default.
  traefik: (key: string) => {
    const z = hexDigest(`traefik-default:${key}`, 64);
    return { subject: 'CN=TRAEFIK DEFAULT CERT', commonName: 'TRAEFIK DEFAULT CERT', dnsNames: [`${z.slice(0, 32)}.${z.slice(32)}.traefik.default`], derLength: 838 };
  },
};

export type ControllerFlavour = keyof typeof DEFAULTS;

/** The self-signed certificate a controller (started at `startedAt`) presents by default. */
export function defaultCertificate(flavour: ControllerFlavour, startedAt: number, key: string): Certificate {
  const d = DEFAULTS[flavour](key);
  return {
    ...d,
    issuer: d.subject,
    notBefore: asn1Time(startedAt),
    notAfter: asn1Time(startedAt + YEAR_MS),
    key: { type: 'RSA', bits: 2048, secBits: 112 },
    signature: 'sha256WithRSAEncryption',
    source: flavour === 'nginx' ? "the controller's default certificate (Kubernetes Ingress Controller Fake Certificate)" : "traefik's default certificate (TRAEFIK DEFAULT CERT)",
  };
}

// ---------------------------------------------------------------------------------------------
// Parsing a Secret's tls.crt

const SIGNATURES: Record<string, string> = {
  '2a864886f70d010105': 'sha1WithRSAEncryption',
  '2a864886f70d01010a': 'RSASSA-PSS',
  '2a864886f70d01010b': 'sha256WithRSAEncryption',
  '2a864886f70d01010c': 'sha384WithRSAEncryption',
  '2a864886f70d01010d': 'sha512WithRSAEncryption',
  '2a8648ce3d040302': 'ecdsa-with-SHA256',
  '2a8648ce3d040303': 'ecdsa-with-SHA384',
  '2a8648ce3d040304': 'ecdsa-with-SHA512',
  '2b6570': 'ED25519',
};

/** One DER element at `off`: tag, header length, content length. */
function tlv(der: Buffer, off: number): { tag: number; hdr: number; len: number } {
  const tag = der[off];
  let len = der[off + 1];
  let hdr = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[off + 2 + i];
    hdr += n;
  }
  return { tag, hdr, len };
}

/** The signature algorithm of a certificate (tbsCertificate.signature), by walking its DER. */
function signatureOf(der: Buffer): string {
  try {
    const cert = tlv(der, 0);
    let off = cert.hdr; // tbsCertificate
    const tbs = tlv(der, off);
    off += tbs.hdr;
    let el = tlv(der, off);
    if (el.tag === 0xa0) {
      off += el.hdr + el.len; // [0] version
      el = tlv(der, off);
    }
    off += el.hdr + el.len; // serialNumber
    const alg = tlv(der, off);
    const oid = tlv(der, off + alg.hdr);
    const start = off + alg.hdr + oid.hdr;
    const hex = der.subarray(start, start + oid.len).toString('hex');
    return SIGNATURES[hex] ?? 'UNDEF';
  } catch {
    return 'UNDEF';
  }
}

/** OpenSSL 3's security bits of an RSA modulus (ossl_ifc_ffc_compute_security_bits). */
function rsaSecBits(n: number): number {
  const canonical: Record<number, number> = { 2048: 112, 3072: 128, 4096: 152, 6144: 176, 7680: 192, 8192: 200, 15360: 256 };
  if (canonical[n]) return canonical[n];
  if (n < 8) return 0;
  // SP 800-56B's formula, rounded to a multiple of 8.
  const x = n * Math.LN2;
  const y = (1.923 * Math.cbrt(x) * Math.pow(Math.log(x), 2 / 3) - 4.69) / Math.LN2;
  return Math.min((Math.round(y) + 4) & ~7, 1200);
}

const parsed = new Map<string, Certificate | null>();

/**
 * The certificate in a TLS Secret (its first PEM block of data['tls.crt']), or undefined when the
 * Secret has none or it does not parse — the controllers then fall back to their default.
 */
export async function secretCertificate(secret: KObject | undefined): Promise<Certificate | undefined> {
  const b64 = secret?.data?.['tls.crt'];
  if (typeof b64 !== 'string' || !b64) return undefined;
  const source = `Secret ${secret!.metadata.namespace}/${secret!.metadata.name}`;
  const hit = parsed.get(b64);
  if (hit !== undefined) return hit ? { ...hit, source } : undefined;
  const pem = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(Buffer.from(b64, 'base64').toString('utf8'))?.[0];
  let cert: Certificate | null = null;
  if (pem) {
    try {
      const { X509Certificate } = await import('./x509.js');
      const x = new X509Certificate(pem);
      const line = (dn: string) => dn.split('\n').filter(Boolean).join('; ');
      const details = x.publicKey.asymmetricKeyDetails ?? {};
      const type = x.publicKey.asymmetricKeyType ?? '';
      const key =
        type === 'rsa' || type === 'rsa-pss'
          ? { type: type === 'rsa' ? 'RSA' : 'RSA-PSS', bits: details.modulusLength ?? 0, secBits: rsaSecBits(details.modulusLength ?? 0) }
          : type === 'ec'
            ? (() => {
                const bits = Number(/(\d+)/.exec(details.namedCurve ?? '')?.[1] ?? 256);
                return { type: `EC/${details.namedCurve ?? 'prime256v1'}`, bits, secBits: Math.floor(bits / 2) };
              })()
            : { type: type.toUpperCase(), bits: 256, secBits: 128 };
      cert = {
        subject: line(x.subject),
        issuer: line(x.issuer),
        notBefore: x.validFrom,
        notAfter: x.validTo,
        commonName: /(?:^|\n)CN=([^\n]*)/.exec(x.subject)?.[1],
        dnsNames: (x.subjectAltName ?? '')
          .split(/,\s*/)
          .filter((s) => s.startsWith('DNS:'))
          .map((s) => s.slice(4).toLowerCase()),
        key,
        signature: signatureOf(x.raw),
        derLength: x.raw.length,
        source,
      };
    } catch {
      cert = null;
    }
  }
  parsed.set(b64, cert);
  return cert ?? undefined;
}

/** Does a certificate name (maybe `*.example.com`) cover `host`? One label for the wildcard. */
export function nameMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (p === h) return true;
  if (!p.startsWith('*.')) return false;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot) === p.slice(1);
}

/**
 * Is the certificate valid for `host`? Go's VerifyHostname looks at the DNS SANs only;
 * `commonName: true` adds ingress-nginx's fallback to the subject CN (and traefik, which serves a
 * certificate for every name it carries).
 */
export function certCovers(cert: Certificate, host: string, opts: { commonName?: boolean } = {}): boolean {
  if (cert.dnsNames.some((n) => nameMatches(n, host))) return true;
  return !!opts.commonName && !!cert.commonName && nameMatches(cert.commonName, host);
}

/** Is `host` an IP literal (curl sends no SNI for those)? */
export function isIPLiteral(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':');
}

/** A TLS connection as curl -v reports it. */
export interface TlsSession {
  cert: Certificate;
  /** The server name curl sent (none for an IP literal). */
  sni?: string;
  /** What the server picked from curl's ALPN offer. */
  alpn: 'http/1.1';
  /** Sizes of the TLS 1.3 NewSessionTicket messages the server sends after the handshake. */
  tickets: number[];
}

// OpenSSL servers (nginx, ssl_session_tickets off → stateful tickets: a 32-byte id) send two
// tickets; Go's crypto/tls (traefik) sends one encrypted ticket. Sizes are the messages'.
const SESSION_TICKETS: Record<ControllerFlavour, number[]> = { nginx: [57, 57], traefik: [146] };

export function tlsSession(cert: Certificate, sni: string | undefined, flavour: ControllerFlavour): TlsSession {
  return { cert, sni, alpn: 'http/1.1', tickets: SESSION_TICKETS[flavour] };
}
