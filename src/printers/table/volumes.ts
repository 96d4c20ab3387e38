// printPersistentVolume and printPersistentVolumeClaim (1.32: with VOLUMEATTRIBUTESCLASS).
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1.js';
import { UNSET, quantity, since } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in this order, de-duplicated. */
export function accessModes(modes: string[] | undefined): string {
  const set = new Set(modes ?? []);
  const out: string[] = [];
  if (set.has('ReadWriteOnce')) out.push('RWO');
  if (set.has('ReadOnlyMany')) out.push('ROX');
  if (set.has('ReadWriteMany')) out.push('RWX');
  if (set.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

export const persistentvolumes: TablePrinter = {
  columns: [
    nameCol,
    col('Capacity'),
    col('Access Modes'),
    col('Reclaim Policy'),
    col('Status'),
    col('Claim'),
    col('StorageClass'),
    col('VolumeAttributesClass'),
    col('Reason'),
    ageCol,
    col('VolumeMode', 1),
  ],
  row(obj, view) {
    const pv = obj as PersistentVolume;
    const spec = pv.spec ?? {};
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    const annotations = obj.metadata.annotations ?? {};
    const cls = BETA_CLASS_ANNOTATION in annotations ? annotations[BETA_CLASS_ANNOTATION] : (spec.storageClassName ?? '');
    return [
      obj.metadata.name,
      quantity(spec.capacity?.storage),
      accessModes(spec.accessModes),
      spec.persistentVolumeReclaimPolicy ?? '',
      obj.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      claim,
      cls,
      spec.volumeAttributesClassName ?? UNSET,
      pv.status?.reason ?? '',
      since(obj.metadata.creationTimestamp, view.now),
      spec.volumeMode ?? UNSET,
    ];
  },
};

export const persistentvolumeclaims: TablePrinter = {
  columns: [
    nameCol,
    col('Status'),
    col('Volume'),
    col('Capacity'),
    col('Access Modes'),
    col('StorageClass'),
    col('VolumeAttributesClass'),
    ageCol,
    col('VolumeMode', 1),
  ],
  row(obj, view) {
    const pvc = obj as PersistentVolumeClaim;
    const spec = pvc.spec ?? {};
    const bound = !!spec.volumeName;
    const annotations = obj.metadata.annotations ?? {};
    const cls = BETA_CLASS_ANNOTATION in annotations ? annotations[BETA_CLASS_ANNOTATION] : (spec.storageClassName ?? '');
    return [
      obj.metadata.name,
      obj.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      spec.volumeName ?? '',
      bound ? quantity(pvc.status?.capacity?.storage) : '',
      bound ? accessModes(pvc.status?.accessModes) : '',
      cls,
      spec.volumeAttributesClassName ?? UNSET,
      since(obj.metadata.creationTimestamp, view.now),
      spec.volumeMode ?? UNSET,
    ];
  },
};
