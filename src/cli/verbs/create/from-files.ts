// `kubectl create -f FILE|DIR|- [-R] [-l selector] [--save-config]`: every object in file order is
// created (an existing one is an AlreadyExists error); errors are collected and printed at the end
// (exit 1) while the other objects are still created. Create never touches existing objects.
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import type { OutputFormat } from '../../../printers/output.js';
import { readManifests } from '../../manifests.js';
import { prepareManifest, withSource } from '../../objects/prepare.js';
import { createObject } from '../../../api/server.js';
import { matches, parseSelector } from '../../../api/labels.js';
import { CliError, ExitCode, InvalidError, formatError, goQuote } from '../../../util/errors.js';
import { goJsonMarshal } from '../../../printers/json.js';
import { goErrorText, printOutcome } from './submit.js';
import { LAST_APPLIED } from './typed.js';
import type { DryRun } from './print.js';

export interface FromFilesOptions {
  filenames: string[];
  recursive?: boolean;
  selector?: string;
  saveConfig?: boolean;
  validate?: string | boolean;
  dry: DryRun;
  format?: OutputFormat;
}

/** CreateApplyAnnotation on an unstructured object: sorted compact JSON (annotations map kept, empty or not). */
export function saveConfigUnstructured(obj: KObject): void {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  obj.metadata.annotations = annotations;
  const text = goJsonMarshal(obj) + '\n';
  obj.metadata.annotations = { ...annotations, [LAST_APPLIED]: text };
}

export async function createFromFiles(ctx: Ctx, opts: FromFilesOptions): Promise<void> {
  const selector = opts.selector ? parseSelector(opts.selector) : undefined;
  const manifests = readManifests(opts.filenames, opts.recursive).filter((m) => !selector || matches(selector, m.obj.metadata?.labels));

  const { errors, results } = await ctx.update((cluster, namespace) => {
    const errors: SourcedError[] = [];
    const results: KObject[] = [];
    for (const m of manifests) {
      try {
        const p = prepareManifest(m, namespace, ctx.namespaceFlag, { validate: opts.validate });
        if (p.warning) ctx.err(p.warning + '\n');
        const obj = p.obj;
        if (opts.saveConfig) saveConfigUnstructured(obj);
        results.push(opts.dry === 'client' ? obj : createObject(cluster, obj, { dryRun: opts.dry === 'server' }));
      } catch (e) {
        errors.push({ err: withSource(e, 'creating', m.source), source: m.source, apiVersion: m.obj.apiVersion });
      }
    }
    // Nothing created: fail without saving the state (a failed request changes nothing).
    if (!results.length && errors.length) throw combined(errors);
    return { errors, results };
  });

  await printOutcome(ctx, results, { format: opts.format, dry: opts.dry, op: 'created', typed: false });
  if (errors.length) throw combined(errors);
  if (!results.length) throw new CliError('no objects passed to create');
}

interface SourcedError {
  err: unknown;
  source: string;
  apiVersion: string;
}

/** One error as itself; several as kubectl prints an aggregate (Invalid errors keep their source there). */
function combined(errors: SourcedError[]): unknown {
  if (errors.length === 1) return errors[0].err;
  const line = ({ err, source, apiVersion }: SourcedError) =>
    err instanceof InvalidError ? `Error from server (Invalid): error when creating ${goQuote(source)}: ${goErrorText(err, apiVersion)}` : formatError(err);
  return new ExitCode(1, errors.map(line).join('\n'));
}
