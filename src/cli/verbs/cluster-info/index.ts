// kubectl cluster-info: the control plane's address, then every Service labelled
// kubernetes.io/cluster-service=true in kube-system (or -n) with its API-server proxy URL
// (CoreDNS on kind). Green/yellow like kubectl, but only on a terminal and never with NO_COLOR.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import { CliError } from '../../../util/errors.js';

/** The API server address kubesim's kubeconfig names. */
export const SERVER_URL = 'https://127.0.0.1:6443';

const GREEN = '\x1b[0;32m';
const YELLOW = '\x1b[0;33m';
const RESET = '\x1b[0m';

export function useColor(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  return !!stream.isTTY && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}

function line(name: string, link: string, color: boolean): string {
  return color ? `${GREEN}${name}${RESET} is running at ${YELLOW}${link}${RESET}\n` : `${name} is running at ${link}\n`;
}

/** utilnet.JoinSchemeNamePort. */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme) return `${scheme}:${name}:${port}`;
  if (port) return `${name}:${port}`;
  return name;
}

/** The link kubectl shows for a cluster service. */
export function serviceLink(svc: KObject): string {
  const ports: { name?: string; port: number }[] = svc.spec?.ports ?? [];
  const ingress: { ip?: string; hostname?: string }[] = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) {
    const ip = ingress[0].ip || ingress[0].hostname || '';
    return ports.map((p) => `http://${ip}:${p.port} `).join('');
  }
  let name = svc.metadata.name;
  if (ports.length) {
    const p = ports[0];
    const scheme = p.name === 'https' || p.port === 443 ? 'https' : '';
    name = joinSchemeNamePort(scheme, svc.metadata.name, p.name ?? '');
  }
  return `${SERVER_URL}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
}

export function renderClusterInfo(services: KObject[], color: boolean): string {
  let out = line('Kubernetes control plane', SERVER_URL, color);
  for (const svc of services) out += line(svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name, serviceLink(svc), color);
  return out + "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
}

export async function run(ctx: Ctx, args: string[], _opts: Record<string, unknown>, _cmd: Command): Promise<void> {
  if (args[0] === 'dump') throw new CliError('kubesim does not simulate "kubectl cluster-info dump"; use "kubesim get" and "kubesim describe" to look at the cluster');
  const namespace = ctx.namespaceFlag || 'kube-system';
  const services = await ctx.update((cluster) =>
    cluster.list('services', namespace).filter((s) => s.metadata.labels?.['kubernetes.io/cluster-service'] === 'true').map((s) => structuredClone(s)),
  );
  ctx.out(renderClusterInfo(services, useColor()));
}
