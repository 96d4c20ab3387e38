// printNamespace (reference §3.9).
import type { Namespace } from 'kubernetes-types/core/v1.js';
import { since } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

export const namespaces: TablePrinter = {
  columns: [nameCol, col('Status'), ageCol],
  row(obj, view) {
    return [obj.metadata.name, (obj as Namespace).status?.phase ?? '', since(obj.metadata.creationTimestamp, view.now)];
  },
};
