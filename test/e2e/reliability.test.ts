// Reliability guarantees (README "Reliability"): concurrent writers lose nothing, a killed
// writer leaves the old state or the new one, a stale lock is broken, and an unreadable state
// file is reported (never overwritten) until `kubesim reset` keeps it as a backup.
import { describe, it, expect, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync, readFileSync, mkdirSync, existsSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { cluster, BIN } from './helpers.js';

function runAsync(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const configMap = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  n: "${i}"\n`;

describe('concurrency', () => {
  const k = cluster();
  afterAll(() => k.cleanup());

  it('50 applies started at once all land', async () => {
    k.ok(['get', 'ns']);
    const env = { KUBESIM_STATE: k.state, KUBESIM_SEED: '1' };
    const jobs = Array.from({ length: 50 }, (_, i) => {
      const f = join(k.dir, `cm${i}.yaml`);
      writeFileSync(f, configMap(i));
      return runAsync(['apply', '-f', f], env);
    });
    const results = await Promise.all(jobs);
    for (const [i, r] of results.entries()) {
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`configmap/cm-${i} created\n`);
      expect(r.code).toBe(0);
    }
    const names = k.ok(['get', 'cm', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ').filter((n) => n.startsWith('cm-'));
    expect(names).toHaveLength(50);
  });

  it('mixed applies and deletes at once: each delete lands after its create', async () => {
    const env = { KUBESIM_STATE: k.state, KUBESIM_SEED: '1' };
    const jobs = Array.from({ length: 25 }, (_, i) => runAsync(['delete', 'configmap', `cm-${i}`], env));
    const results = await Promise.all(jobs);
    expect(results.every((r) => r.code === 0)).toBe(true);
    const names = k.ok(['get', 'cm', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ').filter((n) => n.startsWith('cm-'));
    expect(names.sort()).toEqual(Array.from({ length: 25 }, (_, i) => `cm-${i + 25}`).sort());
  });

  it('50 exec curls at once through a Service over 5 pods: round-robin gives each exactly 10', async () => {
    k.ok(['apply', '-f', 'manifests/kubia-services/replicaset.yaml', '-f', 'manifests/kubia-services/svc-clusterip.yaml']);
    k.ok(['scale', 'rs', 'kubia', '--replicas=5']);
    const client = k.ok(['get', 'pods', '-l', 'app=kubia', '-o', 'jsonpath={.items[0].metadata.name}']);
    const env = { KUBESIM_STATE: k.state, KUBESIM_SEED: '1' };
    const results = await Promise.all(Array.from({ length: 50 }, () => runAsync(['exec', client, '--', 'curl', '-s', 'http://kubia'], env)));
    const hits = new Map<string, number>();
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const m = /^You've hit (\S+)\n$/.exec(r.stdout);
      expect(m, r.stdout).not.toBeNull();
      hits.set(m![1], (hits.get(m![1]) ?? 0) + 1);
    }
    expect([...hits.values()]).toEqual([10, 10, 10, 10, 10]);
  }, 120_000);

  it('waits for a held lock and fails clearly after the timeout', () => {
    // A fresh lock directory (mtime now) is not stale: the command waits, then gives up.
    const lock = `${k.state}.lock`;
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: applied\n';
    k.ok(['apply', '-f', '-'], { input: ns });
    k.ok(['get', 'pods']);
    mkdirSync(lock);
    const r = k.run(['create', 'namespace', 'waited'], { env: { KUBESIM_LOCK_TIMEOUT_MS: '600' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: timed out after 1s waiting for the lock on the state file .*state\.json/);
    // A read that finds nothing to bring up to date saves nothing, so it does not wait; nor does
    // an apply that changes nothing.
    expect(k.run(['get', 'ns', 'waited'], { env: { KUBESIM_LOCK_TIMEOUT_MS: '600' } }).stderr).toBe('Error from server (NotFound): namespaces "waited" not found\n');
    expect(k.run(['apply', '-f', '-'], { input: ns, env: { KUBESIM_LOCK_TIMEOUT_MS: '600' } }).stdout).toBe('namespace/applied unchanged\n');
    // A lock left by a process that died long ago (stale mtime) is broken.
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect(k.ok(['create', 'namespace', 'waited'])).toBe('namespace/waited created\n');
    expect(existsSync(lock)).toBe(false);
  });
});

describe('crash safety', () => {
  const k = cluster();
  afterAll(() => k.cleanup());

  it('a writer killed at any instant leaves a readable state, old or new', async () => {
    k.ok(['get', 'ns']);
    // Locks of killed writers are broken after 2 s (instead of 10) to keep the test short.
    const env = { KUBESIM_STATE: k.state, KUBESIM_SEED: '1', KUBESIM_LOCK_STALE_MS: '2000' };
    for (let round = 0; round < 12; round++) {
      const f = join(k.dir, `c${round}.yaml`);
      writeFileSync(f, configMap(round));
      const p = spawn(process.execPath, [BIN, 'apply', '-f', f], { env: { ...process.env, ...env } });
      // Listen before killing: a fast writer may already have finished.
      const closed = new Promise((r) => p.on('close', r));
      await new Promise((r) => setTimeout(r, 20 + round * 12));
      p.kill('SIGKILL');
      await closed;
      // Whatever instant it died at, the file parses as a kubesim state.
      const state = JSON.parse(readFileSync(k.state, 'utf8'));
      expect(state.kind).toBe('KubesimState');
    }
    // The cluster still answers (a lock left behind by a killed process is broken once stale).
    const r = k.run(['get', 'ns'], { env: { KUBESIM_LOCK_TIMEOUT_MS: '15000', KUBESIM_LOCK_STALE_MS: '2000' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(k.state, 'utf8')).kind).toBe('KubesimState');
  }, 180_000);
});

describe('corrupt or foreign state', () => {
  const cases: [string, string, RegExp][] = [
    ['truncated', '{"kind":"KubesimState","schemaVersion":1,"obj', /it is not valid JSON/],
    ['not JSON', 'hello world\n', /it is not valid JSON/],
    ['empty', '', /it is empty/],
    ['another program\'s JSON', '{"name":"my-app","version":"1.0.0"}', /it is not a kubesim state file/],
    ['a newer schema', '{"kind":"KubesimState","schemaVersion":999,"objects":{}}', /schema version 999, newer than this kubesim understands/],
  ];
  for (const [label, text, why] of cases) {
    it(`${label}: a clear error naming the file and the fix, the file untouched`, () => {
      const k = cluster();
      try {
        writeFileSync(k.state, text);
        const r = k.run(['get', 'pods']);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(k.state);
        expect(r.stderr).toMatch(why);
        expect(r.stderr).toContain('kubesim reset');
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(readFileSync(k.state, 'utf8')).toBe(text);
        const apply = k.run(['delete', 'pods', '--all']);
        expect(apply.code).toBe(1);
        expect(readFileSync(k.state, 'utf8')).toBe(text);
        // reset keeps the unreadable file as a backup and starts afresh.
        const reset = k.run(['reset']);
        expect(reset.code).toBe(0);
        expect(reset.stderr).toMatch(/kept as .*state\.json\.corrupt-/);
        const backup = readdirSync(k.dir).find((f) => f.startsWith('state.json.corrupt-'))!;
        expect(readFileSync(join(k.dir, backup), 'utf8')).toBe(text);
        expect(k.ok(['get', 'svc', 'kubernetes', '-o', 'name'])).toBe('service/kubernetes\n');
      } finally {
        k.cleanup();
      }
    });
  }
});
