// The container runtime is loaded only when a pod needs it (src/cli/context.ts settle, and
// src/runtime/probes.ts podWantsRuntime): steady pods whose apps have nothing to do with time are
// left alone, and a read of a steady cluster neither writes the state nor takes the lock. These
// tests check that leaving the runtime out never changes what happens to the pods.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, mkdirSync, rmdirSync } from 'node:fs';
import { cluster, type TestCluster } from './helpers.js';

describe('the runtime on demand', () => {
  let k: TestCluster;
  beforeAll(() => {
    // Without KUBESIM_CHECK_SETTLED, whose checks load the runtime: these tests are about the
    // commands that run without it.
    k = cluster({ KUBESIM_CHECK_SETTLED: '' });
    k.ok(['create', 'deployment', 'web', '--image=nginx', '--replicas=2']);
    k.ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=web']);
  });
  afterAll(() => k.cleanup());

  const pods = () =>
    k
      .ok(['get', 'pods', '-l', 'app=web', '--no-headers', '-o', 'custom-columns=NAME:.metadata.name,READY:.status.containerStatuses[0].ready,RESTARTS:.status.containerStatuses[0].restartCount'])
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/));

  it('a read of a steady cluster leaves the state file as it was, even with the lock held elsewhere', () => {
    k.ok(['get', 'pods']);
    const before = readFileSync(k.state, 'utf8');
    const lock = `${k.state}.lock`;
    mkdirSync(lock);
    try {
      const r = k.run(['get', 'pods', '-l', 'app=web'], { env: { KUBESIM_LOCK_TIMEOUT_MS: '300' } });
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n').filter((l) => /^web-/.test(l))).toHaveLength(2);
      expect(k.run(['describe', 'deploy', 'web'], { env: { KUBESIM_LOCK_TIMEOUT_MS: '300' } }).code).toBe(0);
    } finally {
      rmdirSync(lock);
    }
    expect(readFileSync(k.state, 'utf8')).toBe(before);
  });

  it('kill 1 in a steady pod still restarts its container', async () => {
    const [name] = pods()[0];
    k.ok(['get', 'pods']);
    k.ok(['exec', name, '--', 'kill', '1']);
    const until = Date.now() + 15_000;
    let row = pods().find((p) => p[0] === name)!;
    while (row[2] !== '1' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 300));
      row = pods().find((p) => p[0] === name)!;
    }
    expect(row[2]).toBe('1');
  }, 20_000);

  it('a pod that replaces a deleted one starts and becomes ready', () => {
    const [name] = pods()[1];
    k.ok(['delete', 'pod', name]);
    // The delete itself brought the replacement up (loading the runtime for it): the saved state
    // is the fixed point, with no pod left Pending.
    const saved = Object.values(JSON.parse(k.stateText()).objects.pods as Record<string, { metadata: { labels?: Record<string, string> }; status?: { phase?: string } }>);
    expect(saved.filter((p) => p.metadata.labels?.app === 'web').map((p) => p.status?.phase)).toEqual(['Running', 'Running']);
    k.ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=web', '--timeout=20s']);
    const now = pods();
    expect(now.map((p) => p[0])).not.toContain(name);
    expect(now).toHaveLength(2);
    expect(now.every((p) => p[1] === 'true')).toBe(true);
    // The new pod's app answers (its runtime record exists): its nginx logs its start-up.
    const fresh = now.find((p) => p[0] !== pods()[0][0]) ?? now[1];
    expect(k.ok(['logs', fresh[0]])).toMatch(/start worker process/);
  });
});
