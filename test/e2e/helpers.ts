// Runs the real kubesim binary (bin/kubesim → dist/) against a temporary state file, the way a
// learner's shell does. Each `cluster()` gets its own state directory and a fixed seed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'kubesim');
export const SHARED = resolve(ROOT, '..', 'shared');
export const CORPUS = join(SHARED, 'corpus');
export const hasCorpus = existsSync(CORPUS);

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface TestCluster {
  dir: string;
  state: string;
  /** Run `kubesim ARGS…` with the test's state; `input` is written to stdin. */
  run(args: string[], opts?: { env?: Record<string, string>; input?: string; cwd?: string }): RunResult;
  /** Run and require exit code 0; returns stdout. */
  ok(args: string[], opts?: { env?: Record<string, string>; input?: string; cwd?: string }): string;
  stateText(): string;
  cleanup(): void;
}

export function cluster(env: Record<string, string> = {}): TestCluster {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-e2e-'));
  const state = join(dir, 'state.json');
  const base = { KUBESIM_STATE: state, KUBESIM_SEED: '1', NO_COLOR: '1', ...env };
  const c: TestCluster = {
    dir,
    state,
    run(args, opts = {}) {
      const r = spawnSync(process.execPath, [BIN, ...args], {
        cwd: opts.cwd ?? ROOT,
        env: { ...process.env, ...base, ...(opts.env ?? {}) },
        input: opts.input ?? '',
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
    },
    ok(args, opts) {
      const r = c.run(args, opts);
      if (r.code !== 0) throw new Error(`kubesim ${args.join(' ')} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
      return r.stdout;
    },
    stateText() {
      return existsSync(state) ? readFileSync(state, 'utf8') : '';
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return c;
}

/** Path of a corpus file (tests that use it are skipped when ../shared is absent). */
export function corpus(...parts: string[]): string {
  return join(CORPUS, ...parts);
}

/** A pinned clock that moves 3 s per command: `env: now()` gives each command its KUBESIM_NOW. */
export function clock(start = Date.parse('2024-05-01T10:00:00Z')): () => { KUBESIM_NOW: string } {
  let t = start;
  return () => ({ KUBESIM_NOW: new Date((t += 3000)).toISOString() });
}
