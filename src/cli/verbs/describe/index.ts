// kubectl describe: TYPE NAME (or a name prefix: `describe pod web` describes every pod whose
// name starts with `web` when none is named exactly that), TYPE/NAME, -l, -f; objects separated
// by two blank lines.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { parseResourceArgs, fetchRequests, listObjects, type Found } from '../../builder.js';
import { readManifests } from '../../manifests.js';
import { resolveKind } from '../../../api/registry.js';
import { CliError, ExitCode, formatError, UsageError } from '../../../util/errors.js';

export interface DescribeOptions {
  filename?: string[];
  recursive?: boolean;
  selector?: string;
  allNamespaces?: boolean;
  showEvents?: string | boolean;
}

export async function run(ctx: Ctx, args: string[], opts: DescribeOptions, _cmd: Command): Promise<void> {
  if (!args.length && !opts.filename?.length) {
    throw new UsageError(`You must specify the type of resource to describe. Use "kubesim api-resources" for a complete list of supported resources.\n`, 'describe');
  }
  const manifests = opts.filename?.length ? readManifests(opts.filename, opts.recursive) : undefined;
  const parsed = args.length ? parseResourceArgs(args) : undefined;
  const { describeObject } = await import('../../../printers/describe/index.js');
  const showEvents = String(opts.showEvents ?? 'true') !== 'false';

  const { texts, errors, empty, namespace } = await ctx.read((cluster, namespace) => {
    const found: Found[] = [];
    const errors: Error[] = [];
    if (manifests) {
      for (const m of manifests) {
        const r = resolveKind(m.obj.apiVersion, m.obj.kind);
        if (!r) continue;
        const res = fetchRequests(cluster, [{ type: r.type, names: [m.obj.metadata.name] }], { namespace: m.obj.metadata.namespace ?? namespace });
        found.push(...res.found);
        errors.push(...res.errors);
      }
    } else {
      for (const req of parsed!.requests) {
        if (!req.names.length) {
          for (const obj of listObjects(cluster, req.type, { namespace, allNamespaces: opts.allNamespaces, selector: opts.selector })) found.push({ type: req.type, obj });
          continue;
        }
        for (const name of req.names) {
          const res = fetchRequests(cluster, [{ type: req.type, names: [name] }], { namespace });
          if (res.found.length) {
            found.push(...res.found);
            continue;
          }
          // kubectl describe falls back to a name prefix match.
          const prefixed = listObjects(cluster, req.type, { namespace }).filter((o) => o.metadata.name.startsWith(name));
          if (prefixed.length) prefixed.forEach((obj) => found.push({ type: req.type, obj }));
          else errors.push(...res.errors);
        }
      }
    }
    const texts = found.map((f) => describeObject(f.obj, cluster, { showEvents }));
    return { texts, errors, empty: !found.length, namespace };
  });
  ctx.out(texts.join('\n\n'));
  if (errors.length) {
    ctx.flush();
    throw new ExitCode(1, errors.map(formatError).join('\n'));
  }
  if (empty) {
    const clusterScoped = parsed?.requests.some((r) => !r.type.namespaced);
    ctx.err(opts.allNamespaces || clusterScoped ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  }
  void CliError;
}
