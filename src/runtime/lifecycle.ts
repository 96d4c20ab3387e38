// What happens when a container's main process ends — `kill 1`, a liveness kill, a command
// that exits — as the kubelet handles it: restart per restartPolicy with the crash-loop back-off
// (immediately the first time, then 10 s, 20 s, 40 s … up to 5 min; reset after 10 min of
// running), RESTARTS+1 and lastState, and the events the kubelet writes.
import type { ContainerHandle } from './types.js';
import { containerRuntime, restartContainer, type Termination } from './container.js';
import { mainArgv, processMode } from './process.js';

const BACKOFF_START_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
const BACKOFF_RESET_MS = 600_000;

function kubeletEvent(h: ContainerHandle, type: 'Normal' | 'Warning', reason: string, message: string): void {
  h.cluster.event(h.pod, type, reason, message, 'kubelet', h.pod.spec?.nodeName);
}

/** The delay before the next start of a container that has just exited. */
export function backoffDelay(h: ContainerHandle, exitedAt: number): number {
  const rec = containerRuntime(h);
  if (exitedAt - rec.start >= BACKOFF_RESET_MS) return 0;
  const k = rec.restarts;
  if (k === 0) return 0;
  return Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** (k - 1));
}

/** Start the container again (a new instance), with the kubelet's events. */
export function restartWithEvents(h: ContainerHandle, t: Termination, at: number): void {
  restartContainer(h, t, at);
  const c = h.container;
  kubeletEvent(h, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
  kubeletEvent(h, 'Normal', 'Created', `Created container ${c.name}`);
  kubeletEvent(h, 'Normal', 'Started', `Started container ${c.name}`);
}

/**
 * The main process ended at `at`: restart now, or wait out the back-off (CrashLoopBackOff), or —
 * restartPolicy Never / OnFailure with exit 0 — stay terminated.
 */
export function mainExited(h: ContainerHandle, t: Termination, at: number): void {
  const rec = containerRuntime(h);
  const policy = h.pod.spec?.restartPolicy ?? 'Always';
  const restart = policy === 'Always' || (policy === 'OnFailure' && t.exitCode !== 0);
  if (!restart) {
    rec.exited = { exitCode: t.exitCode, reason: t.reason, at };
    return;
  }
  const delay = backoffDelay(h, at);
  if (delay === 0) {
    restartWithEvents(h, t, at);
    return;
  }
  rec.exited = { exitCode: t.exitCode, reason: t.reason, at };
  rec.backoffUntil = at + delay;
  const pod = h.pod;
  kubeletEvent(h, 'Warning', 'BackOff', `Back-off restarting failed container ${h.container.name} in pod ${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})`);
}

/** A crash-looping container whose back-off has run out starts again. Returns whether it did. */
export function restartIfDue(h: ContainerHandle, now: number): boolean {
  const rec = containerRuntime(h);
  if (!rec.exited || rec.backoffUntil === undefined || now < rec.backoffUntil) return false;
  const at = rec.backoffUntil;
  const t = { exitCode: rec.exited.exitCode, reason: rec.exited.reason, finishedAt: rec.exited.at };
  restartWithEvents(h, t, at);
  return true;
}

/** `kill -SIG 1` from inside the container. */
export function signalMain(h: ContainerHandle, sig: number): 'terminated' | 'ignored' {
  // PID 1 of a PID namespace only gets the signals it has handlers for; SIGKILL/SIGSTOP from
  // inside are ignored by the kernel. Node as PID 1 has no SIGTERM handler.
  if (sig === 9 || sig === 19 || sig === 0) return 'ignored';
  if (h.image.pid1IgnoresTerm) return 'ignored';
  const rec = containerRuntime(h);
  if (rec.exited) return 'ignored';
  const now = h.cluster.now;
  let exitCode = sig === 15 || sig === 2 || sig === 1 || sig === 3 ? 0 : 128 + sig;
  if (processMode(h) === 'command') {
    // A command as PID 1 (sleep, sh -c …) has no handler unless its script traps the signal.
    const trap = trapFor(mainArgv(h).join(' '), sig);
    if (trap === undefined) return 'ignored';
    exitCode = trap;
  }
  mainExited(h, { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error' }, now);
  return 'terminated';
}

const SIGNAMES: Record<number, string[]> = { 1: ['HUP', 'SIGHUP', '1'], 2: ['INT', 'SIGINT', '2'], 3: ['QUIT', 'SIGQUIT', '3'], 15: ['TERM', 'SIGTERM', '15'] };

/** The exit status a script's `trap "exit N" SIG…` gives for `sig` (undefined: not trapped). */
export function trapFor(script: string, sig: number): number | undefined {
  const names = SIGNAMES[sig];
  if (!names) return undefined;
  for (const m of script.matchAll(/trap\s+(?:'([^']*)'|"([^"]*)"|(\S+))\s+([A-Z0-9 ]+)/g)) {
    const action = m[1] ?? m[2] ?? m[3] ?? '';
    const sigs = m[4].trim().split(/\s+/);
    if (!sigs.some((x) => names.includes(x))) continue;
    const code = /exit\s+(\d+)/.exec(action);
    return code ? Number(code[1]) : 0;
  }
  return undefined;
}
