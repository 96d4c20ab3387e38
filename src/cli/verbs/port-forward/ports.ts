// The port arguments of `port-forward`, as kubectl reads them: named ports resolved against the
// pod (cmd/portforward convertPodNamedPortToNumber), Service ports translated to the container
// port (translateServicePortToTargetPort, util.LookupContainerPortNumberByServicePort), then
// client-go's parsePorts (`[LOCAL:]REMOTE`, `:REMOTE` = a free local port).
import type { KObject } from '../../../api/types.js';
import { CliError } from '../../../util/errors.js';

export interface ForwardedPort {
  local: number;
  remote: number;
}

function splitPort(port: string): [string, string] {
  const parts = port.split(':');
  return parts.length > 1 ? [parts[0], parts[1]] : [parts[0], parts[0]];
}

const isNumber = (s: string) => /^[+-]?\d+$/.test(s);

function containerPortByName(pod: KObject, name: string): number {
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  }
  throw new CliError(`Pod '${pod.metadata.name}' does not have a named port '${name}'`);
}

/** Named remote ports of a pod → numbers (the local side follows when it was the same name). */
export function podNamedPorts(ports: string[], pod: KObject): string[] {
  return ports.map((port) => {
    let [local, remote] = splitPort(port);
    if (isNumber(remote)) return port;
    const n = containerPortByName(pod, remote);
    if (local === remote) local = String(n);
    return `${local}:${n}`;
  });
}

/** Service ports → the container ports behind them in `pod`. */
export function servicePortsToTarget(ports: string[], svc: KObject, pod: KObject): string[] {
  return ports.map((port) => {
    let [local, remote] = splitPort(port);
    let num = Number.parseInt(remote, 10);
    if (!isNumber(remote)) {
      const sp = (svc.spec?.ports ?? []).find((p: { name?: string }) => p.name === remote);
      if (!sp) throw new CliError(`Service '${svc.metadata.name}' does not have a named port '${remote}'`);
      num = sp.port;
      if (local === remote) local = String(num);
    }
    const container = containerPortForServicePort(svc, pod, num);
    return local !== String(container) ? `${local}:${container}` : String(container);
  });
}

function containerPortForServicePort(svc: KObject, pod: KObject, port: number): number {
  for (const sp of svc.spec?.ports ?? []) {
    if (sp.port !== port) continue;
    if (svc.spec?.clusterIP === 'None') return port;
    const tp = sp.targetPort;
    if (tp === undefined || typeof tp === 'number') return tp ? tp : sp.port;
    if (isNumber(tp)) return Number(tp) || sp.port;
    return containerPortByName(pod, tp);
  }
  throw new CliError(`Service ${svc.metadata.name} does not have a service port ${port}`);
}

function parseUint16(s: string): number | undefined {
  return /^\d+$/.test(s) && Number(s) <= 65535 ? Number(s) : undefined;
}

function strconvError(s: string): string {
  return /^\d+$/.test(s) ? `strconv.ParseUint: parsing "${s}": value out of range` : `strconv.ParseUint: parsing "${s}": invalid syntax`;
}

/** client-go portforward.parsePorts. */
export function parsePorts(ports: string[]): ForwardedPort[] {
  return ports.map((portString) => {
    const parts = portString.split(':');
    let localString: string;
    let remoteString: string;
    if (parts.length === 1) [localString, remoteString] = [parts[0], parts[0]];
    else if (parts.length === 2) [localString, remoteString] = [parts[0] || '0', parts[1]];
    else throw new CliError(`invalid port format '${portString}'`);
    const local = parseUint16(localString);
    if (local === undefined) throw new CliError(`error parsing local port '${localString}': ${strconvError(localString)}`);
    const remote = parseUint16(remoteString);
    if (remote === undefined) throw new CliError(`error parsing remote port '${remoteString}': ${strconvError(remoteString)}`);
    if (remote === 0) throw new CliError('remote port must be > 0');
    return { local, remote };
  });
}

/**
 * --address values → the addresses to bind. kubectl accepts any IP; kubesim binds only
 * loopback. `localhost` is 127.0.0.1 and ::1 (::1 optional, as kubectl's failure mode "all").
 */
export function parseAddresses(values: string[]): { address: string; optional: boolean }[] {
  const out: { address: string; optional: boolean }[] = [];
  for (const raw of values.flatMap((v) => v.split(',')).map((v) => v.trim())) {
    if (raw === 'localhost') {
      out.push({ address: '127.0.0.1', optional: true }, { address: '::1', optional: true });
    } else if (raw === '127.0.0.1' || raw === '::1') {
      out.push({ address: raw, optional: false });
    } else {
      throw new CliError(`kubesim binds only loopback addresses: --address ${raw} is not allowed (use localhost, 127.0.0.1 or ::1; a real cluster's kubectl could listen on ${raw})`);
    }
  }
  const seen = new Set<string>();
  return out.filter((a) => (seen.has(a.address) ? false : (seen.add(a.address), true)));
}
