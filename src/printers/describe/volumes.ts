// describeVolumes (describe.go, 1.32 texts) for the volume sources a learner meets, plus
// printPersistentVolumeClaim used by ephemeral volumes and the PVC describer.
import { type Any, goBool, printLabelsMultiline, printAnnotationsMultiline, sortedKeys, byteLen, byteSlice } from './format.js';
import { formatQuantity, quantityOf, cmp, ZERO } from './quantity.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, NestedPrefixWriter, type PrefixWriter } from './writer.js';

/**
 * `%v` of a *bool: `<nil>` when unset. A set pointer prints as a heap address in kubectl; we
 * print a fixed address-like text, as the real one is unpredictable.
 */
const boolPtr = (b: unknown): string => (b === undefined || b === null ? '<nil>' : '0xc000a1b2c8');

/** %v of a Go string slice: `[a b c]`. */
export const goSlice = (v: unknown[] | undefined | null): string => `[${(v ?? []).map(String).join(' ')}]`;

export function describeVolumes(volumes: Any[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    const nameIndent = space.length > 0 ? ' ' : '';
    w.write(LEVEL_1, `${nameIndent}${v.name}:\n`);
    describeVolumeSource(v, w);
  }
}

function describeVolumeSource(v: Any, w: PrefixWriter): void {
  if (v.hostPath) {
    const t = v.hostPath.type === undefined || v.hostPath.type === null ? '<none>' : v.hostPath.type;
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path ?? ''}\n    HostPathType:\t${t}\n`);
  } else if (v.emptyDir) {
    const limit = v.emptyDir.sizeLimit !== undefined && cmp(quantityOf(v.emptyDir.sizeLimit), ZERO) > 0 ? formatQuantity(v.emptyDir.sizeLimit) : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${limit}\n`);
  } else if (v.gitRepo) {
    w.write(LEVEL_2, `Type:\tGitRepo (a volume that is pulled from git when the pod is created)\n    Repository:\t${v.gitRepo.repository ?? ''}\n    Revision:\t${v.gitRepo.revision ?? ''}\n`);
  } else if (v.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${goBool(v.secret.optional)}\n`);
  } else if (v.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${goBool(v.configMap.optional)}\n`);
  } else if (v.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server ?? ''}\n    Path:\t${v.nfs.path ?? ''}\n    ReadOnly:\t${goBool(v.nfs.readOnly)}\n`);
  } else if (v.persistentVolumeClaim) {
    w.write(
      LEVEL_2,
      `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName ?? ''}\n    ReadOnly:\t${goBool(v.persistentVolumeClaim.readOnly)}\n`,
    );
  } else if (v.ephemeral) {
    w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
    const t = v.ephemeral.volumeClaimTemplate;
    if (t) printPersistentVolumeClaim(new NestedPrefixWriter(w, LEVEL_2), { metadata: t.metadata ?? {}, spec: t.spec ?? {} }, false);
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (v.projected) {
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const src of v.projected.sources ?? []) {
      if (src.secret) w.write(LEVEL_2, `SecretName:\t${src.secret.name ?? ''}\n    SecretOptionalName:\t${boolPtr(src.secret.optional)}\n`);
      else if (src.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      else if (src.configMap) w.write(LEVEL_2, `ConfigMapName:\t${src.configMap.name ?? ''}\n    ConfigMapOptional:\t${boolPtr(src.configMap.optional)}\n`);
      else if (src.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${src.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  } else if (v.csi) {
    w.write(
      LEVEL_2,
      `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${v.csi.driver ?? ''}\n    FSType:\t${v.csi.fsType ?? ''}\n    ReadOnly:\t${goBool(v.csi.readOnly)}\n`,
    );
    printVolumeAttributes(w, v.csi.volumeAttributes);
  } else if (v.image) {
    w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${v.image.reference ?? ''}\n    PullPolicy:\t${v.image.pullPolicy ?? ''}\n`);
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

/** printCSIPersistentVolumeAttributesMultilineIndent — every write carries the LEVEL_2 prefix. */
function printVolumeAttributes(w: PrefixWriter, attrs: Record<string, string> | undefined): void {
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  const keys = sortedKeys(attrs);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${k}=${attrs![k]}`;
    w.write(LEVEL_2, byteLen(line) > 140 ? `${byteSlice(line, 140)}...\n` : `${line}\n`);
  });
}

/** storageutil.GetAccessModesAsString. */
export function accessModesString(modes: string[] | undefined): string {
  const m = new Set(modes ?? []);
  return [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ]
    .filter(([k]) => m.has(k))
    .map(([, v]) => v)
    .join(',');
}

/** storageutil.GetPersistentVolumeClaimClass. */
export const claimClass = (pvc: Any): string =>
  pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';

/** printPersistentVolumeClaim: a full PVC, or (isFull false) a claim template. */
export function printPersistentVolumeClaim(w: PrefixWriter, pvc: Any, isFull: boolean, terminating?: string): void {
  if (isFull) {
    w.write(LEVEL_0, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata?.namespace ?? ''}\n`);
  }
  w.write(LEVEL_0, `StorageClass:\t${claimClass(pvc)}\n`);
  if (isFull) {
    if (terminating !== undefined) w.write(LEVEL_0, `Status:\tTerminating (lasts ${terminating})\n`);
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
  }
  const volumeName = pvc.spec?.volumeName ?? '';
  w.write(LEVEL_0, `Volume:\t${volumeName}\n`);
  printLabelsMultiline(w, 'Labels', pvc.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata?.annotations);
  if (isFull) w.write(LEVEL_0, `Finalizers:\t${goSlice(pvc.metadata?.finalizers)}\n`);
  let capacity = '';
  let accessModes = '';
  if (volumeName) {
    accessModes = accessModesString(pvc.status?.accessModes);
    capacity = formatQuantity(pvc.status?.capacity?.storage);
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`);
  if (pvc.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  const ds = pvc.spec?.dataSource;
  if (ds) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (ds.apiGroup !== undefined && ds.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${ds.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${ds.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${ds.name ?? ''}\n`);
  }
}
