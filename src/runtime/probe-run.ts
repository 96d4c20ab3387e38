// Running one probe against a simulated container, as the kubelet does: exec probes through the
// simulated shell in the container, httpGet from the node (the pod network's gateway address) to
// the pod IP and port — straight to the app listening there, no kube-proxy or DNS involved —
// and tcpSocket as a connect to that port. The messages are the kubelet's event texts.
import type { ContainerHandle, HttpRequest, HttpResponse } from './types.js';
import type { KObject } from '../api/types.js';
import type { Probe } from './probes.js';
import { containerHandle, appendLog } from './container.js';
import { processMode } from './process.js';
import { runShellSync } from './shell/index.js';
import { isPromise } from './shell/interp.js';

export interface ProbeOutcome {
  ok: boolean;
  /** The failure text after "<Kind> probe failed: ". */
  message?: string;
  /** The result will come later (an app that answers asynchronously). */
  pending?: Promise<ProbeOutcome>;
}

/** The node-side address probes come from (kindnet's bridge gateway on the pod subnet). */
export function probeSourceIP(pod: KObject): string {
  const ip: string = pod.status?.podIP ?? '';
  const m = /^(\d+\.\d+\.\d+)\.\d+$/.exec(ip);
  return m ? `${m[1]}.1` : (pod.status?.hostIP ?? '10.244.0.1');
}

function resolvePort(pod: KObject, port: number | string): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === port) return p.containerPort;
  return undefined;
}

/** The container of the pod whose app listens on `port` (and has started answering). */
export function listenerOn(h: ContainerHandle, port: number, protocol = 'TCP'): ContainerHandle | undefined {
  const pod = h.pod;
  for (const spec of pod.spec?.containers ?? []) {
    const st = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === spec.name);
    if (st && !st.state?.running) continue;
    const c = containerHandle(h.cluster, pod, spec.name);
    if (processMode(c) !== 'app') continue;
    const startedAt = Date.parse(st?.state?.running?.startedAt ?? '') || 0;
    if (c.image.startupSeconds && startedAt && startedAt + c.image.startupSeconds * 1000 > h.cluster.now) continue;
    for (const l of c.image.listens) {
      if ((l.protocol ?? 'TCP') !== protocol) continue;
      if (l.port === port) return c;
      if (l.port === 'containerPorts' && (spec.ports ?? []).some((p: { containerPort: number; protocol?: string }) => p.containerPort === port && (p.protocol ?? 'TCP') === protocol)) return c;
    }
  }
  return undefined;
}

function refused(pod: KObject, port: number, url?: string): string {
  const ip = pod.status?.podIP ?? '';
  const dial = `dial tcp ${ip}:${port}: connect: connection refused`;
  return url ? `Get "${url}": ${dial}` : dial;
}

function httpOutcome(res: HttpResponse): ProbeOutcome {
  if (res.status >= 200 && res.status < 400) return { ok: true };
  return { ok: false, message: `HTTP probe failed with statuscode: ${res.status}` };
}

export function runProbe(h: ContainerHandle, probe: Probe): ProbeOutcome {
  const pod = h.pod;
  if (probe.exec) {
    const cmd = probe.exec.command ?? [];
    const r = runShellSync(h, cmd, { stdin: '' });
    if (!r) return { ok: true };
    if (r.execError) return { ok: false, message: `rpc error: code = Unknown desc = failed to exec in container: failed to start exec "${(h.container.name + cmd.join('')).length.toString(16).padStart(8, '0')}": OCI runtime exec failed: exec failed: unable to start container process: ${r.execError}: unknown` };
    if (r.code === 0) return { ok: true };
    return { ok: false, message: `${r.stdout}${r.stderr}` };
  }
  if (probe.tcpSocket || probe.grpc) {
    const port = resolvePort(pod, probe.tcpSocket?.port ?? probe.grpc!.port);
    if (port === undefined) return { ok: false, message: `dial tcp ${pod.status?.podIP}:${String(probe.tcpSocket?.port)}: unknown port` };
    return listenerOn(h, port) ? { ok: true } : { ok: false, message: refused(pod, port) };
  }
  if (probe.httpGet) {
    const g = probe.httpGet;
    const port = resolvePort(pod, g.port);
    const scheme = (g.scheme ?? 'HTTP').toLowerCase();
    const host = g.host ?? pod.status?.podIP ?? '';
    const path = g.path ?? '/';
    const url = `${scheme}://${host}:${port ?? g.port}${path}`;
    if (port === undefined) return { ok: false, message: `Get "${url}": invalid port` };
    const target = listenerOn(h, port);
    if (!target || !target.image.http) return { ok: false, message: refused(pod, port, url) };
    const headers: Record<string, string> = { host: `${host}:${port}`, 'user-agent': 'kube-probe/1.32', accept: '*/*', connection: 'close' };
    for (const hh of g.httpHeaders ?? []) headers[hh.name.toLowerCase()] = hh.value;
    const req: HttpRequest = { method: 'GET', path, headers, body: '', sourceIP: probeSourceIP(pod), localAddress: pod.status?.podIP ?? '', localPort: port };
    const log = (res: HttpResponse) => {
      const finished: HttpResponse = { ...res, headers: { date: new Date(h.cluster.now).toUTCString(), 'content-length': String(Buffer.byteLength(res.body ?? '')), ...(res.headers ?? {}) } };
      if (target.image.accessLog) appendLog(target, target.image.accessLog(req, finished));
    };
    let res: HttpResponse | Promise<HttpResponse>;
    try {
      res = target.image.http(req, target, port);
    } catch {
      return { ok: false, message: `Get "${url}": EOF` };
    }
    if (isPromise(res)) {
      const pending = (res as Promise<HttpResponse>).then(
        (r) => {
          log(r);
          return httpOutcome(r);
        },
        () => ({ ok: false, message: `Get "${url}": EOF` }),
      );
      return { ok: true, pending };
    }
    log(res);
    return httpOutcome(res);
  }
  return { ok: true };
}
