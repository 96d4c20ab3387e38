// printConfigMap (DATA = data + binaryData keys), printSecret (TYPE, DATA) and
// printServiceAccount (SECRETS = number of listed secrets).
import type { ConfigMap, Secret, ServiceAccount } from 'kubernetes-types/core/v1.js';
import { since } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

const keys = (m: Record<string, unknown> | undefined | null): number => Object.keys(m ?? {}).length;

export const configmaps: TablePrinter = {
  columns: [nameCol, col('Data'), ageCol],
  row(obj, view) {
    const cm = obj as ConfigMap;
    return [obj.metadata.name, String(keys(cm.data) + keys(cm.binaryData)), since(obj.metadata.creationTimestamp, view.now)];
  },
};

export const secrets: TablePrinter = {
  columns: [nameCol, col('Type'), col('Data'), ageCol],
  row(obj, view) {
    const s = obj as Secret;
    // The server folds stringData into data; count the union in case a stored object still has it.
    const data = new Set([...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})]);
    return [obj.metadata.name, s.type ?? 'Opaque', String(data.size), since(obj.metadata.creationTimestamp, view.now)];
  },
};

export const serviceaccounts: TablePrinter = {
  columns: [nameCol, col('Secrets'), ageCol],
  row(obj, view) {
    return [
      obj.metadata.name,
      String(((obj as ServiceAccount).secrets ?? []).length),
      since(obj.metadata.creationTimestamp, view.now),
    ];
  },
};
