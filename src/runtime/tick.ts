// The runtime's clock work, done whenever the kubelet reconciles (every command): for each
// container of a running pod, bring it up to `cluster.now` —
//   1. init containers run their command once, before anything else (their output → logs);
//   2. a crash-looping container whose back-off ran out starts again;
//   3. the image's background work (quote-writer's file) runs;
//   4. the main process: app mode runs until the image says it exits; command mode (`sleep 60`,
//      `sh -c '…'`, busybox's `sh`) is simulated once at start by the shell — its output reaches
//      the log at the simulated times it was written, and it exits when its script ends;
//   5. probes (startup, then liveness and readiness) at initialDelaySeconds + k·periodSeconds,
//      with failure/success thresholds: readiness sets the verdict the kubelet reports (READY,
//      Endpoints), liveness failures kill and restart the container, as events say.
// Importing this module registers it with the kubelet (probes.ts).
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import type { ContainerHandle } from './types.js';
import type { Probe } from './probes.js';
import { setRuntimeHooks } from './probes.js';
import { appendLog, containerHandle, containerRuntime } from './container.js';
import { LOG_CHARS, LOG_LINE_CHARS, existingPodRuntime, podRuntime, trimLog, type ContainerRuntime, type ProbeState } from './start.js';
import { mainExited, restartIfDue } from './lifecycle.js';
import { mainArgv, processMode } from './process.js';
import { runProbe, type ProbeOutcome } from './probe-run.js';
import { runShellSync } from './shell/index.js';

/** Ticks of one probe evaluated per command at most (older ones are skipped over). */
const MAX_PROBE_TICKS = 40;
/** How far ahead a command-mode main process is simulated at its start. */
const MAIN_HORIZON_MS = 3600_000;

const KIND_TEXT = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' } as const;

function event(h: ContainerHandle, type: 'Normal' | 'Warning', reason: string, message: string): void {
  h.cluster.event(h.pod, type, reason, message, 'kubelet', h.pod.spec?.nodeName);
}

