// Bounded growth (issue 3): a container's writable files, its logs, and the runtime state of
// deleted pods cannot grow the state file without bound.
import { describe, expect, it } from 'vitest';
import { makeCluster, create, pod, advance, getPod } from './network-fixture.js';
import { exec, sh } from './runtime-fixture.js';
import { appendLog, containerHandle, containerLogs } from '../../src/runtime/container.js';
import { FS_LIMITS } from '../../src/runtime/fs.js';
import { LOG_CHARS, LOG_LINE_CHARS, LOG_LINES } from '../../src/runtime/start.js';
import { deleteObject } from '../../src/api/server.js';
import { reconcile } from '../../src/controllers/index.js';

describe('caps', () => {
  it(`at most ${FS_LIMITS.files} files of ${FS_LIMITS.fileBytes} bytes per container layer`, async () => {
    const c = makeCluster();
    create(c, pod('p', 'kiamol/ch03-sleep'));
    const r = await sh(c, 'p', 'i=0; while [ $i -lt 70 ]; do touch /tmp/f$i || break; i=$((i+1)); done; echo $i');
    expect(r.stdout).toBe(`${FS_LIMITS.files}\n`);
    expect(r.stderr).toBe(`touch: /tmp/f${FS_LIMITS.files}: No space left on device\n`);
    const big = await sh(c, 'p', 'yes 0123456789abcdef | head -c 70000 > /tmp/f1');
    expect(big.stderr).toBe('sh: write error: No space left on device\n');
  });

  it(`logs keep the last ${LOG_LINES} lines`, () => {
    const c = makeCluster();
    create(c, pod('p', 'kiamol/ch03-sleep'));
    const h = containerHandle(c, getPod(c, 'p'));
    for (let i = 0; i < LOG_LINES + 50; i++) appendLog(h, `line ${i}`);
    const lines = containerLogs(h)!;
    expect(lines).toHaveLength(LOG_LINES);
    expect(lines[0][1]).toBe('line 50');
  });

  it('logs keep at most LOG_CHARS characters, and lines are cut at LOG_LINE_CHARS', () => {
    const c = makeCluster();
    create(c, pod('p', 'kiamol/ch03-sleep'));
    const h = containerHandle(c, getPod(c, 'p'));
    appendLog(h, 'x'.repeat(LOG_LINE_CHARS + 10));
    expect(containerLogs(h)![0][1]).toHaveLength(LOG_LINE_CHARS);
    for (let i = 0; i < 100; i++) appendLog(h, 'y'.repeat(LOG_LINE_CHARS - 1));
    const total = containerLogs(h)!.reduce((n, [, l]) => n + l.length + 1, 0);
    expect(total).toBeLessThanOrEqual(LOG_CHARS);
    expect(total).toBeGreaterThan(LOG_CHARS - LOG_LINE_CHARS);
  });

  it('the runtime state of a deleted pod goes with it', async () => {
    const c = makeCluster();
    create(c, pod('p', 'kiamol/ch03-sleep'), pod('q', 'kiamol/ch03-sleep'));
    await exec(c, 'p', ['touch', '/tmp/x']);
    const uid = getPod(c, 'p').metadata.uid!;
    expect(c.state.runtime[uid]).toBeDefined();
    deleteObject(c, getPod(c, 'p'), {});
    advance(c, 60);
    reconcile(c);
    expect(c.get('pods', 'default', 'p')).toBeUndefined();
    expect(c.state.runtime[uid]).toBeUndefined();
    expect(c.state.runtime[getPod(c, 'q').metadata.uid!]).toBeDefined();
  });
});
