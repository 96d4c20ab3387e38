// describeNamespace with its ResourceQuota / LimitRange summaries, and the ResourceQuota and
// LimitRange describers. (describe.go prints no events for a namespace.)
import type { ClusterView, KObject } from '../../api/types.js';
import { type Any, byteCompare, printAnnotationsMultiline, printLabelsMultiline, rfc1123z, sortedKeys } from './format.js';
import { goSort } from './gosort.js';
import { type Quantity, formatQuantity, quantityOf, quantityString, value } from './quantity.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './writer.js';

const listOrEmpty = (view: ClusterView, plural: string, ns: string): KObject[] => {
  try {
    return view.list(plural, ns);
  } catch {
    return [];
  }
};

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

function describeLimitRangeSpec(spec: Any, prefix: string, w: PrefixWriter): void {
  for (const item of spec?.limits ?? []) {
    const maps = [item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio].map((m) => m ?? {});
    // Go iterates a map here (random order); we print the resources sorted.
    const names = [...new Set(maps.flatMap((m) => Object.keys(m)))].sort(byteCompare);
    for (const k of names) {
      const v = (m: Any): string => (k in m ? formatQuantity(m[k]) : '-');
      const [max, min, defLimit, defRequest, ratio] = maps.map(v);
      w.write(LEVEL_0, `${prefix}${item.type ?? ''}\t${k}\t${min}\t${max}\t${defRequest}\t${defLimit}\t${ratio}\n`);
    }
  }
}

export function describeLimitRanges(limitRanges: KObject[], w: PrefixWriter): void {
  if (limitRanges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of limitRanges as Any[]) describeLimitRangeSpec(lr.spec, ' ', w);
}

export function describeResourceQuotas(quotas: KObject[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  const sorted: Any[] = [...quotas];
  goSort(sorted, (a, b) => a.metadata.name < b.metadata.name);
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of sorted) {
    w.write(LEVEL_1, `Name:\t${q.metadata.name}\n`);
    const scopes: string[] = [...(q.spec?.scopes ?? [])].sort(byteCompare);
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_1, `* ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    for (const r of sortedKeys(q.status?.hard)) {
      w.write(LEVEL_1, `${r}\t${formatQuantity(q.status?.used?.[r])}\t${formatQuantity(q.status.hard[r])}\n`);
    }
  }
}

export function describeNamespace(obj: KObject, view: ClusterView): string {
  const ns: Any = obj;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions: Any[] = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, '\n');
    describeResourceQuotas(listOrEmpty(view, 'resourcequotas', ns.metadata.name), w);
    w.write(LEVEL_0, '\n');
    describeLimitRanges(listOrEmpty(view, 'limitranges', ns.metadata.name), w);
  });
}

/** describeQuota: `used` is re-expressed in the hard value's format when they differ. */
export function describeResourceQuota(obj: KObject): string {
  const rq: Any = obj;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rq.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rq.metadata.namespace ?? ''}\n`);
    const scopes: string[] = [...(rq.spec?.scopes ?? [])].sort(byteCompare);
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_0, ` * ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    for (const r of sortedKeys(rq.status?.hard)) {
      const hard = quantityOf(rq.status.hard[r]);
      let used: Quantity = quantityOf(rq.status?.used?.[r]);
      if (hard.format !== used.format) used = { unscaled: BigInt(value(used)), scale: 0, format: hard.format };
      w.write(LEVEL_0, `${r}\t${quantityString(used)}\t${quantityString(hard)}\n`);
    }
  });
}

export function describeLimitRange(obj: KObject): string {
  const lr: Any = obj;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${lr.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${lr.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    describeLimitRangeSpec(lr.spec, '', w);
  });
}