function running(pod: KObject): boolean {
  return !!pod.status?.startTime && !!pod.spec?.nodeName && !pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

// ---------------------------------------------------------------------------------------------
// Main processes

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash']);

/** Simulate a command-mode main process once, from its start (its output and exit are timed). */
function simulateMain(h: ContainerHandle, rec: ContainerRuntime): void {
  const argv = mainArgv(h);
  const base = (argv[0] ?? '').replace(/^.*\//, '');
  rec.main = { out: [], shown: 0 };
  if (!argv.length) {
    rec.main.exit = { code: 0, at: 0 };
    return;
  }
  // A shell with no script and no terminal reads an empty stdin and exits at once.
  if (SHELLS.has(base) && !argv.slice(1).some((a) => !a.startsWith('-') || a.includes('c')) && !h.container.stdin && !h.container.tty) {
    rec.main.exit = { code: 0, at: 0 };
    return;
  }
  if (SHELLS.has(base) && (h.container.stdin || h.container.tty) && argv.length === 1) return; // waits for input forever
  const r = runShellSync(h, argv, { stdin: '', main: { start: rec.start, horizonMs: MAIN_HORIZON_MS } });
  if (!r) return; // needed the network: treated as running, quietly
  // The first lines the command will write (bounded like a log: lines and characters).
  let chars = 0;
  rec.main.out = [];
  for (const [ms, line] of (r.lines ?? []).slice(0, 1000)) {
    chars += Math.min(line.length, LOG_LINE_CHARS) + 1;
    if (chars > LOG_CHARS) break;
    rec.main.out.push([Math.round(ms), line.slice(0, LOG_LINE_CHARS)]);
  }
  if (r.execError) {
    rec.main.exit = { code: 128, at: 0 };
    rec.main.out = [];
    (rec.mem as Record<string, unknown>).__startError = r.execError;
    return;
  }
  if (!r.stillRunning) rec.main.exit = { code: r.code, at: Math.round(r.ranMs ?? 0) };
}

function progressMain(h: ContainerHandle, rec: ContainerRuntime, now: number): void {
  if (processMode(h) === 'app') {
    const ex = h.image.exits;
    if (ex && now >= rec.start + ex.runSeconds * 1000) mainExited(h, { exitCode: ex.code, reason: ex.code === 0 ? 'Completed' : 'Error', finishedAt: rec.start + ex.runSeconds * 1000 }, rec.start + ex.runSeconds * 1000);
    return;
  }
  if (!rec.main) simulateMain(h, rec);
  const m = rec.main!;
  while (m.shown < m.out.length && rec.start + m.out[m.shown][0] <= now) {
    const [at, line] = m.out[m.shown++];
    rec.logs.push([rec.start + at, line.slice(0, LOG_LINE_CHARS)]);
  }
  trimLog(rec.logs);
  if (m.exit && rec.start + m.exit.at <= now) {
    const at = rec.start + m.exit.at;
    const startError = (rec.mem as Record<string, unknown>).__startError as string | undefined;
    if (startError) {
      event(h, 'Warning', 'Failed', `Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${startError}: unknown`);
      mainExited(h, { exitCode: 128, reason: 'StartError', finishedAt: at }, at);
      return;
    }
    mainExited(h, { exitCode: m.exit.code, reason: m.exit.code === 0 ? 'Completed' : 'Error', finishedAt: at }, at);
  }
}

function runInitContainers(cluster: Cluster, pod: KObject): void {
  const pr = podRuntime(cluster, pod);
  if (pr.init) return;
  pr.init = 1;
  for (const spec of pod.spec?.initContainers ?? []) {
    const h = containerHandle(cluster, pod, spec.name);
    const rec = containerRuntime(h);
    const r = runShellSync(h, mainArgv(h), { stdin: '', main: { start: rec.start, horizonMs: 60_000 } });
    for (const [at, line] of r?.lines ?? []) rec.logs.push([rec.start + at, line.slice(0, LOG_LINE_CHARS)]);
    trimLog(rec.logs);
    rec.exited = { exitCode: r?.execError ? 128 : (r?.code ?? 0), reason: r?.execError ? 'StartError' : (r?.code ?? 0) === 0 ? 'Completed' : 'Error', at: rec.start + Math.round(r?.ranMs ?? 0) };
  }
}

// ---------------------------------------------------------------------------------------------
// Probes

function probeSpec(h: ContainerHandle, kind: keyof typeof KIND_TEXT): Probe | undefined {
  return h.container[`${kind}Probe`] as Probe | undefined;
}

function apply(st: ProbeState, ok: boolean, probe: Probe): void {
  if (ok) {
    st.ok++;
    st.fail = 0;
    if (st.ok >= (probe.successThreshold ?? 1)) st.pass = true;
  } else {
    st.fail++;
    st.ok = 0;
    if (st.fail >= (probe.failureThreshold ?? 3)) st.pass = false;
  }
}

/** Run the ticks of one probe that are due; returns true when the container was killed. */
function runProbeTicks(h: ContainerHandle, rec: ContainerRuntime, kind: keyof typeof KIND_TEXT, now: number): boolean {
  const probe = probeSpec(h, kind);
  if (!probe) return false;
  rec.probes ??= {};
  const st = (rec.probes[kind] ??= { last: -1, ok: 0, fail: 0, pass: kind === 'liveness' });
  if (kind === 'startup' && st.pass) return false;
  const period = Math.max(1, probe.periodSeconds ?? 10) * 1000;
  const first = rec.start + Math.max(0, probe.initialDelaySeconds ?? 0) * 1000;
  let next = st.last < 0 ? first : st.last + period;
  if (next > now) return false;
  const due = Math.floor((now - next) / period) + 1;
  if (due > MAX_PROBE_TICKS) next += (due - MAX_PROBE_TICKS) * period;
  while (next <= now) {
    const outcome: ProbeOutcome = runProbe(h, probe);
    if (outcome.pending) {
      const stamp = next;
      outcome.pending.then((o) => {
        if (st.last === stamp) apply(st, o.ok, probe);
      });
    }
    st.last = next;
    st.runs = (st.runs ?? 0) + 1;
    apply(st, outcome.ok, probe);
    if (!outcome.ok) event(h, 'Warning', 'Unhealthy', `${KIND_TEXT[kind]} probe failed: ${(outcome.message ?? '').replace(/\n$/, '')}`);
    if ((kind === 'liveness' || kind === 'startup') && !st.pass && st.fail >= (probe.failureThreshold ?? 3)) {
      event(h, 'Normal', 'Killing', `Container ${h.container.name} failed ${kind} probe, will be restarted`);
      const ignoresTerm = h.image.pid1IgnoresTerm || processMode(h) === 'command';
      const grace = ignoresTerm ? (h.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000 : 0;
      const at = Math.min(now, next + grace);
      mainExited(h, { exitCode: ignoresTerm ? 137 : 0, reason: ignoresTerm ? 'Error' : 'Completed', finishedAt: at }, at);
      return true;
    }
    if (kind === 'startup' && st.pass) return false;
    next += period;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------

/**
 * When each record was last brought up to date, in this process only (reconcile runs several
 * rounds at one instant; keeping this out of the state means a command that changes nothing
 * leaves the state file byte for byte as it was).
 */
const tickedAt = new WeakMap<ContainerRuntime, number>();

/** Bring one pod's containers up to now. Idempotent for a given `cluster.now`. */
export function tickPod(cluster: Cluster, pod: KObject): void {
  if (!running(pod)) return;
  const now = cluster.now;
  if (pod.spec?.initContainers?.length) runInitContainers(cluster, pod);
  for (const spec of pod.spec?.containers ?? []) {
    const h = containerHandle(cluster, pod, spec.name);
    if (tickedAt.get(containerRuntime(h)) === now) continue;
    // Several exits and restarts can fall into one tick (a crash-looping container, time passed).
    for (let round = 0; round < 16; round++) {
      const rec = containerRuntime(h);
      tickedAt.set(rec, now);
      if (rec.envError) break;
      if (rec.exited) {
        if (!restartIfDue(h, now)) break;
        continue;
      }
      h.image.background?.(h, now);
      progressMain(h, rec, now);
      if (containerRuntime(h) !== rec || rec.exited) continue;
      if (runProbeTicks(h, rec, 'startup', now)) continue;
      if (probeSpec(h, 'startup') && !rec.probes?.startup?.pass) break;
      if (runProbeTicks(h, rec, 'liveness', now)) continue;
      runProbeTicks(h, rec, 'readiness', now);
      break;
    }
  }
}

/** Whether a pod the kubelet considers steady has runtime work pending (cheap checks on the records). */
export function busy(cluster: Cluster, pod: KObject): boolean {
  const pr = existingPodRuntime(cluster, pod);
  if (!pr) return (pod.spec?.containers ?? []).length > 0;
  if (pod.spec?.initContainers?.length && !pr.init) return true;
  const statuses: { name: string; containerID?: string }[] = pod.status?.containerStatuses ?? [];
  for (const spec of pod.spec?.containers ?? []) {
    const rec = pr.c[spec.name];
    if (!rec) return true;
    if (rec.exited || rec.envError) return true;
    if (statuses.find((s) => s.name === spec.name)?.containerID !== `containerd://${rec.cid}`) return true;
    const h = containerHandle(cluster, pod, spec.name);
    if (h.image.background) return true;
    if (processMode(h) === 'command') {
      if (!rec.main) return true;
      if (rec.main.shown < rec.main.out.length || rec.main.exit) return true;
    } else if (h.image.exits) return true;
  }
  return false;
}

setRuntimeHooks({ tickPod, busy });

export { appendLog };
