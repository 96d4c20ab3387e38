// kubectl port-forward pod/X|deploy/X|svc/X|X [LOCAL:]REMOTE… [--address localhost|127.0.0.1|::1]:
// real HTTP on loopback sockets, answered by the simulated app in one pod chosen at the start
// (deploy/svc: kubectl's attachable pod), with kubectl's messages. Every request re-reads the
// state under the lock (one ctx.run per request, never held in between) and enters the pod the
// way the kubelet does: a connection to localhost:REMOTE inside the pod's network namespace, so
// the app sees 127.0.0.1 and writes its access-log line. Nothing listening there: kubectl 1.32's
// "an error occurred forwarding" line, the local connection is reset, and the session ends with
// `error: lost connection to pod` (exit 1) — as it does when the pod goes away. Ctrl-C: exit 0.
// Only HTTP is carried (node:http), which is what the books' port-forwards are used for.
import { hexDigest } from '../../../util/digest.js';
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import { CliError, UsageError } from '../../../util/errors.js';
import { connect, serveHttp } from '../../../network/connect.js';
import { resolvePod } from '../exec/target.js';
import { joinHostPort, listenLoopback, serializer, untilInterrupted, type Answer, type IncomingSim, type LoopbackServer } from './bridge.js';
import { parseAddresses, parsePorts, podNamedPorts, servicePortsToTarget, type ForwardedPort } from './ports.js';

interface Opts {
  address?: string[];
  podRunningTimeout?: string;
}

const LOST = 'lost connection to pod';

/** klog's header: `E0501 10:00:00.123456   12345 file.go:NN] `. */
function klogHeader(file: string): string {
  const d = new Date();
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `E${p(d.getMonth() + 1)}${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds() * 1000, 6)} ${String(process.pid).padStart(7)} ${file}] `;
}

/** containerd's sandbox id and netns path for a pod (stable per pod uid). */
function sandbox(pod: KObject): { id: string; netns: string } {
  const h = hexDigest(`sandbox:${pod.metadata.uid}`);
  const u = hexDigest(`netns:${pod.metadata.uid}`);
  return { id: h, netns: `/var/run/netns/cni-${u.slice(0, 8)}-${u.slice(8, 12)}-${u.slice(12, 16)}-${u.slice(16, 20)}-${u.slice(20, 32)}` };
}

/** kubectl 1.32's klog line for a forward to a port nothing listens on (containerd's wording). */
function refusedLine(pod: KObject, fp: ForwardedPort): string {
  const sb = sandbox(pod);
  const msg =
    `error forwarding port ${fp.remote} to pod ${sb.id}, uid : failed to execute portforward in network namespace "${sb.netns}": ` +
    `failed to connect to localhost:${fp.remote} inside namespace "${sb.id}", IPv4: dial tcp4 127.0.0.1:${fp.remote}: connect: connection refused ` +
    `IPv6 dial tcp6 [::1]:${fp.remote}: connect: connection refused `;
  const err = `an error occurred forwarding ${fp.local} -> ${fp.remote}: ${msg}`;
  return `${klogHeader('portforward.go:424')}"Unhandled Error" err=${JSON.stringify(err)}\n`;
}

