// kubectl version: `Client Version` / `Kustomize Version` / `Server Version` lines, or the
// version.Info structures with -o json|yaml; --client leaves the server out. kubesim answers as
// kubectl v1.32.2 talking to a v1.32.2 API server.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { CliError } from '../../../util/errors.js';

export interface VersionOptions {
  client?: boolean;
  output?: string;
}

export const KUBERNETES_VERSION = 'v1.32.2';
export const KUSTOMIZE_VERSION = 'v5.5.0';
const GIT_COMMIT = '67a30c0adcf52bd3f56ff0893ce19966be12991f';

interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

function info(buildDate: string, platform: string): VersionInfo {
  return {
    major: '1',
    minor: '32',
    gitVersion: KUBERNETES_VERSION,
    gitCommit: GIT_COMMIT,
    gitTreeState: 'clean',
    buildDate,
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform,
  };
}

/** GOOS/GOARCH of the machine kubesim runs on, as the kubectl built for it reports. */
export function clientPlatform(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const arch = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' }[process.arch as string] ?? process.arch;
  return `${os}/${arch}`;
}

export async function renderVersion(opts: VersionOptions): Promise<string> {
  const output = opts.output ?? '';
  if (output !== '' && output !== 'yaml' && output !== 'json') throw new CliError("--output must be 'yaml' or 'json'");
  const client = info('2025-02-12T21:26:09Z', clientPlatform());
  const server = opts.client ? undefined : info('2025-02-12T21:19:47Z', 'linux/amd64');
  if (output === 'json') {
    const doc: Record<string, unknown> = { clientVersion: client, kustomizeVersion: KUSTOMIZE_VERSION };
    if (server) doc.serverVersion = server;
    return JSON.stringify(doc, null, 2) + '\n';
  }
  if (output === 'yaml') {
    const { toKubectlYaml } = await import('../../../printers/yaml.js');
    const doc: Record<string, unknown> = { clientVersion: client, kustomizeVersion: KUSTOMIZE_VERSION };
    if (server) doc.serverVersion = server;
    return toKubectlYaml(doc) + '\n';
  }
  let out = `Client Version: ${client.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
  if (server) out += `Server Version: ${server.gitVersion}\n`;
  return out;
}

export async function run(ctx: Ctx, _args: string[], opts: VersionOptions, _cmd: Command): Promise<void> {
  ctx.out(await renderVersion(opts));
}
