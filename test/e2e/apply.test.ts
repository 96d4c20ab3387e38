// apply's created / configured / unchanged, and a new ReplicaSet when the pod template changes.
import { describe, it, expect, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cluster } from './helpers.js';

const deploy = (image: string, replicas = 2) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: ${image}
`;

describe('apply', () => {
  const k = cluster();
  afterAll(() => k.cleanup());
  const file = join(k.dir, 'web.yaml');

  it('creates, then reports unchanged for the same file', () => {
    writeFileSync(file, deploy('nginx:1.26'));
    expect(k.ok(['apply', '-f', file])).toBe('deployment.apps/web created\n');
    expect(k.ok(['apply', '-f', file])).toBe('deployment.apps/web unchanged\n');
  });

  it('stores the last-applied annotation as kubectl writes it', () => {
    const ann = JSON.parse(k.ok(['get', 'deploy', 'web', '-o', 'json'])).metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'];
    expect(ann.endsWith('\n')).toBe(true);
    expect(JSON.parse(ann)).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { annotations: {}, name: 'web', namespace: 'default' } });
  });

  it('makes a new ReplicaSet when the template changes, scaling the old one to 0', () => {
    const rs1 = k.ok(['get', 'rs', '-o', 'jsonpath={.items[*].metadata.name}']);
    writeFileSync(file, deploy('nginx:1.27'));
    expect(k.ok(['apply', '-f', file])).toBe('deployment.apps/web configured\n');
    const rows = k.ok(['get', 'rs', '--no-headers']).trimEnd().split('\n').map((l) => l.split(/\s+/));
    expect(rows).toHaveLength(2);
    const old = rows.find((r) => r[0] === rs1)!;
    const cur = rows.find((r) => r[0] !== rs1)!;
    expect(old.slice(1, 4)).toEqual(['0', '0', '0']);
    expect(cur.slice(1, 4)).toEqual(['2', '2', '2']);
    expect(cur[0]).toMatch(/^web-[4-9bcdf]{1,10}$/);
    const pods = k.ok(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ');
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.startsWith(`${cur[0]}-`)).toBe(true);
  });

  it('reuses the old ReplicaSet when the template goes back (rollback)', () => {
    const before = k.ok(['get', 'rs', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ').sort();
    writeFileSync(file, deploy('nginx:1.26'));
    expect(k.ok(['apply', '-f', file])).toBe('deployment.apps/web configured\n');
    const after = k.ok(['get', 'rs', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ').sort();
    expect(after).toEqual(before);
  });

  it('is configured when a manifest field differs from the live object (after scale)', () => {
    k.ok(['scale', 'deploy', 'web', '--replicas=3']);
    expect(k.ok(['apply', '-f', file])).toBe('deployment.apps/web configured\n');
    expect(k.ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])).toBe('2');
  });

  it('applies a Service and keeps its ClusterIP on re-apply', () => {
    const svc = join(k.dir, 'svc.yaml');
    writeFileSync(svc, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n');
    expect(k.ok(['apply', '-f', svc])).toBe('service/web created\n');
    const ip = k.ok(['get', 'svc', 'web', '-o', 'jsonpath={.spec.clusterIP}']);
    writeFileSync(svc, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {tier: front}\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n');
    expect(k.ok(['apply', '-f', svc])).toBe('service/web configured\n');
    expect(k.ok(['get', 'svc', 'web', '-o', 'jsonpath={.spec.clusterIP}'])).toBe(ip);
    expect(k.ok(['apply', '-f', svc])).toBe('service/web unchanged\n');
  });
});
