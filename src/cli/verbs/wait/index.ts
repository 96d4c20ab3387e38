// kubectl wait: --for=condition=X[=v] | --for=jsonpath='{…}'[=v] | --for=delete | --for=create
// on TYPE/NAME, TYPE NAME…, TYPE -l SEL, --all or -f; `pod/x condition met` per object, kubectl's
// timeout errors. Objects are waited for one after the other against one deadline. Each poll runs
// the simulation up to now (ctx.run) and the state lock is released while sleeping.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import type { ResourceType } from '../../../api/registry.js';
import { CliError, NotFoundError, StatusError } from '../../../util/errors.js';
import { qualifiedPlural } from '../../../api/registry.js';
import { planTargets, resolveTargets, throwCollected, parseObjectOutput, printObject, type Target } from '../label/targets.js';
import { parseGoDuration } from './duration.js';
import { parseFor, conditionMet, jsonPathMet, type WaitFor } from './conditions.js';

export interface WaitOptions {
  for?: string;
  timeout?: string;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  filename?: string[];
  recursive?: boolean;
  output?: string;
}

/** How often the cluster is looked at again. */
export const POLL_INTERVAL_MS = 200;
const WEEK_MS = 168 * 3600 * 1000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** info.ObjectName(): `pods/x`, `deployments/web` (plural, no group). */
function objectName(type: ResourceType, name: string): string {
  return `${type.plural}/${name}`;
}

/** Whether the object (undefined: gone) satisfies a condition/jsonpath wait. */
function satisfied(obj: KObject, cond: WaitFor): boolean {
  if (cond.kind === 'condition') return conditionMet(obj, cond.name, cond.value);
  if (cond.kind === 'jsonpath') return jsonPathMet(obj, cond.expr, cond.value);
  return true;
}

export async function run(ctx: Ctx, args: string[], opts: WaitOptions, _cmd: Command): Promise<void> {
  const timeout = opts.timeout === undefined ? 30_000 : parseGoDuration(opts.timeout, '--timeout', 'wait');
  const format = parseObjectOutput(opts.output);
  const cond = parseFor(opts.for ?? '');
  const effective = timeout < 0 ? WEEK_MS : timeout;
  const deadline = Date.now() + effective;
  const plan = planTargets(args, opts);
  const resolve = () => ctx.update((cluster, namespace) => resolveTargets(cluster, plan, namespace, ctx.namespaceFlag).order);

  let order = await resolve();
  if (cond.kind === 'create') {
    // Poll until every named object exists.
    for (;;) {
      const missing = order.filter((o) => 'error' in o && o.error instanceof NotFoundError);
      const other = order.find((o) => 'error' in o && !(o.error instanceof NotFoundError));
      if (other && 'error' in other) throw other.error;
      if (!missing.length) break;
      if (Date.now() >= deadline) throw new CliError('timed out waiting for the condition');
      await sleep(Math.max(0, Math.min(POLL_INTERVAL_MS, deadline - Date.now())));
      order = await resolve();
    }
  }
  if (cond.kind === 'delete') order = order.filter((o) => !('error' in o && o.error instanceof NotFoundError));

  const errors: unknown[] = [];
  let visited = 0;
  let printed = 0;
  for (const item of order) {
    if ('error' in item) {
      errors.push(item.error);
      continue;
    }
    visited++;
    try {
      const obj = cond.kind === 'create' ? item.obj : await waitFor(ctx, item, cond, timeout, deadline);
      ctx.out(await printObject(format, structuredClone(obj), 'condition met', printed++));
      ctx.flush();
    } catch (e) {
      errors.push(e);
    }
  }
  throwCollected(errors);
  if (!visited && cond.kind !== 'delete') throw new CliError('no matching resources found');
}

/** Wait for one object; returns the object to print, or throws the error kubectl reports for it. */
async function waitFor(ctx: Ctx, t: Target, cond: WaitFor, timeout: number, deadline: number): Promise<KObject> {
  const { type } = t;
  const name = t.obj.metadata.name;
  const ns = t.obj.metadata.namespace;
  const timedOut = () => new CliError(`timed out waiting for the condition on ${objectName(type, name)}`);
  const notMet = () => new CliError(`condition not met for ${objectName(type, name)}`);
  const get = () => ctx.read((cluster) => structuredClone(cluster.get(type.plural, ns, name)) as KObject | undefined);

  if (cond.kind === 'delete') {
    let last = await get();
    if (!last) return t.obj;
    if (timeout === 0) throw notMet();
    for (;;) {
      if (Date.now() >= deadline) throw timedOut();
      await sleep(Math.max(0, Math.min(POLL_INTERVAL_MS, deadline - Date.now())));
      const now = await get();
      if (!now || now.metadata.uid !== last.metadata.uid) return last;
      last = now;
    }
  }

  if (timeout === 0) {
    const obj = await get();
    if (!obj) throw new NotFoundError(qualifiedPlural(type), name);
    if (!satisfied(obj, cond)) throw notMet();
    return obj;
  }
  if (Date.now() >= deadline) throw timedOut();
  for (;;) {
    const obj = await get();
    if (!obj) throw notFound(type, name);
    if (satisfied(obj, cond)) return obj;
    if (Date.now() >= deadline) throw timedOut();
    await sleep(Math.max(0, Math.min(POLL_INTERVAL_MS, deadline - Date.now())));
  }
}

function notFound(type: ResourceType, name: string): StatusError {
  return new NotFoundError(qualifiedPlural(type), name);
}
