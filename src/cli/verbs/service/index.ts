// kubesim service NAME [--url] [--https]: the URL(s) to reach a Service from the user's machine,
// like `minikube service --url` — one line per port, in the Service's port order. Per profile:
// docker-desktop: http://localhost:PORT for a LoadBalancer, http://localhost:NODEPORT for a
// NodePort; cloud: the LoadBalancer's address and port, else a node's ExternalIP and the node
// port; kind/minikube: the first node's InternalIP and the node port (minikube's answer for
// LoadBalancers too, and with `kubesim tunnel` running the tunnel address). kubesim opens no
// browser: without --url it prints the same lines.
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import type { Cluster } from '../../../store/cluster.js';
import { ExitCode } from '../../../util/errors.js';

interface Opts {
  url?: boolean;
  https?: boolean;
}

function nodeIP(cluster: Cluster, type: 'InternalIP' | 'ExternalIP'): string | undefined {
  const nodes = cluster.list('nodes');
  const cp = nodes.find((n) => n.metadata.name.endsWith('control-plane')) ?? nodes[0];
  return (cp?.status?.addresses ?? []).find((a: { type: string }) => a.type === type)?.address;
}

export function serviceUrls(cluster: Cluster, svc: KObject, scheme = 'http'): string[] | string {
  const profile = cluster.state.cluster.profile;
  const type = svc.spec?.type ?? 'ClusterIP';
  const ports: { port: number; nodePort?: number }[] = svc.spec?.ports ?? [];
  const ingress = svc.status?.loadBalancer?.ingress?.[0];
  const lbAddr: string | undefined = ingress?.ip ?? ingress?.hostname;
  const ns = svc.metadata.namespace;
  if (type !== 'NodePort' && type !== 'LoadBalancer') return `service ${ns}/${svc.metadata.name} has no node port`;
  const out: string[] = [];
  for (const p of ports) {
    if (type === 'LoadBalancer' && lbAddr && (profile === 'docker-desktop' || profile === 'cloud' || profile === 'minikube')) {
      out.push(`${scheme}://${lbAddr}:${p.port}`);
      continue;
    }
    if (!p.nodePort) continue;
    const host = profile === 'docker-desktop' ? 'localhost' : profile === 'cloud' ? (nodeIP(cluster, 'ExternalIP') ?? nodeIP(cluster, 'InternalIP')) : nodeIP(cluster, 'InternalIP');
    out.push(`${scheme}://${host}:${p.nodePort}`);
  }
  if (!out.length) return `service ${ns}/${svc.metadata.name} has no node port`;
  return out;
}

export async function run(ctx: Ctx, args: string[], opts: Opts): Promise<void> {
  const name = args[0];
  if (!name || args.length > 1) throw new ExitCode(1, '❌  Exiting due to MK_USAGE: kubesim service NAME [--url]: exactly one Service name');
  const urls = await ctx.run((cluster, namespace) => {
    const svc = cluster.get('services', namespace, name);
    if (!svc) throw new ExitCode(1, `❌  Exiting due to SVC_NOT_FOUND: Service '${name}' was not found in '${namespace}' namespace.\nYou may select another namespace by using 'kubesim service ${name} -n <namespace>'. Or list out all the services using 'kubectl get svc -A'`);
    return serviceUrls(cluster, svc, opts.https ? 'https' : 'http');
  });
  if (typeof urls === 'string') throw new ExitCode(1, `😿  ${urls}`);
  ctx.out(urls.map((u) => `${u}\n`).join(''));
}
