// kubesim tunnel: while it runs, the Services the user's machine can reach get real loopback
// sockets — LoadBalancer Services on localhost:<port> (docker-desktop, where Docker Desktop
// publishes them; minikube, where it also plays `minikube tunnel`: LoadBalancers get an address
// while it runs) and NodePort Services (and LoadBalancers' node ports) on localhost:<nodePort>.
// Every request goes the way `kubesim curl` goes from the host (src/network/host.ts, connect.ts),
// re-reading the state under the lock, so kube-proxy balancing, endpoints and ingress apply and
// Services applied later are picked up (the list is re-read every second). Ctrl-C: exit 0.
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import type { Cluster } from '../../../store/cluster.js';
import { httpRequest } from '../../../network/connect.js';
import { HOST_IP } from '../../../network/host.js';
import { nodeAddresses } from '../../../network/proxy.js';
import { listenLoopback, serializer, untilInterrupted, type Answer, type IncomingSim, type LoopbackServer } from '../port-forward/bridge.js';

interface Exposure {
  port: number;
  /** What the line says: `LoadBalancer Service default/web port 8080`. */
  what: string;
  /** Where the host's request goes in the simulation (URL without the path). */
  target: string;
}

function firstNodeIP(cluster: Cluster): string | undefined {
  const nodes = cluster.list('nodes');
  const cp = nodes.find((n) => n.metadata.name.endsWith('control-plane')) ?? nodes[0];
  return cp ? nodeAddresses(cp)[0] : undefined;
}

type SvcPort = { port: number; nodePort?: number; protocol?: string };

/** The local ports the tunnel serves now, first Service (oldest) first on a clash. */
export function exposures(cluster: Cluster): Exposure[] {
  const profile = cluster.state.cluster.profile;
  const nodeIP = firstNodeIP(cluster);
  const services = cluster
    .list('services')
    .filter((s) => s.spec?.type === 'LoadBalancer' || s.spec?.type === 'NodePort')
    .sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)));
  const out = new Map<number, Exposure>();
  const id = (s: KObject) => `${s.metadata.namespace}/${s.metadata.name}`;
  for (const svc of services) {
    if (svc.spec.type !== 'LoadBalancer') continue;
    const ingress = svc.status?.loadBalancer?.ingress?.[0];
    for (const p of (svc.spec.ports ?? []) as SvcPort[]) {
      if ((p.protocol ?? 'TCP') !== 'TCP' || out.has(p.port)) continue;
      if (profile === 'docker-desktop' && ingress?.hostname === 'localhost') out.set(p.port, { port: p.port, what: `LoadBalancer Service ${id(svc)} port ${p.port}`, target: `http://127.0.0.1:${p.port}` });
      if (profile === 'minikube' && ingress?.ip) out.set(p.port, { port: p.port, what: `LoadBalancer Service ${id(svc)} port ${p.port} (EXTERNAL-IP ${ingress.ip})`, target: `http://${ingress.ip}:${p.port}` });
    }
  }
  for (const svc of services) {
    for (const p of (svc.spec.ports ?? []) as SvcPort[]) {
      if (!p.nodePort || (p.protocol ?? 'TCP') !== 'TCP' || out.has(p.nodePort) || !nodeIP) continue;
      out.set(p.nodePort, { port: p.nodePort, what: `${svc.spec.type} Service ${id(svc)} node port ${p.nodePort}`, target: `http://${nodeIP}:${p.nodePort}` });
    }
  }
  return [...out.values()].sort((a, b) => a.port - b.port);
}

export async function run(ctx: Ctx): Promise<void> {
  const session = untilInterrupted();
  const serial = serializer();
  const servers = new Map<number, LoopbackServer[]>();
  const out = (t: string) => process.stdout.write(t);
  let minikube = false;

  const handler = (port: number) => (req: IncomingSim): Promise<Answer> =>
    serial(() =>
      ctx.run(async (cluster) => {
        const e = exposures(cluster).find((x) => x.port === port);
        if (!e) return { reset: true as const };
        const headers = { ...req.headers };
        delete headers.connection;
        delete headers['keep-alive'];
        const r = await httpRequest(cluster, { ip: HOST_IP, host: true }, `${e.target}${req.path}`, { method: req.method, headers, body: req.body, timeoutMs: 10_000 });
        return r.ok ? { response: r.response } : { reset: true as const };
      }),
    );

  const sync = async () => {
    const now = await serial(() =>
      ctx.run((cluster) => {
        if (cluster.state.cluster.profile === 'minikube') {
          minikube = true;
          if (!cluster.state.proxy.tunnel) cluster.state.proxy.tunnel = true;
        }
        return exposures(cluster);
      }),
    );
    const wanted = new Map(now.map((e) => [e.port, e]));
    for (const [port, list] of servers) {
      if (wanted.has(port)) continue;
      servers.delete(port);
      await Promise.all(list.map((s) => s.close()));
      out(`Stopped localhost:${port} (no Service has it any more)\n`);
    }
    for (const e of now) {
      if (servers.has(e.port)) continue;
      const bound: LoopbackServer[] = [];
      let error = '';
      for (const address of ['127.0.0.1', '::1']) {
        try {
          bound.push(await listenLoopback(address, e.port, handler(e.port)));
        } catch (err) {
          if (address === '127.0.0.1') error = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
        }
      }
      servers.set(e.port, bound);
      if (bound.length) out(`Exposing ${e.what} on http://localhost:${e.port}\n`);
      else process.stderr.write(`Unable to expose ${e.what} on localhost:${e.port}: ${error === 'EADDRINUSE' ? 'the port is in use on your machine' : error === 'EACCES' ? 'ports below 1024 need root' : error}\n`);
    }
  };

  try {
    await sync();
    // minikube: the LoadBalancers got their address when the first pass set the tunnel flag.
    if (minikube) await sync();
    if (minikube) out('Tunnel running: LoadBalancer Services get an EXTERNAL-IP while it runs (Ctrl-C to stop)\n');
    else if (!servers.size) out('No LoadBalancer or NodePort Service yet; waiting for some (Ctrl-C to stop)\n');
    const poll = setInterval(() => void sync().catch(() => undefined), Number(process.env.KUBESIM_TUNNEL_POLL_MS ?? '1000') || 1000);
    await session.done;
    clearInterval(poll);
  } finally {
    await Promise.all([...servers.values()].flat().map((s) => s.close()));
    if (minikube) {
      await ctx.run((cluster) => {
        delete cluster.state.proxy.tunnel;
      });
    }
  }
}
