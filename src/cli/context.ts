// What every verb gets: where the state is, the namespace in effect, output streams (buffered
// until the state is saved), and a way to run against the cluster.
import { resolveStatePath, withState } from '../store/file.js';
import { Cluster } from '../store/cluster.js';
import { now } from '../store/clock.js';
import { reconcile } from '../controllers/index.js';
import { needsRuntime, runtimeLoaded } from '../runtime/probes.js';
import { freshCluster } from '../store/bootstrap.js';
import type { State } from '../store/state.js';

export interface GlobalOptions {
  state?: string;
  namespace?: string;
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
    if (this.errBuf.length) process.stderr.write(this.errBuf.join(''));
    if (this.outBuf.length) process.stdout.write(this.outBuf.join(''));
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
   * `namespace` handed to fn is the effective one: -n, else the context's, else default.
   */
  /**
   * Run `fn` against the cluster (see runUnbuffered). When `keep(result)` says false — the
   * command failed at everything it tried — the state file is left exactly as it was.
   */
  async run<T>(fn: (cluster: Cluster, namespace: string) => T | Promise<T>, keep?: (result: T) => boolean): Promise<T> {
    const outMark = this.outBuf.length;
    try {
      return await this.runUnbuffered(fn, keep);
    } catch (e) {
      // Nothing of this attempt was saved: what it wanted to report on stdout did not happen.
      this.outBuf.length = outMark;
      throw e;
    }
  }

  private async runUnbuffered<T>(fn: (cluster: Cluster, namespace: string) => T | Promise<T>, keep?: (result: T) => boolean): Promise<T> {
    return withState(this.statePath, Ctx.fresh, async (session) => {
      // What lives outside the objects (container files, balancing state, settings): compared
      // after the command to know whether anything at all changed.
      const sideState = (st: typeof session.state) => JSON.stringify([st.runtime, st.proxy, st.context, st.cluster, st.ipam]);
      const sideLoaded = sideState(session.state);
      const cluster = new Cluster(session.state, now());
      // The container runtime (probes, main processes, restarts) runs inside the kubelet's
      // reconcile; it is loaded only when there are pods it has to run.
      if (!runtimeLoaded() && needsRuntime(session.state.objects)) await import('../runtime/tick.js');
      reconcile(cluster);
      const ns = this.namespaceFlag ?? session.state.context.namespace ?? 'default';
      const sideBefore = sideState(session.state);
      const changesBefore = cluster.changes;
      let result: T;
      try {
        result = await fn(cluster, ns);
      } finally {
        // Bring the cluster to its fixed point again only if the command changed something.
        if (cluster.changes !== changesBefore || sideState(session.state) !== sideBefore) reconcile(cluster);
        cluster.syncRng();
      }
      if (cluster.changes === 0 && sideState(session.state) === sideLoaded && session.state.rngCounter === cluster.rngStart) session.discard = true;
      if (keep && !keep(result)) session.discard = true;
      return result;
    });
  }
}
