// IPv4 helpers and the Service ClusterIP allocator (reference §9.2): random addresses, preferring
// the upper band; the lowest min(max(16, size/16), 256) addresses are kept for explicit requests.
import type { Cluster } from '../../store/cluster.js';
import type { FieldError } from '../../util/errors.js';

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}
export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
export function isIPv4(s: string): boolean {
  return /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s) && s.split('.').every((o) => Number(o) <= 255);
}
export function parseCidr(cidr: string): { base: number; size: number } {
  const [ip, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return { base: ipToInt(ip) - (ipToInt(ip) % size), size };
}

export function clusterIPsInUse(cluster: Cluster, except?: string): Set<string> {
  const used = new Set<string>();
  for (const svc of cluster.list('services')) {
    if (except && svc.metadata.uid === except) continue;
    for (const ip of svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : [])) used.add(ip);
  }
  return used;
}

/** Allocate (or check) the ClusterIP of a new Service. Returns field errors like the server's. */
export function allocateClusterIP(cluster: Cluster, requested: string | undefined): { ip?: string; errors: FieldError[] } {
  const cidr = cluster.state.cluster.serviceCIDR;
  const { base, size } = parseCidr(cidr);
  const used = clusterIPsInUse(cluster);
  if (requested) {
    const n = ipToInt(requested);
    const err = (detail: string): { errors: FieldError[] } => ({
      errors: [{ field: 'spec.clusterIPs', type: 'Invalid value', valueText: `[]string{"${requested}"}`, detail: `failed to allocate IP ${requested}: ${detail}` }],
    });
    if (!isIPv4(requested) || n <= base || n >= base + size - 1) {
      return err(`the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${cidr}`);
    }
    if (used.has(requested)) return err('provided IP is already allocated');
    return { ip: requested, errors: [] };
  }
  const reserved = Math.min(Math.max(16, size / 16), 256);
  const pick = (lo: number, hi: number): string | undefined => {
    const span = hi - lo;
    if (span <= 0) return undefined;
    const start = cluster.rand.int(span);
    for (let i = 0; i < span; i++) {
      const ip = intToIp(base + lo + ((start + i) % span));
      if (!used.has(ip)) return ip;
    }
    return undefined;
  };
  const ip = pick(reserved + 1, size - 1) ?? pick(1, reserved + 1);
  if (!ip) return { errors: [{ field: 'spec.clusterIPs', type: 'Internal error', detail: 'range is full' }] };
  return { ip, errors: [] };
}
