// Long-running kubesim processes for the real-socket tests (port-forward, tunnel, the browser):
// started as child processes against a test cluster's state, read as they print, always killed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { BIN, ROOT, type TestCluster } from './helpers.js';

export const hasCurl = spawnSync('curl', ['--version']).status === 0;

export interface Running {
  proc: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (bounded). */
  exited: (ms?: number) => Promise<number | null>;
  waitFor: (re: RegExp, ms?: number) => Promise<RegExpMatchArray>;
  kill: () => void;
}

export function start(k: TestCluster, args: string[], cwd = ROOT): Running {
  const proc = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, KUBESIM_STATE: k.state, KUBESIM_SEED: '1', NO_COLOR: '1', KUBESIM_PORT_FORWARD_POLL_MS: '300', KUBESIM_TUNNEL_POLL_MS: '300' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return {
    proc,
    stdout: () => out,
    stderr: () => err,
    exited: (ms = 10_000) => Promise.race([exit, new Promise<number | null>((_, rej) => setTimeout(() => rej(new Error(`still running after ${ms} ms\nstdout: ${out}\nstderr: ${err}`)), ms))]),
    waitFor: async (re, ms = 10_000) => {
      const until = Date.now() + ms;
      for (;;) {
        const m = out.match(re);
        if (m) return m;
        if (proc.exitCode !== null || Date.now() > until) throw new Error(`no ${re} (exit ${proc.exitCode})\nstdout: ${out}\nstderr: ${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    kill: () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    },
  };
}

export function get(port: number, path = '/', method = 'GET', body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, agent: false, timeout: 10_000, headers: body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {} }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

/**
 * GET until the app answers: a pod is Ready (no readiness probe) a moment before its app listens
 * (numbers-web, an ASP.NET app, takes a second), and until then the connection is reset, as on a
 * real cluster. A learner reloads; so does this, for at most `ms`.
 */
export async function getWhenListening(port: number, ms = 8_000): Promise<{ status: number; body: string }> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await get(port);
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export function curl(url: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('curl', ['-sS', '--max-time', '10', url], { encoding: 'utf8', timeout: 15_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
