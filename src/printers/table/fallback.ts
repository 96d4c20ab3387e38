// NAME AGE: what a type without a dedicated printer shows when the server builds the table the way
// it does for CustomResourceDefinitions (name + creationTimestamp as an age). Built-in types
// without a printer (roles, clusterroles, limitranges) use rbac.ts's NAME / CREATED AT instead.
import { since } from './format.js';
import { ageCol, nameCol, type TablePrinter } from './types.js';

export const fallback: TablePrinter = {
  columns: [nameCol, ageCol],
  row(obj, view) {
    return [obj.metadata.name, since(obj.metadata.creationTimestamp, view.now)];
  },
};
