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
