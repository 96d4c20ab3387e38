// kubectl config, for kubesim's one context `kubesim` (cluster and user `kubesim`, server
// https://127.0.0.1:6443): current-context, get-contexts, get-clusters, get-users, view,
// set-context [--current] --namespace=X (kept in the state: every later command uses it),
// use-context.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { peekState } from '../../../store/file.js';
import { tabwrite, GET_TABS } from '../../../printers/tabwriter.js';
import { CliError, UsageError, goQuote } from '../../../util/errors.js';
import { parseObjectOutput, throwCollected } from '../label/targets.js';
import { SERVER_URL } from '../cluster-info/index.js';

export interface ConfigOptions {
  output?: string;
  headers?: boolean;
  minify?: boolean;
  raw?: boolean;
  flatten?: boolean;
  current?: boolean;
  cluster?: string;
  user?: string;
}

export const CONTEXT = 'kubesim';

/** The namespace the context names ('' when it is the default one). */
function contextNamespace(ctx: Ctx): string {
  let ns = 'default';
  try {
    ns = peekState(ctx.statePath)?.context?.namespace ?? 'default';
  } catch {
    // an unreadable state shows up in the commands that use it
  }
  return ns === 'default' ? '' : ns;
}

/** The kubeconfig, in the field order `kubectl config view -o json` prints. */
export function kubeconfig(namespace: string): Record<string, unknown> {
  const context: Record<string, string> = { cluster: CONTEXT, user: CONTEXT };
  if (namespace) context.namespace = namespace;
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: [{ name: CONTEXT, cluster: { server: SERVER_URL, 'certificate-authority-data': 'DATA+OMITTED' } }],
    users: [{ name: CONTEXT, user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } }],
    contexts: [{ name: CONTEXT, context }],
    'current-context': CONTEXT,
  };
}

export function renderContexts(namespace: string, names: string[], opts: ConfigOptions): { out: string; errors: string[] } {
  const output = opts.output ?? '';
  if (output !== '' && output !== 'name') {
    throw new CliError(`--output ${output} is not available in kubesim config get-contexts; resetting to default output format`);
  }
  const wanted = names.length ? names : [CONTEXT];
  const errors = wanted.filter((n) => n !== CONTEXT).map((n) => `context ${n} not found`);
  const shown = wanted.filter((n) => n === CONTEXT);
  if (output === 'name') return { out: shown.map((n) => n + '\n').join(''), errors };
  let text = opts.headers === false ? '' : 'CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n';
  for (const n of shown) text += `*\t${n}\t${CONTEXT}\t${CONTEXT}\t${namespace}\n`;
  return { out: tabwrite(text, GET_TABS), errors };
}

async function view(ctx: Ctx, opts: ConfigOptions): Promise<string> {
  const doc = kubeconfig(contextNamespace(ctx));
  const format = parseObjectOutput(opts.output ?? 'yaml');
  switch (format?.kind) {
    case 'json':
      return JSON.stringify(doc, null, 4) + '\n';
    case 'name':
      return 'config/<unknown>\n';
    case 'jsonpath': {
      const { printJsonPath } = await import('../../../printers/jsonpath.js');
      return printJsonPath(format.template, doc, { asJson: format.asJson });
    }
    default: {
      const { toKubectlYaml } = await import('../../../printers/yaml.js');
      return toKubectlYaml(doc);
    }
  }
}

async function setContext(ctx: Ctx, args: string[], opts: ConfigOptions): Promise<void> {
  if (args.length > 1) throw new UsageError(`Unexpected args: [${args.slice(1).join(' ')}]`, 'config set-context');
  const name = args[0];
  if (opts.current && name) throw new CliError('you cannot specify both a context name and --current');
  if (!opts.current && !name) throw new CliError('you must specify a non-empty context name or --current');
  if (name && name !== CONTEXT) {
    throw new CliError(`kubesim has a single context, "${CONTEXT}"; change its namespace with: kubesim config set-context --current --namespace=NAME`);
  }
  for (const [flag, v] of [['--cluster', opts.cluster], ['--user', opts.user]] as const) {
    if (v !== undefined && v !== CONTEXT) throw new CliError(`kubesim has a single cluster and user, "${CONTEXT}"; ${flag}=${v} cannot be set`);
  }
  const ns = ctx.namespaceFlag;
  if (ns !== undefined) {
    await ctx.run((cluster) => {
      cluster.state.context.namespace = ns === '' ? 'default' : ns;
    });
  }
  ctx.out(`Context "${CONTEXT}" modified.\n`);
}

export async function run(ctx: Ctx, args: string[], opts: ConfigOptions, _cmd: Command): Promise<void> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'current-context':
      ctx.out(`${CONTEXT}\n`);
      return;
    case 'get-contexts': {
      const { out, errors } = renderContexts(contextNamespace(ctx), rest, opts);
      ctx.out(out);
      throwCollected(errors.map((e) => new CliError(e)));
      return;
    }
    case 'get-clusters':
    case 'get-users':
      ctx.out(`NAME\n${CONTEXT}\n`);
      return;
    case 'view':
      ctx.out(await view(ctx, opts));
      return;
    case 'set-context':
      return setContext(ctx, rest, opts);
    case 'use-context':
    case 'use':
      if (rest.length !== 1) throw new CliError(`Unexpected args: [${rest.join(' ')}]`);
      if (rest[0] !== CONTEXT) throw new CliError(`no context exists with the name: ${goQuote(rest[0])}`);
      ctx.out(`Switched to context "${CONTEXT}".\n`);
      return;
    case undefined:
      throw new CliError('kubesim config needs a subcommand: current-context, get-contexts, view, set-context, use-context');
    default:
      throw new CliError(`kubesim does not simulate "kubectl config ${sub}"; it has one context, "${CONTEXT}" (see "kubesim config get-contexts")`);
  }
}
