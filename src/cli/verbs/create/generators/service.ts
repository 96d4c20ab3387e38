// `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME --tcp=port[:targetPort]`
// (kubectl/pkg/cmd/create/create_service.go).
import type { KObject } from '../../../../api/types.js';
import { CliError } from '../../../../util/errors.js';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../../../../api/validation/names.js';
import { goMap } from '../print.js';
import { typedMeta, typedObject } from '../typed.js';
import { parsePort } from '../strconv.js';

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServiceInput {
  type: ServiceType;
  name: string;
  namespace?: string;
  tcp: string[];
  clusterIP?: string;
  nodePort?: number;
  externalName?: string;
}

export function validateService(input: ServiceInput): void {
  if (input.clusterIP === 'None' && input.type !== 'ClusterIP') throw new CliError('ClusterIP=None can only be used with ClusterIP service type');
  if (input.clusterIP !== 'None' && input.tcp.length === 0 && input.type !== 'ExternalName') {
    throw new CliError('at least one tcp port specifier must be provided');
  }
  if (input.type === 'ExternalName' && isDNS1123Subdomain(input.externalName ?? '').length) {
    throw new CliError(`invalid service external name ${input.externalName ?? ''}`);
  }
}

/** `80:8080` → port 80, targetPort 8080; `80:http` → named target; `80` → target 80. */
export function parseTcp(spec: string): { port: number; targetPort: number | string } {
  const parts = spec.split(':');
  const port = parsePort(parts[0]);
  if (parts.length === 1) return { port, targetPort: port };
  const target = parts[1];
  if (!/^[+-]?[0-9]+$/.test(target)) {
    const errs = isValidPortName(target);
    if (errs.length) throw new CliError(errs.join(','));
    return { port, targetPort: target };
  }
  const n = Number(target);
  const errs = isValidPortNum(n);
  if (errs.length) throw new CliError(errs.join(','));
  return { port, targetPort: n };
}

export function generateService(input: ServiceInput): KObject {
  const ports = input.tcp.map((spec) => {
    const { port, targetPort } = parseTcp(spec);
    const p: Record<string, unknown> = { name: spec.replace(/:/g, '-'), protocol: 'TCP', port, targetPort };
    if (input.nodePort) p.nodePort = input.nodePort;
    return p;
  });
  const spec: Record<string, unknown> = {};
  if (ports.length) spec.ports = ports;
  spec.selector = goMap({ app: input.name });
  if (input.clusterIP) spec.clusterIP = input.clusterIP;
  spec.type = input.type;
  if (input.externalName) spec.externalName = input.externalName;
  return typedObject('Service', 'v1', typedMeta({ name: input.name, namespace: input.namespace, labels: { app: input.name } }), {
    spec,
    status: { loadBalancer: {} },
  });
}
