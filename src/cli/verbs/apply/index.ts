// kubectl apply -f: each object in file order is created (`created`), patched with the
// three-way merge (`configured`) or left as it is (`unchanged`); errors are collected and printed
// at the end (exit 1) while the objects before and after them still apply.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import { readManifests } from '../../manifests.js';
import { prepareManifest, withSource } from '../../objects/prepare.js';
import { createObject, prepareUpdate } from '../../../api/server.js';
import { kindPrefix, qualifiedPlural } from '../../../api/registry.js';
import { CliError, ExitCode, formatError, StatusError, InvalidError } from '../../../util/errors.js';
import { parseOutputFormat, printMachine, nameOf } from '../../../printers/output.js';
import { threeWayMerge, lastAppliedText } from './merge.js';
import { same } from '../../../controllers/util.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export interface ApplyOptions {
  filename?: string[];
  recursive?: boolean;
  output?: string;
  dryRun?: string | boolean;
  validate?: string;
  serverSide?: boolean;
  prune?: boolean;
  selector?: string;
}

export function dryRunMode(v: string | boolean | undefined): 'none' | 'client' | 'server' {
  if (v === undefined || v === false || v === 'none') return 'none';
  if (v === true || v === 'client') return 'client';
  if (v === 'server') return 'server';
  throw new CliError(`Invalid dry-run value (${String(v)}). Must be "none", "server", or "client".`);
}

/** Strip what the server owns, to compare a merged object with the live one. */
function comparable(o: KObject): unknown {
  const c = structuredClone(o);
  delete c.metadata.resourceVersion;
  delete c.metadata.generation;
  delete c.status;
  return c;
}

export async function run(ctx: Ctx, args: string[], opts: ApplyOptions, _cmd: Command): Promise<void> {
  if (opts.serverSide) throw new CliError('kubesim does not simulate server-side apply; use client-side apply (drop --server-side)');
  if (opts.prune) throw new CliError('kubesim does not support --prune');
  if (args.length) throw new CliError(`Unexpected args: [${args.join(' ')}]\nSee 'kubesim apply -h' for help and examples`);
  if (!opts.filename?.length) throw new CliError(`must specify one of -f and -k\n`);
  const dry = dryRunMode(opts.dryRun);
  const format = opts.output ? parseOutputFormat(opts.output, false) : undefined;
  const manifests = readManifests(opts.filename, opts.recursive);
  if (!manifests.length) throw new CliError('no objects passed to apply');

  const { errors, printed } = await ctx.update(async (cluster, namespace) => {
    const errors: unknown[] = [];
    const printed: KObject[] = [];
    let succeeded = 0;
    for (const m of manifests) {
      try {
        const p = prepareManifest(m, namespace, ctx.namespaceFlag, { validate: opts.validate });
        if (p.warning) ctx.err(p.warning + '\n');
        const manifest = structuredClone(p.obj);
        // The annotation records the manifest as kubectl sends it (annotations map present, no annotation itself).
        const recorded = structuredClone(manifest);
        recorded.metadata.annotations = { ...(recorded.metadata.annotations ?? {}) };
        delete recorded.metadata.annotations[LAST_APPLIED];
        const annotation = lastAppliedText(recorded);
        manifest.metadata.annotations = { ...(manifest.metadata.annotations ?? {}), [LAST_APPLIED]: annotation };
        const live = p.obj.metadata.name ? cluster.get(p.type.plural, p.obj.metadata.namespace, p.obj.metadata.name) : undefined;
        const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
        let op: string;
        let result: KObject;
        if (!live) {
          result = dry === 'client' ? manifest : createObject(cluster, manifest, { dryRun: dry === 'server' });
          op = 'created';
        } else {
          const last = live.metadata.annotations?.[LAST_APPLIED];
          if (!last) {
            ctx.err(
              `Warning: resource ${p.type.plural}/${live.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
            );
          }
          const lastObj = last ? (JSON.parse(last) as KObject) : undefined;
          const merged = threeWayMerge(structuredClone(live), lastObj, manifest) as KObject;
          // An empty patch: kubectl says "unchanged" without sending anything to the server.
          const next = same(merged, live) ? live : prepareUpdate(cluster, merged, live);
          if (next === live || same(comparable(next), comparable(live))) {
            op = 'unchanged';
            result = live;
          } else {
            op = 'configured';
            result = dry === 'none' ? cluster.update(next) : next;
          }
        }
        succeeded++;
        if (format) printed.push(structuredClone(result));
        else ctx.out(`${kindPrefix(p.type)}/${result.metadata.name} ${op}${suffix}\n`);
      } catch (e) {
        const verb = e instanceof StatusError && e.reason === 'NotFound' ? 'creating' : 'creating';
        errors.push(withSource(e, verb, m.source));
      }
    }
    return { errors, printed, succeeded };
  }, (r) => r.succeeded > 0 || r.errors.length === 0);

  if (format && printed.length) {
    ctx.out(await printMachine(format, printed, printed.length === 1));
  }
  if (errors.length) {
    ctx.flush();
    if (errors.length === 1) throw errors[0];
    throw new ExitCode(1, errors.map((e) => (e instanceof InvalidError ? `Error from server (Invalid): ${e.message}` : formatError(e))).join('\n'));
  }
  void qualifiedPlural;
  void nameOf;
}
