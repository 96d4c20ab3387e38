// printPriorityClass. PREEMPTIONPOLICY has priority 0 and the server always renders it.
import type { PriorityClass } from 'kubernetes-types/scheduling/v1.js';
import { goBool, int, since } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

export const priorityclasses: TablePrinter = {
  columns: [nameCol, col('Value'), col('Global-Default'), ageCol, col('PreemptionPolicy')],
  row(obj, view) {
    const pc = obj as PriorityClass;
    return [
      obj.metadata.name,
      int(pc.value),
      goBool(pc.globalDefault),
      since(obj.metadata.creationTimestamp, view.now),
      pc.preemptionPolicy ?? '',
    ];
  },
};
