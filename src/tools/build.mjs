// Builds dist/: one CommonJS bundle of the CLI (dependencies included) and a V8 code cache for
// it. Start-up time is the product's speed: resolving many module files, and compiling the
// JavaScript on every run, cost more than the command itself; bin/kubesim loads the bundle
// through vm.Script with the cache. The cache is made here by a warm-up run of typical commands
// (in a temporary state), so it covers what they compile. The new dist/ is built beside the old
// one and swapped in, so a kubesim running meanwhile never sees a half-written dist/.
import { build } from 'esbuild';
import { rmSync, renameSync, existsSync, mkdirSync, writeFileSync, readFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = `${root}dist`;
const tmp = `${root}dist.tmp-${process.pid}`;
const old = `${root}dist.old-${process.pid}`;

rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp);
const readable = !!process.env.KUBESIM_BUILD_READABLE;
const result = await build({
  entryPoints: [`${root}src/cli/bundle.ts`],
  write: false,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: `${tmp}/kubesim.cjs`,
  external: ['esbuild', 'vitest', 'typescript'],
  plugins: [
    {
      // node:child_process is replaced by a stub that refuses (kubesim never runs host
      // programs); graceful-fs, which proper-lockfile loads to patch fs against EMFILE in
      // long-running servers, is plain fs for this one-shot CLI; signal-exit's node:assert is a
      // three-line assert. All cost start-up time.
      name: 'kubesim-aliases',
      setup(b) {
        b.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: `${root}src/tools/no-child-process.cjs` }));
        b.onResolve({ filter: /^graceful-fs$/ }, () => ({ path: 'node:fs', external: true }));
        b.onResolve({ filter: /^(node:)?assert$/ }, (a) => (/signal-exit/.test(a.importer) ? { path: `${root}src/tools/tiny-assert.cjs` } : undefined));
        // The decoding schema (45 KB) as JSON.parse of a string, each type's fields kept as
        // text until a decode needs them (src/api/schema/decode.ts fieldsOf): an apply reads a
        // few types, not three hundred.
        b.onLoad({ filter: /schema[\\/]schema\.json$/ }, (a) => {
          const schema = JSON.parse(readFileSync(a.path, 'utf8'));
          for (const k of Object.keys(schema.types)) schema.types[k] = JSON.stringify(schema.types[k]);
          return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(schema))});`, loader: 'js' };
        });
      },
    },
  ],
  // Less to read and to keep in memory at every start. KUBESIM_BUILD_READABLE=1 keeps the
  // identifiers, for readable KUBESIM_DEBUG stacks while working on kubesim.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: !readable,
  charset: 'ascii',
  logLevel: 'warning',
});
// Stored already wrapped as a CommonJS module function: bin/kubesim compiles the file's text
// as it is (read as latin1, which ASCII is), with no wrapping copy of a megabyte of source.
const code = result.outputFiles[0].text;
if (!/^[\x00-\x7f]*$/.test(code)) throw new Error('build: the bundle is not ASCII');
writeFileSync(`${tmp}/kubesim.cjs`, `(function (exports, require, module, __filename, __dirname) {${code}\n})`);
// The code caches: each made by a warm-up run through bin/kubesim's own loader, which saves what
// the run compiled. Reads and writes get their own (bin/kubesim picks by verb), made on a cluster
// prepared by another process, so that each holds only what its commands need; the general one
// covers a first apply and gets from scratch.
const web = `${root}manifests/hello/web.yaml`;
const work = mkdtempSync(join(tmpdir(), 'kubesim-warmup-'));
const kubesim = (env, ...args) => execFileSync(process.execPath, [`${root}bin/kubesim`, ...args], { env: { ...process.env, KUBESIM_DIST: tmp, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
const warm = (cache, state, commands) => kubesim({ KUBESIM_WARMUP: JSON.stringify({ cache, state, commands }) });
try {
  const prepared = join(work, 'prepared.json');
  kubesim({}, '--state', prepared, 'apply', '-f', web);
  kubesim({}, '--state', prepared, 'get', 'pods');
  const copy = (name) => {
    const state = join(work, name);
    copyFileSync(prepared, state);
    if (existsSync(`${prepared}.events`)) copyFileSync(`${prepared}.events`, `${state}.events`);
    return state;
  };
  const changed = join(work, 'web-changed.yaml');
  writeFileSync(changed, readFileSync(web, 'utf8').replace(/replicas: \d+/, 'replicas: 3'));
  warm('kubesim.cache', join(work, 'fresh.json'), [['apply', '-f', web], ['get', 'pods'], ['get', 'svc']]);
  warm('kubesim-read.cache', copy('read.json'), [['get', 'pods'], ['get', 'svc'], ['get', 'deploy,rs', '-o', 'wide'], ['describe', 'svc', 'hello-web']]);
  warm('kubesim-write.cache', copy('write.json'), [['apply', '-f', web], ['apply', '-f', changed], ['label', 'deploy', 'hello-web', 'tier=web'], ['delete', 'pods', '-l', 'app=hello-web']]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (existsSync(dist)) renameSync(dist, old);
renameSync(tmp, dist);
rmSync(old, { recursive: true, force: true });
