// Bundles src/cli/main.ts into dist/ with esbuild. Code splitting keeps each verb in its own
// chunk, so a command loads only what it needs (start-up time is the product's speed). The new
// bundle is written beside dist/ and swapped in, so a kubesim running meanwhile never sees a
// half-written dist/.
import { build } from 'esbuild';
import { rmSync, renameSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = `${root}dist`;
const tmp = `${root}dist.tmp-${process.pid}`;
const old = `${root}dist.old-${process.pid}`;

rmSync(tmp, { recursive: true, force: true });
await build({
  entryPoints: { main: `${root}src/cli/entry.ts` },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: tmp,
  // Dependencies are bundled too: resolving and loading dozens of package files costs more
  // start-up time than reading one bigger chunk. CommonJS dependencies need a real `require`.
  banner: {
    js: [
      "import { createRequire as __ksRequire } from 'node:module';",
      "import { fileURLToPath as __ksPath } from 'node:url';",
      'const require = __ksRequire(import.meta.url);',
      'const __filename = __ksPath(import.meta.url);',
      "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
    ].join(' '),
  },
  external: ['esbuild', 'vitest', 'typescript'],
  sourcemap: 'linked',
  logLevel: 'warning',
});
if (existsSync(dist)) renameSync(dist, old);
renameSync(tmp, dist);
rmSync(old, { recursive: true, force: true });
