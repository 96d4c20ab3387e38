// getent hosts|ahosts NAME…: the libc lookup (/etc/hosts, then DNS with the search list), one line
// per address: `%-15s name aliases`; no key → the whole /etc/hosts; not found → exit 2.
import type { ToolContext } from '../../runtime/types.js';
import { hostsEntries, isIPv4, lookupHost, reverseLookup } from '../dns.js';
import { args, libc } from './common.js';

export async function getent(ctx: ToolContext): Promise<number> {
  const [db, ...keys] = args(ctx);
  if (!db) {
    ctx.stderr('Usage: getent [OPTION...] database [key ...]\nTry `getent --help\' or `getent --usage\' for more information.\n');
    return 1;
  }
  if (db !== 'hosts' && db !== 'ahosts' && db !== 'ahostsv4') {
    if (['passwd', 'group', 'services', 'protocols', 'networks'].includes(db)) return keys.length ? 2 : 0;
    ctx.stderr(`Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`);
    return 1;
  }
  const cluster = ctx.self.cluster;
  const pod = ctx.self.pod;
  if (!keys.length) {
    ctx.stdout(hostsEntries(pod).map((e) => `${e.ip.padEnd(15)} ${e.names.join(' ')}\n`).join(''));
    return 0;
  }
  let code = 0;
  for (const key of keys) {
    if (isIPv4(key)) {
      const name = reverseLookup(cluster, pod, key, { useHosts: true, libc: libc(ctx) });
      if (!name) {
        code = 2;
        continue;
      }
      ctx.stdout(`${key.padEnd(15)} ${name}\n`);
      continue;
    }
    const r = lookupHost(cluster, pod, key, { trace: (l) => ctx.trace(l), libc: libc(ctx) });
    ctx.sleep(r.elapsedMs);
    if (!r.addresses.length) {
      code = 2;
      continue;
    }
    const canonical = r.canonical ?? key;
    const aliases = r.source === 'hosts' ? (hostsEntries(pod).find((e) => e.ip === r.addresses[0])?.names.slice(1) ?? []) : r.fqdn && r.fqdn !== canonical ? [r.fqdn] : [];
    if (db === 'hosts') {
      for (const a of r.addresses) ctx.stdout(`${a.padEnd(15)} ${[canonical, ...aliases].join(' ')}\n`);
    } else {
      for (const a of r.addresses) {
        ctx.stdout(`${a.padEnd(15)} STREAM ${canonical}\n${a.padEnd(15)} DGRAM  \n${a.padEnd(15)} RAW    \n`);
      }
    }
  }
  return code;
}
