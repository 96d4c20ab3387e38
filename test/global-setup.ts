// The end-to-end tests run the built binary: build it once before any test runs.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [resolve(import.meta.dirname, '..', 'src', 'tools', 'build.mjs')], { stdio: 'inherit' });
}
