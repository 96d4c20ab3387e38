// kube-proxy's choice of endpoint: round-robin, random, ClientIP affinity, REJECT/DROP.
import { describe, expect, test } from 'vitest';
import { route, readyEndpoints } from '../../src/network/proxy.js';
import { makeCluster, create, pod, svc, getPod } from './network-fixture.js';
import type { Cluster } from '../../src/store/cluster.js';

function fourPods(extra: Record<string, unknown> = {}): { c: Cluster; vip: string; ips: string[] } {
  const c = makeCluster();
  const pods = [1, 2, 3, 4].map((i) => pod(`web-${i}`, 'luksa/kubia', { labels: { app: 'web' }, ports: [{ containerPort: 8080 }] }));
  create(c, pod('client', 'busybox'), ...pods, svc('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }], ...extra }));
  return { c, vip: c.get('services', 'default', 'web')!.spec.clusterIP, ips: [1, 2, 3, 4].map((i) => getPod(c, `web-${i}`).status.podIP) };
}

function hits(c: Cluster, vip: string, n: number, src = '10.244.0.99'): Record<string, number> {
  const count: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const r = route(c, src, vip, 80, 'TCP');
    if (r?.kind !== 'dnat') throw new Error(`no dnat: ${r?.kind}`);
    count[r.endpoint.ip] = (count[r.endpoint.ip] ?? 0) + 1;
  }
  return count;
}

describe('kube-proxy', () => {
  test('round-robin: 100 connections over 4 pods hit each exactly 25 times, in turn', () => {
    const { c, vip, ips } = fourPods();
    const first = [0, 1, 2, 3, 4].map(() => (route(c, '10.244.0.99', vip, 80, 'TCP') as { endpoint: { ip: string } }).endpoint.ip);
    expect(new Set(first.slice(0, 4)).size).toBe(4);
    expect(first[4]).toBe(first[0]);
    const count = hits(c, vip, 100);
    expect(Object.keys(count).sort()).toEqual([...ips].sort());
    for (const ip of ips) expect(count[ip]).toBe(25);
    // the cursor lives in the state (so separate commands rotate)
    expect(Object.keys((c.state.proxy as { rr: Record<string, number> }).rr)).toContain('default/web:80/TCP');
  });

  test('random (iptables statistic): every pod is hit, roughly evenly', () => {
    const { c, vip, ips } = fourPods();
    c.state.cluster.proxyMode = 'random';
    const count = hits(c, vip, 100);
    for (const ip of ips) expect(count[ip]).toBeGreaterThan(5);
    const r = route(c, '10.244.0.99', vip, 80, 'TCP');
    expect(r?.kind === 'dnat' && r.reason).toMatch(/^random \(iptables statistic\): rule 1 p=0\.25000 draw=/);
  });

  test('sessionAffinity ClientIP pins a client until the timeout, another client can land elsewhere', () => {
    const { c, vip } = fourPods({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } });
    const a = hits(c, vip, 20, '10.244.0.50');
    expect(Object.values(a)).toEqual([20]);
    const b = hits(c, vip, 1, '10.244.0.51');
    expect(Object.keys(b)[0]).not.toBe(Object.keys(a)[0]);
    const again = route(c, '10.244.0.50', vip, 80, 'TCP');
    expect(again?.kind === 'dnat' && again.reason).toMatch(/pinned to .* \(set \d+s ago, timeout 60s\)/);
    c.now += 61_000;
    const after = route(c, '10.244.0.50', vip, 80, 'TCP');
    expect(after?.kind === 'dnat' && after.reason).toMatch(/expired|no entry/);
  });

  test('the affinity table stays bounded', () => {
    const { c, vip } = fourPods({ sessionAffinity: 'ClientIP' });
    for (let i = 0; i < 400; i++) route(c, `10.244.${1 + Math.floor(i / 250)}.${i % 250}`, vip, 80, 'TCP');
    expect(Object.keys((c.state.proxy as { affinity: object }).affinity).length).toBeLessThanOrEqual(256);
  });

  test('no ready endpoints: REJECT; a port the Service lacks: DROP; not a Service: no rule', () => {
    const c = makeCluster();
    create(c, svc('empty', { selector: { app: 'none' }, ports: [{ port: 80 }] }));
    const vip = c.get('services', 'default', 'empty')!.spec.clusterIP;
    expect(route(c, '10.244.0.9', vip, 80, 'TCP')?.kind).toBe('reject');
    expect(route(c, '10.244.0.9', vip, 81, 'TCP')?.kind).toBe('drop');
    expect(route(c, '10.244.0.9', vip, 80, 'UDP')?.kind).toBe('drop');
    expect(route(c, '10.244.0.9', '10.244.0.5', 80, 'TCP')).toBeUndefined();
  });

  test('selector-less Services use their manual Endpoints; named ports match by name', () => {
    const c = makeCluster();
    create(
      c,
      svc('external-service', { ports: [{ name: 'http', port: 80, targetPort: 88 }] }),
      { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external-service', namespace: 'default' }, subsets: [{ addresses: [{ ip: '1.1.1.1' }, { ip: '2.2.2.2' }], ports: [{ name: 'http', port: 88 }] }] },
    );
    const vip = c.get('services', 'default', 'external-service')!.spec.clusterIP;
    const r = route(c, '10.244.0.9', vip, 80, 'TCP');
    expect(r?.kind === 'dnat' && `${r.endpoint.ip}:${r.endpoint.port}`).toBe('1.1.1.1:88');
    const svcObj = c.get('services', 'default', 'external-service')!;
    expect(readyEndpoints(c, svcObj, svcObj.spec.ports[0]).map((e) => e.ip)).toEqual(['1.1.1.1', '2.2.2.2']);
  });

  test('NodePort on a node address; externalTrafficPolicy Local drops without a local endpoint', () => {
    const { c } = fourPods({ type: 'NodePort' });
    const np = c.get('services', 'default', 'web')!.spec.ports[0].nodePort;
    const r = route(c, '172.18.0.1', '172.18.0.2', np, 'TCP');
    expect(r?.kind).toBe('dnat');
    expect(r?.match.via).toBe('NodePort');
    const s = c.get('services', 'default', 'web')!;
    s.spec.externalTrafficPolicy = 'Local';
    for (const e of c.list('endpoints', 'default')) for (const ss of e.subsets ?? []) for (const a of ss.addresses ?? []) a.nodeName = 'elsewhere';
    expect(route(c, '172.18.0.1', '172.18.0.2', np, 'TCP')?.kind).toBe('drop');
  });
});
