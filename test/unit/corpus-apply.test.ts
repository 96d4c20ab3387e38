// Every manifest in the books' corpus applies to a fresh cluster — or fails exactly as kubectl
// 1.32 fails on it. Runs the apply verb in-process (one fresh state per file) for speed; files
// that need their chapter's Namespace get the Namespaces of their folder applied first.
import { describe, it, expect } from 'vitest';
import { readdirSync, statSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import yaml from 'js-yaml';
import { CORPUS, hasCorpus } from '../e2e/helpers.js';
import { Ctx } from '../../src/cli/context.js';
import { run as apply } from '../../src/cli/verbs/apply/index.js';
import { formatError } from '../../src/util/errors.js';

/** The corpus files kubectl 1.32 refuses, with the error it prints. */
const EXPECTED_FAILURES: Record<string, string> = {
  'kia/Chapter05/kubia-svc-publish-not-ready.yaml': 'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.publishNotReadyEndpoints"',
  'k8s-dev-strategy/chapter7/my-ingress.yaml': 'Ingress in version "v1" cannot be handled as a Ingress: strict decoding error: unknown field "annotation"',
  'kia2/Chapter11/svc.quote-dualstack.yaml': 'The Service "quote-dualstack" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
  'kia2/Chapter12/ing.kiada.affinity-gke.yaml': 'no matches for kind "BackendConfig" in version "cloud.google.com/v1"',
};

class CaptureCtx extends Ctx {
  stdout = '';
  stderr = '';
  override out(t: string): void {
    this.stdout += t;
  }
  override err(t: string): void {
    this.stderr += t;
  }
  override flush(): void {}
}

function manifestFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...manifestFiles(p));
    else if (/\.(ya?ml|json)$/.test(e)) out.push(p);
  }
  return out;
}

function namespacesOf(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .filter((f) => (yaml.loadAll(readFileSync(join(dir, f), 'utf8')) as { kind?: string }[]).some((d) => d?.kind === 'Namespace'))
    .map((f) => join(dir, f));
}

async function applyFiles(files: string[]): Promise<{ stdout: string; stderr: string; error?: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-corpus-'));
  const ctx = new CaptureCtx({ state: join(dir, 'state.json') });
  try {
    await apply(ctx, [], { filename: files }, undefined as never);
    return { stdout: ctx.stdout, stderr: ctx.stderr };
  } catch (e) {
    return { stdout: ctx.stdout, stderr: ctx.stderr, error: formatError(e) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!hasCorpus)('the books\' corpus applies (needs ../shared/corpus)', () => {
  const files = hasCorpus ? manifestFiles(CORPUS) : [];
  it('has the corpus files', () => {
    expect(files.length).toBeGreaterThan(150);
  });
  for (const file of files) {
    const rel = relative(CORPUS, file);
    it(rel, async () => {
      const dir = join(file, '..');
      const nsFiles = namespacesOf(dir).filter((f) => f !== file);
      if (nsFiles.length) expect((await applyFiles(nsFiles)).error).toBeUndefined();
      const r = await applyFiles([...nsFiles, file]);
      const expected = EXPECTED_FAILURES[rel];
      if (expected) {
        expect(r.error).toContain(expected);
      } else {
        expect(r.error, r.error).toBeUndefined();
        expect(r.stdout).toMatch(/ (created|configured|unchanged)\n$/);
      }
    });
  }
});
