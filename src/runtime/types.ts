// The contracts between the simulated container runtime, the in-container shell, its tools and
// the network. Nothing here runs anything on the host: a "process" is a function over these
// values, a "file" is an entry in the pod's simulated filesystem in the state file.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';

/** One container of one pod, as the runtime sees it. */
export interface ContainerHandle {
  cluster: Cluster;
  pod: KObject;
  /** The container's spec entry (name, image, env, ports, …). */
  container: KObject['spec'];
  /** What the container's image does (the image behaviour table). */
  image: ImageBehaviour;
}

/** A tiny POSIX-ish filesystem kept per container in the state file (paths are absolute). */
export interface SimFs {
  read(path: string): string | undefined;
  write(path: string, data: string, append?: boolean): void;
  exists(path: string): boolean;
  isDir(path: string): boolean;
  list(dir: string): string[] | undefined;
  mkdir(path: string, parents?: boolean): void;
  remove(path: string, recursive?: boolean): boolean;
  /** Size, mtime, type of a path (ls -l, test -x); undefined when it does not exist. */
  stat?(path: string): { dir: boolean; size: number; mtime: number; exec: boolean; readOnly: boolean } | undefined;
  /** Set a file's mtime to now (creating it empty when missing). */
  touch?(path: string): void;
  /** chmod +x / -x. */
  setExec?(path: string, on: boolean): void;
}

/** An HTTP request as a simulated app receives it. */
export interface HttpRequest {
  method: string;
  path: string; // path + query, e.g. `/rng?x=1`
  headers: Record<string, string>; // lower-case names
  body: string;
  /** The client's IP as the server sees it (a pod IP, a node IP, or an outside address). */
  sourceIP: string;
  /** host:port the client connected to (after DNAT: the pod IP and container port). */
  localAddress: string;
  localPort: number;
  /** Did the request arrive over TLS? (undefined: plain HTTP, or the port says.) */
  scheme?: 'http' | 'https';
}

export interface HttpResponse {
  status: number;
  statusText?: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * An image's behaviour: data, as a table row (kwok-style), not code scattered around.
 * `http` maps a port to the app's routes; handlers get the container (for env, files, memory).
 */
export interface ImageBehaviour {
  /** Matched against the image reference: repository (and optional tag) patterns. */
  match: string[];
  description: string;
  /** Shell flavour: which shell and tools the image has and how they print. */
  shell: 'busybox' | 'busybox-1.28' | 'bash-debian' | 'none';
  /** Extra tools beyond the shell flavour's (e.g. curl on alpine-based images, mysql). */
  tools?: string[];
  /** Ports the app listens on when nothing else is declared; `containerPorts` = the declared ones. */
  listens: { port: number | 'containerPorts'; protocol?: 'TCP' | 'UDP'; kind: 'http' | 'tcp' | 'mysql' | 'redis' | 'dns' }[];
  /** HTTP handler for the app (undefined: TCP-only app). */
  http?: (req: HttpRequest, c: ContainerHandle, port: number) => HttpResponse | Promise<HttpResponse>;
  /** The main process exits (batch images): exit code, after `runSeconds`. */
  exits?: { code: number; runSeconds: number };
  /** Seconds from container start until the app answers. */
  startupSeconds?: number;
  /** Environment variables the image sets (PATH, HOSTNAME is added by the runtime). */
  env?: Record<string, string>;
  /** Files the image ships (e.g. nginx's index.html). */
  files?: Record<string, string>;
  /** A log line the app writes per request it serves. */
  accessLog?: (req: HttpRequest, res: HttpResponse) => string;
  /** Log lines written at start-up. */
  startupLog?: string[];
  /**
   * Versions of client tools whose output differs between releases (network tools read these):
   * curl 7.x vs 8.x error wording and -v lines; busybox version (nslookup style: ≤1.28 small,
   * ≥1.29 big); libc (musl: Alpine, glibc: Debian/Ubuntu — resolver search rules and error texts).
   * Unset: curl 8, and busybox 1.36 + musl for 'busybox', glibc for 'bash-debian'.
   */
  toolVersions?: { curl?: string; busybox?: string; libc?: 'musl' | 'glibc' | 'uclibc'; ping?: 'busybox' | 'iputils' | 'inetutils' };
  /** The image's ENTRYPOINT and CMD (what runs as PID 1 when the pod spec sets no command/args). */
  entrypoint?: string[];
  cmd?: string[];
  /**
   * Names of the app's own binary (`nginx`, `node`, `envoy`): when the pod's command runs one of
   * these (or the image default), the app serves `listens`/`http`; any other command (`sleep 3600`,
   * `sh -c …`) runs in the simulated shell instead and nothing listens.
   */
  server?: string[];
  /** PID 1 has no SIGTERM handler (node as PID 1): `kill 1` does nothing. */
  pid1IgnoresTerm?: boolean;
  /** Work the app does on its own as time passes (quote-writer writes a file every minute). */
  background?: (c: ContainerHandle, now: number) => void;
  /** `ps` line of the main process (default: the effective command). */
  processName?: string;
  /** Set on the generic behaviour of images the table does not know (any command is the app). */
  generic?: boolean;
  /** The image's WORKDIR (where `kubectl exec` starts: `pwd`). */
  workdir?: string;
  /** Base filesystem family (/etc/os-release, /etc/passwd): alpine/busybox or debian/ubuntu. */
  os?: 'alpine' | 'busybox' | 'debian' | 'ubuntu';
}

/** What a shell tool gets: its argv, streams, and the container it runs in. */
export interface ToolContext {
  argv: string[];
  stdin: string;
  env: Record<string, string>;
  cwd: string;
  fs: SimFs;
  self: ContainerHandle;
  stdout(text: string): void;
  stderr(text: string): void;
  /** `--trace` lines (no-op unless tracing). */
  trace(line: string): void;
  /** Time budget left (ms of simulated time) for loops/sleeps; tools that wait consume it. */
  sleep(ms: number): void;
  /** stdout is a terminal (`exec -t`): curl shows no progress meter, redis-cli/mysql format for humans. */
  tty?: boolean;
  /**
   * Interactive input (`exec -i`): the next line the user types after `prompt` is shown, or
   * undefined at end of input. Tools with their own prompt (mysql, redis-cli) read with it; when
   * absent they read `stdin` (batch mode).
   */
  readLine?(prompt: string): Promise<string | undefined>;
  /** Simulated ms of budget left for waiting (undefined: unlimited); ping without -c stops at 0. */
  timeLeft?(): number;
  /** The simulated clock now (ms since the epoch, including simulated sleeps). */
  now?(): number;
  /** Process id of the shell the tool runs under, and that shell's command line (`ps`). */
  shellPid?: number;
  shellCommand?: string;
}

export type Tool = (ctx: ToolContext) => number | Promise<number>;
