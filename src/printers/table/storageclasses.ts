// printStorageClass: NAME gets ` (default)` for the default class; ALLOWVOLUMEEXPANSION is a Go
// bool cell (`true` / `false`).
import type { StorageClass } from 'kubernetes-types/storage/v1.js';
import { goBool, since } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

export function isDefaultClass(annotations: Record<string, string> | undefined): boolean {
  const a = annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

export const storageclasses: TablePrinter = {
  columns: [nameCol, col('Provisioner'), col('ReclaimPolicy'), col('VolumeBindingMode'), col('AllowVolumeExpansion'), ageCol],
  row(obj, view) {
    const sc = obj as StorageClass;
    return [
      obj.metadata.name + (isDefaultClass(obj.metadata.annotations) ? ' (default)' : ''),
      sc.provisioner ?? '',
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      goBool(sc.allowVolumeExpansion),
      since(obj.metadata.creationTimestamp, view.now),
    ];
  },
};
