// kubectl rollout status|history|undo|restart for Deployments (and status for DaemonSets), with
// kubectl's texts (polymorphichelpers rollout_status.go, history.go, rollback.go). The simulated
// deployment controller rolls out at once, so `status` mostly reports a finished rollout; it
// waits, printing each new status line, while pods are still starting. pause/resume are not
// simulated and say so.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import type { Cluster } from '../../../store/cluster.js';
import { kindPrefix } from '../../../api/registry.js';
import { CliError, ExitCode } from '../../../util/errors.js';
import { planTargets, resolveTargets, visitTargets, throwCollected, parseGoInt, parseGoBool, type Target } from '../label/targets.js';
import { tabwrite, DESCRIBE_TABS } from '../../../printers/tabwriter.js';
import { updateObject } from '../../../api/server.js';

export interface RolloutOptions {
  filename?: string[];
  recursive?: boolean;
  selector?: string;
  revision?: string;
  toRevision?: string;
  timeout?: string;
  watch?: string | boolean;
}

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const SUBCOMMANDS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];

const USAGE = `Manage the rollout of one or many resources.

 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets

Available Commands:
  history       View rollout history
  pause         Mark the provided resource as paused
  restart       Restart a resource
  resume        Resume a paused resource
  status        Show the status of the rollout
  undo          Undo a previous rollout

Usage:
  kubesim rollout SUBCOMMAND [options]
`;

function revisionOf(o: KObject): number {
  return Number(o.metadata.annotations?.[REVISION] ?? 0);
}

/** The ReplicaSets a Deployment owns, oldest revision first. */
function replicaSetsOf(cluster: Cluster, d: KObject): KObject[] {
  return cluster
    .list('replicasets', d.metadata.namespace)
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((r: { uid: string; controller?: boolean }) => r.uid === d.metadata.uid && r.controller))
    .filter((rs) => revisionOf(rs) > 0)
    .sort((a, b) => revisionOf(a) - revisionOf(b));
}

function deploymentStatus(cluster: Cluster, d: KObject): { text: string; done: boolean } {
  const name = d.metadata.name;
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  const replicas = d.spec?.replicas ?? 1;
  const updated = st.updatedReplicas ?? 0;
  const total = st.replicas ?? 0;
  const available = st.availableReplicas ?? 0;
  let text: string | undefined;
  if (updated < replicas) text = `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`;
  else if (total > updated) text = `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...\n`;
  else if (available < updated) text = `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`;
  if (!text) return { text: `deployment "${name}" successfully rolled out\n`, done: true };
  return { text: withWarning(cluster, d, text), done: false };
}

