// What the bundle (dist/kubesim.cjs) exports to bin/kubesim: the CLI, and a warm-up that runs
// typical commands once so the build can save V8's code cache for everything they compile.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from './main.js';
import { redirectStdio, writeErr } from '../util/stdio.js';

export function run(argv: string[]): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      writeErr(`error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

/** Run a representative session silently (used only by the build to make the code cache). */
export async function warmup(manifest: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-warmup-'));
  const state = join(dir, 'state.json');
  redirectStdio(() => undefined);
  try {
    // Only the hot path: a bigger cache costs more to load than it saves on rarer commands.
    for (const argv of [['apply', '-f', manifest], ['get', 'pods'], ['get', 'svc']]) {
      await main(['--state', state, ...argv]);
    }
  } finally {
    redirectStdio(undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
