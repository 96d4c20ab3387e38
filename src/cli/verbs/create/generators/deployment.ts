// `kubectl create deployment NAME --image=… [--replicas] [--port] [-- COMMAND…]`
// (kubectl/pkg/cmd/create/create_deployment.go).
import type { KObject } from '../../../../api/types.js';
import { CliError } from '../../../../util/errors.js';
import { goMap } from '../print.js';
import { typedMeta, typedObject } from '../typed.js';

export interface DeploymentInput {
  name: string;
  namespace?: string;
  images: string[];
  /** -1 = no --port. */
  port: number;
  replicas: number;
  command: string[];
  /** utilrand.String(5), for container names that had to be sanitized. */
  suffix: () => string;
}

export function validateDeployment(input: Pick<DeploymentInput, 'images' | 'command'>): void {
  if (input.images.length > 1 && input.command.length > 0) throw new CliError('cannot specify multiple --image options and command');
}

/** The container name kubectl derives from an image: last path part, no tag or digest. */
export function containerNameForImage(image: string, suffix: () => string): string {
  const parts = image.split('/');
  let name = parts[parts.length - 1];
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  if (/[_.]/.test(name)) name = `${name.replace(/_/g, '-').replace(/\./g, '-')}-${suffix()}`;
  return name;
}

export function generateDeployment(input: DeploymentInput): KObject {
  const labels = { app: input.name };
  const containers = input.images.map((image) => {
    const c: Record<string, unknown> = { name: containerNameForImage(image, input.suffix), image };
    if (input.command.length) c.command = [...input.command];
    c.resources = {};
    return c;
  });
  if (input.port >= 0 && containers.length) {
    const c = containers[0];
    const { resources } = c;
    delete c.resources;
    c.ports = [{ containerPort: input.port }];
    c.resources = resources;
  }
  return typedObject('Deployment', 'apps/v1', typedMeta({ name: input.name, namespace: input.namespace, labels }), {
    spec: {
      replicas: input.replicas,
      selector: { matchLabels: goMap({ ...labels }) },
      template: {
        metadata: { creationTimestamp: null, labels: goMap({ ...labels }) },
        spec: { containers },
      },
      strategy: {},
    },
    status: {},
  });
}
