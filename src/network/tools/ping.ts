// ping: busybox's (`PING x (ip): 56 data bytes`, `seq=0`, `round-trip min/avg/max`), iputils'
// (Debian/Ubuntu: `56(84) bytes of data.`, `icmp_seq=1`, `rtt min/avg/max/mdev`) and inetutils'
// (old Debian: `icmp_seq=0`, `round-trip min/avg/max/stddev`). Pod and node addresses answer; a
// Service ClusterIP never does (it only exists in kube-proxy's rules for TCP/UDP ports): 100%
// packet loss, exit 1. Options: -c COUNT, -W SEC (wait for a reply), -w SEC (deadline), -q, -i.
import type { ToolContext } from '../../runtime/types.js';
import { pingable } from '../connect.js';
import { lookupHost, reverseLookup } from '../dns.js';
import { args, flavour, fromOf, getopt, libc, rtt } from './common.js';

const SPEC: Record<string, boolean> = { '-c': true, '-W': true, '-w': true, '-q': false, '-i': true, '-s': true, '-n': false, '-4': false, '-t': true, '-I': true, '-v': false };

/** Without -c a real ping runs until Ctrl-C; a simulated one stops after this many (as if interrupted). */
const MAX_UNBOUNDED = 10;

type Style = 'busybox' | 'iputils' | 'inetutils';

export async function ping(ctx: ToolContext): Promise<number> {
  const style: Style = ctx.self.image.toolVersions?.ping ?? (flavour(ctx) === 'bash-debian' ? 'iputils' : 'busybox');
  const g = getopt(args(ctx), SPEC);
  const usage = style === 'busybox'
    ? 'BusyBox v1.36.1 multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n\n\t-4,-6\t\tForce IP or IPv6 name resolution\n\t-c CNT\t\tSend only CNT pings\n\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)\n\t-i SECS\t\tInterval\n\t-A\t\tPing as soon as reply is received\n\t-t TTL\t\tSet TTL\n\t-I IFACE/IP\tSource interface or IP address\n\t-W SEC\t\tSeconds to wait for the first response (default 10)\n\t\t\t(after all -c CNT packets are sent)\n\t-w SEC\t\tSeconds until ping exits (default:infinite)\n\t\t\t(can exit earlier with -c CNT)\n\t-q\t\tQuiet, only display output at start/finish\n\t-p HEXBYTE\tPayload pattern\n'
    : 'ping: usage error: Destination address required\n';
  if (g.unknown || g.operands.length !== 1) {
    ctx.stderr(g.unknown && style === 'busybox' ? `ping: unrecognized option: ${g.unknown.replace(/^-/, '')}\n${usage}` : usage);
    return style === 'busybox' ? 1 : 2;
  }
  const target = g.operands[0];
  const count = g.opts['-c'] !== undefined ? Math.max(1, Number(g.opts['-c']) || 1) : undefined;
  const waitS = g.opts['-W'] !== undefined ? Number(g.opts['-W']) : 10;
  const deadline = g.opts['-w'] !== undefined ? Number(g.opts['-w']) : undefined;
  const quiet = '-q' in g.opts;
  const size = g.opts['-s'] !== undefined ? Number(g.opts['-s']) : 56;
  const cluster = ctx.self.cluster;
  const from = fromOf(ctx);
  const r = lookupHost(cluster, ctx.self.pod, target, { trace: (l) => ctx.trace(l), libc: libc(ctx) });
  ctx.sleep(r.elapsedMs);
  const ip = r.addresses[0];
  if (!ip) {
    if (style === 'busybox') ctx.stderr(`ping: bad address '${target}'\n`);
    else if (style === 'inetutils') ctx.stderr(`ping: unknown host\n`);
    else ctx.stderr(r.error === 'timeout' ? `ping: ${target}: Temporary failure in name resolution\n` : `ping: ${target}: Name or service not known\n`);
    return style === 'busybox' ? 1 : 2;
  }
  const shown = style === 'busybox' ? target : r.source === 'literal' ? target : (r.canonical ?? target);
  const p = pingable(cluster, from, ip);
  ctx.trace(`icmp: echo request ${from.ip} → ${ip}: ${p.reply ? `reply (${p.reason})` : `no reply — ${p.reason}`}`);
  let n = count ?? MAX_UNBOUNDED;
  if (deadline !== undefined) n = Math.min(n, Math.max(1, Math.floor(deadline)));
  const left = ctx.timeLeft?.();
  if (count === undefined && left !== undefined) n = Math.max(1, Math.min(n, Math.floor(left / 1000)));
  const out: string[] = [];
  if (style === 'busybox') out.push(`PING ${shown} (${ip}): ${size} data bytes`);
  else if (style === 'inetutils') out.push(`PING ${shown} (${ip}): ${size} data bytes`);
  else out.push(`PING ${shown} (${ip}) ${size}(${size + 28}) bytes of data.`);
  ctx.stdout(out.join('\n') + '\n');
  const times: number[] = [];
  let replyName = '';
  if (style === 'iputils' && r.source !== 'literal') {
    const rev = reverseLookup(cluster, ctx.self.pod, ip, { libc: libc(ctx) });
    replyName = `${rev ?? ip} (${ip})`;
  }
  for (let i = 0; i < n; i++) {
    if (i > 0) ctx.sleep(1000);
    if (!p.reply) continue;
    const t = rtt(`${ip}/${i}/${cluster.now}`, p.ttl === 115 ? 11 : 0.04, p.ttl === 115 ? 4 : 0.08);
    times.push(t);
    if (quiet) continue;
    const ts = t < 10 ? t.toFixed(3) : t.toFixed(1);
    if (style === 'busybox') ctx.stdout(`${size + 8} bytes from ${ip}: seq=${i} ttl=${p.ttl} time=${ts} ms\n`);
    else if (style === 'inetutils') ctx.stdout(`${size + 8} bytes from ${ip}: icmp_seq=${i} ttl=${p.ttl} time=${ts} ms\n`);
    else ctx.stdout(`${size + 8} bytes from ${replyName || ip}: icmp_seq=${i + 1} ttl=${p.ttl} time=${t < 10 ? t.toFixed(3) : t.toFixed(1)} ms\n`);
  }
  if (!p.reply) ctx.sleep(Math.min(waitS, deadline ?? waitS) * 1000);
  const received = times.length;
  const loss = Math.round(((n - received) / n) * 100);
  const stats: string[] = ['', `--- ${shown} ping statistics ---`];
  const min = Math.min(...times);
  const max = Math.max(...times);
  const avg = times.reduce((a, b) => a + b, 0) / (received || 1);
  const f = (x: number) => x.toFixed(3);
  if (style === 'iputils') {
    stats.push(`${n} packets transmitted, ${received} received, ${loss}% packet loss, time ${n > 1 ? (n - 1) * 1000 + Math.round(rtt(`${ip}t`, 1, 5)) : 0}ms`);
    if (received) {
      const mdev = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / received);
      stats.push(`rtt min/avg/max/mdev = ${f(min)}/${f(avg)}/${f(max)}/${f(mdev)} ms`);
    }
  } else {
    stats.push(`${n} packets transmitted, ${received} packets received, ${loss}% packet loss`);
    if (received) {
      if (style === 'inetutils') {
        const sd = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / received);
        stats.push(`round-trip min/avg/max/stddev = ${f(min)}/${f(avg)}/${f(max)}/${f(sd)} ms`);
      } else stats.push(`round-trip min/avg/max = ${f(min)}/${f(avg)}/${f(max)} ms`);
    }
  }
  ctx.stdout(stats.join('\n') + '\n');
  return received ? 0 : 1;
}