/** Pick the pod (kubectl: the attachable pod of the object) and the container ports to forward to. */
async function plan(ctx: Ctx, target: string, ports: string[]): Promise<{ pod: KObject; ports: string[] }> {
  return ctx.run((cluster, namespace) => {
    const { pod } = resolvePod(cluster, target.includes('/') ? target : `pods/${target}`, namespace, 'attach');
    const slash = target.indexOf('/');
    const type = slash < 0 ? 'pods' : target.slice(0, slash).toLowerCase();
    let mapped = ports;
    if (['svc', 'service', 'services'].includes(type)) {
      const svc = cluster.get('services', namespace, target.slice(slash + 1))!;
      mapped = servicePortsToTarget(ports, svc, pod);
    } else {
      mapped = podNamedPorts(ports, pod);
    }
    if (pod.status?.phase !== 'Running') throw new CliError(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`);
    return { pod, ports: mapped };
  });
}

export async function run(ctx: Ctx, args: string[], opts: Opts): Promise<void> {
  if (args.length < 2) throw new UsageError('TYPE/NAME and list of ports are required for port-forward', 'port-forward');
  const [target, ...portArgs] = args;
  const addresses = parseAddresses(opts.address?.length ? opts.address : ['localhost']);
  const { pod, ports } = await plan(ctx, target, portArgs);
  const forwards = parsePorts(ports);
  const ns = pod.metadata.namespace!;
  const name = pod.metadata.name;
  const uid = pod.metadata.uid;

  const session = untilInterrupted();
  const serial = serializer();
  const servers: LoopbackServer[] = [];
  const out = (t: string) => process.stdout.write(t);

  /** The bound pod as it is now, or undefined when it is gone (deleted, replaced, stopped). */
  const alive = (p: KObject | undefined) => !!p && p.metadata.uid === uid && p.status?.phase === 'Running';

  // `fp` is read at request time: its local port is the one actually bound.
  const forward = (fp: ForwardedPort) => async (req: IncomingSim): Promise<Answer> =>
    serial(async () => {
      const r = await ctx.run(async (cluster) => {
        const p = cluster.get('pods', ns, name);
        if (!alive(p)) return { lost: true as const };
        const conn = connect(cluster, { pod: p!, ip: '127.0.0.1' }, '127.0.0.1', fp.remote, 'TCP');
        if (!conn.ok) return { refused: p! };
        const served = await serveHttp(cluster, conn, { method: req.method, path: req.path, headers: req.headers, body: req.body, sourceIP: '127.0.0.1', localAddress: '127.0.0.1', localPort: fp.remote });
        return served.ok ? { response: served.response } : { reset: true as const };
      });
      if ('lost' in r) {
        session.stop(LOST);
        return { reset: true };
      }
      if ('refused' in r) {
        process.stderr.write(refusedLine(r.refused as KObject, fp));
        session.stop(LOST);
        return { reset: true };
      }
      return r;
    });

  try {
    let listening = 0;
    for (const fp of forwards) {
      // client-go listenOnPort: "localhost" binds both loopbacks, enough if one works; an
      // explicit address must work.
      const errors: string[] = [];
      let optionalOk = 0;
      let optionalFailed = 0;
      let requiredFailed = 0;
      for (const a of addresses) {
        const port = fp.local;
        try {
          const s = await listenLoopback(a.address, port, forward(fp), () => out(`Handling connection for ${fp.local}\n`));
          servers.push(s);
          fp.local = s.port;
          if (a.optional) optionalOk++;
          out(`Forwarding from ${joinHostPort(a.address, s.port)} -> ${fp.remote}\n`);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          const why = code === 'EADDRINUSE' ? 'bind: address already in use' : code === 'EADDRNOTAVAIL' ? 'bind: cannot assign requested address' : code === 'EACCES' ? 'bind: permission denied' : (e as Error).message;
          errors.push(`unable to create listener: Error listen ${a.address.includes(':') ? 'tcp6' : 'tcp4'} ${joinHostPort(a.address, port)}: ${why}`);
          if (a.optional) optionalFailed++;
          else requiredFailed++;
        }
      }
      if ((optionalOk === 0 && optionalFailed > 0) || requiredFailed > 0) {
        process.stderr.write(`Unable to listen on port ${fp.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]\n`);
      } else listening++;
    }
    if (!listening) throw new CliError(`unable to listen on any of the requested ports: [${forwards.map((f) => `{${f.local} ${f.remote}}`).join(' ')}]`);

    // The pod going away ends the session even without traffic (the kubelet closes the stream).
    const poll = setInterval(() => {
      void serial(() => ctx.run((cluster) => alive(cluster.get('pods', ns, name))))
        .then((ok) => {
          if (!ok) session.stop(LOST);
        })
        .catch(() => undefined);
    }, Number(process.env.KUBESIM_PORT_FORWARD_POLL_MS ?? '1000') || 1000);
    const why = await session.done;
    clearInterval(poll);
    if (why === LOST) throw new CliError(LOST);
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}
