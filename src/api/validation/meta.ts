// ObjectMeta validation (apimachinery pkg/api/validation/objectmeta.go, meta/v1/validation, and the
// finalizer check core adds in pkg/apis/core/validation).
import type { NameFn } from './names.js';
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel } from './names.js';
import type { ErrorList } from './field.js';
import { arr, forbidden, invalid, invalidEach, num, obj, required, sortedEntries, str, tooLong } from './field.js';

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

export function validateLabelName(key: string, field: string): ErrorList {
  return invalidEach(field, key, isQualifiedName(key));
}

/** metav1validation.ValidateLabels: keys and values, all reported at `field` itself. */
export function validateLabels(labels: unknown, field: string): ErrorList {
  const errs: ErrorList = [];
  for (const [k, v] of sortedEntries(labels)) {
    errs.push(...validateLabelName(k, field));
    errs.push(...invalidEach(field, str(v), isValidLabelValue(str(v))));
  }
  return errs;
}

export function validateAnnotations(annotations: unknown, field: string): ErrorList {
  const errs: ErrorList = [];
  let size = 0;
  for (const [k, v] of sortedEntries(annotations)) {
    errs.push(...invalidEach(field, k, isQualifiedName(k.toLowerCase())));
    size += Buffer.byteLength(k) + Buffer.byteLength(str(v));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function validateOwnerReferences(refs: unknown, field: string): ErrorList {
  const errs: ErrorList = [];
  for (const r of arr<Record<string, unknown>>(refs)) {
    const apiVersion = str(r.apiVersion);
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    if (!version) errs.push(invalid(`${field}.apiVersion`, apiVersion, 'version must not be empty'));
    if (!str(r.kind)) errs.push(invalid(`${field}.kind`, str(r.kind), 'must not be empty'));
    if (!str(r.name)) errs.push(invalid(`${field}.name`, str(r.name), 'must not be empty'));
    if (!str(r.uid)) errs.push(invalid(`${field}.uid`, str(r.uid), 'must not be empty'));
  }
  return errs;
}

function validateFinalizers(finalizers: unknown, field: string): ErrorList {
  const errs: ErrorList = [];
  const list = arr<unknown>(finalizers).map(str);
  for (const f of list) errs.push(...invalidEach(field, f, isQualifiedName(f)));
  return errs;
}

/** core's extra check: an unqualified finalizer must be a standard one. */
function validateKubeFinalizers(finalizers: unknown, field: string): ErrorList {
  const errs: ErrorList = [];
  arr<unknown>(finalizers).forEach((f, i) => {
    const name = str(f);
    if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
      errs.push(invalid(`${field}[${i}]`, name, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

/** The parts shared by create and update validation. */
function validateMetaCommon(meta: Record<string, unknown>, field: string): ErrorList {
  const errs: ErrorList = [];
  if (num(meta.generation) < 0) errs.push(invalid(`${field}.generation`, num(meta.generation), 'must be greater than or equal to 0'));
  errs.push(...validateLabels(meta.labels, `${field}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${field}.annotations`));
  errs.push(...validateOwnerReferences(meta.ownerReferences, `${field}.ownerReferences`));
  errs.push(...validateFinalizers(meta.finalizers, `${field}.finalizers`));
  return errs;
}

/**
 * ValidateObjectMeta on create. The object has been through the create path already: a generated
 * name is filled in, the namespace is set for namespaced kinds and cleared for cluster-scoped ones
 * (as the server's BeforeCreate does), so cluster-scoped kinds are not checked for a namespace.
 */
export function validateObjectMeta(metadata: unknown, namespaced: boolean, nameFn: NameFn, field = 'metadata'): ErrorList {
  const meta = obj(metadata);
  const errs: ErrorList = [];
  const generateName = str(meta.generateName);
  const name = str(meta.name);
  if (generateName) errs.push(...invalidEach(`${field}.generateName`, generateName, nameFn(generateName, true)));
  if (!name) errs.push(required(`${field}.name`, 'name or generateName is required'));
  else errs.push(...invalidEach(`${field}.name`, name, nameFn(name, false)));
  if (namespaced) {
    const ns = str(meta.namespace);
    if (!ns) errs.push(required(`${field}.namespace`));
    else errs.push(...invalidEach(`${field}.namespace`, ns, nameIsDNSLabel(ns, false)));
  }
  errs.push(...validateMetaCommon(meta, field));
  errs.push(...validateKubeFinalizers(meta.finalizers, `${field}.finalizers`));
  return errs;
}

/** ValidateObjectMetaUpdate: immutable identity fields, then the common checks (no name format check). */
export function validateObjectMetaUpdate(newMeta: unknown, oldMeta: unknown, field = 'metadata'): ErrorList {
  const n = obj(newMeta);
  const o = obj(oldMeta);
  const errs: ErrorList = [];
  if (num(n.generation) < num(o.generation)) errs.push(invalid(`${field}.generation`, num(n.generation), 'must not be decremented'));
  for (const k of ['name', 'namespace', 'uid', 'creationTimestamp'] as const) {
    if (o[k] !== undefined && n[k] !== undefined && str(n[k]) !== str(o[k])) errs.push(invalid(`${field}.${k}`, str(n[k]), 'field is immutable'));
  }
  errs.push(...validateMetaCommon(n, field));
  errs.push(...validateKubeFinalizers(n.finalizers, `${field}.finalizers`));
  if (o.deletionTimestamp) {
    const oldF = new Set(arr<unknown>(o.finalizers).map(str));
    const extra = [...new Set(arr<unknown>(n.finalizers).map(str))].filter((f) => !oldF.has(f)).sort();
    if (extra.length) {
      const dump = `[]string{${extra.map((f) => JSON.stringify(f)).join(', ')}}`;
      errs.push(forbidden(`${field}.finalizers`, `no new finalizers can be added if the object is being deleted, found new finalizers ${dump}`));
    }
  }
  return errs;
}
