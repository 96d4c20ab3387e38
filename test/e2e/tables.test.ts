// `kubesim get` tables, byte for byte against kubectl's rules (reference §2–§4): every column is
// as wide as its widest cell + 3 (at least 6), the last column is never padded, headers are the
// kind's columns, and each cell holds what the reference says. The clock is pinned (KUBESIM_NOW).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cluster, type TestCluster } from './helpers.js';

/** Split a table by the tab-writer rule and check the layout; returns the cells. */
function cells(text: string): string[][] {
  const lines = text.replace(/\n$/, '').split('\n');
  // Column starts are where a header word begins after 2+ spaces (headers have no double spaces).
  const header = lines[0];
  const starts = [0];
  for (const m of header.matchAll(/ {2,}(?=\S)/g)) starts.push(m.index! + m[0].length);
  const rows = lines.map((l) => starts.map((s, i) => (i + 1 < starts.length ? l.slice(s, starts[i + 1]) : l.slice(s))));
  for (let c = 0; c + 1 < starts.length; c++) {
    const width = Math.max(6, ...rows.map((r) => r[c].trimEnd().length + 3));
    expect(starts[c + 1] - starts[c], `column ${c} of\n${text}`).toBe(width);
    for (const r of rows) expect(r[c]).toMatch(/^\S.*?\S? *$|^ *$/);
  }
  for (const l of lines) if (!/ {3}$/.test(l)) expect(l).not.toMatch(/ $/);
  return rows.map((r) => r.map((x) => x.trimEnd()));
}

let k: TestCluster;
beforeAll(() => {
  k = cluster({ KUBESIM_NOW: '2024-05-01T10:00:00Z' });
  k.ok(['apply', '-f', 'manifests/kubia-services/']);
  k.ok(['apply', '-f', 'manifests/hello/']);
});
afterAll(() => k.cleanup());
const at = (args: string[]) => k.ok(args, { env: { KUBESIM_NOW: '2024-05-01T13:25:00Z' } });

