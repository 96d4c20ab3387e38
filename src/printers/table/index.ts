// Human-readable `kubectl get` output (reference §2, §3). The per-type printers build the cells the
// API server would put in its Table (always with the wide cells); printTables decorates them the
// way kubectl's HumanReadablePrinter does (NAMESPACE column, kind/ prefix, -L and LABELS
// columns, wide filtering) and lays each resource type's section out with the tab-writer, one
// empty line between sections (get.go's separatorWriterWrapper).
import { byPluralName, kindPrefix } from '../../api/registry.js';
import type { ClusterView, KObject } from '../../api/types.js';
import { GET_TABS, tabwrite } from '../tabwriter.js';
import { configmaps, secrets, serviceaccounts } from './configmaps.js';
import { cronjobs } from './cronjobs.js';
import { daemonsets } from './daemonsets.js';
import { deployments } from './deployments.js';
import { endpoints } from './endpoints.js';
import { endpointslices } from './endpointslices.js';
import { events } from './events.js';
import { fallback } from './fallback.js';
import { formatLabels } from './format.js';
import { horizontalpodautoscalers } from './hpa.js';
import { ingressclasses, ingresses } from './ingresses.js';
import { jobs } from './jobs.js';
import { componentstatuses, controllerrevisions, poddisruptionbudgets, podtemplates } from './misc.js';
import { namespaces } from './namespaces.js';
import { networkpolicies } from './networkpolicies.js';
import { nodes } from './nodes.js';
import { pods } from './pods.js';
import { priorityclasses } from './priorityclasses.js';
import { defaultConvertor, rolebindings } from './rbac.js';
import { replicasets } from './replicasets.js';
import { replicationcontrollers } from './replicationcontrollers.js';
import { resourcequotas } from './resourcequotas.js';
import { services } from './services.js';
import { statefulsets } from './statefulsets.js';
import { storageclasses } from './storageclasses.js';
import type { Column, TablePrinter } from './types.js';
import { persistentvolumeclaims, persistentvolumes } from './volumes.js';

export type { Column } from './types.js';

const PRINTERS: Record<string, TablePrinter> = {
  pods,
  services,
  endpoints,
  endpointslices,
  ingresses,
  ingressclasses,
  deployments,
  replicasets,
  replicationcontrollers,
  daemonsets,
  statefulsets,
  jobs,
  cronjobs,
  namespaces,
  nodes,
  configmaps,
  secrets,
  serviceaccounts,
  events,
  persistentvolumes,
  persistentvolumeclaims,
  resourcequotas,
  roles: defaultConvertor,
  clusterroles: defaultConvertor,
  limitranges: defaultConvertor,
  rolebindings,
  clusterrolebindings: rolebindings,
  horizontalpodautoscalers,
  networkpolicies,
  storageclasses,
  priorityclasses,
  poddisruptionbudgets,
  podtemplates,
  controllerrevisions,
  componentstatuses,
};

const printerFor = (plural: string): TablePrinter => (Object.hasOwn(PRINTERS, plural) ? PRINTERS[plural] : fallback);

/** The server-side column definitions of a resource type, wide ones (priority 1) included. */
export function tableColumns(plural: string): Column[] {
  return printerFor(plural).columns.map((c) => ({ ...c }));
}

/** One object's cells, one per column of tableColumns (AGE etc. computed at view.now). */
export function tableRow(plural: string, obj: KObject, view: ClusterView): string[] {
  return printerFor(plural).row(obj, view);
}

export interface PrintTablesOptions {
  wide?: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  allNamespaces?: boolean;
  /** The request named more than one resource type: NAME cells get `kind.group/` prefixes. */
  withKind?: boolean;
  noHeaders?: boolean;
}

/**
 * The whole stdout of a human-readable `kubectl get` over one or more resource types, sections
 * in the given order. Returns '' when nothing would be printed (the caller then prints
 * "No resources found…" to stderr).
 */
