// kubectl logs POD|TYPE/NAME|-l SEL [-c C] [--tail N] [--since D] [--since-time T] [--previous]
// [--timestamps] [--prefix] [--all-containers] [-f]: what the simulated apps wrote (start-up
// banners, nginx access lines, kubia's "Received request from ::ffff:…", a command's output),
// with kubectl's messages. `-f` keeps polling the simulation until Ctrl-C.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import type { Cluster } from '../../../store/cluster.js';
import { parseSelector } from '../../../api/labels.js';
import { matches } from '../../../api/labels.js';
import { CliError, StatusError, UsageError } from '../../../util/errors.js';
import { parseGoDuration } from '../wait/duration.js';
import { allContainerNames, containerExists, pickContainer, resolvePod } from '../exec/target.js';

export interface LogsOptions {
  container?: string;
  follow?: boolean;
  previous?: boolean;
  tail?: string;
  since?: string;
  sinceTime?: string;
  timestamps?: boolean;
  selector?: string;
  allContainers?: boolean;
  prefix?: boolean;
  limitBytes?: string;
  maxLogRequests?: string;
  ignoreErrors?: boolean;
  podRunningTimeout?: string;
}

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

interface Source {
  pod: KObject;
  container: string;
}

interface Chunk {
  prefix: string;
  lines: [number, string][];
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export async function run(ctx: Ctx, args: string[], opts: LogsOptions, cmd: Command): Promise<void> {
  const containerFlag = cmd.getOptionValueSource?.('container') === 'cli' || opts.container !== undefined;
  if (!args.length && !opts.selector) throw new UsageError(USAGE, 'logs');
  if (args.length === 1 && opts.selector) throw new UsageError('only a selector (-l) or a POD name is allowed', 'logs');
  if (args.length > 2) throw new UsageError(USAGE, 'logs');
  const inlineContainer = args[1];
  if (opts.since && opts.sinceTime) throw new CliError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  const container = inlineContainer ?? opts.container;
  if (opts.allContainers && container) throw new CliError(`--all-containers=true should not be specified with container name ${container}`);
  if (containerFlag && inlineContainer) throw new CliError('only one of -c or an inline [CONTAINER] arg is allowed');
  let tail = opts.tail !== undefined ? Number(opts.tail) : opts.selector ? 10 : -1;
  if (!Number.isInteger(tail)) throw new CliError(`invalid argument "${opts.tail}" for "--tail" flag: strconv.ParseInt: parsing "${opts.tail}": invalid syntax`);
  if (tail < -1) throw new CliError('--tail must be greater than or equal to -1');
  if (opts.limitBytes !== undefined && Number(opts.limitBytes) < 0) throw new CliError('--limit-bytes must be greater than 0');
  const sinceMs = opts.since ? Math.ceil(parseGoDuration(opts.since, '--since', 'logs') / 1000) * 1000 : undefined;
  if (sinceMs !== undefined && sinceMs < 0) throw new CliError('--since must be greater than 0');
  const sinceTime = opts.sinceTime ? Date.parse(opts.sinceTime) : undefined;
  if (opts.sinceTime && Number.isNaN(sinceTime)) throw new CliError(`parsing time "${opts.sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${opts.sinceTime}" as "2006"`);

  await import('../../../runtime/tick.js');
  const { containerHandle, containerLogs } = await import('../../../runtime/container.js');

  const collect = (cluster: Cluster, namespace: string): { sources: Source[]; multi: boolean } => {
    let pods: KObject[];
    let multi = false;
    if (opts.selector) {
      let sel;
      try {
        sel = parseSelector(opts.selector);
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      pods = cluster.list('pods', namespace).filter((p) => matches(sel, p.metadata.labels));
      if (!pods.length) ctx.err(`No resources found in ${namespace} namespace.\n`);
      multi = true;
    } else {
      let r;
      try {
        r = resolvePod(cluster, args[0], namespace, 'logs');
      } catch (e) {
        if (e instanceof StatusError && e.reason === 'NotFound' && !args[0].includes('/')) throw new CliError(`error from server (NotFound): pods "${args[0]}" not found in namespace "${namespace}"`);
        throw e;
      }
      if (r.count > 1) ctx.err(`Found ${r.count} pods, using pod/${r.pod.metadata.name}\n`);
      pods = [r.pod];
    }
    const sources: Source[] = [];
    for (const pod of pods) {
      if (opts.allContainers) {
        for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) sources.push({ pod, container: c.name });
        continue;
      }
      let name = container;
      if (!name) {
        const ann = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
        if (ann && !containerExists(pod, ann)) process.stderr.write(`Default container name "${ann}" not found in pod ${pod.metadata.name}\n`);
        name = pickContainer(pod, undefined, (t) => (multi ? undefined : ctx.err(t)));
      }
      if (!containerExists(pod, name)) throw new CliError(`container ${name} is not valid for pod ${pod.metadata.name} out of: ${allContainerNames(pod)}`);
      sources.push({ pod, container: name });
    }
    return { sources, multi };
  };

  const read = (cluster: Cluster, s: Source): [number, string][] => {
    const pod = s.pod;
    const st = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((x: { name: string }) => x.name === s.container);
    const h = containerHandle(cluster, pod, s.container);
    if (opts.previous) {
      const prev = containerLogs(h, true);
      if (!prev) throw new StatusError('BadRequest', `previous terminated container "${s.container}" in pod "${pod.metadata.name}" not found`, 400);
      return prev;
    }
    const waiting = st?.state?.waiting?.reason;
    if (!st || (waiting && waiting !== 'CrashLoopBackOff')) {
      const reason = waiting ?? (pod.spec?.nodeName ? 'ContainerCreating' : 'ContainerCreating');
      throw new StatusError('BadRequest', `container "${s.container}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`, 400);
    }
    return containerLogs(h) ?? [];
  };

  const filter = (lines: [number, string][], now: number): [number, string][] => {
    let out = lines;
    if (sinceMs !== undefined) out = out.filter(([t]) => t >= now - sinceMs);
    if (sinceTime !== undefined) out = out.filter(([t]) => t >= sinceTime);
    if (tail >= 0) out = tail === 0 ? [] : out.slice(-tail);
    return out;
  };

  const render = (chunk: Chunk): string => chunk.lines.map(([t, l]) => `${chunk.prefix}${opts.timestamps ? `${stamp(t)} ` : ''}${l}\n`).join('');

  const snapshot = await ctx.run((cluster, namespace) => {
    const { sources } = collect(cluster, namespace);
    const chunks: (Chunk & { key: string; total: number })[] = [];
    for (const s of sources) {
      const all = read(cluster, s);
      chunks.push({ key: `${s.pod.metadata.uid}/${s.container}`, prefix: opts.prefix ? `[pod/${s.pod.metadata.name}/${s.container}] ` : '', lines: filter(all, cluster.now), total: all.length });
    }
    return { chunks, namespace };
  });
  let text = snapshot.chunks.map(render).join('');
  const limit = opts.limitBytes !== undefined ? Number(opts.limitBytes) : 0;
  if (limit > 0) text = Buffer.from(text).subarray(0, limit).toString('utf8');
  ctx.out(text);
  if (!opts.follow) return;

  // -f: print what is there, then keep looking until interrupted (or the pods are gone).
  ctx.flush();
  const seen = new Map(snapshot.chunks.map((c) => [c.key, c.total]));
  const maxSeconds = Number(process.env.KUBESIM_FOLLOW_SECONDS ?? '0') || Infinity;
  const started = Date.now();
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  for (;;) {
    await sleep(1000);
    if (Date.now() - started >= maxSeconds * 1000) return;
    const more = await ctx.run((cluster, namespace) => {
      const { sources } = collect(cluster, namespace);
      let out = '';
      let alive = 0;
      for (const s of sources) {
        const key = `${s.pod.metadata.uid}/${s.container}`;
        const all = read(cluster, s);
        const from = seen.get(key) ?? 0;
        const fresh = all.length >= from ? all.slice(from) : all;
        seen.set(key, all.length);
        out += render({ prefix: opts.prefix ? `[pod/${s.pod.metadata.name}/${s.container}] ` : '', lines: fresh });
        if (s.pod.status?.phase !== 'Succeeded' && s.pod.status?.phase !== 'Failed') alive++;
      }
      return { out, alive };
    });
    if (more.out) process.stdout.write(more.out);
    if (!more.alive && !opts.selector) return;
  }
}
