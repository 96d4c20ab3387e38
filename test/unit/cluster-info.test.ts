import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { renderClusterInfo, serviceLink, useColor } from '../../src/cli/verbs/cluster-info/index.js';

const svc = (name: string, ports: unknown[], extra: Partial<KObject> = {}, labels: Record<string, string> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'kube-system', labels: { 'kubernetes.io/cluster-service': 'true', ...labels } },
  spec: { ports },
  ...extra,
});

describe('cluster-info', () => {
  const dns = svc('kube-dns', [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }], {}, { 'kubernetes.io/name': 'CoreDNS' });

  it('prints kind\'s text without colours', () => {
    expect(renderClusterInfo([dns], false)).toBe(
      'Kubernetes control plane is running at https://127.0.0.1:6443\n' +
        'CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n' +
        "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  it('colours names green and links yellow like go-colortext', () => {
    expect(renderClusterInfo([], true).split('\n')[0]).toBe('\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://127.0.0.1:6443\x1b[0m');
  });

  it('builds links like kubectl: https guess, unnamed ports, load balancers', () => {
    expect(serviceLink(svc('metrics', [{ port: 443 }]))).toBe('https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/https:metrics:/proxy');
    expect(serviceLink(svc('plain', [{ port: 80 }]))).toBe('https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/plain/proxy');
    expect(serviceLink(svc('noports', []))).toBe('https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/noports/proxy');
    expect(serviceLink(svc('lb', [{ port: 80 }, { port: 443 }], { status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } }))).toBe(
      'http://1.2.3.4:80 http://1.2.3.4:443 ',
    );
  });

  it('uses colour only on a terminal without NO_COLOR', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '' })).toBe(false);
    expect(useColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});
