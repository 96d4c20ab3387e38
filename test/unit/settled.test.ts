// stillSettled (src/controllers/settled.ts): when a saved state may skip reconciling. Each case
// that time alone can move must say no; a cluster at rest says yes. KUBESIM_CHECK_SETTLED (on in
// every test run, test/vitest.config.ts) checks the yes answers against a real reconcile.
import { describe, it, expect } from 'vitest';
import '../../src/runtime/tick.js';
import { stillSettled } from '../../src/controllers/settled.js';
import { reconcile } from '../../src/controllers/index.js';
import { EVENT_TTL_MS } from '../../src/store/cluster.js';
import { oldestEvent } from '../../src/store/events-file.js';
import { NOW, advance, create, makeCluster, pod } from './network-fixture.js';

function settledCluster() {
  const c = makeCluster();
  create(c, pod('web', 'nginx'));
  advance(c, 30);
  reconcile(c);
  // As saving it records (store/file.ts, events-file.ts).
  c.state.settledAt = c.now;
  c.state.eventsOldest = oldestEvent(c.state.objects.events ?? {});
  return c;
}

describe('stillSettled', () => {
  it('a running cluster at its fixed point stays settled as time passes', () => {
    const c = settledCluster();
    c.now += 60_000;
    expect(stillSettled(c)).toBe(true);
    const changes = c.changes;
    reconcile(c);
    expect(c.changes).toBe(changes);
  });

  it('not without settledAt, nor when the clock is before it', () => {
    const c = settledCluster();
    delete c.state.settledAt;
    expect(stillSettled(c)).toBe(false);
    c.state.settledAt = c.now + 1;
    expect(stillSettled(c)).toBe(false);
  });

  it("not while a container's main process has work ahead (sleep 5, then it exits)", () => {
    const c = settledCluster();
    create(c, pod('sleeper', 'busybox', { spec: { containers: [{ name: 'app', image: 'busybox', command: ['sleep', '5'] }] } }));
    c.state.settledAt = c.now;
    expect(stillSettled(c)).toBe(false);
    // And rightly so: with time, reconciling moves it on (the process exits, the pod completes).
    const changes = c.changes;
    advance(c, 10);
    expect(c.changes).toBeGreaterThan(changes);
  });

  it('not while something is being deleted', () => {
    const c = settledCluster();
    c.get('pods', 'default', 'web')!.metadata.deletionTimestamp = new Date(NOW).toISOString();
    expect(stillSettled(c)).toBe(false);
  });

  it('not once an Event has reached its TTL', () => {
    const c = settledCluster();
    c.now += EVENT_TTL_MS + 1000;
    expect(stillSettled(c)).toBe(false);
  });

  it('not for a pod with a probe (the runtime runs it on its period)', () => {
    const c = makeCluster();
    create(c, pod('probed', 'nginx', { spec: { containers: [{ name: 'app', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 } } }] } }));
    advance(c, 60);
    c.state.settledAt = c.now;
    expect(c.get('pods', 'default', 'probed')!.status?.phase).toBe('Running');
    expect(stillSettled(c)).toBe(false);
  });
});
