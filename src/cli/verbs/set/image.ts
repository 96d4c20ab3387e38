// kubectl set image (-f FILE | TYPE NAME | TYPE/NAME | TYPE --all) CONTAINER=IMAGE …: change the
// images of a workload's containers (init containers included; `*` is every container). The
// Deployment then rolls out a new ReplicaSet, as on a real cluster. Unchanged objects print
// nothing, as kubectl skips an empty patch.
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import { updateObject } from '../../../api/server.js';
import { qualifiedPlural } from '../../../api/registry.js';
import { CliError } from '../../../util/errors.js';
import { dryRunMode } from '../apply/index.js';
import { planTargets, visitTargets, throwCollected, parseObjectOutput, printObject, dryRunSuffix } from '../label/targets.js';
import type { SetOptions } from './index.js';

/** Where a kind keeps its pod spec. */
function podSpecOf(obj: KObject): KObject['spec'] | undefined {
  switch (obj.kind) {
    case 'Pod':
      return obj.spec;
    case 'CronJob':
      return obj.spec?.jobTemplate?.spec?.template?.spec;
    case 'Deployment':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
      return obj.spec?.template?.spec;
  }
  return undefined;
}

function withImages(obj: KObject, images: [string, string][]): { obj: KObject; errors: string[] } {
  const out = structuredClone(obj);
  const spec = podSpecOf(out);
  if (!spec) return { obj: out, errors: [`the object is not a pod or does not have a pod template: ${qualifiedKind(obj)}`] };
  const containers: { name: string; image?: string }[] = [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])];
  const errors: string[] = [];
  for (const [name, image] of images) {
    const hit = containers.filter((c) => name === '*' || c.name === name);
    if (!hit.length) errors.push(`unable to find container named "${name}"`);
    for (const c of hit) c.image = image;
  }
  return { obj: out, errors };
}

function qualifiedKind(obj: KObject): string {
  return `${obj.apiVersion}, Kind=${obj.kind}`;
}

export async function setImage(ctx: Ctx, args: string[], opts: SetOptions): Promise<void> {
  const resources = args.filter((a) => !a.includes('='));
  const images = args.filter((a) => a.includes('=')).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] as [string, string]);
  if (!images.length) throw new CliError('at least one image update is required');
  const dry = dryRunMode(opts.dryRun);
  const format = parseObjectOutput(opts.output);
  const suffix = dryRunSuffix(dry);
  const recursive = opts.recursive === undefined || opts.recursive === true || opts.recursive === 'true';
  const plan = planTargets(resources, { filename: opts.filename, recursive, all: opts.all });
  let printed = 0;
  const errors = await ctx.update((cluster, namespace) =>
    visitTargets(cluster, plan, namespace, ctx.namespaceFlag, async (item) => {
      const live = item.obj;
      const r = withImages(live, images);
      if (r.errors.length) throw new CliError(`error: ${qualifiedPlural(item.type)}/${live.metadata.name} ${r.errors.length === 1 ? r.errors[0] : `[${r.errors.join(', ')}]`}`);
      if (JSON.stringify(podSpecOf(r.obj)) === JSON.stringify(podSpecOf(live))) return;
      const actual = dry === 'client' ? r.obj : updateObject(cluster, r.obj, live, { dryRun: dry === 'server' });
      ctx.out(await printObject(format, structuredClone(actual), 'image updated' + suffix, printed++));
    }),
  );
  throwCollected(errors);
}
