// kube-proxy's two modes from the command line: round-robin (the default: each pod in turn, the
// position kept between commands) and random (`reset --proxy-mode random`, what iptables does).
import { describe, it, expect, afterAll } from 'vitest';
import { cluster } from './helpers.js';

function hits(k: ReturnType<typeof cluster>, n: number): Map<string, number> {
  const client = k.ok(['get', 'pods', '-l', 'app=kubia', '-o', 'jsonpath={.items[0].metadata.name}']);
  const script = `for i in $(seq 1 ${n}); do curl -s http://kubia; done`;
  const out = k.ok(['exec', client, '--', 'sh', '-c', script]);
  const counts = new Map<string, number>();
  for (const line of out.trim().split('\n')) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

describe('kube-proxy modes', () => {
  const k = cluster();
  afterAll(() => k.cleanup());

  it('round-robin: 100 requests over 4 pods hit each exactly 25 times', () => {
    k.ok(['apply', '-f', 'manifests/kubia-services/replicaset.yaml', '-f', 'manifests/kubia-services/svc-clusterip.yaml']);
    k.ok(['scale', 'rs', 'kubia', '--replicas=4']);
    expect([...hits(k, 100).values()]).toEqual([25, 25, 25, 25]);
  });

  it('random: every pod is hit, not in turn', () => {
    expect(k.ok(['reset', '--proxy-mode', 'random'])).toMatch(/kube-proxy random/);
    k.ok(['apply', '-f', 'manifests/kubia-services/replicaset.yaml', '-f', 'manifests/kubia-services/svc-clusterip.yaml']);
    k.ok(['scale', 'rs', 'kubia', '--replicas=4']);
    const counts = hits(k, 100);
    expect(counts.size).toBe(4);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(100);
    expect([...counts.values()]).not.toEqual([25, 25, 25, 25]);
    expect(k.run(['reset', '--proxy-mode', 'sticky']).stderr).toBe('error: unknown proxy mode "sticky": choose round-robin or random\n');
  });
});
