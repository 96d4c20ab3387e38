// kubesim curl [curl options] URL: curl on the user's machine, outside the cluster (see
// src/network/host.ts for what it reaches). The options and every text are the in-cluster curl
// tool's (src/network/tools/curl.ts) as curl 8.5 on a glibc host prints them; `--trace` (without
// a file) is kubesim's packet trace, not curl's. Runs under the state lock, so kube-proxy's
// round-robin and affinity state moves on like the in-cluster tools'.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, appendFileSync, readdirSync, rmSync } from 'node:fs';
import { resolve as resolvePath, dirname } from 'node:path';
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { ExitCode } from '../../../util/errors.js';
import type { ContainerHandle, ImageBehaviour, SimFs } from '../../../runtime/types.js';
import type { HostToolContext } from '../../../network/tools/common.js';
import { HOST_IP } from '../../../network/host.js';
import { traceEnabled, traceSink } from '../exec/trace.js';

/** The host's curl: Ubuntu 24.04's. */
export const HOST_CURL_VERSION = '8.5.0';

const VALUE_FLAGS = ['-n', '--namespace', '--state', '--context', '--kubeconfig', '-v', '--v'];

/** The words after `curl` on the command line, as typed (commander would eat -v and -n). */
export function rawCurlArgs(cmd: Command, fallback: string[]): string[] {
  let root: Command = cmd;
  while (root.parent) root = root.parent;
  const raw = (root as unknown as { rawArgs?: string[] }).rawArgs;
  if (!raw) return fallback;
  for (let i = 0; i < raw.length; i++) {
    if (VALUE_FLAGS.includes(raw[i])) {
      i++;
      continue;
    }
    if (raw[i] === 'curl') return raw.slice(i + 1);
  }
  return fallback;
}

/** The host's real filesystem, for -o FILE and -d @FILE. */
function hostFs(): SimFs {
  const abs = (p: string) => resolvePath(process.cwd(), p);
  return {
    read: (p) => {
      try {
        return readFileSync(abs(p), 'utf8');
      } catch {
        return undefined;
      }
    },
    write: (p, data, append) => {
      mkdirSync(dirname(abs(p)), { recursive: true });
      if (append) appendFileSync(abs(p), data);
      else writeFileSync(abs(p), data);
    },
    exists: (p) => existsSync(abs(p)),
    isDir: (p) => existsSync(abs(p)) && statSync(abs(p)).isDirectory(),
    list: (d) => {
      try {
        return readdirSync(abs(d));
      } catch {
        return undefined;
      }
    },
    mkdir: (p, parents) => void mkdirSync(abs(p), { recursive: !!parents }),
    remove: (p, recursive) => {
      if (!existsSync(abs(p))) return false;
      rmSync(abs(p), { recursive: !!recursive });
      return true;
    },
  };
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function run(ctx: Ctx, args: string[], _opts: Record<string, unknown>, cmd: Command): Promise<void> {
  let argv = rawCurlArgs(cmd, args);
  const tracing = traceEnabled(argv.includes('--trace'));
  argv = argv.filter((a) => a !== '--trace');
  const stdin = argv.some((a) => a === '@-' || a.endsWith('@-')) ? await readStdin() : '';
  const { curl } = await import('../../../network/tools/curl.js');
  const code = await ctx.run(async (cluster) => {
    const image = { match: [], description: 'the host', shell: 'bash-debian', listens: [], toolVersions: { curl: HOST_CURL_VERSION, libc: 'glibc' } } as ImageBehaviour;
    const self = { cluster, pod: { metadata: { name: 'host' }, spec: {}, status: {} }, container: {}, image } as unknown as ContainerHandle;
    const trace = traceSink(tracing, (t) => ctx.err(t));
    const tctx: HostToolContext = {
      argv: ['curl', ...argv],
      stdin,
      env: {},
      cwd: process.cwd(),
      fs: hostFs(),
      self,
      from: { ip: HOST_IP, host: true },
      stdout: (t) => ctx.out(t),
      stderr: (t) => ctx.err(t),
      trace: (l) => trace?.(l),
      sleep: () => undefined,
      tty: !!process.stdout.isTTY,
    };
    return curl(tctx);
  });
  if (code !== 0) throw new ExitCode(code, '');
}
