// CoreDNS records, the per-pod resolv.conf and the stub resolver's search-list walk.
import { describe, expect, test } from 'vitest';
import { resolve, resolvConf, etcHosts, reverseName, answerQuery, type QType } from '../../src/network/dns.js';
import { setProbeEvaluator } from '../../src/runtime/probes.js';
import { deleteObject } from '../../src/api/server.js';
import { reconcile } from '../../src/controllers/index.js';
import { makeCluster, create, pod, svc, getPod } from './network-fixture.js';
import type { Cluster } from '../../src/store/cluster.js';

function q(c: Cluster, from: string, name: string, type: QType = 'A') {
  return resolve(c, getPod(c, from), name, type);
}

function base(): Cluster {
  const c = makeCluster();
  create(
    c,
    pod('client', 'busybox'),
    pod('kubia-1', 'luksa/kubia', { labels: { app: 'kubia' }, ports: [{ containerPort: 8080, name: 'http' }] }),
    pod('kubia-2', 'luksa/kubia', { labels: { app: 'kubia' }, ports: [{ containerPort: 8080, name: 'http' }] }),
    svc('kubia', { selector: { app: 'kubia' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] }),
  );
  return c;
}

describe('resolv.conf', () => {
  test('ClusterFirst: search list of the namespace, CoreDNS, ndots:5', () => {
    const c = base();
    expect(resolvConf(getPod(c, 'client'))).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  test('dnsConfig is merged (kia2 pod-with-dns-config)', () => {
    const c = base();
    create(c, pod('dnscfg', 'busybox', { spec: { dnsConfig: { nameservers: ['1.1.1.1'], searches: ['search1', 'search2'], options: [{ name: 'custom-option', value: 'foo' }] } } }));
    expect(resolvConf(getPod(c, 'dnscfg'))).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local search1 search2\nnameserver 10.96.0.10\nnameserver 1.1.1.1\noptions ndots:5 custom-option:foo\n',
    );
  });

  test('dnsPolicy None and Default', () => {
    const c = base();
    create(
      c,
      pod('none', 'busybox', { spec: { dnsPolicy: 'None', dnsConfig: { nameservers: ['8.8.8.8'], options: [{ name: 'ndots', value: '2' }] } } }),
      pod('dflt', 'busybox', { spec: { dnsPolicy: 'Default' } }),
    );
    expect(resolvConf(getPod(c, 'none'))).toBe('nameserver 8.8.8.8\noptions ndots:2\n');
    expect(resolvConf(getPod(c, 'dflt'))).toBe('nameserver 172.18.0.1\noptions edns0 trust-ad ndots:0\n');
    // The node's resolver knows the internet but not cluster.local.
    expect(q(c, 'dflt', 'kubia').error).toBe('NXDOMAIN');
    expect(q(c, 'dflt', 'example.com').addresses).toEqual(['93.184.215.14']);
    expect(q(c, 'none', 'kubia.default.svc.cluster.local').error).toBe('NXDOMAIN');
  });

  test('/etc/hosts has the pod, and hostAliases', () => {
    const c = base();
    create(c, pod('aliased', 'busybox', { spec: { hostAliases: [{ ip: '1.2.3.4', hostnames: ['foo.local', 'bar.local'] }] } }));
    const p = getPod(c, 'aliased');
    const hosts = etcHosts(p);
    expect(hosts).toContain(`${p.status.podIP}\taliased\n`);
    expect(hosts).toContain('# Entries added by HostAliases.\n1.2.3.4\tfoo.local\tbar.local\n');
    expect(resolve(c, p, 'bar.local', 'A', { useHosts: true }).addresses).toEqual(['1.2.3.4']);
  });
});

describe('search list walk', () => {
  test('short, namespace-qualified and full names all reach the ClusterIP', () => {
    const c = base();
    const ip = c.get('services', 'default', 'kubia')!.spec.clusterIP;
    for (const n of ['kubia', 'kubia.default', 'kubia.default.svc', 'kubia.default.svc.cluster.local', 'kubia.default.svc.cluster.local.']) {
      expect(q(c, 'client', n).addresses, n).toEqual([ip]);
    }
    const r = q(c, 'client', 'kubia.default');
    expect(r.replies.map((x) => `${x.qname} ${x.rcode}`)).toEqual(['kubia.default.default.svc.cluster.local NXDOMAIN', 'kubia.default.svc.cluster.local NOERROR']);
  });

  test('another namespace only when it has the Service', () => {
    const c = base();
    const r = q(c, 'client', 'kubia.other-ns');
    expect(r.error).toBe('NXDOMAIN');
    expect(r.replies.map((x) => x.qname)).toEqual([
      'kubia.other-ns.default.svc.cluster.local',
      'kubia.other-ns.svc.cluster.local',
      'kubia.other-ns.cluster.local',
      'kubia.other-ns',
    ]);
    create(c, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other-ns' } }, svc('kubia', { selector: { app: 'x' }, ports: [{ port: 80 }] }, 'other-ns'));
    expect(q(c, 'client', 'kubia.other-ns').addresses).toEqual([c.get('services', 'other-ns', 'kubia')!.spec.clusterIP]);
    // and the short name still means this namespace's
    expect(q(c, 'client', 'kubia').addresses).toEqual([c.get('services', 'default', 'kubia')!.spec.clusterIP]);
  });

  test('names with ndots or more dots go out as they are first', () => {
    const c = base();
    const r = q(c, 'client', 'a.b.c.d.example.com');
    expect(r.replies[0].qname).toBe('a.b.c.d.example.com');
  });

  test('AAAA for a Service name is an empty answer, not NXDOMAIN', () => {
    const c = base();
    const r = q(c, 'client', 'kubia', 'AAAA');
    expect(r.replies[0]).toMatchObject({ qname: 'kubia.default.svc.cluster.local', rcode: 'NOERROR', answers: [] });
    expect(r.error).toBe('NODATA');
  });

  test('no CoreDNS pod: the query times out', () => {
    const c = base();
    deleteObject(c, c.get('deployments', 'kube-system', 'coredns')!);
    reconcile(c);
    const r = q(c, 'client', 'kubia');
    expect(r.error).toBe('timeout');
    expect(r.elapsedMs).toBe(10_000);
  });
});

describe('records', () => {
  test('headless: one A per ready endpoint; publishNotReadyAddresses adds the others', () => {
    setProbeEvaluator((_c, p) => p.metadata.name !== 'kubia-2');
    try {
      const c = makeCluster();
      const probe = { readinessProbe: { exec: { command: ['ls', '/var/ready'] } } };
      const mk = (n: string) => ({ ...pod(n, 'luksa/kubia', { labels: { app: 'kubia' }, ports: [{ containerPort: 8080, name: 'http' }] }) });
      const p1 = mk('kubia-1');
      const p2 = mk('kubia-2');
      p1.spec.containers[0] = { ...p1.spec.containers[0], ...probe };
      p2.spec.containers[0] = { ...p2.spec.containers[0], ...probe };
      create(c, pod('client', 'busybox'), p1, p2, svc('kubia-headless', { clusterIP: 'None', selector: { app: 'kubia' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] }));
      const ip1 = getPod(c, 'kubia-1').status.podIP;
      const ip2 = getPod(c, 'kubia-2').status.podIP;
      expect(q(c, 'client', 'kubia-headless').addresses).toEqual([ip1]);
      create(c, svc('kubia-all', { clusterIP: 'None', publishNotReadyAddresses: true, selector: { app: 'kubia' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] }));
      expect(q(c, 'client', 'kubia-all').addresses.sort()).toEqual([ip1, ip2].sort());
      // SRV: one per endpoint, the target named by its dashed IP, the port the pod's
      const srv = q(c, 'client', '_http._tcp.kubia-headless', 'SRV');
      expect(srv.records.map((r) => `${r.priority} ${r.weight} ${r.port} ${r.data}`)).toEqual([`0 100 8080 ${ip1.replace(/\./g, '-')}.kubia-headless.default.svc.cluster.local`]);
    } finally {
      setProbeEvaluator(() => true);
    }
  });

  test('headless with no ready endpoint is NXDOMAIN', () => {
    const c = base();
    create(c, svc('nobody', { clusterIP: 'None', selector: { app: 'nobody' }, ports: [{ port: 80 }] }));
    expect(q(c, 'client', 'nobody').error).toBe('NXDOMAIN');
  });

  test('a selector-less ClusterIP Service with manual Endpoints resolves to its ClusterIP', () => {
    const c = base();
    create(c, svc('numbers-api', { ports: [{ port: 80 }] }), { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'numbers-api', namespace: 'default' }, subsets: [{ addresses: [{ ip: '192.168.123.234' }], ports: [{ port: 80 }] }] });
    expect(q(c, 'client', 'numbers-api').addresses).toEqual([c.get('services', 'default', 'numbers-api')!.spec.clusterIP]);
  });

  test('ExternalName: a CNAME, plus the target resolved upstream', () => {
    const c = base();
    create(c, svc('numbers-api', { type: 'ExternalName', externalName: 'raw.githubusercontent.com' }));
    const r = q(c, 'client', 'numbers-api');
    expect(r.records[0]).toMatchObject({ type: 'CNAME', name: 'numbers-api.default.svc.cluster.local', data: 'raw.githubusercontent.com' });
    expect(r.addresses).toEqual(['185.199.108.133', '185.199.109.133', '185.199.110.133', '185.199.111.133']);
    expect(r.canonical).toBe('raw.githubusercontent.com');
    expect(q(c, 'client', 'numbers-api', 'CNAME').records.map((x) => x.type)).toEqual(['CNAME']);
    create(c, svc('nowhere', { type: 'ExternalName', externalName: 'no-such-host.invalid' }));
    expect(q(c, 'client', 'nowhere').addresses).toEqual([]);
  });

  test('SRV for named ports of a ClusterIP Service; none for unnamed ports', () => {
    const c = base();
    const r = q(c, 'client', '_http._tcp.kubia.default.svc.cluster.local', 'SRV');
    expect(r.records.map((x) => `${x.priority} ${x.weight} ${x.port} ${x.data}`)).toEqual(['0 100 80 kubia.default.svc.cluster.local']);
    create(c, svc('plain', { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] }));
    expect(q(c, 'client', '_http._tcp.plain.default.svc.cluster.local', 'SRV').error).toBe('NXDOMAIN');
  });

  test('pod A records (pods insecure) and hostname.subdomain records', () => {
    const c = base();
    expect(q(c, 'client', '10-244-0-5.default.pod.cluster.local').addresses).toEqual(['10.244.0.5']);
    expect(q(c, 'client', '10-244-0-5.nope.pod.cluster.local').error).toBe('NXDOMAIN');
    create(
      c,
      pod('quote1', 'nginx:alpine', { labels: { app: 'quote' }, spec: { hostname: 'quote1-hostname', subdomain: 'quote-headless' } }),
      svc('quote-headless', { clusterIP: 'None', selector: { app: 'quote' }, ports: [{ port: 80 }] }),
    );
    const ip = getPod(c, 'quote1').status.podIP;
    expect(q(c, 'client', 'quote1-hostname.quote-headless').addresses).toEqual([ip]);
    expect(etcHosts(getPod(c, 'quote1'))).toContain(`${ip}\tquote1-hostname.quote-headless.default.svc.cluster.local\tquote1-hostname\n`);
  });

  test('PTR for ClusterIPs and for pods behind a Service', () => {
    const c = base();
    const ip = c.get('services', 'default', 'kubia')!.spec.clusterIP;
    const ptr = (addr: string) => answerQuery(c, '10.96.0.10', reverseName(addr), 'PTR').answers[0]?.data;
    expect(ptr(ip)).toBe('kubia.default.svc.cluster.local');
    expect(ptr('10.96.0.10')).toBe('kube-dns.kube-system.svc.cluster.local');
    const podIP = getPod(c, 'kubia-1').status.podIP;
    expect(ptr(podIP)).toBe(`${podIP.replace(/\./g, '-')}.kubia.default.svc.cluster.local`);
    expect(ptr(getPod(c, 'client').status.podIP)).toBeUndefined();
  });

  test('outside names come from the simulated internet, not authoritative', () => {
    const c = base();
    const r = q(c, 'client', 'worldtimeapi.org');
    expect(r.addresses).toEqual(['213.188.196.246']);
    expect(r.replies[r.replies.length - 1].authoritative).toBe(false);
    expect(q(c, 'client', 'no-such-host.example').error).toBe('NXDOMAIN');
  });
});
