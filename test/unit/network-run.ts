// Run a network tool inside a pod's container, in-process, capturing its output and trace.
import type { Cluster } from '../../src/store/cluster.js';
import { containerEnv, containerFs, containerHandle } from '../../src/runtime/container.js';
import { networkTools } from '../../src/network/tools/index.js';
import type { ToolContext } from '../../src/runtime/types.js';
import { getPod } from './network-fixture.js';

export interface ToolRun {
  stdout: string;
  stderr: string;
  code: number;
  trace: string[];
  sleptMs: number;
}

/** Run a network tool (argv[0] is its name) in a pod's first container. */
export async function runTool(cluster: Cluster, podName: string, argv: string[], opts: { ns?: string; stdin?: string; tty?: boolean; lines?: string[] } = {}): Promise<ToolRun> {
  const p = getPod(cluster, podName, opts.ns);
  const self = containerHandle(cluster, p);
  const out: ToolRun = { stdout: '', stderr: '', code: 0, trace: [], sleptMs: 0 };
  const lines = opts.lines ? [...opts.lines] : undefined;
  const ctx: ToolContext = {
    argv,
    stdin: opts.stdin ?? '',
    env: containerEnv(self),
    cwd: '/',
    fs: containerFs(self),
    self,
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
    trace: (l) => out.trace.push(l),
    sleep: (ms) => (out.sleptMs += ms),
    tty: opts.tty,
    ...(lines ? { readLine: async (prompt: string) => { out.stdout += prompt; return lines.shift(); } } : {}),
  };
  const tool = networkTools[argv[0]];
  if (!tool) throw new Error(`no tool ${argv[0]}`);
  out.code = await tool(ctx);
  return out;
}
