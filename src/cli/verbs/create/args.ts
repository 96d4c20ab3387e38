// What commander hands a verb, turned into what cobra would have seen: which flags the user set,
// where `--` was (cobra's ArgsLenAtDash), and cobra's errors for flags a (sub)command does not have.
import type { Command, Option } from 'commander';
import { ExitCode, CliError } from '../../../util/errors.js';

/** Attribute names of the options the user gave on the command line. */
export function givenOptions(cmd: Command): string[] {
  return cmd.options.map((o) => o.attributeName()).filter((a) => cmd.getOptionValueSource(a) === 'cli');
}

/** The raw argv of the whole invocation (commander keeps it on the root command). */
function rawArgs(cmd: Command): string[] {
  let root: Command = cmd;
  while (root.parent) root = root.parent;
  const raw = (root as unknown as { rawArgs?: string[] }).rawArgs;
  return Array.isArray(raw) ? raw : [];
}

/** How many positional args came before `--` (all of them when there was no `--`). */
export function argsLenAtDash(cmd: Command, args: string[]): number {
  const raw = rawArgs(cmd);
  const dash = raw.indexOf('--');
  if (dash < 0) return args.length;
  return Math.max(0, args.length - (raw.length - dash - 1));
}

/** cobra's unknown-flag error, for a flag the verb table declares but this (sub)command lacks. */
export function rejectFlags(cmd: Command, allowed: readonly string[], path: string): void {
  const raw = rawArgs(cmd);
  const dash = raw.indexOf('--');
  const before = dash < 0 ? raw : raw.slice(0, dash);
  for (const attr of givenOptions(cmd)) {
    if (allowed.includes(attr)) continue;
    const opt = cmd.options.find((o: Option) => o.attributeName() === attr)!;
    const long = opt.long ?? '';
    const typedLong = before.some((a) => a === long || a.startsWith(long + '='));
    const short = opt.short;
    const text = !typedLong && short ? `unknown shorthand flag: '${short.slice(1)}' in ${short}` : `unknown flag: ${long}`;
    // cobra's flag errors print with a capital "Error:" (kubectl's cli.Run), like main.ts's.
    throw new ExitCode(1, `Error: ${text}\nSee 'kubesim ${path} --help' for usage.`);
  }
}

/** A list flag that pflag parses as a StringSlice: each value is split on commas. */
export function stringSlice(values: string[] | undefined): string[] {
  if (!values) return [];
  return values.flatMap((v) => (v === '' ? [] : v.split(',')));
}
