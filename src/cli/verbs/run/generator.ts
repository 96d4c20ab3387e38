// The Pod `kubectl run` makes (kubectl/pkg/generate/versioned/run.go, BasicPod): one container
// named after the pod, label run=NAME unless --labels, extra args as args (or --command),
// restartPolicy, dnsPolicy ClusterFirst.
import type { KObject } from '../../../api/types.js';
import { CliError } from '../../../util/errors.js';
import { goMap, goMapFrom } from '../create/print.js';
import { typedMeta, typedObject } from '../create/typed.js';
import { isEnvVarName } from '../create/sources.js';
import { atoi } from '../create/strconv.js';

/** generate.ParseLabels: `k=v,k2=v2`, nothing trimmed. */
export function parseLabels(spec: string): Record<string, string> {
  if (!spec.length) throw new CliError('no label spec passed');
  const labels: [string, string][] = [];
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new CliError(`unexpected label spec: ${part}`);
    if (!kv[0].length) throw new CliError('unexpected empty label key');
    labels.push([kv[0], kv[1]]);
  }
  return goMapFrom(labels);
}

export function parseEnvs(envs: string[]): { name: string; value: string }[] {
  return envs.map((env) => {
    const pos = env.indexOf('=');
    if (pos <= 0 || isEnvVarName(env.slice(0, pos)).length) throw new CliError(`invalid env: ${env}`);
    return { name: env.slice(0, pos), value: env.slice(pos + 1) };
  });
}

export function parseAnnotations(annotations: string[]): Record<string, string> {
  return goMapFrom(
    annotations.map((a) => {
      const i = a.indexOf('=');
      if (i <= 0) throw new CliError(`invalid annotations format: ${a}`);
      return [a.slice(0, i), a.slice(i + 1)] as [string, string];
    }),
  );
}

export interface PodInput {
  name: string;
  namespace?: string;
  image: string;
  /** --port as typed (empty: none). */
  port?: string;
  /** --labels as typed (empty: run=NAME). */
  labels?: string;
  env: string[];
  annotations: string[];
  restartPolicy: string;
  /** Positional args after NAME. */
  args: string[];
  command?: boolean;
  imagePullPolicy?: string;
  privileged?: boolean;
  stdin?: boolean;
  tty?: boolean;
  leaveStdinOpen?: boolean;
}

export function podLabels(input: Pick<PodInput, 'labels' | 'name'>): Record<string, string> {
  return input.labels ? parseLabels(input.labels) : goMap({ run: input.name });
}

export function generatePod(input: PodInput): KObject {
  const env = parseEnvs(input.env);
  const labels = podLabels(input);
  const annotations = parseAnnotations(input.annotations);
  const container: Record<string, unknown> = { name: input.name, image: input.image };
  if (input.args.length) container[input.command ? 'command' : 'args'] = [...input.args];
  if (input.port) container.ports = [{ containerPort: atoi(input.port) }];
  if (env.length) container.env = env;
  container.resources = {};
  if (input.imagePullPolicy) container.imagePullPolicy = input.imagePullPolicy;
  if (input.privileged) container.securityContext = { privileged: true };
  if (input.stdin) {
    container.stdin = true;
    if (!input.leaveStdinOpen) container.stdinOnce = true;
  }
  if (input.tty) container.tty = true;
  return typedObject('Pod', 'v1', typedMeta({ name: input.name, namespace: input.namespace, labels, annotations }), {
    spec: { containers: [container], restartPolicy: input.restartPolicy, dnsPolicy: 'ClusterFirst' },
    status: {},
  });
}

// distribution/reference's ReferenceRegexp, which `kubectl run` checks --image against.
const alnum = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const component = `${alnum}(?:${separator}${alnum})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const host = `(?:${domainName}|\\[(?:[a-fA-F0-9:]+)\\])`;
const domain = `${host}(?::[0-9]+)?`;
const name = `(?:${domain}/)?${component}(?:/${component})*`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);

export function isValidImageReference(image: string): boolean {
  return REFERENCE.test(image);
}
