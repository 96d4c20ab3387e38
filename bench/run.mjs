// npm run bench: times kubesim commands on clusters of 50 and 5,000 pods, side by side with
// `node -e 0` in the same run, and prints medians and the ratio. Not a test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'kubesim');
const RUNS = Number(process.env.BENCH_RUNS || 7);

function time(cmd, args, env) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function deployment(name, replicas) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: ${name}}
  ports:
  - port: 80
`;
}

function setup(pods) {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-bench-'));
  const env = { KUBESIM_STATE: join(dir, 'state.json'), KUBESIM_SEED: '1' };
  const perDeploy = 50;
  const deploys = Math.max(1, Math.round(pods / perDeploy));
  const nodes = pods > 200 ? 20 : 1;
  spawnSync(process.execPath, [BIN, 'reset', '--nodes', String(nodes)], { env: { ...process.env, ...env } });
  const file = join(dir, 'all.yaml');
  writeFileSync(file, Array.from({ length: deploys }, (_, i) => deployment(`app-${i}`, Math.min(perDeploy, pods))).join('---\n'));
  time(process.execPath, [BIN, 'apply', '-f', file], env);
  writeFileSync(join(dir, 'one.yaml'), deployment('app-0', Math.min(perDeploy, pods)));
  return { dir, env, file: join(dir, 'one.yaml') };
}

const baseline = [];
for (let i = 0; i < RUNS; i++) baseline.push(time(process.execPath, ['-e', '0'], {}));
const base = median(baseline);
console.log(`node -e 0: ${base.toFixed(1)} ms (median of ${RUNS})`);

// BENCH_PODS=50 (comma-separated) to time only some sizes.
const SIZES = (process.env.BENCH_PODS || '50,5000').split(',').map(Number);
for (const pods of SIZES) {
  const { dir, env, file } = setup(pods);
  const size = statSync(env.KUBESIM_STATE).size;
  console.log(`\n${pods} pods (state file ${(size / 1024).toFixed(0)} KiB)`);
  const cases = [
    ['get pods', ['get', 'pods']],
    ['get svc', ['get', 'svc']],
    ['apply -f (unchanged)', ['apply', '-f', file]],
    ['describe svc app-0', ['describe', 'svc', 'app-0']],
  ];
  for (const [label, args] of cases) {
    // Each run of the command is paired with a `node -e 0` run just before it, and the ratio is
    // of the two medians: a machine whose speed drifts during the bench moves both alike.
    const xs = [];
    const paired = [];
    time(process.execPath, [BIN, ...args], env); // the first run may bring the state up to date
    for (let i = 0; i < RUNS; i++) {
      paired.push(time(process.execPath, ['-e', '0'], {}));
      xs.push(time(process.execPath, [BIN, ...args], env));
    }
    baseline.push(...paired);
    const m = median(xs);
    const b = median(paired);
    console.log(`  ${label.padEnd(24)} ${m.toFixed(1).padStart(8)} ms   ${(m / b).toFixed(2)}x node -e 0`);
  }
  rmSync(dir, { recursive: true, force: true });
}

// A long scripted session (issue: bounded growth): scale up and down, replace pods, apply and
// delete, many times over; the state file must stay about the size of what the cluster holds.
// BENCH_SESSION_ROUNDS=0 skips it.
if (Number(process.env.BENCH_SESSION_ROUNDS ?? 40) > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-session-'));
  const env = { KUBESIM_STATE: join(dir, 'state.json'), KUBESIM_SEED: '1' };
  const file = join(dir, 'app.yaml');
  writeFileSync(file, deployment('session', 5));
  const run = (...args) => time(process.execPath, [BIN, ...args], env);
  const rounds = Number(process.env.BENCH_SESSION_ROUNDS || 40);
  const sizes = [];
  for (let i = 0; i < rounds; i++) {
    run('apply', '-f', file);
    run('scale', 'deploy', 'session', `--replicas=${1 + (i % 7)}`);
    run('delete', 'pods', '-l', 'app=session');
    if (i % 5 === 4) run('delete', '-f', file);
    if (i % 10 === 9) sizes.push(statSync(env.KUBESIM_STATE).size + statSync(`${env.KUBESIM_STATE}.events`).size);
  }
  // Events are kept beside the state file (src/store/events-file.ts).
  const events = Object.keys(JSON.parse(readFileSync(`${env.KUBESIM_STATE}.events`, 'utf8'))).length;
  console.log(`\nlong session: ${rounds * 3 + Math.floor(rounds / 5)} commands; state size every 30 commands: ${sizes.map((s) => `${(s / 1024).toFixed(0)} KiB`).join(', ')}; ${events} events kept`);
  rmSync(dir, { recursive: true, force: true });
}
