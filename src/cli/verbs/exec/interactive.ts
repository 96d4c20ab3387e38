// `kubectl exec -it POD -- sh` on a terminal: the image's prompt (`/ # `, `root@host:/# `), line
// editing and history (node:readline), one line at a time — each line runs under the state lock
// against the cluster of that moment, so other kubesim commands can run between lines. `exit`
// (or Ctrl-D) ends the session with the shell's status. `-it` with another program (mysql,
// redis-cli) runs it once with the terminal as its input.
import * as readline from 'node:readline';
import type { Ctx } from '../../context.js';
import { StatusError } from '../../../util/errors.js';
import { traceSink } from './trace.js';

interface Target {
  namespace: string;
  name: string;
  container: string;
}

export async function interactive(ctx: Ctx, target: Target, argv: string[], opts: { tracing: boolean }): Promise<number> {
  const { InteractiveShell, runShell } = await import('../../../runtime/shell/index.js');
  const { containerHandle, containerRuntime } = await import('../../../runtime/container.js');
  const write = (s: string) => process.stdout.write(s);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 500 });
  const trace = traceSink(opts.tracing, (t) => process.stderr.write(t));
  const ask = (prompt: string) =>
    new Promise<string | undefined>((resolve) => {
      let done = false;
      const onClose = () => {
        if (!done) {
          done = true;
          resolve(undefined);
        }
      };
      rl.once('close', onClose);
      rl.question(prompt, (answer) => {
        done = true;
        rl.off('close', onClose);
        resolve(answer);
      });
    });
  rl.on('SIGINT', () => {
    write('^C\n');
    rl.write(null, { ctrl: true, name: 'u' });
    rl.prompt();
  });

  const load = (cluster: Parameters<Parameters<Ctx['run']>[0]>[0]) => {
    const pod = cluster.get('pods', target.namespace, target.name);
    if (!pod) throw new StatusError('NotFound', `pods "${target.name}" not found`, 404);
    return containerHandle(cluster, pod, target.container);
  };

  try {
    const wantsShell = await ctx.run((cluster) => InteractiveShell.wants(load(cluster), argv));
    if (!wantsShell) {
      const r = await ctx.run((cluster) => runShell(load(cluster), argv, { stdin: '', tty: true, onStdout: write, onStderr: write, readLine: ask, ...(trace ? { trace } : {}) }));
      if (r.execError) throw new StatusError('', `Internal error occurred: error executing command in container: failed to exec in container: OCI runtime exec failed: exec failed: unable to start container process: ${r.execError}: unknown`, 500);
      return r.code;
    }
    let shell: InstanceType<typeof InteractiveShell> | undefined;
    let instance = '';
    let prompt = await ctx.run((cluster) => {
      const h = load(cluster);
      shell = new InteractiveShell(argv, h);
      instance = containerRuntime(h).cid ?? '';
      return shell.prompt(h);
    });
    for (;;) {
      const line = await ask(prompt);
      if (line === undefined) {
        write('exit\n');
        return shell!.status;
      }
      const r = await ctx.run(async (cluster) => {
        const pod = cluster.get('pods', target.namespace, target.name);
        if (!pod) return { gone: true as const };
        const h = containerHandle(cluster, pod, target.container);
        if ((containerRuntime(h).cid ?? '') !== instance) return { gone: true as const };
        const res = await shell!.runLine(h, line, { tty: true, onStdout: write, onStderr: write, readLine: ask, ...(trace ? { trace } : {}) });
        return { res, prompt: shell!.prompt(h) };
      });
      if ('gone' in r) return 137;
      if (r.res.exited !== undefined) return r.res.exited;
      prompt = r.prompt;
    }
  } finally {
    rl.close();
  }
}
