// kubesim's entry point: global flags, the verb table, and the one place errors become stderr
// text and exit codes. Each verb's code is imported only when that verb runs.
import { Command, CommanderError, Option } from 'commander';
import { Ctx, type GlobalOptions } from './context.js';
import { formatError, exitCodeOf } from '../util/errors.js';
import { VERBS, UNSUPPORTED_KUBECTL_VERBS } from './verbs.js';
import { writeErr, writeOut } from '../util/stdio.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function kubectlFlagError(err: CommanderError, verb: string): string {
  const where = verb ? `kubesim ${verb}` : 'kubesim';
  const m = /unknown option '([^']+)'/.exec(err.message);
  // cobra's flag errors, which kubectl prints with a capital "Error:".
  if (m) return `Error: unknown flag: ${m[1].replace(/=.*$/s, '')}\nSee '${where} --help' for usage.`;
  const missing = /option '([^']+)' argument missing/.exec(err.message);
  if (missing) {
    const flags = missing[1].split(/[ ,]+/).filter((f) => f.startsWith('-'));
    const typed = flags.find((f) => process.argv.includes(f)) ?? flags[0] ?? missing[1];
    const text = typed.startsWith('--') ? typed : `'${typed.slice(1)}' in ${typed}`;
    return `Error: flag needs an argument: ${text}\nSee '${where} --help' for usage.`;
  }
  return err.message.startsWith('error: ') ? err.message : `error: ${err.message}`;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

const VALUE_FLAGS = ['-n', '--namespace', '--state', '--context', '--kubeconfig', '-v', '--v'];

/** The verb: the first word that is neither a flag nor a global flag's value. */
function firstWord(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return undefined;
    if (VALUE_FLAGS.includes(a)) {
      i++;
      continue;
    }
    if (!a.startsWith('-')) return a;
  }
  return undefined;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command('kubesim');
  let verbName = '';
  program
    .description('kubesim: a simulated Kubernetes cluster that answers kubectl commands')
    .option('--state <file>', 'state file of the simulated cluster (default: $KUBESIM_STATE or ~/.kubesim/state.json)')
    .option('-n, --namespace <namespace>', 'If present, the namespace scope for this CLI request')
    .addOption(new Option('--context <name>', 'ignored: kubesim has one cluster').hideHelp())
    .addOption(new Option('--kubeconfig <file>', 'ignored: kubesim has one cluster').hideHelp())
    .addOption(new Option('-v, --v <level>', 'ignored').hideHelp())
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (s) => writeOut(s) });

  // Declaring a verb's flags costs start-up time: declare only the verb being run (all of them
  // when there is none, for --help and the unknown-command message).
  const first = firstWord(argv);
  const invoked = VERBS.find((v) => v.name === first || v.aliases?.includes(first ?? ''));
  for (const spec of invoked ? [invoked] : VERBS) {
    const cmd = program.command(spec.name).description(spec.description);
    if (spec.aliases) cmd.aliases(spec.aliases);
    cmd.argument('[args...]');
    cmd.allowExcessArguments(true);
    cmd.exitOverride().configureOutput({ writeErr: () => undefined, writeOut: (s) => writeOut(s) });
    spec.options?.(cmd, collect);
    cmd.action(async (args: string[], opts: Record<string, unknown>, command: Command) => {
      verbName = spec.name;
      const globals = program.opts() as GlobalOptions;
      const ctx = new Ctx(globals);
      const mod = await spec.load();
      try {
        await mod.run(ctx, args ?? [], opts, command);
      } finally {
        ctx.flush();
      }
    });
  }

  if (first && !VERBS.some((v) => v.name === first || v.aliases?.includes(first)) && !['help'].includes(first)) {
    // cobra's text, with its suggestions; then what kubesim can and cannot do.
    const suggestions = VERBS.map((v) => v.name).filter((n) => n.startsWith(first) || editDistance(n, first) <= 2);
    let text = `Error: unknown command "${first}" for "kubesim"`;
    text += suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '\n';
    text += UNSUPPORTED_KUBECTL_VERBS.includes(first)
      ? `\nkubesim does not simulate "kubectl ${first}"; run 'kubesim --help' for the commands it supports.\n`
      : `\nRun 'kubesim --help' for usage.\n`;
    writeErr(text);
    return 1;
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      writeErr(kubectlFlagError(err, verbName || first || '') + '\n');
      return 1;
    }
    // Errors that arrive after part of the output was produced (custom-columns) carry it.
    const partial = (err as { stdout?: unknown })?.stdout;
    if (typeof partial === 'string' && partial) writeOut(partial);
    const text = formatError(err);
    if (text) writeErr(text.endsWith('\n') ? text : text + '\n');
    if (process.env.KUBESIM_DEBUG && err instanceof Error) writeErr(`${err.stack}\n`);
    return exitCodeOf(err);
  }
}