describe('get tables follow the tab-writer rules', () => {
  it('pods -o wide', () => {
    const t = cells(at(['get', 'pods', '-o', 'wide']));
    expect(t[0]).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(t).toHaveLength(6);
    for (const r of t.slice(1)) {
      expect(r[0]).toMatch(/^(hello-web-[4-9bcdf]+-|kubia-)[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(r.slice(1)).toEqual(['1/1', 'Running', '0', '3h25m', r[5], 'kubesim-control-plane', '<none>', '<none>']);
      expect(r[5]).toMatch(/^10\.244\.0\.\d+$/);
    }
  });

  it('services: types, <none>, None, localhost, node ports, ExternalName', () => {
    const t = cells(at(['get', 'svc']));
    expect(t[0]).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    const row = (n: string) => t.find((r) => r[0] === n)!;
    expect(row('kubernetes')).toEqual(['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '3h25m']);
    expect(row('kubia-headless').slice(1, 5)).toEqual(['ClusterIP', 'None', '<none>', '80/TCP']);
    expect(row('kubia-lb').slice(3, 5)).toEqual(['localhost', expect.stringMatching(/^80:3\d{4}\/TCP$/)]);
    expect(row('kubia-nodeport').slice(1)).toEqual(['NodePort', expect.stringMatching(/^10\.96\./), '<none>', '80:30123/TCP', '3h25m']);
    expect(row('kubia-named')[4]).toBe('80/TCP,443/TCP');
    expect(row('outside-alias').slice(1, 5)).toEqual(['ExternalName', '<none>', 'api.somecompany.com', '80/TCP']);
    expect(t.slice(1).map((r) => r[0])).toEqual([...t.slice(1).map((r) => r[0])].sort());
  });

  it('endpoints: first three and "+ N more...", manual Endpoints as written', () => {
    const t = cells(at(['get', 'ep']));
    expect(t[0]).toEqual(['NAME', 'ENDPOINTS', 'AGE']);
    const row = (n: string) => t.find((r) => r[0] === n)!;
    expect(row('kubia')[1]).toMatch(/^10\.244\.0\.\d+:8080,10\.244\.0\.\d+:8080,10\.244\.0\.\d+:8080$/);
    expect(row('kubia-named')[1]).toMatch(/^(10\.244\.0\.\d+:8080,){2}10\.244\.0\.\d+:8080 \+ 3 more\.\.\.$/);
    expect(row('outside-api')[1]).toBe('203.0.113.10:80,203.0.113.11:80');
    expect(row('kubernetes')[1]).toBe('172.18.0.2:6443');
    expect(t.find((r) => r[0] === 'outside-alias')).toBeUndefined();
  });

  it('get all: sections per type, kind prefixes, one blank line between', () => {
    const out = at(['get', 'all']);
    const sections = out.replace(/\n$/, '').split('\n\n');
    expect(sections.map((s) => s.split('\n')[0].split(/\s{2,}/))).toEqual([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
      ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
      ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    ]);
    const prefixes = ['pod/', 'service/', 'deployment.apps/', 'replicaset.apps/'];
    sections.forEach((s, i) => {
      const t = cells(s + '\n');
      for (const r of t.slice(1)) expect(r[0].startsWith(prefixes[i])).toBe(true);
    });
    expect(cells(sections[2] + '\n')[1]).toEqual(['deployment.apps/hello-web', '2/2', '2', '2', '3h25m']);
  });

  it('-A --show-labels: NAMESPACE first, LABELS last, sorted by namespace then name', () => {
    const t = cells(at(['get', 'pods', '-A', '--show-labels']));
    expect(t[0]).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'LABELS']);
    const keys = t.slice(1).map((r) => `${r[0]}/${r[1]}`);
    expect(keys).toEqual([...keys].sort());
    expect(t.find((r) => r[1].startsWith('kubia-'))![6]).toBe('app=kubia');
    expect(t.find((r) => r[1].startsWith('coredns-'))![6]).toMatch(/^k8s-app=kube-dns,pod-template-hash=[4-9bcdf]+$/);
  });

  it('-L adds label columns (an absent label is an empty cell), --no-headers drops the header', () => {
    const text = at(['get', 'pods', '-L', 'app,pod-template-hash']);
    const t = cells(text);
    expect(t[0]).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'APP', 'POD-TEMPLATE-HASH']);
    expect(t.find((r) => r[0].startsWith('kubia-'))!.slice(5)).toEqual(['kubia', '']);
    const noHeaders = at(['get', 'pods', '-L', 'app,pod-template-hash', '--no-headers']);
    expect(noHeaders.split('\n')[0]).toMatch(/^hello-web-/);
  });

  it('nodes -o wide', () => {
    const t = cells(at(['get', 'nodes', '-o', 'wide']));
    expect(t).toEqual([
      ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', 'INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
      ['kubesim-control-plane', 'Ready', 'control-plane', '3h25m', 'v1.32.2', '172.18.0.2', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.8.0-45-generic', 'containerd://1.7.24'],
    ]);
  });

  it('replicasets -o wide: SELECTOR with the pod-template-hash', () => {
    const t = cells(at(['get', 'rs', '-o', 'wide']));
    expect(t[0]).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']);
    const hw = t.find((r) => r[0].startsWith('hello-web-'))!;
    expect(hw.slice(1)).toEqual(['2', '2', '2', '3h25m', 'web', 'nginx:1.27-alpine', `app=hello-web,pod-template-hash=${hw[0].slice('hello-web-'.length)}`]);
  });

  it('--sort-by orders by the field (strings lexically, missing first)', () => {
    const names = at(['get', 'svc', '--sort-by=.spec.clusterIP', '-o', 'jsonpath={range .items[*]}{.spec.clusterIP}{" "}{end}']).trim().split(' ');
    expect(names).toEqual([...names].sort());
  });

  it('ages follow HumanDuration', () => {
    const age = (now: string) => k.ok(['get', 'svc', 'kubernetes', '--no-headers'], { env: { KUBESIM_NOW: now } }).trim().split(/\s+/).pop();
    expect(age('2024-05-01T10:01:59Z')).toBe('119s');
    expect(age('2024-05-01T10:02:30Z')).toBe('2m30s');
    expect(age('2024-05-01T12:59:00Z')).toBe('179m');
    expect(age('2024-05-03T15:00:00Z')).toBe('2d5h');
    expect(age('2024-06-01T10:00:00Z')).toBe('31d');
  });
});
