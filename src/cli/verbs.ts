// The verb table: each verb's flags (cheap to declare) and a loader for its code (imported only
// when the verb runs, to keep start-up fast). One folder per verb under ./verbs/.
import type { Command } from 'commander';
import type { Ctx } from './context.js';

export interface VerbModule {
  run(ctx: Ctx, args: string[], opts: Record<string, unknown>, cmd: Command): Promise<void>;
}

type Collect = (value: string, previous?: string[]) => string[];

export interface VerbSpec {
  name: string;
  aliases?: string[];
  description: string;
  options?: (cmd: Command, collect: Collect) => void;
  load: () => Promise<VerbModule>;
}

const output = (cmd: Command) => cmd.option('-o, --output <format>', 'Output format: json|yaml|name|wide|jsonpath=…|jsonpath-as-json=…|custom-columns=…|custom-columns-file=…');
const selector = (cmd: Command) => cmd.option('-l, --selector <selector>', 'Selector (label query) to filter on');
const files = (cmd: Command, collect: Collect) =>
  cmd.option('-f, --filename <file>', 'Filename, directory, or URL to files', collect).option('-R, --recursive', 'Process the directory used in -f recursively');
const dryRun = (cmd: Command) => cmd.option('--dry-run [strategy]', 'none|client|server');

export const VERBS: VerbSpec[] = [
  {
    name: 'get',
    description: 'Display one or many resources',
    options: (cmd, collect) => {
      output(cmd);
      selector(cmd);
      files(cmd, collect);
      cmd
        .option('-A, --all-namespaces', 'List the requested object(s) across all namespaces')
        .option('--field-selector <selector>', 'Selector (field query) to filter on')
        .option('--show-labels', 'When printing, show all labels as the last column')
        .option('-L, --label-columns <labels>', 'Labels to show as columns', collect)
        .option('--no-headers', "Don't print headers")
        .option('--sort-by <jsonpath>', 'Sort list types using this field specification')
        .option('-w, --watch', 'After listing/getting the requested object, watch for changes')
        .option('--watch-only', 'Watch for changes to the requested object(s), without listing/getting first')
        .option('--ignore-not-found', 'Treat "resource not found" as a successful retrieval')
        .option('--allow-missing-template-keys [bool]', 'Ignore missing keys in templates', 'true')
        .option('--chunk-size <n>', 'ignored');
    },
    load: () => import('./verbs/get/index.js'),
  },
  {
    name: 'apply',
    description: 'Apply a configuration to a resource by file name or stdin',
    options: (cmd, collect) => {
      files(cmd, collect);
      output(cmd);
      dryRun(cmd);
      selector(cmd);
      cmd.option('--validate [mode]', 'strict|warn|ignore', 'strict').option('--server-side', 'not supported').option('--force', 'ignored').option('--prune', 'not supported');
    },
    load: () => import('./verbs/apply/index.js'),
  },
  {
    name: 'delete',
    description: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
    options: (cmd, collect) => {
      files(cmd, collect);
      output(cmd);
      selector(cmd);
      dryRun(cmd);
      cmd
        .option('--all', 'Delete all resources, in the namespace of the specified resource types')
        .option('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces')
        .option('--field-selector <selector>', 'Selector (field query) to filter on')
        .option('--grace-period <seconds>', 'Period of time in seconds given to the resource to terminate gracefully')
        .option('--now', 'Resources are signaled for immediate shutdown (same as --grace-period=1)')
        .option('--force', 'Immediately remove resources from API and bypass graceful deletion')
        .option('--cascade [strategy]', 'background|orphan|foreground', 'background')
        .option('--ignore-not-found', 'Treat "resource not found" as a successful delete')
        .option('--wait [bool]', 'Wait for resources to be gone before returning', 'true');
    },
    load: () => import('./verbs/delete/index.js'),
  },
  {
    name: 'describe',
    description: 'Show details of a specific resource or group of resources',
    options: (cmd, collect) => {
      files(cmd, collect);
      selector(cmd);
      cmd.option('-A, --all-namespaces', 'List the requested object(s) across all namespaces').option('--show-events [bool]', 'show events', 'true');
    },
    load: () => import('./verbs/describe/index.js'),
  },
  {
    name: 'reset',
    description: 'Start a fresh simulated cluster (kubesim only)',
    options: (cmd) => {
      cmd.option('--nodes <n>', 'number of nodes', '1').option('--profile <profile>', 'docker-desktop|kind|minikube|cloud', 'docker-desktop');
    },
    load: () => import('./verbs/reset/index.js'),
  },
];

/** kubectl verbs kubesim does not simulate: named in the unknown-command hint. */
export const UNSUPPORTED_KUBECTL_VERBS = [
  'edit', 'patch', 'replace', 'rollout', 'autoscale', 'top', 'cp', 'attach', 'auth', 'debug', 'diff', 'kustomize',
  'certificate', 'cordon', 'uncordon', 'drain', 'taint', 'explain', 'proxy', 'plugin', 'completion', 'alpha', 'events',
];
