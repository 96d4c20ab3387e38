// kubectl scale: set spec.replicas through the scale subresource of deployments, replica sets,
// replication controllers and stateful sets (`deployment.apps/web scaled`), with the
// --current-replicas / --resource-version preconditions and --dry-run. Other kinds have no scale
// subresource: the server answers NotFound.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import { CliError, StatusError } from '../../../util/errors.js';
import { dryRunMode } from '../apply/index.js';
import { planTargets, resolveTargets, throwCollected, parseObjectOutput, printObject, dryRunSuffix
, parseGoInt } from '../label/targets.js';

export interface ScaleOptions {
  replicas?: string;
  currentReplicas?: string;
  resourceVersion?: string;
  timeout?: string;
  all?: boolean;
  selector?: string;
  filename?: string[];
  recursive?: boolean;
  output?: string;
  dryRun?: string | boolean;
}

/** Kinds with a scale subresource. */
export const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);

/** kubectl's PreconditionError text. */
export function preconditionError(what: string, expected: string, actual: string): CliError {
  return new CliError(`Expected ${what} to be ${expected}, was ${actual}`);
}

export async function run(ctx: Ctx, args: string[], opts: ScaleOptions, _cmd: Command): Promise<void> {
  const dry = dryRunMode(opts.dryRun);
  const format = parseObjectOutput(opts.output);
  const replicas = opts.replicas === undefined ? -1 : parseGoInt(opts.replicas, '--replicas', 'scale');
  const current = opts.currentReplicas === undefined ? -1 : parseGoInt(opts.currentReplicas, '--current-replicas', 'scale');
  if (opts.timeout !== undefined) {
    const { parseGoDuration } = await import('../wait/duration.js');
    parseGoDuration(opts.timeout, '--timeout', 'scale');
  }
  if (replicas < 0) throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (current < -1) throw new CliError('The --current-replicas must specify an integer of -1 or greater');
  const plan = planTargets(args, { ...opts, fieldSelector: undefined, allNamespaces: false });
  const suffix = dryRunSuffix(dry);

  const errors = await ctx.update(async (cluster, namespace) => {
    const { targets, errors: notFound } = resolveTargets(cluster, plan, namespace, ctx.namespaceFlag);
    if (opts.resourceVersion && targets.length > 1) throw new CliError('cannot use --resource-version with multiple resources');
    if (!targets.length) {
      if (notFound.length) return notFound;
      throw new CliError('no objects passed to scale');
    }
    let printed = 0;
    for (const t of targets) {
      const obj: KObject = structuredClone(t.obj);
      if (dry === 'client') {
        obj.spec = { ...(obj.spec ?? {}), replicas };
        ctx.out(await printObject(format, obj, 'scaled' + suffix, printed++));
        continue;
      }
      try {
        if (!SCALABLE.has(t.obj.kind)) throw new StatusError('NotFound', 'the server could not find the requested resource', 404);
        if (current !== -1 || opts.resourceVersion) {
          const size = t.obj.spec?.replicas ?? 1;
          if (current !== -1 && size !== current) throw preconditionError('replicas', String(current), String(size));
          if (opts.resourceVersion && t.obj.metadata.resourceVersion !== opts.resourceVersion) {
            throw preconditionError('resource version', opts.resourceVersion, t.obj.metadata.resourceVersion ?? '');
          }
        }
        if (dry === 'none' && (t.obj.spec?.replicas ?? 1) !== replicas) {
          const next = structuredClone(t.obj);
          next.spec = { ...(next.spec ?? {}), replicas };
          cluster.update(next);
        }
      } catch (e) {
        // kubectl stops at the first object it cannot scale (after printing the ones before it).
        return [e];
      }
      obj.spec = { ...(obj.spec ?? {}), replicas };
      ctx.out(await printObject(format, obj, 'scaled' + suffix, printed++));
    }
    return notFound;
  });
  throwCollected(errors);
}
