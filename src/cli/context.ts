// What every verb gets: where the state is, the namespace in effect, output streams (buffered
// until the state is saved), and a way to run against the cluster.
import { resolveStatePath, withState } from '../store/file.js';
import { Cluster } from '../store/cluster.js';
import { now } from '../store/clock.js';
import { reconcile } from '../controllers/index.js';
import { stillSettled } from '../controllers/settled.js';
import { SYSTEM_NAMESPACES, deferRuntime, needsRuntime, runtimeLoaded, takeRuntimeWanted } from '../runtime/probes.js';
import { freshCluster } from '../store/bootstrap.js';
import type { State } from '../store/state.js';
import { writeErr, writeOut } from '../util/stdio.js';

export interface GlobalOptions {
  state?: string;
  namespace?: string;
}

/**
 * Bring the cluster to its fixed point. The container runtime (probes, main processes, restarts)
 * runs inside the kubelet's reconcile and is loaded only when some pod needs it: up front when
 * one does already (or the command touched the runtime's records), or when a pass left pods
 * waiting for it (a pod created meanwhile).
 */
async function settle(cluster: Cluster, runtimeTouched = false): Promise<void> {
  deferRuntime(true);
  if (!runtimeLoaded() && (runtimeTouched || needsRuntime(cluster))) await import('../runtime/tick.js');
  reconcile(cluster);
  if (takeRuntimeWanted()) {
    await import('../runtime/tick.js');
    reconcile(cluster);
  }
  // KUBESIM_CHECK_SETTLED also checks that the pods left to themselves had nothing for the runtime.
  // (System pods' images have no behaviour: the runtime only keeps its probe books for them.)
  if (process.env.KUBESIM_CHECK_SETTLED && !runtimeLoaded()) {
    const userRuntime = () => JSON.stringify(cluster.list('pods').filter((p) => !SYSTEM_NAMESPACES.has(p.metadata.namespace ?? '')).map((p) => cluster.state.runtime[p.metadata.uid ?? '']));
    const before = { changes: cluster.changes, runtime: userRuntime() };
    await import('../runtime/tick.js');
    reconcile(cluster);
    if (cluster.changes !== before.changes || userRuntime() !== before.runtime) {
      throw new Error('internal: pods taken to be quiet had work for the container runtime (KUBESIM_CHECK_SETTLED)');
    }
  }
}

/** KUBESIM_CHECK_SETTLED: reconcile a state taken to be settled, and fail if that was wrong. */
async function checkSettled(cluster: Cluster, side: (s: State) => string): Promise<void> {
  const before = { changes: cluster.changes, side: side(cluster.state), rng: cluster.state.rngCounter };
  await settle(cluster);
  if (cluster.changes !== before.changes || side(cluster.state) !== before.side || cluster.state.rngCounter !== before.rng) {
    throw new Error('internal: the state was taken to be settled, but reconciling it changed it (KUBESIM_CHECK_SETTLED)');
  }
}

export class Ctx {
  readonly statePath: string;
  private outBuf: string[] = [];
  private errBuf: string[] = [];

  constructor(public readonly globals: GlobalOptions) {
    this.statePath = resolveStatePath(globals.state);
  }

  out(text: string): void {
    this.outBuf.push(text);
  }
  err(text: string): void {
    this.errBuf.push(text);
  }

  /** Write what was buffered (stderr first for warnings that precede output, like kubectl). */
  flush(): void {
    if (this.errBuf.length) writeErr(this.errBuf.join(''));
    if (this.outBuf.length) writeOut(this.outBuf.join(''));
    this.errBuf = [];
    this.outBuf = [];
  }

  /** Namespace flag given explicitly (`-n`), or undefined. */
  get namespaceFlag(): string | undefined {
    return this.globals.namespace;
  }

  static fresh(): State {
    const seed = process.env.KUBESIM_SEED;
    return freshCluster({ seed: seed !== undefined && seed !== '' ? Number(seed) || 0 : null, now: now() });
  }

  /**
   * Run `fn` against the cluster, brought up to now before and after, under the state lock.
   * `namespace` handed to fn is the effective one: -n, else the context's, else default. When
   * `keep(result)` says false — the command failed at everything it tried — the state file is
   * left exactly as it was.
   */
  async run<T>(fn: (cluster: Cluster, namespace: string) => T | Promise<T>, keep?: (result: T) => boolean): Promise<T> {
    return this.buffered(() => this.runUnbuffered(fn, keep));
  }

  /**
   * Run a command whose `fn` has no effect but on the cluster and the buffered output (get,
   * describe, apply, delete, label, …) optimistically: without the state lock when it changes
   * nothing, and otherwise saving its result under the lock when no other command wrote
   * meanwhile (store/file.ts withState). `fn` may run twice.
   */
  async update<T>(fn: (cluster: Cluster, namespace: string) => T | Promise<T>, keep?: (result: T) => boolean): Promise<T> {
    const outMark = this.outBuf.length;
    const errMark = this.errBuf.length;
    const retry = () => {
      this.outBuf.length = outMark;
      this.errBuf.length = errMark;
    };
    return this.buffered(() => this.runUnbuffered(fn, keep, { retry }));
  }

  /** A command that only reads: `update` by another name, for the reader's sake. */
  read<T>(fn: (cluster: Cluster, namespace: string) => T | Promise<T>): Promise<T> {
    return this.update(fn);
  }

  private async buffered<T>(attempt: () => Promise<T>): Promise<T> {
    const outMark = this.outBuf.length;
    try {
      return await attempt();
    } catch (e) {
      // Nothing of this attempt was saved: what it wanted to report on stdout did not happen.
      this.outBuf.length = outMark;
      throw e;
    }
  }

  private async runUnbuffered<T>(
    fn: (cluster: Cluster, namespace: string) => T | Promise<T>,
    keep?: (result: T) => boolean,
    optimistic?: { retry: () => void },
  ): Promise<T> {
    return withState(this.statePath, Ctx.fresh, async (session) => {
      // What lives outside the objects (container files, balancing state, settings): compared
      // after the command to know whether anything at all changed.
      const sideState = (st: typeof session.state) => JSON.stringify([st.runtime, st.proxy, st.context, st.cluster, st.ipam]);
      const sideLoaded = sideState(session.state);
      const cluster = new Cluster(session.state, now());
      if (!stillSettled(cluster)) await settle(cluster);
      else if (process.env.KUBESIM_CHECK_SETTLED) await checkSettled(cluster, sideState);
      const ns = this.namespaceFlag ?? session.state.context.namespace ?? 'default';
      const sideBefore = sideState(session.state);
      const changesBefore = cluster.changes;
      let result: T;
      try {
        result = await fn(cluster, ns);
      } finally {
        // Bring the cluster to its fixed point again only if the command changed something.
        // A change to the runtime's records (a file written, `kill 1`) is for the runtime to act on.
        const sideChanged = sideState(session.state) !== sideBefore;
        if (cluster.changes !== changesBefore || sideChanged) await settle(cluster, sideChanged);
        cluster.syncRng();
      }
      if (cluster.changes === 0 && sideState(session.state) === sideLoaded && session.state.rngCounter === cluster.rngStart) session.discard = true;
      if (keep && !keep(result)) session.discard = true;
      // What is saved is the fixed point as of now.
      if (!session.discard) session.state.settledAt = cluster.now;
      return result;
    }, optimistic);
  }
}
