// Which Ingresses the built-in controller serves and the ADDRESS it gives them: small and free
// of the network's heavier modules, because the ingress controller runs on every command.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import { nodeAddresses } from './proxy.js';

export const CLOUD_INGRESS_IP = '203.0.113.2';
export const DEFAULT_CLASS = 'nginx';

export function controlPlaneIP(cluster: Cluster): string | undefined {
  const nodes = cluster.list('nodes');
  const cp = nodes.find((n) => n.metadata.name.endsWith('control-plane')) ?? nodes[0];
  return cp ? nodeAddresses(cp)[0] : undefined;
}

/** What `get ingress` shows as ADDRESS for Ingresses the built-in controller serves. */
export function ingressStatusAddress(cluster: Cluster): { ip?: string; hostname?: string } | undefined {
  const profile = cluster.state.cluster.profile;
  if (profile === 'docker-desktop' || profile === 'kind') return { hostname: 'localhost' };
  if (profile === 'cloud') return { ip: CLOUD_INGRESS_IP };
  const ip = controlPlaneIP(cluster);
  return ip ? { ip } : undefined;
}

export const hostOnly = (h: string) => h.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();

/** The Ingresses of a class, oldest first (the order ingress-nginx merges them in). */
export function classIngresses(cluster: Cluster, cls: string): KObject[] {
  return cluster
    .list('ingresses')
    .filter((i) => ingressClassOf(cluster, i) === cls)
    .sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : a.metadata.creationTimestamp! > b.metadata.creationTimestamp! ? 1 : 0));
}

/** The class an Ingress asks for (annotation first, as ingress-nginx reads it), or undefined. */
export function ingressClassOf(cluster: Cluster, ing: KObject): string | undefined {
  const ann = ing.metadata.annotations?.['kubernetes.io/ingress.class'];
  if (ann) return ann;
  if (ing.spec?.ingressClassName) return ing.spec.ingressClassName;
  const def = cluster.list('ingressclasses').find((c) => c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true');
  return def?.metadata.name;
}

const CONTROLLER_IMAGE = /ingress-nginx\/controller|nginx-ingress-controller|(^|\/)traefik(:|@|$)/;

/**
 * A book's ingress controller container: the class it serves (its --ingress-class /
 * --providers.kubernetesingress.ingressClass flag; traefik's default `traefik`) and which
 * controller it is. Undefined for any other container.
 */
export function controllerOf(container: { image?: string; args?: string[] }): { cls: string; flavour: 'nginx' | 'traefik' } | undefined {
  const image = container.image ?? '';
  if (!CONTROLLER_IMAGE.test(image)) return undefined;
  const flavour = /traefik/.test(image) ? 'traefik' : 'nginx';
  const flag = (container.args ?? []).map((a) => /^--(?:ingress-class|ingressclass|providers\.kubernetesingress\.ingressclass)=(.+)$/i.exec(a)?.[1]).find(Boolean);
  return { cls: flag ?? (flavour === 'traefik' ? 'traefik' : DEFAULT_CLASS), flavour };
}
