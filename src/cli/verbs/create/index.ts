// kubectl create: `-f FILE` (from-files.ts), or a generator subcommand — deployment, service
// clusterip|nodeport|loadbalancer|externalname, namespace, configmap, secret generic|tls,
// serviceaccount, ingress — whose object is sent like kubectl sends it (generators/*.ts).
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import { CliError, ExitCode, UsageError, goQuote } from '../../../util/errors.js';
import { argsLenAtDash, rejectFlags, stringSlice } from './args.js';
import { dryRunMode, parseObjectOutput } from './print.js';
import { saveConfigTyped } from './typed.js';
import { submitGenerated } from './submit.js';
import { createFromFiles } from './from-files.js';
import { SUBCOMMANDS, GROUPS, UNSUPPORTED, FILE_FLAGS, COMMON_FLAGS, groupHelp, type Subcommand } from './subcommands.js';

export interface CreateOptions {
  filename?: string[];
  recursive?: boolean;
  selector?: string;
  output?: string;
  dryRun?: string | boolean;
  saveConfig?: boolean;
  validate?: string | boolean;
  edit?: boolean;
  raw?: string;
  [flag: string]: unknown;
}

/** Find the subcommand the words name: `deployment`, `deploy`, `service nodeport`, `secret tls`… */
function resolveSubcommand(args: string[]): { sub: Subcommand; words: number } {
  const first = args[0];
  const group = GROUPS.find((g) => g.name === first || g.aliases.includes(first));
  if (group) {
    const second = args[1];
    if (second === undefined) throw new ExitCode(1, groupHelp(group));
    const sub = SUBCOMMANDS.find((s) => s.group === group.name && (s.name === second || s.aliases.includes(second)));
    if (!sub) {
      if (group.unsupported?.includes(second)) throw new CliError(unsupportedText(`${group.name} ${second}`));
      throw new UsageError(`unknown command ${goQuote(args.slice(1).join(' '))}`, `create ${group.name}`);
    }
    return { sub, words: 2 };
  }
  const sub = SUBCOMMANDS.find((s) => !s.group && (s.name === first || s.aliases.includes(first)));
  if (sub) return { sub, words: 1 };
  const unsupported = UNSUPPORTED.find((u) => u.names.includes(first));
  if (unsupported) throw new CliError(unsupportedText(unsupported.names[0]));
  throw new UsageError(`Unexpected args: [${args.join(' ')}]`, 'create');
}

function unsupportedText(what: string): string {
  return `kubesim does not simulate "kubectl create ${what}"; write a manifest for it and use "kubesim create -f FILE" (or "kubesim apply -f FILE") instead`;
}

export async function run(ctx: Ctx, args: string[], opts: CreateOptions, cmd: Command): Promise<void> {
  const warn = (t: string) => ctx.err(t);
  if (opts.filename?.length) {
    rejectFlags(cmd, [...FILE_FLAGS], 'create');
    if (args.length) throw new UsageError(`Unexpected args: [${args.join(' ')}]`, 'create');
    if (opts.edit) throw new CliError('kubesim does not support "create --edit"; edit the file, then run "kubesim create -f FILE"');
    if (opts.raw) throw new CliError('kubesim does not support "create --raw"');
    const dry = dryRunMode(opts.dryRun, warn);
    const format = parseObjectOutput(opts.output);
    await createFromFiles(ctx, {
      filenames: opts.filename,
      recursive: opts.recursive,
      selector: opts.selector,
      saveConfig: !!opts.saveConfig,
      validate: opts.validate,
      dry,
      format,
    });
    return;
  }
  if (!args.length) throw new CliError('must specify one of -f and -k');

  const { sub, words } = resolveSubcommand(args);
  rejectFlags(cmd, [...COMMON_FLAGS, ...sub.flags], sub.path);
  // cobra checks required flags before the command runs, so before the NAME.
  for (const flag of sub.required ?? []) {
    if (opts[flag.attr] === undefined || (Array.isArray(opts[flag.attr]) && !(opts[flag.attr] as unknown[]).length)) {
      throw new CliError(`required flag(s) "${flag.name}" not set`);
    }
  }
  const rest = args.slice(words);
  const atDash = argsLenAtDash(cmd, args) - words;
  const nameCount = atDash < 0 ? rest.length : atDash;
  if (nameCount !== 1) throw new UsageError(`exactly one NAME is required, got ${nameCount}`, sub.path);
  const dry = dryRunMode(opts.dryRun, warn);
  const format = parseObjectOutput(opts.output);
  const obj: KObject = await sub.generate({
    name: rest[0],
    extra: rest.slice(1),
    namespace: ctx.namespaceFlag,
    opts,
    list: (attr: string) => stringSlice(opts[attr] as string[] | undefined),
    array: (attr: string) => (opts[attr] as string[] | undefined) ?? [],
  });
  if (opts.saveConfig && !sub.ignoresSaveConfig) saveConfigTyped(obj);
  await submitGenerated(ctx, obj, { dry, format, errorPrefix: sub.errorPrefix });
}
