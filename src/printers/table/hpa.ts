// printHorizontalPodAutoscaler / formatHPAMetrics (autoscaling/v2 objects).
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2.js';
import { int, since } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

const UNKNOWN = '<unknown>';
/** Quantity pointer String(): `<nil>` for a nil pointer. */
const q = (v: string | number | undefined | null): string => (v == null ? '<nil>' : String(v));

export function formatHPAMetrics(specs: MetricSpec[] | undefined, statuses: MetricStatus[] | undefined): string {
  const ss = specs ?? [];
  if (ss.length === 0) return '<none>';
  const st = statuses ?? [];
  let list: string[] = [];
  const max = 2;
  ss.forEach((spec, i) => {
    const s = st[i];
    switch (spec.type) {
      case 'External': {
        const t = spec.external?.target;
        if (t?.averageValue != null) {
          const current = s?.external?.current?.averageValue != null ? q(s.external.current.averageValue) : UNKNOWN;
          list.push(`${current}/${q(t.averageValue)} (avg)`);
        } else {
          const current = s?.external ? q(s.external.current?.value) : UNKNOWN;
          list.push(`${current}/${q(t?.value)}`);
        }
        break;
      }
      case 'Pods': {
        const current = s?.pods ? q(s.pods.current?.averageValue) : UNKNOWN;
        list.push(`${current}/${q(spec.pods?.target?.averageValue)}`);
        break;
      }
      case 'Object': {
        const t = spec.object?.target;
        if (t?.averageValue != null) {
          const current = s?.object?.current?.averageValue != null ? q(s.object.current.averageValue) : UNKNOWN;
          list.push(`${current}/${q(t.averageValue)} (avg)`);
        } else {
          const current = s?.object ? q(s.object.current?.value) : UNKNOWN;
          list.push(`${current}/${q(t?.value)}`);
        }
        break;
      }
      case 'Resource':
      case 'ContainerResource': {
        const r = spec.type === 'Resource' ? spec.resource : spec.containerResource;
        const cur = spec.type === 'Resource' ? s?.resource : s?.containerResource;
        const name = r?.name ?? '';
        if (r?.target?.averageValue != null) {
          const current = cur ? q(cur.current?.averageValue) : UNKNOWN;
          list.push(`${name}: ${current}/${q(r.target.averageValue)}`);
        } else {
          const util = cur?.current?.averageUtilization;
          const current = util != null ? `${util}%` : UNKNOWN;
          const target = r?.target?.averageUtilization != null ? `${r.target.averageUtilization}%` : '<auto>';
          list.push(`${name}: ${current}/${target}`);
        }
        break;
      }
      default:
        list.push('<unknown type>');
    }
  });
  const count = list.length;
  const more = count > max;
  if (more) list = list.slice(0, max);
  const ret = list.join(', ');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const horizontalpodautoscalers: TablePrinter = {
  columns: [nameCol, col('Reference'), col('Targets'), col('MinPods'), col('MaxPods'), col('Replicas'), ageCol],
  row(obj, view) {
    const hpa = obj as HorizontalPodAutoscaler;
    const ref = hpa.spec?.scaleTargetRef;
    const min = hpa.spec?.minReplicas;
    return [
      obj.metadata.name,
      `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
      formatHPAMetrics(hpa.spec?.metrics, hpa.status?.currentMetrics),
      min != null ? String(min) : '<unset>',
      int(hpa.spec?.maxReplicas),
      int(hpa.status?.currentReplicas),
      since(obj.metadata.creationTimestamp, view.now),
    ];
  },
};
