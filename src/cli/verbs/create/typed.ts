// Building objects the way kubectl's generators build Go structs: fields in struct order, zero
// values omitted, `creationTimestamp: null` (metav1.Time's zero value), maps marked as Go maps.
import type { KObject } from '../../../api/types.js';
import { goMap, typedJson } from './print.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export interface MetaInput {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** ObjectMeta in field order: name, namespace, creationTimestamp, labels, annotations. */
export function typedMeta(m: MetaInput): KObject['metadata'] {
  const meta: Record<string, unknown> = { name: m.name };
  if (m.namespace) meta.namespace = m.namespace;
  meta.creationTimestamp = null;
  if (m.labels && Object.keys(m.labels).length) meta.labels = goMap({ ...m.labels });
  if (m.annotations && Object.keys(m.annotations).length) meta.annotations = goMap({ ...m.annotations });
  return meta as KObject['metadata'];
}

/** A typed object: kind and apiVersion first (TypeMeta), then the rest in the order given. */
export function typedObject(kind: string, apiVersion: string, metadata: KObject['metadata'], rest: Record<string, unknown> = {}): KObject {
  return { kind, apiVersion, metadata, ...rest } as KObject;
}

/**
 * kubectl's CreateApplyAnnotation (`--save-config`) on a typed object: the object encoded without
 * the annotation (json.Marshal + newline) becomes the annotation.
 */
export function saveConfigTyped(obj: KObject): void {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const md = obj.metadata as Record<string, unknown>;
  if (Object.keys(annotations).length) md.annotations = goMap({ ...annotations });
  else delete md.annotations;
  const text = typedJson(obj) + '\n';
  md.annotations = goMap({ ...annotations, [LAST_APPLIED]: text });
}
