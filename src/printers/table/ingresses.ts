// printIngress and printIngressClass (reference §3.5). ADDRESS is never cut to 16 characters
// because the server renders cells with Wide: true.
import type { Ingress, IngressClass, IngressRule } from 'kubernetes-types/networking/v1.js';
import { NONE, loadBalancerIngress, since } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

/** formatHosts: first 3 non-empty hosts, ` + N more...` (N = rules − 3), `*` when none. */
export function formatHosts(rules: IngressRule[] | undefined): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  const rs = rules ?? [];
  for (const rule of rs) {
    if (list.length === max) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const ret = list.join(',');
  return more ? `${ret} + ${rs.length - max} more...` : ret;
}

export const ingresses: TablePrinter = {
  columns: [nameCol, col('Class'), col('Hosts'), col('Address'), col('Ports'), ageCol],
  row(obj, view) {
    const ing = obj as Ingress;
    return [
      obj.metadata.name,
      ing.spec?.ingressClassName ?? NONE,
      formatHosts(ing.spec?.rules),
      loadBalancerIngress(ing.status?.loadBalancer?.ingress),
      (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
      since(obj.metadata.creationTimestamp, view.now),
    ];
  },
};

export const ingressclasses: TablePrinter = {
  columns: [nameCol, col('Controller'), col('Parameters'), ageCol],
  row(obj, view) {
    const ic = obj as IngressClass;
    const p = ic.spec?.parameters;
    let parameters = NONE;
    if (p) parameters = `${p.kind}${p.apiGroup != null ? `.${p.apiGroup}` : ''}/${p.name}`;
    return [obj.metadata.name, ic.spec?.controller ?? '', parameters, since(obj.metadata.creationTimestamp, view.now)];
  },
};
