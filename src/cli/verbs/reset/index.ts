// kubesim reset: a fresh cluster in the state file (kubesim's own verb). An unreadable old file
// is kept beside it as a backup.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { resetState } from '../../../store/file.js';
import { freshCluster } from '../../../store/bootstrap.js';
import { now } from '../../../store/clock.js';
import { CliError } from '../../../util/errors.js';

const PROFILES = ['docker-desktop', 'kind', 'minikube', 'cloud'];

export async function run(ctx: Ctx, args: string[], opts: { nodes?: string; profile?: string; proxyMode?: string }, _cmd: Command): Promise<void> {
  if (args.length) throw new CliError(`unexpected arguments: ${args.join(' ')}`);
  const nodes = Number(opts.nodes ?? 1);
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 20) throw new CliError(`--nodes must be a whole number from 1 to 20, not "${opts.nodes}"`);
  const profile = opts.profile ?? 'docker-desktop';
  if (!PROFILES.includes(profile)) throw new CliError(`unknown profile "${profile}": choose one of ${PROFILES.join(', ')}`);
  const proxyMode = opts.proxyMode ?? 'round-robin';
  if (proxyMode !== 'round-robin' && proxyMode !== 'random') throw new CliError(`unknown proxy mode "${proxyMode}": choose round-robin or random`);
  const seedEnv = process.env.KUBESIM_SEED;
  const seed = seedEnv !== undefined && seedEnv !== '' ? Number(seedEnv) || 0 : null;
  const backup = await resetState(ctx.statePath, () => freshCluster({ seed, nodes, profile, proxyMode, now: now() }));
  if (backup) ctx.err(`kubesim: the unreadable state file was kept as ${backup}\n`);
  ctx.out(`kubesim: fresh cluster (${nodes} node${nodes > 1 ? 's' : ''}, profile ${profile}, kube-proxy ${proxyMode}) in ${ctx.statePath}\n`);
}
