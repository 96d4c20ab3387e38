// printResourceQuota. In 1.32 the columns are NAME AGE REQUEST LIMIT (AGE moved to the end only
// in 1.33, kubernetes/kubernetes#129419).
import type { ResourceQuota } from 'kubernetes-types/core/v1.js';
import { byteCompare, quantity, since } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

export const resourcequotas: TablePrinter = {
  columns: [nameCol, ageCol, col('Request'), col('Limit')],
  row(obj, view) {
    const rq = obj as ResourceQuota;
    const hard = rq.status?.hard ?? {};
    const used = rq.status?.used ?? {};
    const request: string[] = [];
    const limit: string[] = [];
    for (const r of Object.keys(hard).sort(byteCompare)) {
      const pieces = r.split('.');
      const target = pieces.length > 1 && pieces[0] === 'limits' ? limit : request;
      target.push(`${r}: ${quantity(used[r])}/${quantity(hard[r])}`);
    }
    return [obj.metadata.name, since(obj.metadata.creationTimestamp, view.now), request.join(', '), limit.join(', ')];
  },
};
