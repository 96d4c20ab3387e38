// kubectl annotate: like label (same resource arguments, `k=v` / `k-`, --overwrite, --list,
// --local, --dry-run, --resource-version) but the value may contain `=`, the message is always
// `annotated`, and -o prints what the server returned.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import { readManifests } from '../../manifests.js';
import { CliError } from '../../../util/errors.js';
import { dryRunMode } from '../apply/index.js';
import { planTargets, resolveTargets, throwCollected, parseObjectOutput, printObject, dryRunSuffix } from '../label/targets.js';
import { splitResourcesAndPairs, parseAnnotationChanges, checkAnnotationRemovals, annotationOverwriteError, applyChanges, type Changes } from '../label/pairs.js';
import { patchMetadataMap } from '../label/patch.js';
import { listMap, type LabelOptions } from '../label/index.js';

export type AnnotateOptions = LabelOptions;

/** updateAnnotations on a local copy. */
function annotateLocally(obj: KObject, changes: Changes, overwrite: boolean, resourceVersion: string | undefined): void {
  if (!overwrite) {
    const err = annotationOverwriteError(obj.metadata.annotations, changes);
    if (err) throw err;
  }
  obj.metadata.annotations = applyChanges(obj.metadata.annotations, changes);
  if (resourceVersion) obj.metadata.resourceVersion = resourceVersion;
}

export async function run(ctx: Ctx, args: string[], opts: AnnotateOptions, _cmd: Command): Promise<void> {
  const dry = dryRunMode(opts.dryRun);
  const format = opts.list ? undefined : parseObjectOutput(opts.output);
  const { resources, pairs } = splitResourcesAndPairs(args, 'annotation');
  const changes = parseAnnotationChanges(pairs);
  if (opts.all && opts.selector) throw new CliError('cannot set --all and --selector at the same time');
  if (opts.all && opts.fieldSelector) throw new CliError('cannot set --all and --field-selector at the same time');
  if (!opts.local) {
    if (!resources.length && !opts.filename?.length) throw new CliError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  } else {
    if (dry === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (resources.length) throw new CliError('can only use local files by -f rsrc.yaml or --filename=rsrc.json when --local=true is set');
    if (!opts.filename?.length) throw new CliError('one or more files must be specified as -f rsrc.yaml or --filename=rsrc.json');
  }
  if (!changes.set.size && !changes.remove.length && !opts.list) throw new CliError('at least one annotation update is required');
  checkAnnotationRemovals(changes);
  const overwrite = !!opts.overwrite;
  const suffix = dryRunSuffix(dry);

  if (opts.local) {
    const manifests = readManifests(opts.filename!, opts.recursive);
    const one = opts.filename!.length === 1 && opts.filename![0] !== '-';
    const errors: unknown[] = [];
    let printed = 0;
    for (const m of manifests) {
      const obj = structuredClone(m.obj);
      try {
        annotateLocally(obj, changes, overwrite, opts.resourceVersion);
      } catch (e) {
        errors.push(e);
        continue;
      }
      ctx.out(opts.list ? listMap('annotations', obj, obj.metadata.annotations, one) : await printObject(format, obj, 'annotated' + suffix, printed++));
    }
    throwCollected(errors);
    return;
  }

  const plan = planTargets(resources, opts);
  const errors = await ctx.update(async (cluster, namespace) => {
    const { order } = resolveTargets(cluster, plan, namespace, ctx.namespaceFlag);
    if (!plan.singleItemImplied && opts.resourceVersion) throw new CliError('--resource-version may only be used with a single resource');
    const errors: unknown[] = [];
    let printed = 0;
    for (const item of order) {
      if ('error' in item) {
        errors.push(item.error);
        continue;
      }
      try {
        const obj = structuredClone(item.obj);
        let output: KObject;
        if (dry === 'client' || opts.list) {
          annotateLocally(obj, changes, overwrite, opts.resourceVersion);
          output = obj;
        } else {
          if (opts.resourceVersion) delete obj.metadata.resourceVersion;
          annotateLocally(obj, changes, overwrite, opts.resourceVersion);
          output = patchMetadataMap(cluster, item.type, item.obj, 'annotations', obj.metadata.annotations!, {
            resourceVersion: opts.resourceVersion,
            dryRun: dry === 'server',
          });
        }
        if (opts.list) ctx.out(listMap('annotations', output, output.metadata.annotations, plan.singleItemImplied));
        else ctx.out(await printObject(format, structuredClone(output), 'annotated' + suffix, printed++));
      } catch (e) {
        errors.push(e);
      }
    }
    return errors;
  });
  throwCollected(errors);
}
