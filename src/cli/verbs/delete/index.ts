// kubectl delete: by TYPE NAME…, TYPE/NAME, -l, --all, -f; `pod "x" deleted` as each goes;
// cascading (background, or orphan); --force/--grace-period=0 warning; "No resources found".
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { parseResourceArgs, fetchRequests, type Found } from '../../builder.js';
import { readManifests } from '../../manifests.js';
import { prepareManifest, withSource, mappingError } from '../../objects/prepare.js';
import { deleteObject } from '../../../api/server.js';
import { kindPrefix, qualifiedPlural, resolveKind } from '../../../api/registry.js';
import { CliError, ExitCode, formatError, NotFoundError } from '../../../util/errors.js';
import { dryRunMode } from '../apply/index.js';

export interface DeleteOptions {
  filename?: string[];
  recursive?: boolean;
  output?: string;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  gracePeriod?: string;
  now?: boolean;
  force?: boolean;
  cascade?: string | boolean;
  ignoreNotFound?: boolean;
  dryRun?: string | boolean;
}

export async function run(ctx: Ctx, args: string[], opts: DeleteOptions, _cmd: Command): Promise<void> {
  const dry = dryRunMode(opts.dryRun);
  const cascade = opts.cascade === true || opts.cascade === undefined ? 'background' : String(opts.cascade);
  if (!['background', 'orphan', 'foreground', 'true', 'false'].includes(cascade)) {
    throw new CliError(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`);
  }
  const orphan = cascade === 'orphan' || cascade === 'false';
  if (opts.output && opts.output !== 'name') throw new CliError(`unexpected -o output mode: ${opts.output}. We only support '-o name'`);
  const grace = opts.gracePeriod === undefined ? undefined : Number(opts.gracePeriod);
  if (grace !== undefined && Number.isNaN(grace)) throw new CliError(`invalid argument "${opts.gracePeriod}" for "--grace-period" flag: strconv.ParseInt: parsing "${opts.gracePeriod}": invalid syntax`);
  const immediate = !!opts.force && (grace === 0 || grace === undefined);
  if (opts.force && grace !== undefined && grace > 0) throw new CliError('--force and --grace-period greater than 0 cannot be specified together');
  if (!args.length && !opts.filename?.length) {
    throw new CliError(`You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
  }
  if (args.length && opts.filename?.length) throw new CliError('resources and filenames cannot be specified together');
  const parsed = args.length ? parseResourceArgs(args) : undefined;
  if (parsed && !parsed.namedForm && parsed.requests.some((r) => !r.names.length) && !opts.all && !opts.selector && !opts.fieldSelector && !opts.allNamespaces) {
    throw new CliError(`resource(s) were provided, but no name was specified`);
  }
  if (parsed && opts.all && parsed.requests.some((r) => r.names.length)) throw new CliError('name cannot be provided when a selector is specified');
  const manifests = opts.filename?.length ? readManifests(opts.filename, opts.recursive) : undefined;
  if (immediate && dry === 'none') {
    ctx.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  }

  const seen = new Set<string>();
  const errors = await ctx.update((cluster, namespace) => {
    const errors: unknown[] = [];
    let targets: Found[] = [];
    if (manifests) {
      for (const m of manifests) {
        try {
          const r = resolveKind(m.obj.apiVersion, m.obj.kind);
          if (!r) throw mappingError(m);
          const p = prepareManifest(m, namespace, ctx.namespaceFlag, { validate: 'ignore' });
          const obj = cluster.get(p.type.plural, p.obj.metadata.namespace, p.obj.metadata.name);
          if (obj) targets.push({ type: p.type, obj });
          else if (!opts.ignoreNotFound) errors.push(withSource(new NotFoundError(qualifiedPlural(p.type), p.obj.metadata.name), 'deleting', m.source));
        } catch (e) {
          errors.push(e);
        }
      }
    } else {
      const res = fetchRequests(cluster, parsed!.requests, { namespace, allNamespaces: opts.allNamespaces, selector: opts.selector, fieldSelector: opts.fieldSelector });
      targets = res.found;
      if (!opts.ignoreNotFound) errors.push(...res.errors);
    }
    // An object listed twice (e.g. by two files) is deleted once.
    seen.clear();
    targets = targets.filter((t) => (seen.has(t.obj.metadata.uid!) ? false : (seen.add(t.obj.metadata.uid!), true)));
    const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
    for (const t of targets) {
      if (!cluster.get(t.type.plural, t.obj.metadata.namespace, t.obj.metadata.name)) continue; // gone with an earlier owner
      try {
        deleteObject(cluster, t.obj, { orphan, dryRun: dry !== 'none' });
        if (opts.output === 'name') ctx.out(`${kindPrefix(t.type)}/${t.obj.metadata.name}\n`);
        else ctx.out(`${kindPrefix(t.type)} "${t.obj.metadata.name}" ${immediate ? 'force deleted' : 'deleted'}${suffix}\n`);
      } catch (e) {
        errors.push(e);
      }
    }
    if (!targets.length && !errors.length && (!parsed || parsed.requests.some((r) => !r.names.length))) ctx.out('No resources found\n');
    return errors;
  }, (errs) => errs.length === 0 || seen.size > 0);
  if (errors.length) {
    ctx.flush();
    throw new ExitCode(1, errors.map(formatError).join('\n'));
  }
}
