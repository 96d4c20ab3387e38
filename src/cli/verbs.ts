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
/** The flags `label` and `annotate` share. */
const metadataEdit = (cmd: Command, what: string, verb: string) =>
  cmd
    .option('--overwrite', `Allow ${what} to be overwritten, otherwise reject ${what.replace(/s$/, '')} updates that overwrite existing ${what}`)
    .option('--list', `Display the ${what} for a given resource`)
    .option('--local', `Do not contact the API server: ${verb} the objects of the -f files locally`)
    .option('--all', 'Select all resources, in the namespace of the specified resource types')
    .option('-A, --all-namespaces', 'Check the specified action in all namespaces')
    .option('--field-selector <selector>', 'Selector (field query) to filter on')
    .option('--resource-version <version>', 'Only update if this is the current resource version of the (single) object')
    .option('--field-manager <name>', 'ignored')
    .option('--record', 'ignored');
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
    name: 'create',
    description: 'Create a resource from a file or from stdin, or with a generator subcommand',
    options: (cmd, collect) => {
      files(cmd, collect);
      output(cmd);
      dryRun(cmd);
      selector(cmd);
      cmd
        .option('--save-config', 'Save the configuration of the object in its annotation, for a later apply')
        .option('--validate [mode]', 'strict|warn|ignore', 'strict')
        .option('--edit', 'not supported')
        .option('--raw <uri>', 'not supported')
        .option('--field-manager <name>', 'ignored')
        .option('--image <image>', 'deployment: image to run (repeatable)', collect)
        .option('-r, --replicas <n>', 'deployment: number of replicas')
        .option('--port <port>', 'deployment: the port the container exposes')
        .option('--tcp <port[:targetPort]>', 'service: port pairs (repeatable)', collect)
        .option('--clusterip <ip>', "service clusterip: the ClusterIP, or 'None' for a headless service")
        .option('--node-port <port>', 'service nodeport: the node port')
        .option('--external-name <name>', 'service externalname: the external DNS name')
        .option('--from-literal <key=value>', 'configmap, secret generic: a literal value (repeatable)', collect)
        .option('--from-file <[key=]path>', 'configmap, secret generic: a file or directory (repeatable)', collect)
        .option('--from-env-file <path>', 'configmap, secret generic: a file of key=value lines (repeatable)', collect)
        .option('--append-hash', 'configmap, secret: append a hash of the data to the name')
        .option('--type <type>', 'secret generic: the type of the secret')
        .option('--cert <path>', 'secret tls: PEM encoded certificate')
        .option('--key <path>', 'secret tls: PEM encoded private key')
        .option('--rule <rule>', 'ingress: host/path=service:port[,tls[=secret]] (repeatable)', collect)
        .option('--class <name>', 'ingress: the ingress class')
        .option('--default-backend <service:port>', 'ingress: the default backend')
        .option('--annotation <key=value>', 'ingress: an annotation (repeatable)', collect);
    },
    load: () => import('./verbs/create/index.js'),
  },
  {
    name: 'run',
    description: 'Run a particular image on the cluster (creates a Pod)',
    options: (cmd, collect) => {
      output(cmd);
      dryRun(cmd);
      cmd
        .option('--image <image>', 'The image for the container to run')
        .option('--port <port>', 'The port that this container exposes')
        .option('-l, --labels <labels>', 'Comma separated labels to apply to the pod')
        .option('--env <key=value>', 'Environment variables to set in the container (repeatable)', collect)
        .option('--annotations <key=value>', 'Annotations to apply to the pod (repeatable)', collect)
        .option('--restart <policy>', 'The restart policy for this Pod: Always, OnFailure or Never')
        .option('--command', "Use the extra arguments as the container's command rather than its args")
        .option('--image-pull-policy <policy>', 'Always, IfNotPresent or Never')
        .option('--privileged', 'Run the container in privileged mode')
        .option('--expose', 'Also create a ClusterIP service for the pod (requires --port)')
        .option('--save-config', 'Save the configuration of the object in its annotation, for a later apply')
        .option('-i, --stdin', 'not simulated: kubesim cannot attach to containers')
        .option('-t, --tty', 'not simulated: kubesim cannot attach to containers')
        .option('--rm', 'not simulated: kubesim cannot attach to containers')
        .option('--attach', 'not simulated: kubesim cannot attach to containers')
        .option('--leave-stdin-open', 'ignored')
        .option('-q, --quiet', 'ignored')
        .option('--overrides <json>', 'not supported')
        .option('--override-type <type>', 'ignored')
        .option('--pod-running-timeout <duration>', 'ignored')
        .option('--field-manager <name>', 'ignored');
    },
    load: () => import('./verbs/run/index.js'),
  },
  {
    name: 'expose',
    description: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
    options: (cmd, collect) => {
      files(cmd, collect);
      output(cmd);
      dryRun(cmd);
      cmd
        .option('--port <port>', 'The port that the service should serve on (copied from the resource if unspecified)')
        .option('--target-port <port>', 'Name or number of the port on the container that the service directs traffic to')
        .option('--protocol <protocol>', 'TCP, UDP or SCTP')
        .option('--type <type>', 'ClusterIP, NodePort, LoadBalancer or ExternalName')
        .option('--name <name>', 'The name for the newly created object')
        .option('--selector <selector>', 'A label selector for the service (default: the selector of the resource)')
        .option('-l, --labels <labels>', 'Labels to apply to the service')
        .option('--external-ip <ip>', 'An additional external IP address to accept for the service')
        .option('--cluster-ip <ip>', "The ClusterIP, or 'None' for a headless service")
        .option('--load-balancer-ip <ip>', 'IP to assign to the LoadBalancer')
        .option('--session-affinity <affinity>', 'None or ClientIP')
        .option('--save-config', 'Save the configuration of the object in its annotation, for a later apply')
        .option('--overrides <json>', 'not supported')
        .option('--override-type <type>', 'ignored')
        .option('--field-manager <name>', 'ignored');
    },
    load: () => import('./verbs/expose/index.js'),
  },
  {
    name: 'label',
    description: 'Update the labels on a resource',
    options: (cmd, collect) => {
      files(cmd, collect);
      output(cmd);
      selector(cmd);
      dryRun(cmd);
      metadataEdit(cmd, 'labels', 'label');
    },
    load: () => import('./verbs/label/index.js'),
  },
  {
    name: 'annotate',
    description: 'Update the annotations on a resource',
    options: (cmd, collect) => {
      files(cmd, collect);
      output(cmd);
      selector(cmd);
      dryRun(cmd);
      metadataEdit(cmd, 'annotations', 'annotate');
    },
    load: () => import('./verbs/annotate/index.js'),
  },
  {
    name: 'scale',
    description: 'Set a new size for a deployment, replica set, or replication controller',
    options: (cmd, collect) => {
      files(cmd, collect);
      output(cmd);
      selector(cmd);
      dryRun(cmd);
      cmd
        .option('--replicas <count>', 'The new desired number of replicas. Required.')
        .option('--current-replicas <count>', 'Precondition for current size')
        .option('--resource-version <version>', 'Precondition for resource version')
        .option('--all', 'Select all resources in the namespace of the specified resource types')
        .option('--timeout <duration>', 'How long to wait for the scale operation (ignored: kubesim scales at once)')
        .option('--record', 'ignored');
    },
    load: () => import('./verbs/scale/index.js'),
  },
  {
    name: 'set',
    description: 'Set specific features on objects (kubesim: set selector, set image)',
    options: (cmd, collect) => {
      files(cmd, collect);
      output(cmd);
      dryRun(cmd);
      cmd
        .option('--all', 'Select all resources in the namespace of the specified resource types')
        .option('--local', 'Do not contact the API server: work on the -f files')
        .option('--resource-version <version>', 'Only update if this is the current resource version of the (single) object')
        .option('--field-manager <name>', 'ignored')
        .option('--record', 'ignored');
    },
    load: () => import('./verbs/set/index.js'),
  },
  {
    name: 'wait',
    description: 'Experimental: Wait for a specific condition on one or many resources',
    options: (cmd, collect) => {
      files(cmd, collect);
      output(cmd);
      selector(cmd);
      cmd
        .option('--for <condition>', 'create|delete|condition=NAME[=VALUE]|jsonpath={EXPR}[=VALUE]')
        .option('--timeout <duration>', 'The length of time to wait before giving up (default 30s; 0: check once; negative: a week)')
        .option('--all', 'Select all resources in the namespace of the specified resource types')
        .option('-A, --all-namespaces', 'List the requested object(s) across all namespaces')
        .option('--field-selector <selector>', 'Selector (field query) to filter on');
    },
    load: () => import('./verbs/wait/index.js'),
  },
  {
    name: 'rollout',
    description: 'Manage the rollout of a resource (status, history, undo, restart)',
    options: (cmd, collect) => {
      files(cmd, collect);
      selector(cmd);
      cmd
        .option('--revision <n>', 'history: see the details of this revision; status: pin to this revision')
        .option('--to-revision <n>', 'undo: the revision to roll back to (default: the previous one)')
        .option('--timeout <duration>', 'status: the length of time to wait before giving up')
        .option('-w, --watch [bool]', 'status: watch the rollout until it finishes (default true)');
    },
    load: () => import('./verbs/rollout/index.js'),
  },
  {
    name: 'exec',
    description: 'Execute a command in a container',
    options: (cmd, collect) => {
      cmd
        .option('-c, --container <name>', 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation or the first container in the pod')
        .option('-i, --stdin', 'Pass stdin to the container')
        .option('-t, --tty', 'Stdin is a TTY')
        .option('-q, --quiet', 'Only print output from the remote session')
        .option('-f, --filename <file>', 'to use to exec into the resource', collect)
        .option('--pod-running-timeout <duration>', 'ignored: kubesim does not wait for pods')
        .option('--trace', 'kubesim: show the packet path (DNS queries, kube-proxy choices, who answered) on stderr');
    },
    load: () => import('./verbs/exec/index.js'),
  },
  {
    name: 'logs',
    description: 'Print the logs for a container in a pod',
    options: (cmd) => {
      selector(cmd);
      cmd
        .option('-c, --container <name>', 'Print the logs of this container')
        .option('-f, --follow', 'Specify if the logs should be streamed')
        .option('-p, --previous', 'Print the logs for the previous instance of the container in a pod if it exists')
        .option('--tail <lines>', 'Lines of recent log file to display (-1: all; 10 with a selector)')
        .option('--since <duration>', 'Only return logs newer than a relative duration like 5s, 2m, or 3h')
        .option('--since-time <time>', 'Only return logs after a specific date (RFC3339)')
        .option('--timestamps', 'Include timestamps on each line in the log output')
        .option('--all-containers', "Get all containers' logs in the pod(s)")
        .option('--prefix', 'Prefix each log line with the log source (pod name and container name)')
        .option('--limit-bytes <n>', 'Maximum bytes of logs to return')
        .option('--max-log-requests <n>', 'ignored')
        .option('--ignore-errors', 'ignored')
        .option('--pod-running-timeout <duration>', 'ignored');
    },
    load: () => import('./verbs/logs/index.js'),
  },
  {
    name: 'curl',
    description: 'kubesim: curl from your machine, outside the cluster (NodePorts, LoadBalancers, Ingress; --trace shows the path)',
    options: (cmd) => {
      cmd.allowUnknownOption(true).helpOption(false);
    },
    load: () => import('./verbs/curl/index.js'),
  },
  {
    name: 'service',
    description: 'kubesim: print the URL to reach a NodePort/LoadBalancer Service from your machine (like minikube service --url)',
    options: (cmd) => {
      cmd.option('--url', 'Print the URL(s) (kubesim never opens a browser)').option('--https', 'Use https:// in the URLs');
    },
    load: () => import('./verbs/service/index.js'),
  },
  {
    name: 'port-forward',
    description: 'Forward one or more local ports to a pod (real sockets on 127.0.0.1 / ::1 only)',
    options: (cmd, collect) => {
      cmd
        .option('--address <addresses>', 'Addresses to listen on (comma separated): only localhost, 127.0.0.1 and ::1 are allowed in kubesim', collect)
        .option('--pod-running-timeout <duration>', 'ignored: kubesim does not wait for pods');
    },
    load: () => import('./verbs/port-forward/index.js'),
  },
  {
    name: 'tunnel',
    description: 'kubesim: expose LoadBalancer and NodePort Services on localhost ports while it runs (like minikube tunnel)',
    load: () => import('./verbs/tunnel/index.js'),
  },
  {
    name: 'api-resources',
    description: 'Print the supported API resources on the server',
    options: (cmd, collect) => {
      cmd
        .option('-o, --output <format>', 'Output format: wide|name')
        .option('--no-headers', "Don't print headers")
        .option('--api-group <group>', 'Limit to resources in the specified API group')
        .option('--namespaced [bool]', 'true: only namespaced resources, false: only cluster-scoped ones')
        .option('--verbs <verbs>', 'Limit to resources that support the specified verbs', collect)
        .option('--categories <categories>', 'Limit to resources that belong to the specified categories', collect)
        .option('--sort-by <field>', 'name or kind')
        .option('--cached', 'ignored');
    },
    load: () => import('./verbs/api-resources/index.js'),
  },
  {
    name: 'api-versions',
    description: 'Print the supported API versions on the server, in the form of "group/version"',
    load: () => import('./verbs/api-versions/index.js'),
  },
  {
    name: 'version',
    description: 'Print the client and server version information',
    options: (cmd) => {
      cmd.option('--client', 'Client version only (no server required)').option('-o, --output <format>', 'yaml or json');
    },
    load: () => import('./verbs/version/index.js'),
  },
  {
    name: 'cluster-info',
    description: 'Display cluster information',
    load: () => import('./verbs/cluster-info/index.js'),
  },
  {
    name: 'config',
    description: 'Show or change the kubeconfig context (kubesim has one: kubesim)',
    options: (cmd) => {
      cmd
        .option('-o, --output <format>', 'Output format')
        .option('--no-headers', "Don't print headers")
        .option('--minify', 'Only the current context (kubesim has one)')
        .option('--raw', 'ignored')
        .option('--flatten', 'ignored')
        .option('--current', 'Modify the current context')
        .option('--cluster <name>', 'The cluster of the context (kubesim)')
        .option('--user <name>', 'The user of the context (kubesim)');
    },
    load: () => import('./verbs/config/index.js'),
  },
  {
    name: 'reset',
    description: 'Start a fresh simulated cluster (kubesim only)',
    options: (cmd) => {
      cmd
        .option('--nodes <n>', 'number of nodes', '1')
        .option('--profile <profile>', 'docker-desktop|kind|minikube|cloud', 'docker-desktop')
        .option('--proxy-mode <mode>', 'how kube-proxy picks an endpoint: round-robin (default) or random (what iptables does)');
    },
    load: () => import('./verbs/reset/index.js'),
  },
];

/** kubectl verbs kubesim does not simulate: named in the unknown-command hint. */
export const UNSUPPORTED_KUBECTL_VERBS = [
  'edit', 'patch', 'replace', 'autoscale', 'top', 'cp', 'attach', 'auth', 'debug', 'diff', 'kustomize',
  'certificate', 'cordon', 'uncordon', 'drain', 'taint', 'explain', 'proxy', 'plugin', 'completion', 'alpha', 'events',
];
