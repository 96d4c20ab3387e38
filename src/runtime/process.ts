// What a container runs as PID 1: the pod's command/args over the image's ENTRYPOINT/CMD (the
// Kubernetes rules), and whether that is the image's app ("app mode": it listens and answers as
// the image table says) or an ordinary command run by the simulated shell ("command mode":
// `sleep 3600`, `sh -c '…'`, busybox's default `sh` — nothing listens, output goes to the logs).
import type { ContainerHandle } from './types.js';

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash', 'zsh']);

/** The argv of the main process (Kubernetes: command replaces ENTRYPOINT, args replace CMD). */
export function mainArgv(h: ContainerHandle): string[] {
  const c = h.container;
  const command: string[] | undefined = c.command;
  const args: string[] | undefined = c.args;
  const entry = command ?? h.image.entrypoint ?? [];
  const rest = args ?? (command ? [] : (h.image.cmd ?? []));
  return [...entry, ...rest];
}

function baseName(s: string): string {
  return s.slice(s.lastIndexOf('/') + 1);
}

/** App mode (the image's server runs) or command mode (the shell runs the command). */
export function processMode(h: ContainerHandle): 'app' | 'command' {
  const c = h.container;
  const argv = mainArgv(h);
  const server = h.image.server ?? [];
  const overridden = c.command !== undefined || c.args !== undefined;
  if (!overridden) return server.length || h.image.generic ? 'app' : 'command';
  if (!argv.length) return 'command';
  if (server.includes(argv[0]) || server.includes(baseName(argv[0]))) return 'app';
  if (h.image.generic && !SHELLS.has(baseName(argv[0])) && !['sleep', 'echo', 'cat', 'true', 'false', 'tail', 'printenv', 'env', 'ls', 'date', 'wget', 'curl', 'nslookup', 'ping'].includes(baseName(argv[0]))) return 'app';
  return 'command';
}

/** Whether the app of this container listens (what the network sees). */
export function appListens(h: ContainerHandle): boolean {
  return processMode(h) === 'app';
}

/** The `ps` text of PID 1. */
export function processName(h: ContainerHandle): string {
  if (processMode(h) === 'app' && h.image.processName && h.container.command === undefined && h.container.args === undefined) return h.image.processName;
  return mainArgv(h).join(' ') || '/pause';
}
