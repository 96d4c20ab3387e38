// kubectl get: flags → options → validate → run. Human tables by default, or any -o format; the
// "No resources found" message; partial results with NotFound errors; --sort-by; --watch.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import { parseResourceArgs, fetchRequests, type Found } from '../../builder.js';
import { parseOutputFormat, printMachine, type OutputFormat } from '../../../printers/output.js';
import { CliError, formatError, ExitCode } from '../../../util/errors.js';
import { resolveKind, type ResourceType } from '../../../api/registry.js';
import { watch } from './watch.js';

export interface GetOptions {
  output?: string;
  selector?: string;
  fieldSelector?: string;
  allNamespaces?: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  headers?: boolean;
  sortBy?: string;
  watch?: boolean;
  watchOnly?: boolean;
  ignoreNotFound?: boolean;
  filename?: string[];
  recursive?: boolean;
  allowMissingTemplateKeys?: string | boolean;
}

const REQUIRED = `You must specify the type of resource to get. Use "kubesim api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubesim explain <resource>" for a detailed description of that resource (e.g. kubesim explain pods).
See 'kubesim get -h' for help and examples`;

export async function run(ctx: Ctx, args: string[], opts: GetOptions, _cmd: Command): Promise<void> {
  const format: OutputFormat = parseOutputFormat(opts.output);
  if (opts.showLabels && format.kind !== 'table') {
    throw new CliError(`--show-labels option cannot be used with ${format.kind === 'custom-columns' ? 'custom-columns' : format.kind} printer`);
  }
  if (!args.length && !opts.filename?.length) throw new ExitCode(1, REQUIRED);
  if (opts.selector && args.length > 1 && !args[0].includes('/')) throw new CliError('name cannot be provided when a selector is specified');
  const fromFiles = opts.filename?.length ? (await import('../../manifests.js')).readManifests(opts.filename, opts.recursive) : undefined;
  const parsed = fromFiles ? undefined : parseResourceArgs(args);

  const result = await ctx.read((cluster, namespace) => {
    let found: Found[] = [];
    let errors: Error[] = [];
    if (fromFiles) {
      for (const m of fromFiles) {
        const r = resolveKind(m.obj.apiVersion, m.obj.kind);
        if (!r) continue;
        const ns = m.obj.metadata.namespace ?? namespace;
        const res = fetchRequests(cluster, [{ type: r.type, names: [m.obj.metadata.name] }], { namespace: ns });
        found.push(...res.found);
        errors.push(...res.errors);
      }
    } else {
      ({ found, errors } = fetchRequests(cluster, parsed!.requests, {
        namespace,
        allNamespaces: opts.allNamespaces,
        selector: opts.selector,
        fieldSelector: opts.fieldSelector,
      }));
    }
    if (opts.ignoreNotFound) errors = errors.filter((e) => !/not found$/.test(e.message));
    return { found, errors, namespace, view: { now: cluster.now } };
  });

  const { errors, namespace } = result;
  let found = result.found;
  if (opts.sortBy) found = (await import('./sort.js')).sortObjects(found, opts.sortBy);
  const namedOne = !!parsed && !parsed.multipleTypes && parsed.requests.length === 1 && parsed.requests[0].names.length === 1;
  const single = (namedOne || (!!fromFiles && fromFiles.length === 1)) && found.length === 1;

  if (!opts.watchOnly) {
    if (format.kind === 'table') {
      const text = await printTable(ctx, found, parsed?.requests.map((r) => r.type) ?? uniqueTypes(found), !!parsed?.multipleTypes, format.wide, opts);
      ctx.out(text);
      const listed = !parsed || parsed.requests.some((r) => r.names.length === 0);
      if (!text && !errors.length && listed && !opts.watch) {
        const clusterScoped = (parsed?.requests ?? []).some((r) => !r.type.namespaced);
        ctx.err(opts.allNamespaces || clusterScoped ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
      }
    } else if (found.length || !parsed || parsed.requests.some((r) => r.names.length === 0)) {
      const allowMissing = String(opts.allowMissingTemplateKeys ?? 'true') !== 'false';
      if (found.length || format.kind !== 'name') {
        ctx.out(await printMachine(format, found.map((f) => f.obj), single, { noHeaders: opts.headers === false, allowMissingKeys: allowMissing }));
      }
    }
  }
  if (errors.length) {
    ctx.flush();
    throw new ExitCode(1, errors.map(formatError).join('\n'));
  }
  if (opts.watch || opts.watchOnly) {
    ctx.flush();
    if (format.kind !== 'table') throw new CliError('kubesim get --watch supports the table output only');
    await watch(ctx, parsed?.requests ?? [], opts, format.wide);
  }
}

function uniqueTypes(found: Found[]): ResourceType[] {
  const out: ResourceType[] = [];
  for (const f of found) if (!out.includes(f.type)) out.push(f.type);
  return out;
}

export async function printTable(ctx: Ctx, found: Found[], types: ResourceType[], withKind: boolean, wide: boolean, opts: GetOptions): Promise<string> {
  const { printTables } = await import('../../../printers/table/index.js');
  const { now } = await import('../../../store/clock.js');
  const sections = types.map((t) => ({ plural: t.plural, objects: found.filter((f) => f.type === t).map((f) => f.obj) }));
  const view = {
    now: now(),
    list: () => [] as KObject[],
    get: () => undefined,
    eventsFor: () => [] as KObject[],
  };
  void ctx;
  return printTables(sections, view, {
    wide,
    showLabels: opts.showLabels,
    labelColumns: (opts.labelColumns ?? []).flatMap((l) => l.split(',')).filter(Boolean),
    allNamespaces: opts.allNamespaces,
    withKind,
    noHeaders: opts.headers === false,
  });
}
