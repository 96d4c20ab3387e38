// `kubectl create namespace NAME` and `kubectl create serviceaccount NAME`.
import type { KObject } from '../../../../api/types.js';
import { typedMeta, typedObject } from '../typed.js';

export function generateNamespace(name: string): KObject {
  return typedObject('Namespace', 'v1', typedMeta({ name }), { spec: {}, status: {} });
}

export function generateServiceAccount(name: string, namespace?: string): KObject {
  return typedObject('ServiceAccount', 'v1', typedMeta({ name, namespace }));
}
