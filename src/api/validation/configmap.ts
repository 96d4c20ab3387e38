// ConfigMap and Secret validation (pkg/apis/core/validation: ValidateConfigMap, ValidateSecret and
// their Update variants). Secret stringData has been merged into data by the time the server
// validates; keys still in stringData are checked as data keys.
import type { KObject } from '../types.js';
import type { ErrorList } from './field.js';
import { forbidden, invalid, invalidEach, obj, required, sortedEntries, str, tooLong } from './field.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { isConfigMapKey, nameIsDNSSubdomain } from './names.js';

const MAX_SECRET_SIZE = 1024 * 1024;

/** Decoded size of a base64 value (Secret data, ConfigMap binaryData). */
function base64Size(v: string): number {
  const clean = v.replace(/[\r\n]/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - pad;
}

function sameMap(a: unknown, b: unknown): boolean {
  const ea = sortedEntries(a);
  const eb = sortedEntries(b);
  return ea.length === eb.length && ea.every(([k, v], i) => eb[i][0] === k && str(eb[i][1]) === str(v));
}

export function validateConfigMap(cm: KObject, old?: KObject): ErrorList {
  const errs: ErrorList = [];
  if (old) {
    errs.push(...validateObjectMetaUpdate(cm.metadata, old.metadata));
    if (old.immutable === true) {
      if (cm.immutable !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
      if (!sameMap(cm.data, old.data)) errs.push(forbidden('data', 'field is immutable when `immutable` is set'));
      if (!sameMap(cm.binaryData, old.binaryData)) errs.push(forbidden('binaryData', 'field is immutable when `immutable` is set'));
    }
  }
  errs.push(...validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain));
  let total = 0;
  const binary = obj(cm.binaryData);
  for (const [k, v] of sortedEntries(cm.data)) {
    errs.push(...invalidEach(`data[${k}]`, k, isConfigMapKey(k)));
    if (k in binary) errs.push(invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
    total += Buffer.byteLength(str(v));
  }
  for (const [k, v] of sortedEntries(cm.binaryData)) {
    errs.push(...invalidEach(`binaryData[${k}]`, k, isConfigMapKey(k)));
    total += base64Size(str(v));
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('', MAX_SECRET_SIZE));
  return errs;
}

export function validateSecret(secret: KObject, old?: KObject): ErrorList {
  const errs: ErrorList = [];
  const type = str(secret.type);
  if (old) {
    errs.push(...validateObjectMetaUpdate(secret.metadata, old.metadata));
    if (type !== str(old.type)) errs.push(invalid('type', type, 'field is immutable'));
    if (old.immutable === true) {
      if (secret.immutable !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
      if (!sameMap(secret.data, old.data)) errs.push(forbidden('data', 'field is immutable when `immutable` is set'));
    }
  }
  errs.push(...validateObjectMeta(secret.metadata, true, nameIsDNSSubdomain));
  const data: Record<string, unknown> = { ...obj(secret.data) };
  const sizes: Record<string, number> = {};
  for (const [k, v] of sortedEntries(secret.data)) sizes[k] = base64Size(str(v));
  for (const [k, v] of sortedEntries(secret.stringData)) {
    data[k] = v;
    sizes[k] = Buffer.byteLength(str(v));
  }
  let total = 0;
  for (const [k] of sortedEntries(data)) {
    errs.push(...invalidEach(`data[${k}]`, k, isConfigMapKey(k)));
    total += sizes[k];
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('data', MAX_SECRET_SIZE));
  const has = (k: string) => k in data;
  switch (type) {
    case 'kubernetes.io/service-account-token':
      if (!str(obj(secret.metadata?.annotations)['kubernetes.io/service-account.name'])) {
        errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
      }
      break;
    case 'kubernetes.io/dockercfg':
      if (!has('.dockercfg')) errs.push(required('data[.dockercfg]'));
      break;
    case 'kubernetes.io/dockerconfigjson':
      if (!has('.dockerconfigjson')) errs.push(required('data[.dockerconfigjson]'));
      break;
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) {
        errs.push(required('data[username]'));
        errs.push(required('data[password]'));
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if (!str(data['ssh-privatekey'])) errs.push(required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(required('data[tls.crt]'));
      if (!has('tls.key')) errs.push(required('data[tls.key]'));
      break;
    default:
      break;
  }
  return errs;
}