/** kubectl adds why pods are stuck: unschedulable, image pull or crash loop, config errors. */
function withWarning(cluster: Cluster, d: KObject, text: string): string {
  const sel: Record<string, string> = d.spec?.selector?.matchLabels ?? {};
  for (const pod of cluster.list('pods', d.metadata.namespace)) {
    if (!Object.entries(sel).every(([k, v]) => pod.metadata.labels?.[k] === v)) continue;
    const unsched = (pod.status?.conditions ?? []).find((c: { type: string; status: string; reason?: string }) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable');
    if (unsched) return `${text.trim()} (Warning: ${unsched.message})\n`;
    for (const cs of pod.status?.containerStatuses ?? []) {
      const w = cs.state?.waiting;
      if (w && ['ImagePullBackOff', 'ErrImagePull', 'CrashLoopBackOff', 'CreateContainerConfigError', 'CreateContainerError'].includes(w.reason)) {
        return `${text.trim()} (Warning: ${w.reason} - ${w.message ?? ''})\n`;
      }
    }
  }
  return text;
}

function daemonSetStatus(ds: KObject): { text: string; done: boolean } {
  const name = ds.metadata.name;
  const st = ds.status ?? {};
  if ((ds.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = st.desiredNumberScheduled ?? 0;
  if ((st.updatedNumberScheduled ?? 0) < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
  if ((st.numberAvailable ?? 0) < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
  return { text: `daemon set "${name}" successfully rolled out\n`, done: true };
}

function statusOf(cluster: Cluster, t: Target): { text: string; done: boolean } {
  if (t.obj.kind === 'Deployment') return deploymentStatus(cluster, t.obj);
  if (t.obj.kind === 'DaemonSet') return daemonSetStatus(t.obj);
  throw new CliError(`no status viewer has been implemented for ${kindLabel(t)}`);
}

function kindLabel(t: Target): string {
  const group = t.type.group ? `.${t.type.group}` : '';
  return `${t.obj.kind}${group}`;
}

function onlyDeployments(t: Target, what: string): void {
  if (t.obj.kind !== 'Deployment') throw new CliError(`no ${what} has been implemented for "${kindLabel(t)}"`);
}

type TemplatePrinter = (template: KObject['spec'], rs: KObject) => string;

function history(cluster: Cluster, t: Target, revision: number, printTemplate?: TemplatePrinter): string {
  onlyDeployments(t, 'history viewer');
  const sets = replicaSetsOf(cluster, t.obj);
  const head = `${kindPrefix(t.type)}/${t.obj.metadata.name}`;
  if (!sets.length) return `${head} \nNo rollout history found.\n`;
  if (revision > 0) {
    const rs = sets.find((s) => revisionOf(s) === revision);
    if (!rs) throw new CliError('unable to find the specified revision');
    return `${head} with revision #${revision}\n${printTemplate!(rs.spec.template, rs)}\n`;
  }
  const rows = sets.map((rs) => `${revisionOf(rs)}\t${rs.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}\n`);
  return `${head} \n${tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, DESCRIBE_TABS)}\n`;
}

function undo(cluster: Cluster, t: Target, toRevision: number): string {
  onlyDeployments(t, 'rollbacker');
  const d = t.obj;
  if (toRevision < 0) throw new CliError(`unable to find specified revision ${toRevision} in history`);
  const sets = replicaSetsOf(cluster, d);
  let target: KObject | undefined;
  if (toRevision > 0) {
    target = sets.find((s) => revisionOf(s) === toRevision);
    if (!target) throw new CliError(`unable to find specified revision ${toRevision} in history`);
  } else {
    target = sets.length >= 2 ? sets[sets.length - 2] : undefined;
    if (!target) throw new CliError(`no rollout history found for deployment "${d.metadata.name}"`);
  }
  if (d.spec?.paused) throw new CliError(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${d.metadata.name}' and try again`);
  const template = structuredClone(target.spec.template);
  delete template.metadata?.labels?.['pod-template-hash'];
  const current = structuredClone(d.spec.template);
  if (JSON.stringify(sortKeys(template)) === JSON.stringify(sortKeys(current))) {
    return `skipped rollback (current template already matches revision ${toRevision})`;
  }
  const next = structuredClone(d);
  next.spec.template = template;
  // The Deployment's own annotations stay; the rolled-back ReplicaSet's others come back.
  const keep = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, 'deployment.kubernetes.io/revision-history', 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to']);
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries((d.metadata.annotations ?? {}) as Record<string, string>)) if (keep.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries((target.metadata.annotations ?? {}) as Record<string, string>)) if (!keep.has(k)) annotations[k] = v;
  next.metadata.annotations = annotations;
  updateObject(cluster, next, d);
  return 'rolled back';
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

function restart(cluster: Cluster, t: Target): string {
  if (t.obj.kind !== 'Deployment' && t.obj.kind !== 'DaemonSet' && t.obj.kind !== 'StatefulSet') {
    throw new CliError(`${kindPrefix(t.type)}/${t.obj.metadata.name} restarting is not supported`);
  }
  if (t.obj.spec?.paused) throw new CliError(`can't restart paused deployment (run rollout resume first)`);
  const next = structuredClone(t.obj);
  next.spec.template.metadata ??= {};
  next.spec.template.metadata.annotations = {
    ...(next.spec.template.metadata.annotations ?? {}),
    'kubectl.kubernetes.io/restartedAt': new Date(cluster.now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  updateObject(cluster, next, t.obj);
  return 'restarted';
}

export async function run(ctx: Ctx, args: string[], opts: RolloutOptions, _cmd: Command): Promise<void> {
  const [sub, ...rest] = args;
  if (!sub) {
    ctx.out(USAGE);
    return;
  }
  if (!SUBCOMMANDS.includes(sub)) throw new ExitCode(1, `error: unknown command "${sub}" for "kubesim rollout"\n`);
  if (sub === 'pause' || sub === 'resume') {
    throw new CliError(`kubesim does not simulate "kubectl rollout ${sub}": its deployments roll out at once`);
  }
  const plan = planTargets(rest, { filename: opts.filename, recursive: opts.recursive, selector: opts.selector });

  if (sub === 'status') {
    const watch = parseGoBool(opts.watch, '--watch', 'rollout status', true);
    const revision = opts.revision === undefined ? 0 : parseGoInt(opts.revision, '--revision', 'rollout status');
    const { parseGoDuration } = await import('../wait/duration.js');
    const timeoutMs = opts.timeout === undefined ? 0 : parseGoDuration(opts.timeout, '--timeout', 'rollout status');
    const started = Date.now();
    let last = '';
    for (;;) {
      const r = await ctx.read((cluster, namespace) => {
        const { targets, errors } = resolveTargets(cluster, plan, namespace, ctx.namespaceFlag);
        if (errors.length) throwCollected(errors);
        if (targets.length !== 1) throw new CliError('rollout status is only supported on individual resources and resource collections are not supported yet');
        const t = targets[0];
        if (revision > 0 && t.obj.kind === 'Deployment' && revisionOf(t.obj) !== revision) {
          throw new CliError(`desired revision (${revision}) is different from the running revision (${revisionOf(t.obj)})`);
        }
        return statusOf(cluster, t);
      });
      if (r.text !== last) ctx.out(r.text);
      last = r.text;
      if (r.done || !watch) return;
      ctx.flush();
      if (timeoutMs > 0 && Date.now() - started >= timeoutMs) throw new CliError('timed out waiting for the condition');
      await new Promise((res) => setTimeout(res, 200));
    }
  }

  if (sub === 'history') {
    const revision = opts.revision === undefined ? 0 : parseGoInt(opts.revision, '--revision', 'rollout history');
    const printTemplate = revision > 0 ? (await import('./template.js')).describeRevisionTemplate : undefined;
    const errors = await ctx.read((cluster, namespace) => visitTargets(cluster, plan, namespace, ctx.namespaceFlag, (item) => ctx.out(history(cluster, item, revision, printTemplate))));
    throwCollected(errors);
    return;
  }

  const toRevision = opts.toRevision === undefined ? 0 : parseGoInt(opts.toRevision, '--to-revision', 'rollout undo');
  const { errors } = await ctx.update(
    async (cluster, namespace) => {
      let done = 0;
      const errors = await visitTargets(cluster, plan, namespace, ctx.namespaceFlag, (item) => {
        const what = sub === 'undo' ? undo(cluster, item, toRevision) : restart(cluster, item);
        ctx.out(`${kindPrefix(item.type)}/${item.obj.metadata.name} ${what}\n`);
        done++;
      });
      return { errors, done };
    },
    (r) => r.done > 0 || r.errors.length === 0,
  );
  throwCollected(errors);
}
