// printNetworkPolicy: POD-SELECTOR is FormatLabelSelector (`<none>` selects all pods).
import type { NetworkPolicy } from 'kubernetes-types/networking/v1.js';
import { since } from './format.js';
import { formatLabelSelector } from './selector.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

export const networkpolicies: TablePrinter = {
  columns: [nameCol, col('Pod-Selector'), ageCol],
  row(obj, view) {
    // The internal type holds podSelector by value, so a missing one is the empty selector.
    const sel = (obj as NetworkPolicy).spec?.podSelector ?? {};
    return [obj.metadata.name, formatLabelSelector(sel), since(obj.metadata.creationTimestamp, view.now)];
  },
};
