// System tools: hostname, date, id, whoami, uname, ps, uptime, free, df, sleep, true, false,
// clear, nproc, mount, ip, ifconfig — answering for the simulated container (its pod name,
// pod IP, the node's kernel, the simulated clock).
import type { Tool, ToolContext } from '../../types.js';
import { podHostname } from '../../../network/dns.js';
import { KERNEL } from '../../images/system.js';
import { processName } from '../../process.js';
import { isBusybox, nowMs, userOf } from './util.js';

export const hostname: Tool = (ctx) => {
  const args = ctx.argv.slice(1);
  const pod = ctx.self.pod;
  const name = (ctx.fs.read('/etc/hostname') ?? `${podHostname(pod)}\n`).trim();
  if (args.includes('-i') || args.includes('--ip-address') || args.includes('-I') || args.includes('--all-ip-addresses')) {
    const ip = pod.spec?.hostNetwork ? pod.status?.hostIP : pod.status?.podIP;
    ctx.stdout(args.includes('-I') || args.includes('--all-ip-addresses') ? `${ip ?? ''} \n` : `${ip ?? ''}\n`);
    return 0;
  }
  if (args.includes('-f') || args.includes('--fqdn') || args.includes('--long')) {
    const sub = pod.spec?.subdomain;
    ctx.stdout(sub ? `${name}.${sub}.${pod.metadata.namespace ?? 'default'}.svc.cluster.local\n` : `${name}\n`);
    return 0;
  }
  if (args.includes('-s') || args.includes('--short')) {
    ctx.stdout(`${name.split('.')[0]}\n`);
    return 0;
  }
  if (args.length && !args[0].startsWith('-')) {
    ctx.stderr(isBusybox(ctx) ? 'hostname: sethostname: Operation not permitted\n' : 'hostname: you must be root to change the host name\n');
    return 1;
  }
  ctx.stdout(`${name}\n`);
  return 0;
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const map: Record<string, () => string> = {
    Y: () => String(Y),
    y: () => p2(Y % 100),
    m: () => p2(d.getUTCMonth() + 1),
    d: () => p2(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2, ' '),
    H: () => p2(d.getUTCHours()),
    I: () => p2(d.getUTCHours() % 12 || 12),
    M: () => p2(d.getUTCMinutes()),
    S: () => p2(d.getUTCSeconds()),
    N: () => String(d.getUTCMilliseconds() * 1_000_000).padStart(9, '0'),
    s: () => String(Math.floor(ms / 1000)),
    a: () => DAYS[d.getUTCDay()],
    A: () => ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()],
    h: () => MONTHS[d.getUTCMonth()],
    B: () => ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][d.getUTCMonth()],
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    Z: () => 'UTC',
    z: () => '+0000',
    T: () => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    R: () => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`,
    F: () => `${Y}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    D: () => `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(Y % 100)}`,
    j: () => String(Math.floor((ms - Date.UTC(Y, 0, 1)) / 86_400_000) + 1).padStart(3, '0'),
    u: () => String(d.getUTCDay() || 7),
    w: () => String(d.getUTCDay()),
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return fmt.replace(/%(.)/g, (m, c: string) => (map[c] ? map[c]() : m));
}

export const date: Tool = (ctx) => {
  const args = ctx.argv.slice(1);
  const fmt = args.find((a) => a.startsWith('+'));
  const ms = nowMs(ctx);
  const iso = args.find((a) => a === '-I' || a.startsWith('--iso-8601') || a.startsWith('-I'));
  if (iso) {
    ctx.stdout(`${strftime('%Y-%m-%d', ms)}${/seconds/.test(iso) ? strftime('T%H:%M:%S+00:00', ms) : ''}\n`);
    return 0;
  }
  if (args.includes('-R') || args.includes('--rfc-email')) {
    ctx.stdout(`${strftime('%a, %d %b %Y %H:%M:%S +0000', ms)}\n`);
    return 0;
  }
  const bad = args.find((a) => !a.startsWith('+') && !['-u', '--utc', '--universal'].includes(a));
  if (bad) {
    ctx.stderr(isBusybox(ctx) ? `date: invalid date '${bad}'\n` : `date: invalid date '${bad}'\n`);
    return 1;
  }
  ctx.stdout(`${strftime(fmt ? fmt.slice(1) : '%a %b %e %H:%M:%S %Z %Y', ms)}\n`);
  return 0;
};

function groupsOf(ctx: ToolContext, uid: number): string {
  if (uid !== 0) return '';
  if (isBusybox(ctx) && ctx.self.image.os !== 'busybox') return '0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)';
  if (ctx.self.image.os === 'busybox') return '0(root),10(wheel)';
  return '0(root)';
}

