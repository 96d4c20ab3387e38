// What one resource type's server-side printer provides (pkg/printers/internalversion/printers.go):
// its column definitions and a function computing one object's cells. The API server always
// generates tables with Wide: true, so `row` returns every cell, the wide ones included; the
// client (printTables) drops the priority ≠ 0 columns unless `-o wide`.
import type { ClusterView, KObject } from '../../api/types.js';

export interface Column {
  /** As in the Go column definition (`Port(s)`, `Nominated Node`); the header upper-cases it. */
  name: string;
  /** 0 = always shown, 1 = only with `-o wide`. */
  priority: number;
  /** `'name'` marks the column that gets the `kind/` prefix (the first one with this format). */
  format?: 'name';
}

export interface TablePrinter {
  columns: Column[];
  row(obj: KObject, view: ClusterView): string[];
}

export const col = (name: string, priority = 0): Column => ({ name, priority });
export const nameCol: Column = { name: 'Name', priority: 0, format: 'name' };
export const ageCol: Column = { name: 'Age', priority: 0 };
