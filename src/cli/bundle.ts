// What the bundle (dist/kubesim.cjs) exports to bin/kubesim: the CLI, and a warm-up that runs
// typical commands once so the build can save V8's code cache for everything they compile.
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

/**
 * Run commands silently against `state` (used only by the build, to make a code cache of what
 * they compile: src/tools/build.mjs).
 */
export async function warmup(state: string, commands: string[][]): Promise<void> {
  redirectStdio(() => undefined);
  try {
    for (const argv of commands) await main(['--state', state, ...argv]);
  } finally {
    redirectStdio(undefined);
  }
}
