// The sandbox through the real binary: a redirection to a host path writes into the pod's
// simulated filesystem only.
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { existsSync } from 'node:fs';
import { cluster, type TestCluster } from './helpers.js';

describe('exec sandbox', () => {
  let k: TestCluster;
  beforeAll(() => {
    k = cluster();
    k.ok(['run', 'box', '--image=busybox', '--', 'sleep', '3600']);
  });
  afterAll(() => k.cleanup());

  it('> /tmp/x stays in the pod', () => {
    const target = `/tmp/kubesim-e2e-sandbox-${process.pid}`;
    expect(k.run(['exec', 'box', '--', 'sh', '-c', `echo inside > ${target}; cat ${target}`]).stdout).toBe('inside\n');
    expect(existsSync(target)).toBe(false);
    expect(k.ok(['exec', 'box', '--', 'cat', target])).toBe('inside\n');
    expect(k.stateText()).toContain('inside\\n');
  });
});