export function printTables(
  sections: { plural: string; objects: KObject[] }[],
  view: ClusterView,
  opts: PrintTablesOptions,
): string {
  let out = '';
  let separatorReady = false;
  let last: string | undefined;
  let pending: { plural: string; objects: KObject[] } | undefined;
  const flush = (): void => {
    if (!pending) return;
    const text = renderSection(pending.plural, pending.objects, view, opts);
    pending = undefined;
    if (text === '') return;
    if (separatorReady) out += '\n';
    separatorReady = false;
    out += text;
  };
  for (const s of sections) {
    // kubectl keeps one printer (and one tab-writer block) while the type does not change.
    if (pending && s.plural === last) {
      pending.objects = [...pending.objects, ...s.objects];
      continue;
    }
    flush();
    if (last !== undefined && !opts.noHeaders && out.length > 0) separatorReady = true;
    pending = { plural: s.plural, objects: [...s.objects] };
    last = s.plural;
  }
  flush();
  return out;
}

/** `-L` headers: the part after the last `/`, upper-cased. */
export const labelColumnHeader = (key: string): string => key.slice(key.lastIndexOf('/') + 1).toUpperCase();

/** GroupKind.String() lower-cased: `pod`, `deployment.apps`. */
function kindPrefixFor(plural: string, obj: KObject): string {
  const t = byPluralName(plural);
  if (t) return kindPrefix(t);
  const slash = obj.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : obj.apiVersion.slice(0, slash);
  return (group ? `${obj.kind}.${group}` : obj.kind).toLowerCase();
}

/** printTable's cell rendering: cut at the first \f \n \r (then `...`), escape ESC as `^[`. */
function renderCell(cell: string): string {
  const brk = cell.search(/[\f\n\r]/);
  const text = brk >= 0 ? cell.slice(0, brk) : cell;
  return text.replace(/\x1b/g, '^[') + (brk >= 0 ? '...' : '');
}

function renderSection(plural: string, objects: KObject[], view: ClusterView, opts: PrintTablesOptions): string {
  // A table with no rows prints nothing, not even its header.
  if (objects.length === 0) return '';
  const printer = printerFor(plural);
  const type = byPluralName(plural);
  const namespaced = type ? type.namespaced : objects.some((o) => !!o.metadata.namespace);
  const withNamespace = !!opts.allNamespaces && namespaced;
  const columns = printer.columns;
  const shown = columns.map((c) => !!opts.wide || c.priority === 0);
  const prefix = opts.withKind ? kindPrefixFor(plural, objects[0]) : undefined;
  const nameIndex = prefix ? columns.findIndex((c) => c.format === 'name') : -1;
  const labelKeys = opts.labelColumns ?? [];

  const lines: string[] = [];
  if (!opts.noHeaders) {
    const header: string[] = [];
    if (withNamespace) header.push('NAMESPACE');
    columns.forEach((c, i) => shown[i] && header.push(c.name.toUpperCase()));
    for (const k of labelKeys) header.push(labelColumnHeader(k));
    if (opts.showLabels) header.push('LABELS');
    lines.push(header.join('\t'));
  }
  for (const obj of objects) {
    const cells = printer.row(obj, view);
    if (nameIndex >= 0) cells[nameIndex] = `${prefix}/${cells[nameIndex]}`;
    const row: string[] = [];
    if (withNamespace) row.push(obj.metadata.namespace ?? '');
    columns.forEach((_, i) => shown[i] && row.push(cells[i] ?? ''));
    const labels = obj.metadata.labels ?? {};
    for (const k of labelKeys) row.push(Object.hasOwn(labels, k) ? labels[k] : '');
    if (opts.showLabels) row.push(formatLabels(labels));
    lines.push(row.map(renderCell).join('\t'));
  }
  return tabwrite(lines.join('\n') + '\n', GET_TABS);
}