export const id: Tool = (ctx) => {
  const u = userOf(ctx);
  const args = ctx.argv.slice(1);
  const name = u.name || String(u.uid);
  if (args.includes('-u')) ctx.stdout(`${args.includes('-n') ? name : u.uid}\n`);
  else if (args.includes('-g')) ctx.stdout(`${args.includes('-n') ? (u.gid === 0 ? 'root' : String(u.gid)) : u.gid}\n`);
  else {
    const who = u.name ? `${u.uid}(${u.name})` : String(u.uid);
    const grp = u.gid === 0 ? '0(root)' : String(u.gid);
    const groups = groupsOf(ctx, u.uid);
    ctx.stdout(`uid=${who} gid=${grp}${groups ? ` groups=${groups}` : u.uid !== 0 ? ` groups=${grp}` : ''}\n`);
  }
  return 0;
};

export const whoami: Tool = (ctx) => {
  const u = userOf(ctx);
  if (!u.name) {
    ctx.stderr(isBusybox(ctx) ? `whoami: unknown uid ${u.uid}\n` : `whoami: cannot find name for user ID ${u.uid}\n`);
    return 1;
  }
  ctx.stdout(`${u.name}\n`);
  return 0;
};

export const uname: Tool = (ctx) => {
  const args = ctx.argv.slice(1).join('');
  const host = (ctx.fs.read('/etc/hostname') ?? '').trim();
  const all = args.includes('a');
  const parts: string[] = [];
  if (all || args.includes('s') || !args) parts.push('Linux');
  if (all || args.includes('n')) parts.push(host);
  if (all || args.includes('r')) parts.push(KERNEL.release);
  if (all || args.includes('v')) parts.push(KERNEL.version);
  if (all || args.includes('m')) parts.push(KERNEL.machine);
  if (all && !isBusybox(ctx)) parts.push('GNU/Linux');
  else if (all || args.includes('o')) parts.push(isBusybox(ctx) ? 'Linux' : 'GNU/Linux');
  ctx.stdout(`${parts.join(' ')}\n`);
  return 0;
};

