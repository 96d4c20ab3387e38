// What the network tools share: where the command runs (pod, source IP), which variant of a tool
// the image ships (busybox/bind/iputils, curl 7 or 8, musl or glibc), and plausible, reproducible
// timings (a real network never gives the same round-trip twice; tests need stable output).
import { hexDigest } from '../../util/digest.js';
import type { ToolContext } from '../../runtime/types.js';
import type { From } from '../connect.js';

export function args(ctx: ToolContext): string[] {
  return ctx.argv.slice(1);
}

/** A tool run on the user's machine (kubesim curl) names its source explicitly. */
export interface HostToolContext extends ToolContext {
  from?: From;
}

export function fromOf(ctx: ToolContext): From {
  const given = (ctx as HostToolContext).from;
  if (given) return given;
  const pod = ctx.self.pod;
  return { pod, ip: pod.status?.podIP ?? '127.0.0.1' };
}

export type Flavour = 'busybox' | 'busybox-1.28' | 'bash-debian' | 'none';

export function flavour(ctx: ToolContext): Flavour {
  return ctx.self.image.shell;
}

export function libc(ctx: ToolContext): 'musl' | 'glibc' {
  const l = ctx.self.image.toolVersions?.libc;
  if (l === 'musl') return 'musl';
  if (l === 'glibc' || l === 'uclibc') return 'glibc';
  return flavour(ctx) === 'bash-debian' ? 'glibc' : 'musl';
}

/** The busybox version the image ships (nslookup style, wget texts). */
export function busyboxVersion(ctx: ToolContext): [number, number] {
  const v = ctx.self.image.toolVersions?.busybox ?? (flavour(ctx) === 'busybox-1.28' ? '1.28.4' : '1.36.1');
  const [a, b] = v.split('.').map(Number);
  return [a || 1, b || 36];
}

/** curl's version as [major, minor] (default 8.12). */
export function curlVersion(ctx: ToolContext): [number, number, string] {
  const v = ctx.self.image.toolVersions?.curl ?? '8.12.1';
  const [a, b] = v.split('.').map(Number);
  return [a || 8, b || 0, v];
}

/** A stable pseudo-random number in [0, 1) from a key (timings, ids). */
export function hash01(key: string): number {
  return parseInt(hexDigest(key, 8), 16) / 0x1_0000_0000;
}

/** A round-trip time in ms, e.g. 0.071, reproducible per key. */
export function rtt(key: string, base = 0.04, spread = 0.08): number {
  return Math.round((base + hash01(key) * spread) * 1000) / 1000;
}

/** strerror texts (musl and glibc differ for some). */
export function strerror(code: 'refused' | 'timeout' | 'unreachable' | 'noent', lc: 'musl' | 'glibc'): string {
  switch (code) {
    case 'refused':
      return 'Connection refused';
    case 'timeout':
      return lc === 'musl' ? 'Operation timed out' : 'Connection timed out';
    case 'unreachable':
      return lc === 'musl' ? 'Host is unreachable' : 'No route to host';
    default:
      return 'No such file or directory';
  }
}

/**
 * Parse short/long options getopt-style. `spec` maps each option (e.g. '-o', '--output') to true
 * when it takes a value. Returns the options (last wins; repeated ones also collected in `all`)
 * and the operands. Unknown options are reported in `unknown`.
 */
export function getopt(argv: string[], spec: Record<string, boolean>): { opts: Record<string, string | true>; all: Record<string, string[]>; operands: string[]; unknown?: string } {
  const opts: Record<string, string | true> = {};
  const all: Record<string, string[]> = {};
  const operands: string[] = [];
  const set = (k: string, v: string | true) => {
    opts[k] = v;
    (all[k] ??= []).push(v === true ? '' : v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(0, eq) : a;
      if (!(name in spec)) return { opts, all, operands, unknown: a };
      if (spec[name]) set(name, eq >= 0 ? a.slice(eq + 1) : (argv[++i] ?? ''));
      else set(name, true);
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a.slice(0, 2)) ) {
      for (let j = 1; j < a.length; j++) {
        const name = `-${a[j]}`;
        if (!(name in spec)) return { opts, all, operands, unknown: name };
        if (spec[name]) {
          const rest = a.slice(j + 1);
          set(name, rest || (argv[++i] ?? ''));
          break;
        }
        set(name, true);
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, all, operands };
}
