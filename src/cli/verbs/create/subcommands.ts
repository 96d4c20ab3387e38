// The `kubectl create` subcommands kubesim simulates: their names and aliases, the flags each
// accepts (the verb table declares them all on `create`), required flags, how each wraps server
// errors, and the generator that builds the object from the flags.
import type { KObject } from '../../../api/types.js';
import { intFlag } from './strconv.js';
import { generateDeployment, validateDeployment } from './generators/deployment.js';
import { generateService, validateService, type ServiceType } from './generators/service.js';
import { generateNamespace, generateServiceAccount } from './generators/simple.js';
import { generateConfigMap, validateSources } from './generators/configmap.js';
import { generateSecret, generateTlsSecret, validateTls } from './generators/secret.js';
import { generateIngress, validateIngress } from './generators/ingress.js';

export interface GenerateArgs {
  name: string;
  /** Positional args after NAME (`create deployment NAME -- COMMAND…`). */
  extra: string[];
  /** -n, when given: generators then set metadata.namespace (kubectl's EnforceNamespace). */
  namespace?: string;
  opts: Record<string, unknown>;
  /** A StringSlice flag's values (comma-split). */
  list(attr: string): string[];
  /** A StringArray flag's values (as given). */
  array(attr: string): string[];
}

export interface Subcommand {
  name: string;
  aliases: string[];
  group?: string;
  /** `create deployment`, `create service nodeport`: for usage and flag errors. */
  path: string;
  /** Option attribute names this subcommand accepts besides COMMON_FLAGS. */
  flags: string[];
  required?: { attr: string; name: string }[];
  errorPrefix?: string;
  /** kubectl's `create service *` never reads --save-config (it accepts the flag and ignores it). */
  ignoresSaveConfig?: boolean;
  generate(a: GenerateArgs): KObject | Promise<KObject>;
}

/** Flags every create subcommand has. */
export const COMMON_FLAGS = ['output', 'dryRun', 'saveConfig', 'validate', 'fieldManager', 'allowMissingTemplateKeys', 'showManagedFields'] as const;
/** Flags of `create -f`. */
export const FILE_FLAGS = ['filename', 'recursive', 'selector', 'edit', 'raw', 'windowsLineEndings', 'record', ...COMMON_FLAGS] as const;

