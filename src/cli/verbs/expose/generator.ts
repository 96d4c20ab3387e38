// The Service `kubectl expose` (and `kubectl run --expose`) makes from its parameters
// (kubectl's service generator): one port per exposed port — named port-1, port-2… when there are
// several, port-N-<protocol> when one port number is exposed for several protocols — the
// target port equal to the port unless --target-port, and the optional type, IPs and affinity.
import type { KObject } from '../../../api/types.js';
import { CliError } from '../../../util/errors.js';
import { typedMeta, typedObject } from '../create/typed.js';
import { atoi } from '../create/strconv.js';
import { parseLabels } from '../run/generator.js';

export interface ServiceParams {
  /** --name; else defaultName (the exposed object's name, cut to 63 characters). */
  name?: string;
  defaultName: string;
  namespace?: string;
  /** `k=v,k2=v2` (--selector, or the exposed object's). */
  selector: string;
  /** One port (--port, or the object's only port) … */
  port?: string;
  /** … or the object's ports, comma-separated, when it has several. */
  ports?: string;
  labels?: string;
  protocol?: string;
  /** Port → protocols it is exposed with on the object, in order. */
  protocols?: Map<string, string[]>;
  targetPort?: string;
  externalIP?: string;
  loadBalancerIP?: string;
  type?: string;
  sessionAffinity?: string;
  clusterIP?: string;
}

type Port = { name?: string; protocol: string; port: number; targetPort?: number | string };

export function generateExposeService(p: ServiceParams): KObject {
  if (!p.selector) throw new CliError('selector must be specified');
  const selector = parseLabels(p.selector);
  const labels = p.labels ? parseLabels(p.labels) : undefined;
  const name = p.name || p.defaultName;
  if (!name) throw new CliError("'name' is a required parameter");

  const ports: Port[] = [];
  const portString = p.ports || p.port || '';
  const protocols = p.protocols && p.protocols.size ? p.protocols : undefined;
  if (portString) {
    const list = portString.split(',');
    list.forEach((text, i) => {
      const port = atoi(text);
      const portName = list.length > 1 ? `port-${i + 1}` : '';
      let protocol = p.protocol ?? '';
      if (!protocol && !protocols) protocol = 'TCP';
      else if (!protocol && protocols) {
        protocol = 'TCP';
        const found = protocols.get(text);
        if (found && found.length === 1) protocol = found[0];
        else if (found) {
          for (const proto of found) ports.push({ name: `port-${i + 1}-${proto.toLowerCase()}`, protocol: proto, port });
          return;
        }
      }
      ports.push({ name: portName || undefined, protocol, port });
    });
  }
  const target = p.targetPort ? (/^[+-]?[0-9]+$/.test(p.targetPort) ? atoi(p.targetPort) : p.targetPort) : undefined;
  for (const port of ports) port.targetPort = target ?? port.port;

  const spec: Record<string, unknown> = {};
  if (ports.length) spec.ports = ports.map((x) => (x.name ? { name: x.name, protocol: x.protocol, port: x.port, targetPort: x.targetPort } : { protocol: x.protocol, port: x.port, targetPort: x.targetPort }));
  spec.selector = selector;
  if (p.clusterIP) spec.clusterIP = p.clusterIP;
  if (p.type) spec.type = p.type;
  if (p.externalIP) spec.externalIPs = [p.externalIP];
  if (p.sessionAffinity) {
    if (p.sessionAffinity !== 'None' && p.sessionAffinity !== 'ClientIP') throw new CliError(`unknown session affinity: ${p.sessionAffinity}`);
    spec.sessionAffinity = p.sessionAffinity;
  }
  if (p.type === 'LoadBalancer' && p.loadBalancerIP) spec.loadBalancerIP = p.loadBalancerIP;
  return typedObject('Service', 'v1', typedMeta({ name, namespace: p.namespace, labels }), { spec, status: { loadBalancer: {} } });
}
