// Hostile and broken input (issue 3 §4): thousands of generated inputs through apply, create,
// get and delete, run in-process through the real CLI entry (main). Every one must end with
// exit code 0 or 1, kubectl-style text, never a stack trace or an internal error, within a time
// bound — and a failed command must leave the state file exactly as it was.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from '../../src/cli/main.js';
import { redirectStdio } from '../../src/util/stdio.js';

let dir: string;
let state: string;

async function kubesim(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  let stdout = '';
  let stderr = '';
  redirectStdio((fd, text) => (fd === 1 ? (stdout += text) : (stderr += text)));
  const t = Date.now();
  try {
    const code = await main(['--state', state, ...args]);
    return { code, stdout, stderr, ms: Date.now() - t };
  } finally {
    redirectStdio(undefined);
  }
}

/** A tiny deterministic PRNG so a failure can be reproduced from its case number. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

const VALID = [
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        ports:\n        - containerPort: 80\n',
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n',
  '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm"},"data":{"a":"b"}}',
  'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing\nspec:\n  rules:\n  - host: a.b\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: web\n            port:\n              number: 80\n',
];

const WEIRD_VALUES = ['-1', '0', '99999999999999999999999', '1e400', '3.5', 'true', 'null', '~', '""', '[]', '{}', '"x"', "'\\u0000'", '"🙂"', '"a b"', '!!binary aGk=', '*nope', '&a x', '"' + 'x'.repeat(300) + '"'];
const NAMES = ['web', 'My_Svc', '1web', '-a', 'a-', 'a'.repeat(64), 'a'.repeat(300), 'ünïcödé', 'a.b', 'x/y', '', ' ', 'CON', '..'];

function mutate(text: string, r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const lines = text.split('\n');
  switch (Math.floor(r() * 10)) {
    case 0:
      return text.slice(0, Math.floor(r() * text.length)); // truncated
    case 1: {
      const i = Math.floor(r() * text.length);
      return text.slice(0, i) + pick([':', '{', '[', '\t', '"', "'", '-', '&', '*', '!', '%', '@', '`', '|', '>', '\u0000', '\ufeff']) + text.slice(i);
    }
    case 2: {
      const i = Math.floor(r() * lines.length);
      lines[i] = lines[i].replace(/: .*$/, `: ${pick(WEIRD_VALUES)}`);
      return lines.join('\n');
    }
    case 3:
      return text.replace(/name: \S+/, `name: ${JSON.stringify(pick(NAMES))}`);
    case 4: {
      const i = Math.floor(r() * lines.length);
      lines.splice(i, 1);
      return lines.join('\n');
    }
    case 5: {
      const i = Math.floor(r() * lines.length);
      lines[i] = ' '.repeat(Math.floor(r() * 5)) + lines[i];
      return lines.join('\n');
    }
    case 6:
      return text.replace(/kind: \w+/, `kind: ${pick(['List', 'Nope', '', 'pod', 'Service\n---', 'Deployment'])}`);
    case 7:
      return text.replace(/apiVersion: \S+/, `apiVersion: ${pick(['v2', 'apps/v1beta1', 'extensions/v1beta1', '', 'networking.k8s.io/v1beta1', '"1"'])}`);
    case 8:
      return `${text}---\n${pick(VALID)}---\n${pick(['', '---', '...', '# c', 'null', '[]', '42'])}`;
    default:
      return Array.from({ length: Math.floor(r() * 200) }, () => String.fromCharCode(Math.floor(r() * 256))).join('');
  }
}

const SPECIAL: [string, string][] = [
  ['deep nesting', `${'['.repeat(20000)}${']'.repeat(20000)}`],
  ['deep yaml nesting', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a${i}:`).join('\n') + ' 1\n'],
  ['alias bomb', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\nkind: Pod\n'],
  ['huge string', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: "${'x'.repeat(2_000_000)}"\n`],
  ['many documents', Array.from({ length: 300 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`).join('---\n')],
  ['binary', '\u0000\u0001\u0002\u00ff\ufffe'.repeat(100)],
  ['empty documents', '---\n---\n---\n'],
  ['wrong types', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: t\nspec:\n  ports: {port: 80}\n  selector: [a]\n'],
  ['metadata is a string', 'apiVersion: v1\nkind: Pod\nmetadata: hello\n'],
  ['items not a list', 'apiVersion: v1\nkind: List\nitems: 3\n'],
  ['replicas huge', VALID[1].replace('replicas: 2', 'replicas: 99999999999')],
  ['port string', VALID[0].replace('port: 80', 'port: "eighty"')],
];

const SELECTORS = ['app=web', 'app in (a,b)', 'app notin ()', '!app', 'app', 'app=', '=x', 'a==b,c!=d', 'app in (a', '!', ',', 'a=b,', 'x>1', 'x<y', 'a b', '🙂=1', 'a'.repeat(100) + '=b', 'k=' + 'v'.repeat(64)];
const FIELDS = ['metadata.name=web', 'status.phase!=Running', 'spec.nodeName=', 'foo=bar', '=', 'metadata.name', 'a=b=c'];
const OUTPUTS = ['json', 'yaml', 'name', 'wide', 'jsonpath={.items[*].metadata.name}', 'jsonpath={', 'jsonpath={.items[', 'jsonpath={range .items[*]}', 'jsonpath={end}', 'jsonpath={.a[?(@.b=="c")]}', 'jsonpath={..}', 'jsonpath={.items[99]}', 'custom-columns=N:.metadata.name', 'custom-columns=', 'custom-columns=N', 'custom-columns=N:.x[', 'go-template={{.}}', 'xml', 'jsonpath-as-json={.kind}'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubesim-fuzz-'));
  state = join(dir, 'state.json');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function checkOutcome(r: { code: number; stdout: string; stderr: string; ms: number }, what: string): void {
  expect([0, 1], what).toContain(r.code);
  expect(r.stderr, what).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
  expect(r.stderr, what).not.toMatch(/internal:|TypeError|ReferenceError|RangeError|Cannot read prop|is not a function|undefined is not|Maximum call stack/);
  expect(r.ms, what).toBeLessThan(10_000);
  if (r.code === 1) expect(r.stderr, what).toMatch(/^(error: |Error from server|Error: |The \w+ "|Warning: |[\s\S]*\n(error: |Error from server|The ))/);
}

describe('fuzzing apply/create/delete with broken manifests', () => {
  it('thousands of mutated manifests: kubectl-style outcomes, state untouched on failure', async () => {
    await kubesim(['get', 'ns']);
    const r = rng(42);
    const N = Number(process.env.KUBESIM_FUZZ_CASES || 1500);
    const codes = [0, 0];
    for (let i = 0; i < N; i++) {
      const text = mutate(VALID[Math.floor(r() * VALID.length)], r);
      const file = join(dir, `case.yaml`);
      writeFileSync(file, text);
      const verb = ['apply', 'create', 'delete', 'apply'][i % 4];
      const before = readFileSync(state, 'utf8');
      const out = await kubesim([verb, '-f', file]);
      checkOutcome(out, `case ${i} (${verb}):\n${text.slice(0, 500)}\n--- stderr:\n${out.stderr}`);
      codes[out.code]++;
      const docs = text.split(/^---$/m).length;
      if (out.code === 1 && docs === 1 && !out.stdout) expect(readFileSync(state, 'utf8'), `case ${i}: state changed on failure`).toBe(before);
    }
    // The generator must exercise both paths for the test to mean anything.
    expect(codes[0]).toBeGreaterThan(N / 10);
    expect(codes[1]).toBeGreaterThan(N / 3);
  }, 600_000);

  for (const [label, text] of SPECIAL) {
    it(`special input: ${label}`, async () => {
      const file = join(dir, 'special.yaml');
      writeFileSync(file, text);
      const before = readFileSync(state, 'utf8');
      const out = await kubesim(['apply', '-f', file]);
      checkOutcome(out, `${label}\n${out.stderr.slice(0, 2000)}`);
      if (out.code === 1 && !out.stdout) expect(readFileSync(state, 'utf8')).toBe(before);
    }, 60_000);
  }
});

describe('fuzzing get with odd selectors, field selectors and output formats', () => {
  it('every combination answers kubectl-style', async () => {
    const r = rng(7);
    const types = ['pods', 'svc', 'deploy,svc', 'all', 'po/x', 'nodes', 'foo', 'ns', 'ep', 'rs web', 'pod/a svc/b'];
    for (let i = 0; i < 600; i++) {
      const args = ['get', ...types[Math.floor(r() * types.length)].split(' ')];
      if (r() < 0.6) args.push('-l', SELECTORS[Math.floor(r() * SELECTORS.length)]);
      if (r() < 0.3) args.push('--field-selector', FIELDS[Math.floor(r() * FIELDS.length)]);
      if (r() < 0.7) args.push('-o', OUTPUTS[Math.floor(r() * OUTPUTS.length)]);
      if (r() < 0.2) args.push('-A');
      if (r() < 0.2) args.push('--show-labels');
      if (r() < 0.1) args.push('--sort-by', ['.metadata.name', '{.x', '.status.podIP', ''][Math.floor(r() * 4)]);
      if (r() < 0.1) args.push(['-n', '--bogus', '-L', '--no-headers', '-ojson', '--namespace=x'][Math.floor(r() * 6)]);
      const before = readFileSync(state, 'utf8');
      const out = await kubesim(args);
      checkOutcome(out, `get case ${i}: ${JSON.stringify(args)}\n${out.stderr}`);
      if (out.code === 1) expect(readFileSync(state, 'utf8')).toBe(before);
    }
  }, 600_000);
});
