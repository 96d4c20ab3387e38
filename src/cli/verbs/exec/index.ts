// kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args…]: run a command in a
// simulated container (src/runtime/shell), with kubectl's messages — the deprecation warning of
// the form without `--`, "Defaulted container", "Unable to use a TTY", "command terminated with
// exit code N" (and kubesim exits N). `-it … -- sh` is an interactive shell (interactive.ts).
// Everything runs under the state lock, so files written and kube-proxy's balancing persist.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { CliError, ExitCode, StatusError } from '../../../util/errors.js';
import { badContainer, containerExists, pickContainer, resolvePod } from './target.js';
import { traceEnabled, traceSink } from './trace.js';

export interface ExecOptions {
  container?: string;
  stdin?: boolean;
  tty?: boolean;
  quiet?: boolean;
  filename?: string[];
  podRunningTimeout?: string;
  trace?: boolean;
}

export const DEPRECATED = 'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n';

/** Split the operands at `--` (cobra's ArgsLenAtDash), from the raw command line. */
export function splitAtDash(args: string[], cmd: Command): { resource?: string; command: string[]; deprecated: boolean } {
  let root: Command = cmd;
  while (root.parent) root = root.parent;
  const raw = (root as unknown as { rawArgs?: string[] }).rawArgs ?? [];
  const dash = raw.indexOf('--');
  if (dash >= 0) {
    const after = raw.slice(dash + 1);
    const before = args.length - after.length;
    return { resource: before > 0 ? args[0] : undefined, command: args.slice(Math.max(0, before)), deprecated: false };
  }
  if (args.length > 1) return { resource: args[0], command: args.slice(1), deprecated: true };
  return { resource: args[0], command: [], deprecated: false };
}

const MAX_STDIN = 1024 * 1024;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_STDIN) throw new CliError(`kubesim reads at most ${MAX_STDIN} bytes of stdin for exec`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function run(ctx: Ctx, args: string[], opts: ExecOptions, cmd: Command): Promise<void> {
  const { resource, command, deprecated } = splitAtDash(args, cmd);
  if (deprecated && !opts.quiet) ctx.err(DEPRECATED);
  if (!resource && !opts.filename?.length) throw new CliError('pod, type/name or --filename must be specified');
  if (!command.length) throw new CliError('you must specify at least one command for the container');
  if (opts.filename?.length) throw new CliError('kubesim does not support "exec -f"; name the pod (POD or TYPE/NAME) instead');

  // -t needs -i and a terminal on stdin (kubectl's SetupTTY).
  let tty = !!opts.tty && !!opts.stdin;
  if (tty && !process.stdin.isTTY) {
    if (!opts.quiet) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    tty = false;
  }
  const stdin = opts.stdin ? await readStdin() : '';
  const tracing = traceEnabled(opts.trace);

  // Which pod and container (errors as kubectl prints them).
  const target = await ctx.run((cluster, namespace) => {
    const { pod } = resolvePod(cluster, resource!, namespace, 'attach');
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') throw new CliError(`cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
    const container = pickContainer(pod, opts.container, (t) => ctx.err(t), opts.quiet);
    if (!containerExists(pod, container)) throw badContainer(pod, container);
    if (!pod.spec?.nodeName) throw new CliError('unable to upgrade connection: pod does not exist');
    const st = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s: { name: string }) => s.name === container);
    if (!st?.state?.running) throw new CliError(`unable to upgrade connection: container not found ("${container}")`);
    return { namespace: pod.metadata.namespace as string, name: pod.metadata.name, container };
  });

  if (tty) {
    const { interactive } = await import('./interactive.js');
    const code = await interactive(ctx, target, command, { tracing });
    if (code !== 0) throw new ExitCode(code, `command terminated with exit code ${code}`);
    return;
  }

  const { runShell } = await import('../../../runtime/shell/index.js');
  const { containerHandle } = await import('../../../runtime/container.js');
  const result = await ctx.run(async (cluster) => {
    const pod = cluster.get('pods', target.namespace, target.name);
    if (!pod) throw new StatusError('NotFound', `pods "${target.name}" not found`, 404);
    const h = containerHandle(cluster, pod, target.container);
    const trace = traceSink(tracing, (t) => ctx.err(t));
    return runShell(h, command, { stdin, tty: false, ...(trace ? { trace } : {}) });
  });
  if (result.execError) {
    if (result.stdout) ctx.out(result.stdout);
    const id = Buffer.from(`${target.name}/${target.container}/${command.join(' ')}`).toString('hex').padEnd(64, '0').slice(0, 64);
    throw new CliError(`Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: ${result.execError}: unknown`);
  }
  if (result.stderr) ctx.err(result.stderr);
  if (result.stdout) ctx.out(result.stdout);
  if (result.code !== 0) throw new ExitCode(result.code, `command terminated with exit code ${result.code}`);
}
