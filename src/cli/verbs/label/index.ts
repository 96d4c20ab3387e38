// kubectl label: TYPE NAME… | TYPE/NAME | -l | --all [-A] | -f, then `k=v` / `k-` changes.
// `pod/x labeled` / `unlabeled` / `not labeled`, --overwrite, --list, --local, --dry-run,
// --resource-version; the server validates keys. Errors are collected and printed at the end.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import type { Cluster } from '../../../store/cluster.js';
import { readManifests } from '../../manifests.js';
import { CliError, goQuote } from '../../../util/errors.js';
import { dryRunMode } from '../apply/index.js';
import {
  planTargets,
  resolveTargets,
  throwCollected,
  parseObjectOutput,
  printObject,
  dryRunSuffix,
  Aggregate,
  type Target,
} from './targets.js';
import { splitResourcesAndPairs, parseLabelChanges, labelOverwriteErrors, applyChanges, labelMessage, type Changes } from './pairs.js';
import { patchMetadataMap } from './patch.js';

export interface LabelOptions {
  overwrite?: boolean;
  list?: boolean;
  local?: boolean;
  all?: boolean;
  allNamespaces?: boolean;
  resourceVersion?: string;
  selector?: string;
  fieldSelector?: string;
  filename?: string[];
  recursive?: boolean;
  output?: string;
  dryRun?: string | boolean;
}

/** `--list`: the labels, bare for a single object, else under a `Listing labels for` header. */
export function listMap(what: string, obj: KObject, map: Record<string, string> | undefined, one: boolean): string {
  const keys = Object.keys(map ?? {}).sort();
  const indent = one ? '' : ' ';
  let out = '';
  if (!one) {
    const group = obj.apiVersion.includes('/') ? obj.apiVersion.slice(0, obj.apiVersion.indexOf('/')) : '';
    out += `Listing ${what} for ${obj.kind}.${group}/${obj.metadata.name}:\n`;
  }
  for (const k of keys) out += `${indent}${k}=${map![k]}\n`;
  return out;
}

export async function run(ctx: Ctx, args: string[], opts: LabelOptions, _cmd: Command): Promise<void> {
  const dry = dryRunMode(opts.dryRun);
  const { resources, pairs } = splitResourcesAndPairs(args, 'label');
  const changes = parseLabelChanges(pairs);
  if (opts.list && opts.output) throw new CliError('--list and --output may not be specified together');
  if (opts.all && opts.selector) throw new CliError('cannot set --all and --selector at the same time');
  if (opts.all && opts.fieldSelector) throw new CliError('cannot set --all and --field-selector at the same time');
  if (opts.local) {
    if (dry === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (resources.length) throw new CliError('can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set');
    if (!opts.filename?.length) throw new CliError('one or more files must be specified as -f pod.yaml or --filename=pod.json');
  } else if (!resources.length && !opts.filename?.length) {
    throw new CliError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (!changes.set.size && !changes.remove.length && !opts.list) throw new CliError('at least one label update is required');
  const format = parseObjectOutput(opts.output);
  const overwrite = !!opts.overwrite;

  if (opts.local) {
    const manifests = readManifests(opts.filename!, opts.recursive);
    const one = opts.filename!.length === 1 && opts.filename![0] !== '-';
    const errors: unknown[] = [];
    for (const m of manifests) {
      const obj = structuredClone(m.obj);
      const r = labelLocally(obj, changes, overwrite, opts.resourceVersion);
      if (r.error) {
        errors.push(r.error);
        continue;
      }
      ctx.out(opts.list ? listMap('labels', obj, obj.metadata.labels, one) : await printObject(format, obj, r.message + dryRunSuffix(dry)));
    }
    throwCollected(errors);
    return;
  }

  const plan = planTargets(resources, opts);
  const errors = await ctx.update(async (cluster, namespace) => {
    const { order } = resolveTargets(cluster, plan, namespace, ctx.namespaceFlag);
    if (!plan.singleItemImplied && opts.resourceVersion) throw new CliError('--resource-version may only be used with a single resource');
    const errors: unknown[] = [];
    for (const item of order) {
      if ('error' in item) {
        errors.push(item.error);
        continue;
      }
      try {
        await labelTarget(ctx, cluster, item, changes, opts, dry, format, plan.singleItemImplied);
      } catch (e) {
        errors.push(e);
      }
    }
    return errors;
  });
  throwCollected(errors);
}

/** labelFunc on a local copy: the overwrite check, the new map, the resourceVersion, the message. */
function labelLocally(obj: KObject, changes: Changes, overwrite: boolean, resourceVersion: string | undefined): { message: string; error?: unknown } {
  if (resourceVersion) delete obj.metadata.resourceVersion;
  const before = structuredClone(obj);
  if (!overwrite) {
    const errs = labelOverwriteErrors(obj.metadata.labels, changes);
    if (errs.length) return { message: '', error: errs.length === 1 ? errs[0] : new Aggregate(errs) };
  }
  obj.metadata.labels = applyChanges(obj.metadata.labels, changes);
  if (resourceVersion) obj.metadata.resourceVersion = resourceVersion;
  return { message: labelMessage(before, obj, overwrite) };
}

async function labelTarget(
  ctx: Ctx,
  cluster: Cluster,
  t: Target,
  changes: Changes,
  opts: LabelOptions,
  dry: 'none' | 'client' | 'server',
  format: ReturnType<typeof parseObjectOutput>,
  one: boolean,
): Promise<void> {
  const live = t.obj;
  const obj = structuredClone(live);
  const overwrite = !!opts.overwrite;
  if (dry === 'client' || opts.list) {
    const r = labelLocally(obj, changes, overwrite, opts.resourceVersion);
    if (r.error) throw r.error;
    ctx.out(opts.list ? listMap('labels', obj, obj.metadata.labels, one) : await printObject(format, obj, r.message + dryRunSuffix(dry)));
    return;
  }
  for (const k of changes.remove) if (live.metadata.labels?.[k] === undefined) ctx.out(`label ${goQuote(k)} not found.\n`);
  const r = labelLocally(obj, changes, overwrite, opts.resourceVersion);
  if (r.error) throw r.error;
  patchMetadataMap(cluster, t.type, live, 'labels', obj.metadata.labels!, { resourceVersion: opts.resourceVersion, dryRun: dry === 'server' });
  ctx.out(await printObject(format, obj, r.message + dryRunSuffix(dry)));
}
