// The books' old apiVersions (reference: corpus INDEX "Old API versions"). kubesim emulates the
// clusters the books were written for: it accepts them, converts the object to the version it
// stores, and warns on stderr as those API servers did.
import type { KObject } from './types.js';
import { apiVersionOf, resolveKind } from './registry.js';

export interface Converted {
  obj: KObject;
  warning?: string;
}

function backendV1(b: { serviceName?: string; servicePort?: number | string; resource?: unknown } | undefined): unknown {
  if (!b) return b;
  if (b.resource) return { resource: b.resource };
  const port = typeof b.servicePort === 'number' || /^\d+$/.test(String(b.servicePort ?? ''))
    ? { number: Number(b.servicePort) }
    : { name: b.servicePort };
  return { service: { name: b.serviceName, port } };
}

function ingressToV1(o: KObject): void {
  const spec = o.spec ?? {};
  if (spec.backend) {
    spec.defaultBackend = backendV1(spec.backend);
    delete spec.backend;
  }
  for (const rule of spec.rules ?? []) {
    for (const path of rule?.http?.paths ?? []) {
      if (path.backend) path.backend = backendV1(path.backend);
      if (!path.pathType) path.pathType = 'ImplementationSpecific';
    }
  }
}

/** Convert an object written at a legacy apiVersion to the stored version. */
export function convertToStored(obj: KObject): Converted {
  const r = resolveKind(obj.apiVersion, obj.kind);
  if (!r?.legacy) return { obj };
  const o: KObject = structuredClone(obj);
  const from = obj.apiVersion;
  o.apiVersion = apiVersionOf(r.type);
  if (r.type.kind === 'Ingress') ingressToV1(o);
  if (['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'].includes(r.type.kind)) {
    const spec = (o.spec ??= {});
    if (!spec.selector && spec.template?.metadata?.labels) spec.selector = { matchLabels: { ...spec.template.metadata.labels } };
    if (r.type.kind === 'Deployment' && from === 'apps/v1beta1') {
      spec.revisionHistoryLimit ??= 2;
      delete spec.rollbackTo;
    }
  }
  const warning = `Warning: ${from} ${r.type.kind} is deprecated in ${r.legacy.deprecatedIn}+, unavailable in ${r.legacy.removedIn}+; use ${apiVersionOf(r.type)} ${r.type.kind}`;
  return { obj: o, warning };
}
