// Bundles src/cli/main.ts into dist/ with esbuild. Code splitting keeps each verb in its own
// chunk, so a command loads only what it needs (start-up time is the product's speed).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: [new URL('../cli/main.ts', import.meta.url).pathname],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: new URL('../../dist', import.meta.url).pathname,
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
