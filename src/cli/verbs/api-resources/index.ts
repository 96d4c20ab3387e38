// kubectl api-resources: the resource types kubesim serves (src/api/registry.ts) as the
// NAME SHORTNAMES APIVERSION NAMESPACED KIND table (plus VERBS CATEGORIES with -o wide), or
// `-o name`; sorted by group then name, or --sort-by name|kind; --namespaced, --api-group,
// --verbs, --categories filters.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { RESOURCES, apiVersionOf, type ResourceType } from '../../../api/registry.js';
import { tabwrite, GET_TABS } from '../../../printers/tabwriter.js';
import { CliError, UsageError } from '../../../util/errors.js';
import { parseGoBool } from '../label/targets.js';

export interface ApiResourcesOptions {
  output?: string;
  headers?: boolean;
  apiGroup?: string;
  namespaced?: string | boolean;
  verbs?: string[];
  categories?: string[];
  sortBy?: string;
  cached?: boolean;
}

const STANDARD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const SPECIAL_VERBS: Record<string, string[]> = {
  bindings: ['create'],
  componentstatuses: ['get', 'list'],
  namespaces: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
};

/** The verbs discovery lists for a resource (sorted, as the server lists them). */
export function verbsOf(t: ResourceType): string[] {
  if (t.verbs) return t.verbs.split(',').map((v) => v.trim()).filter(Boolean);
  return SPECIAL_VERBS[t.plural] ?? STANDARD;
}

/** sortableResource.Less: by group (or name / kind), then name. */
export function sortResources(list: ResourceType[], sortBy: string): ResourceType[] {
  const key = (t: ResourceType) => (sortBy === 'name' ? t.plural : sortBy === 'kind' ? t.kind : t.group);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...list].sort((a, b) => cmp(key(a), key(b)) || cmp(a.plural, b.plural));
}

/** The stringSlice flag values (`--verbs=get,list --verbs watch`). */
function sliceFlag(v: string[] | undefined): string[] {
  return (v ?? []).flatMap((s) => s.split(',')).filter((s) => s !== '');
}

export function renderApiResources(opts: ApiResourcesOptions): string {
  const output = opts.output ?? '';
  if (!['', 'wide', 'name'].includes(output)) throw new CliError(`--output ${output} is not available`);
  const sortBy = opts.sortBy ?? '';
  if (sortBy && !['name', 'kind'].includes(sortBy)) throw new CliError('--sort-by accepts only name or kind');
  const nsFilter = opts.namespaced === undefined ? undefined : parseGoBool(opts.namespaced, '--namespaced', 'api-resources');
  const verbs = sliceFlag(opts.verbs);
  const categories = sliceFlag(opts.categories);
  const list = sortResources(
    RESOURCES.filter(
      (t) =>
        (opts.apiGroup === undefined || t.group === opts.apiGroup) &&
        (nsFilter === undefined || t.namespaced === nsFilter) &&
        verbs.every((v) => verbsOf(t).includes(v)) &&
        categories.every((c) => (t.categories ?? []).includes(c)),
    ),
    sortBy,
  );
  if (output === 'name') return list.map((t) => (t.group ? `${t.plural}.${t.group}\n` : `${t.plural}\n`)).join('');
  let text = '';
  if (opts.headers !== false) text += (output === 'wide' ? 'NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\tVERBS\tCATEGORIES' : 'NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND') + '\n';
  for (const t of list) {
    const cells = [t.plural, t.shortNames.join(','), apiVersionOf(t), String(t.namespaced), t.kind];
    if (output === 'wide') cells.push(`[${verbsOf(t).join(' ')}]`, `[${(t.categories ?? []).join(' ')}]`);
    text += cells.join('\t') + '\n';
  }
  return tabwrite(text, GET_TABS);
}

export async function run(ctx: Ctx, args: string[], opts: ApiResourcesOptions, _cmd: Command): Promise<void> {
  if (args.length) throw new UsageError(`unexpected arguments: [${args.join(' ')}]`, 'api-resources');
  ctx.out(renderApiResources(opts));
}
