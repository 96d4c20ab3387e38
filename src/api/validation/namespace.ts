// Namespace validation (pkg/apis/core/validation: ValidateNamespace, ValidateNamespaceUpdate).
import type { KObject } from '../types.js';
import type { ErrorList } from './field.js';
import { arr, invalid, invalidEach, obj, str } from './field.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { isQualifiedName, nameIsDNSLabel } from './names.js';

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

export function validateNamespace(ns: KObject, old?: KObject): ErrorList {
  if (old) return validateObjectMetaUpdate(ns.metadata, old.metadata);
  const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel);
  for (const f0 of arr<unknown>(obj(ns.spec).finalizers)) {
    const f = str(f0);
    errs.push(...invalidEach('spec.finalizers', f, isQualifiedName(f)));
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalid('spec.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}