/** ps: PID 1 (the main process), the exec'd shell, and ps itself. */
export const ps: Tool = (ctx) => {
  const shellPid = ctx.shellPid ?? 7;
  const main = processName(ctx.self);
  const shell = ctx.shellCommand ?? '';
  const rows: [number, string][] = [[1, main]];
  if (shell) rows.push([shellPid, shell]);
  rows.push([shellPid + 6, ctx.argv.join(' ')]);
  const u = userOf(ctx);
  const user = u.name || String(u.uid);
  if (isBusybox(ctx)) {
    ctx.stdout(`PID   USER     TIME  COMMAND\n${rows.map(([pid, cmd]) => `${String(pid).padStart(5)} ${user.padEnd(8)}  0:00 ${cmd}`).join('\n')}\n`);
    return 0;
  }
  const full = ctx.argv.slice(1).some((a) => /a|e|f|x/.test(a));
  if (full) {
    ctx.stdout(`USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n${rows.map(([pid, cmd], i) => `${user.padEnd(8)} ${String(pid).padStart(7)}  0.0  0.1  ${String(i ? 4188 : 11372).padStart(5)}  ${String(i ? 3364 : 7636).padStart(4)} ${i ? 'pts/0   ' : '?       '} ${i ? 'Ss' : 'Ss'}   ${strftime('%H:%M', nowMs(ctx))}   0:00 ${cmd}`).join('\n')}\n`);
    return 0;
  }
  ctx.stdout(`    PID TTY          TIME CMD\n${rows.map(([pid, cmd], i) => `${String(pid).padStart(7)} ${i ? 'pts/0   ' : '?       '} 00:00:00 ${cmd.split(' ')[0].replace(/^.*\//, '')}`).join('\n')}\n`);
  return 0;
};

export const uptime: Tool = (ctx) => {
  const ms = nowMs(ctx);
  const node = ctx.self.pod.spec?.nodeName ? ctx.self.cluster.get('nodes', undefined, ctx.self.pod.spec.nodeName) : undefined;
  const since = Date.parse(node?.metadata?.creationTimestamp ?? '') || ms - 3600_000;
  const mins = Math.max(0, Math.floor((ms - since) / 60_000));
  const days = Math.floor(mins / 1440);
  const hm = `${String(Math.floor((mins % 1440) / 60)).padStart(2, ' ')}:${p2(mins % 60)}`;
  const up = days ? `${days} day${days > 1 ? 's' : ''}, ${hm}` : mins < 60 ? `${mins} min` : hm;
  ctx.stdout(` ${strftime('%H:%M:%S', ms)} up ${up},  0 users,  load average: 0.08, 0.03, 0.01\n`);
  return 0;
};

export const free: Tool = (ctx) => {
  if (isBusybox(ctx)) ctx.stdout('              total        used        free      shared  buff/cache   available\nMem:        8029468     1964588     3338132        3408     2726748     5797072\nSwap:       1048572           0     1048572\n');
  else ctx.stdout('               total        used        free      shared  buff/cache   available\nMem:         8029468     1964588     3338132        3408     2726748     6064880\nSwap:        1048572           0     1048572\n');
  return 0;
};

export const df: Tool = (ctx) => {
  ctx.stdout(isBusybox(ctx) ? 'Filesystem           1K-blocks      Used Available Use% Mounted on\noverlay               61202244  21436784  36624136  37% /\ntmpfs                    65536         0     65536   0% /dev\n' : 'Filesystem     1K-blocks     Used Available Use% Mounted on\noverlay         61202244 21436784  36624136  37% /\ntmpfs              65536        0     65536   0% /dev\n');
  return 0;
};

/** `sleep N[smhd]`, several operands add up; `infinity` sleeps past any budget. Simulated time. */
export const sleep: Tool = (ctx) => {
  const ops = ctx.argv.slice(1);
  if (!ops.length) {
    ctx.stderr(isBusybox(ctx) ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: sleep [N]...\n' : "sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const o of ops) {
    if (o === 'infinity' || o === 'inf') {
      total = Infinity;
      continue;
    }
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(o);
    if (!m) {
      ctx.stderr(isBusybox(ctx) ? `sleep: invalid number '${o}'\n` : `sleep: invalid time interval '${o}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'] * 1000;
  }
  ctx.sleep(total);
  return 0;
};

export const trueTool: Tool = () => 0;
export const falseTool: Tool = () => 1;

export const clear: Tool = (ctx) => {
  if (ctx.tty) ctx.stdout('\x1b[H\x1b[2J\x1b[3J');
  return 0;
};

export const nproc: Tool = (ctx) => {
  ctx.stdout('8\n');
  return 0;
};

export const mount: Tool = (ctx) => {
  const mounts = ['overlay on / type overlay (rw,relatime)', 'proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)', 'tmpfs on /dev type tmpfs (rw,nosuid,size=65536k,mode=755)'];
  for (const m of ctx.self.container.volumeMounts ?? []) mounts.push(`/dev/vda1 on ${m.mountPath} type ext4 (${m.readOnly ? 'ro' : 'rw'},relatime)`);
  ctx.stdout(mounts.map((m) => `${m}\n`).join(''));
  return 0;
};

function ifaceInfo(ctx: ToolContext): { ip: string; mac: string } {
  const ip: string = ctx.self.pod.status?.podIP ?? '0.0.0.0';
  const parts = ip.split('.').map((x) => Number(x).toString(16).padStart(2, '0'));
  return { ip, mac: `9a:4c:${parts.join(':')}` };
}

export const ip: Tool = (ctx) => {
  const sub = ctx.argv[1] ?? '';
  const { ip: addr, mac } = ifaceInfo(ctx);
  if (sub.startsWith('r')) {
    ctx.stdout(`default via 10.244.0.1 dev eth0 \n10.244.0.0/24 via 10.244.0.1 dev eth0 src ${addr} \n10.244.0.1 dev eth0 scope link src ${addr} \n`);
    return 0;
  }
  if (sub.startsWith('a') || sub === '') {
    ctx.stdout(`1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n2: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n    link/ether ${mac} brd ff:ff:ff:ff:ff:ff\n    inet ${addr}/24 brd 10.244.0.255 scope global eth0\n       valid_lft forever preferred_lft forever\n`);
    return 0;
  }
  ctx.stderr(`ip: can't find device '${sub}'\n`);
  return 1;
};

export const ifconfig: Tool = (ctx) => {
  const { ip: addr, mac } = ifaceInfo(ctx);
  ctx.stdout(`eth0      Link encap:Ethernet  HWaddr ${mac.toUpperCase()}  \n          inet addr:${addr}  Bcast:10.244.0.255  Mask:255.255.255.0\n          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1\n\nlo        Link encap:Local Loopback  \n          inet addr:127.0.0.1  Mask:255.0.0.0\n          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n\n`);
  return 0;
};
