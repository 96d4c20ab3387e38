// In-process helpers for the runtime tests: run a command line in a pod of a fresh cluster.
import type { Cluster } from '../../src/store/cluster.js';
import { containerHandle } from '../../src/runtime/container.js';
import { runShell, type ShellResult } from '../../src/runtime/shell/index.js';
import '../../src/runtime/tick.js';
import { getPod } from './network-fixture.js';

export async function sh(cluster: Cluster, podName: string, script: string, opts: { shell?: string; stdin?: string; container?: string } = {}): Promise<ShellResult> {
  const h = containerHandle(cluster, getPod(cluster, podName), opts.container);
  return runShell(h, [opts.shell ?? 'sh', '-c', script], { stdin: opts.stdin ?? '' });
}

export async function exec(cluster: Cluster, podName: string, argv: string[], opts: { stdin?: string; container?: string } = {}): Promise<ShellResult> {
  const h = containerHandle(cluster, getPod(cluster, podName), opts.container);
  return runShell(h, argv, { stdin: opts.stdin ?? '' });
}
