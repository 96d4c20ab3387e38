// Sending a generated object (create SUBCOMMAND, run, expose): `--save-config`, the dry-run
// strategies, the namespace in effect, the server's create, and printing the outcome the way
// kubectl's `created`/`exposed` printer does.
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import type { Cluster } from '../../../store/cluster.js';
import type { OutputFormat } from '../../../printers/output.js';
import { createObject } from '../../../api/server.js';
import { kindPrefix, resolveKind } from '../../../api/registry.js';
import { CliError, InvalidError, StatusError, formatFieldError, goQuote } from '../../../util/errors.js';
import { opMessage, printObjects, type DryRun } from './print.js';

/**
 * The Go text of an API error (StatusError.Error()), as `fmt.Errorf("...: %v", err)` embeds it:
 * Invalid errors name the group kind (`Deployment.apps "x" is invalid: [a, b]`).
 */
export function goErrorText(err: unknown, apiVersion = 'v1'): string {
  if (err instanceof InvalidError) {
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    const causes = [...new Set(err.causes.map(formatFieldError))];
    const agg = causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`;
    return `${group ? `${err.kind}.${group}` : err.kind} ${goQuote(err.objName)} is invalid: ${agg}`;
  }
  return err instanceof Error ? err.message : String(err);
}

/** kubectl's `fmt.Errorf("failed to create deployment: %v", err)`: no longer an API status error. */
export function wrapCreateError(err: unknown, prefix: string | undefined, apiVersion: string): unknown {
  if (!prefix || !(err instanceof StatusError)) return err;
  return new CliError(`${prefix}: ${goErrorText(err, apiVersion)}`);
}

/** Server side of a create: the object in the namespace in effect, defaulted, validated, stored. */
export function createInCluster(cluster: Cluster, obj: KObject, namespace: string, dry: DryRun): KObject {
  const input = structuredClone(obj);
  const type = cluster.typeOf(input);
  if (type.namespaced) input.metadata.namespace = namespace;
  else delete input.metadata.namespace;
  return createObject(cluster, input, { dryRun: dry === 'server' });
}

export function nameRef(obj: KObject): string {
  const r = resolveKind(obj.apiVersion, obj.kind);
  return `${r ? kindPrefix(r.type) : obj.kind.toLowerCase()}/${obj.metadata.name}`;
}

/** What kubectl prints for objects it made: `-o` output, or `<kind>/<name> <op>` per object. */
export async function printOutcome(ctx: Ctx, objects: KObject[], opts: { format?: OutputFormat; dry: DryRun; op: string; typed: boolean }): Promise<void> {
  if (!objects.length) return;
  if (opts.format) ctx.out(await printObjects(opts.format, objects, opts.typed));
  else for (const o of objects) ctx.out(opMessage(nameRef(o), opts.op, opts.dry));
}

export interface SubmitOptions {
  dry: DryRun;
  format?: OutputFormat;
  /** `failed to create deployment` etc.: how the subcommand wraps server errors (none: as is). */
  errorPrefix?: string;
  op?: string;
}

/** Create one generated object and print the result (create subcommands). */
export async function submitGenerated(ctx: Ctx, obj: KObject, opts: SubmitOptions): Promise<void> {
  const op = opts.op ?? 'created';
  if (opts.dry === 'client') {
    await printOutcome(ctx, [obj], { format: opts.format, dry: opts.dry, op, typed: true });
    return;
  }
  let created: KObject;
  try {
    created = await ctx.update((cluster, namespace) => createInCluster(cluster, obj, namespace, opts.dry));
  } catch (e) {
    throw wrapCreateError(e, opts.errorPrefix, obj.apiVersion);
  }
  await printOutcome(ctx, [created], { format: opts.format, dry: opts.dry, op, typed: false });
}
