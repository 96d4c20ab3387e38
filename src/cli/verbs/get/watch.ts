// get --watch: after the first listing, poll the cluster (each poll brings the simulation up to
// now, as every command does) and print a row for every object that changed or went away, until
// Ctrl-C — kubectl's watch output without headers.
import type { Ctx } from '../../context.js';
import { fetchRequests, type ResourceRequest, type Found } from '../../builder.js';
import type { GetOptions } from './index.js';
import { printTable } from './index.js';

export async function watch(ctx: Ctx, requests: ResourceRequest[], opts: GetOptions, wide: boolean): Promise<void> {
  const seen = new Map<string, string>();
  const key = (f: Found) => `${f.type.plural}/${f.obj.metadata.namespace ?? ''}/${f.obj.metadata.name}`;
  let first = !opts.watchOnly;
  let stop = false;
  process.once('SIGINT', () => {
    stop = true;
  });
  const limit = Number(process.env.KUBESIM_WATCH_POLLS || Infinity);
  for (let polls = 0; !stop && polls < limit; polls++) {
    const found = await ctx.read((cluster, namespace) =>
      fetchRequests(cluster, requests, { namespace, allNamespaces: opts.allNamespaces, selector: opts.selector, fieldSelector: opts.fieldSelector }).found.map((f) => ({
        type: f.type,
        obj: structuredClone(f.obj),
      })),
    );
    const changed: Found[] = [];
    const present = new Set<string>();
    for (const f of found) {
      const k = key(f);
      present.add(k);
      if (seen.get(k) !== f.obj.metadata.resourceVersion) {
        if (!first) changed.push(f);
        seen.set(k, f.obj.metadata.resourceVersion!);
      }
    }
    for (const k of [...seen.keys()]) if (!present.has(k)) seen.delete(k);
    first = false;
    if (changed.length) {
      const text = await printTable(ctx, changed, [...new Set(changed.map((c) => c.type))], false, wide, { ...opts, headers: false });
      process.stdout.write(text);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
