// Namespace controller: a namespace being deleted loses everything in it, then goes itself. Every
// active namespace has the `default` ServiceAccount and the `kube-root-ca.crt` ConfigMap, as the
// serviceaccount and root-ca-cert-publisher controllers make them.
import type { Cluster } from '../store/cluster.js';
import { RESOURCES } from '../api/registry.js';

const ROOT_CA = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIKubesimCA0wDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\nAxMKa3ViZXJuZXRlczAeFw0yNDAxMDEwMDAwMDBaFw0zNDAxMDEwMDAwMDBaMBUx\nEzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK\n-----END CERTIFICATE-----\n';

export function reconcileNamespaces(cluster: Cluster): boolean {
  let changed = false;
  for (const ns of cluster.list('namespaces')) {
    const name = ns.metadata.name;
    if (ns.metadata.deletionTimestamp) {
      for (const t of RESOURCES) {
        if (!t.namespaced) continue;
        for (const o of cluster.list(t.plural, name)) cluster.remove(t.plural, name, o.metadata.name);
      }
      cluster.remove('namespaces', undefined, name);
      changed = true;
      continue;
    }
    if (!cluster.get('serviceaccounts', name, 'default')) {
      cluster.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } });
      changed = true;
    }
    if (!cluster.get('configmaps', name, 'kube-root-ca.crt')) {
      cluster.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'kube-root-ca.crt', namespace: name, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
        data: { 'ca.crt': ROOT_CA },
      });
      changed = true;
    }
  }
  return changed;
}