const randomSuffix = (): string => {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let s = '';
  for (let i = 0; i < 5; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return s;
};

function service(type: ServiceType, name: string, flags: string[]): Subcommand {
  return {
    name,
    aliases: [],
    group: 'service',
    path: `create service ${name}`,
    flags,
    required: type === 'ExternalName' ? [{ attr: 'externalName', name: 'external-name' }] : undefined,
    errorPrefix: `failed to create ${type} service`,
    ignoresSaveConfig: true,
    generate(a) {
      const input = {
        type,
        name: a.name,
        namespace: a.namespace,
        tcp: a.list('tcp'),
        clusterIP: a.opts.clusterip as string | undefined,
        nodePort: intFlag(a.opts.nodePort as string | undefined, '--node-port', 64, `create service ${name}`),
        externalName: a.opts.externalName as string | undefined,
      };
      validateService(input);
      return generateService(input);
    },
  };
}

function sources(a: GenerateArgs) {
  const s = { fromLiteral: a.array('fromLiteral'), fromFile: a.list('fromFile'), fromEnvFile: a.list('fromEnvFile') };
  validateSources(s);
  return s;
}

export const SUBCOMMANDS: Subcommand[] = [
  {
    name: 'deployment',
    aliases: ['deploy'],
    path: 'create deployment',
    flags: ['image', 'replicas', 'port'],
    required: [{ attr: 'image', name: 'image' }],
    errorPrefix: 'failed to create deployment',
    generate(a) {
      const input = {
        name: a.name,
        namespace: a.namespace,
        images: a.list('image'),
        port: intFlag(a.opts.port as string | undefined, '--port', 32, 'create deployment') ?? -1,
        replicas: intFlag(a.opts.replicas as string | undefined, '-r, --replicas', 32, 'create deployment') ?? 1,
        command: a.extra,
        suffix: randomSuffix,
      };
      validateDeployment(input);
      return generateDeployment(input);
    },
  },
  service('ClusterIP', 'clusterip', ['tcp', 'clusterip']),
  service('NodePort', 'nodeport', ['tcp', 'nodePort']),
  service('LoadBalancer', 'loadbalancer', ['tcp']),
  service('ExternalName', 'externalname', ['tcp', 'externalName']),
  {
    name: 'namespace',
    aliases: ['ns'],
    path: 'create namespace',
    flags: [],
    generate: (a) => generateNamespace(a.name),
  },
  {
    name: 'configmap',
    aliases: ['cm'],
    path: 'create configmap',
    flags: ['fromLiteral', 'fromFile', 'fromEnvFile', 'appendHash'],
    errorPrefix: 'failed to create configmap',
    generate: (a) => generateConfigMap({ name: a.name, namespace: a.namespace, appendHash: !!a.opts.appendHash, ...sources(a) }),
  },
  {
    name: 'generic',
    aliases: [],
    group: 'secret',
    path: 'create secret generic',
    flags: ['fromLiteral', 'fromFile', 'fromEnvFile', 'type', 'appendHash'],
    errorPrefix: 'failed to create secret',
    generate: (a) =>
      generateSecret({ name: a.name, namespace: a.namespace, type: a.opts.type as string | undefined, appendHash: !!a.opts.appendHash, ...sources(a) }),
  },
  {
    name: 'tls',
    aliases: [],
    group: 'secret',
    path: 'create secret tls',
    flags: ['cert', 'key', 'appendHash'],
    errorPrefix: 'failed to create secret',
    generate(a) {
      const input = { name: a.name, namespace: a.namespace, cert: a.opts.cert as string | undefined, key: a.opts.key as string | undefined, appendHash: !!a.opts.appendHash };
      validateTls(input);
      return generateTlsSecret(input);
    },
  },
  {
    name: 'serviceaccount',
    aliases: ['sa'],
    path: 'create serviceaccount',
    flags: [],
    errorPrefix: 'failed to create serviceaccount',
    generate: (a) => generateServiceAccount(a.name, a.namespace),
  },
  {
    name: 'ingress',
    aliases: ['ing'],
    path: 'create ingress',
    flags: ['rule', 'class', 'defaultBackend', 'annotation'],
    errorPrefix: 'failed to create ingress',
    generate(a) {
      const input = {
        name: a.name,
        namespace: a.namespace,
        rules: a.array('rule'),
        class: a.opts.class as string | undefined,
        defaultBackend: a.opts.defaultBackend as string | undefined,
        annotations: a.array('annotation'),
      };
      validateIngress(input);
      return generateIngress(input);
    },
  },
];

export interface Group {
  name: string;
  aliases: string[];
  short: string;
  /** Subcommands kubectl has that kubesim does not simulate. */
  unsupported?: string[];
}

export const GROUPS: Group[] = [
  { name: 'service', aliases: ['svc'], short: 'Create a service using a specified subcommand' },
  { name: 'secret', aliases: [], short: 'Create a secret using a specified subcommand', unsupported: ['docker-registry'] },
];

/** kubectl create subcommands kubesim does not simulate (a clear error instead of "Unexpected args"). */
export const UNSUPPORTED = [
  { names: ['clusterrole'] },
  { names: ['clusterrolebinding'] },
  { names: ['cronjob', 'cj'] },
  { names: ['job'] },
  { names: ['poddisruptionbudget', 'pdb'] },
  { names: ['priorityclass', 'pc'] },
  { names: ['quota', 'resourcequota'] },
  { names: ['role'] },
  { names: ['rolebinding'] },
  { names: ['token'] },
];

const SHORT: Record<string, string> = {
  clusterip: 'Create a ClusterIP service',
  externalname: 'Create an ExternalName service',
  loadbalancer: 'Create a LoadBalancer service',
  nodeport: 'Create a NodePort service',
  generic: 'Create a secret from a local file, directory, or literal value',
  tls: 'Create a TLS secret',
};

/** What `kubectl create service` (no subcommand) prints on stderr before exiting 1. */
export function groupHelp(g: Group): string {
  const subs = SUBCOMMANDS.filter((s) => s.group === g.name).sort((a, b) => a.name.localeCompare(b.name));
  const width = Math.max(...subs.map((s) => s.name.length)) + 3;
  const lines = [`${g.short}.`, ''];
  if (g.aliases.length) lines.push('Aliases:', [g.name, ...g.aliases].join(', '), '');
  lines.push('Available Commands:', ...subs.map((s) => `  ${s.name.padEnd(width)}${SHORT[s.name] ?? ''}`), '');
  lines.push('Usage:', `  kubesim create ${g.name} [flags] [options]`, '');
  lines.push(`Use "kubesim create ${g.name} <command> --help" for more information about a given command.`);
  return lines.join('\n');
}
