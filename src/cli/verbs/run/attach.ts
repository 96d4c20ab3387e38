// kubesim's containers run no real processes, so `kubectl run -i/-t/--rm/--attach` (attach to the
// container's stdin/stdout) cannot be simulated. These messages say so, and show the equivalent
// that works: a pod kept alive with sleep, then `exec` for the command.
import { CliError } from '../../../util/errors.js';

/** Quote words for a POSIX shell, leaving plain ones (URLs, paths, k=v) as they are. */
export function quote(words: string[]): string {
  return words.map((w) => (/^[A-Za-z0-9_\-.,:/=@%+]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export interface AttachContext {
  name: string;
  image: string;
  args: string[];
  command?: boolean;
  namespace?: string;
}

function nsFlag(ns?: string): string {
  return ns ? ` -n ${quote([ns])}` : '';
}

/** The error for -i/--stdin or --rm: nothing is created. */
export function cannotAttachError(c: AttachContext, flags: string[]): CliError {
  const ns = nsFlag(c.namespace);
  const name = quote([c.name]);
  // An interactive shell is what -it usually runs; exec needs a command instead.
  const shellOnly = c.args.length === 1 && /^(\/bin\/)?(sh|bash|ash|zsh)$/.test(c.args[0]);
  const cmd = c.args.length && !shellOnly ? quote(c.args) : 'COMMAND';
  return new CliError(
    [
      `kubesim cannot attach to containers, so it does not support "kubesim run ${flags.join(' ')}" (nothing was created).`,
      'To run a command in a pod, start the pod and use exec instead:',
      `  kubesim run ${name}${ns} --image=${quote([c.image])} --restart=Never -- sleep 3600`,
      `  kubesim exec ${name}${ns} -- ${cmd}`,
      `  kubesim delete pod ${name}${ns}`,
    ].join('\n'),
  );
}

/** The note for --attach alone: the pod was created, but nothing is attached. */
export function notAttachedWarning(c: AttachContext): string {
  return `Warning: kubesim cannot attach to containers; pod/${c.name} was created and is left running. See its output with "kubesim logs ${c.name}${nsFlag(c.namespace)}".\n`;
}
