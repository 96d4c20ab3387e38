// Small helpers shared by the controllers.
import type { KObject } from '../api/types.js';

export interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export function controllerRef(owner: KObject): OwnerRef {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

export function controllerOf(obj: KObject): OwnerRef | undefined {
  return (obj.metadata.ownerReferences as OwnerRef[] | undefined)?.find((r) => r.controller);
}

export function isOwnedBy(obj: KObject, owner: KObject): boolean {
  return controllerOf(obj)?.uid === owner.metadata.uid;
}

export function podIsTerminal(pod: KObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

export function podIsActive(pod: KObject): boolean {
  return !podIsTerminal(pod) && !pod.metadata.deletionTimestamp;
}

export function podIsReady(pod: KObject): boolean {
  return (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Set a condition, keeping lastTransitionTime when the status does not change. */
export function setCondition(
  conds: Record<string, unknown>[],
  cond: { type: string; status: string; reason?: string; message?: string },
  now: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown>[] {
  const old = conds.find((c) => c.type === cond.type);
  const next: Record<string, unknown> = { ...extra, ...cond, lastTransitionTime: old && old.status === cond.status ? old.lastTransitionTime : now };
  for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
  if (old) {
    const i = conds.indexOf(old);
    const copy = [...conds];
    copy[i] = { ...next };
    return copy;
  }
  return [...conds, next];
}
