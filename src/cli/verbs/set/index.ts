// kubectl set selector (-f FILE | TYPE NAME | TYPE/NAME | TYPE --all) EXPRESSIONS: replace a
// Service's spec.selector (`service/web selector updated`); other kinds are refused as kubectl
// refuses them. `set image` is in image.ts; the other `set` subcommands are not simulated.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import { readManifests } from '../../manifests.js';
import { updateObject } from '../../../api/server.js';
import { CliError, UsageError, goQuote } from '../../../util/errors.js';
import { dryRunMode } from '../apply/index.js';
import { planTargets, visitTargets, throwCollected, parseObjectOutput, printObject, dryRunSuffix, conflictError } from '../label/targets.js';
import { parseToLabelSelector, formatExpressions, type LabelSelectorSpec } from './selector.js';

export interface SetOptions {
  all?: boolean;
  local?: boolean;
  filename?: string[];
  recursive?: string | boolean;
  output?: string;
  dryRun?: string | boolean;
  resourceVersion?: string;
}

const SUBCOMMANDS = ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'];

export async function run(ctx: Ctx, args: string[], opts: SetOptions, _cmd: Command): Promise<void> {
  const sub = args[0];
  if (sub === 'selector') return setSelector(ctx, args.slice(1), opts);
  if (sub === 'image') return (await import('./image.js')).setImage(ctx, args.slice(1), opts);
  if (sub && SUBCOMMANDS.includes(sub)) {
    throw new CliError(`kubesim does not simulate "kubectl set ${sub}" yet; only "kubesim set selector" and "kubesim set image" are supported`);
  }
  if (sub) throw new UsageError(`unknown command ${goQuote(sub)}`, 'set');
  throw new CliError('kubesim set needs a subcommand; kubesim supports "kubesim set selector (-f FILENAME | TYPE NAME) EXPRESSIONS" and "kubesim set image (-f FILENAME | TYPE NAME) CONTAINER=IMAGE ..."');
}

/** updateSelectorForObject: only Services, only `k=v` requirements. */
function newSelector(obj: KObject, sel: LabelSelectorSpec): Record<string, string> {
  if (sel.matchExpressions.length) throw new CliError(`match expression ${formatExpressions(sel.matchExpressions)} not supported on this object`);
  if (obj.kind !== 'Service' || obj.apiVersion !== 'v1') throw new CliError('setting a selector is only supported for Services');
  return { ...sel.matchLabels };
}

function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {}).sort();
  const kb = Object.keys(b ?? {}).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a![k] === b![k]);
}

function withSelector(obj: KObject, selector: Record<string, string>): KObject {
  const out = structuredClone(obj);
  out.spec = { ...(out.spec ?? {}) };
  if (Object.keys(selector).length) out.spec.selector = selector;
  else delete out.spec.selector;
  return out;
}

async function setSelector(ctx: Ctx, args: string[], opts: SetOptions): Promise<void> {
  const dry = dryRunMode(opts.dryRun);
  const resources = args.slice(0, -1);
  const selector = args.length ? parseToLabelSelector(args[args.length - 1]) : undefined;
  const format = parseObjectOutput(opts.output);
  if (!selector) throw new CliError('one selector is required');
  const recursive = opts.recursive === undefined || opts.recursive === true || opts.recursive === 'true';
  const suffix = dryRunSuffix(dry);
  let printed = 0;

  if (opts.local) {
    if (resources.length) {
      throw new CliError("error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'");
    }
    if (!opts.filename?.length) throw new CliError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
    const errors: unknown[] = [];
    for (const m of readManifests(opts.filename, recursive)) {
      try {
        const obj = withSelector(m.obj, newSelector(m.obj, selector));
        ctx.out(await printObject(format, obj, 'selector updated' + suffix, printed++));
      } catch (e) {
        errors.push(e);
      }
    }
    throwCollected(errors);
    return;
  }

  const plan = planTargets(resources, { filename: opts.filename, recursive, all: opts.all });
  const errors = await ctx.update((cluster, namespace) =>
    visitTargets(cluster, plan, namespace, ctx.namespaceFlag, async (item) => {
      const live = item.obj;
      const local = structuredClone(live);
      if (opts.resourceVersion) local.metadata.resourceVersion = opts.resourceVersion;
      const updated = withSelector(local, newSelector(live, selector));
      if (dry === 'client') {
        ctx.out(await printObject(format, updated, 'selector updated' + suffix, printed++));
        return;
      }
      if (opts.resourceVersion && opts.resourceVersion !== live.metadata.resourceVersion) throw conflictError(item.type, live.metadata.name);
      const unchanged = sameMap(live.spec?.selector, updated.spec?.selector);
      const actual = unchanged ? live : updateObject(cluster, withSelector(live, updated.spec.selector ?? {}), live, { dryRun: dry === 'server' });
      ctx.out(await printObject(format, structuredClone(actual), 'selector updated' + suffix, printed++));
    }),
  );
  throwCollected(errors);
}
