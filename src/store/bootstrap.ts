// A fresh cluster, like `kind create cluster` leaves it (reference §15): the system namespaces,
// one Ready control-plane node, the `kubernetes` and `kube-dns` Services, CoreDNS (two pods, the
// first pod IPs), kube-proxy and kindnet on every node, the control-plane static pods and the
// local-path provisioner.
import type { KObject } from '../api/types.js';
import { Cluster } from './cluster.js';
import { emptyState, type State } from './state.js';
import { createObject } from '../api/server.js';
import { reconcile } from '../controllers/index.js';
import { hexDigest } from '../util/digest.js';

/** What kind's system pods request (kubeadm manifests, kindnet and CoreDNS defaults). */
const SYSTEM_RESOURCES: Record<string, { requests?: Record<string, string>; limits?: Record<string, string> }> = {
  etcd: { requests: { cpu: '100m', memory: '100Mi' } },
  'kube-apiserver': { requests: { cpu: '250m' } },
  'kube-controller-manager': { requests: { cpu: '200m' } },
  'kube-scheduler': { requests: { cpu: '100m' } },
  kindnet: { requests: { cpu: '100m', memory: '50Mi' }, limits: { cpu: '100m', memory: '50Mi' } },
  coredns: { requests: { cpu: '100m', memory: '70Mi' }, limits: { memory: '170Mi' } },
};

export const KUBE_VERSION = 'v1.32.2';

export interface ClusterOptions {
  seed: number | null;
  nodes?: number;
  profile?: string;
  /** kube-proxy's choice of endpoint: round-robin (predictable, the default) or random (iptables). */
  proxyMode?: 'round-robin' | 'random';
  now: number;
}

export function nodeNames(count: number): string[] {
  const names = ['kubesim-control-plane'];
  for (let i = 1; i < count; i++) names.push(i === 1 ? 'kubesim-worker' : `kubesim-worker${i}`);
  return names;
}

export function makeNode(name: string, index: number, total: number, profile: string): KObject {
  const controlPlane = index === 0;
  const ip = `172.18.0.${index + 2}`;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  if (controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const addresses: { type: string; address: string }[] = [{ address: ip, type: 'InternalIP' }];
  if (profile === 'cloud') addresses.push({ address: `198.51.100.${index + 10}`, type: 'ExternalIP' });
  addresses.push({ address: name, type: 'Hostname' });
  const spec: Record<string, unknown> = {
    podCIDR: `10.244.${index}.0/24`,
    podCIDRs: [`10.244.${index}.0/24`],
    providerID: `kind://docker/kubesim/${name}`,
  };
  if (controlPlane && total > 1) spec.taints = [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }];
  const resources = { cpu: '8', 'ephemeral-storage': '263112772Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16318584Ki', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
    status: {
      addresses,
      allocatable: { ...resources },
      capacity: { ...resources },
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: hexDigest(`${name}/boot`, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-45-generic',
        kubeProxyVersion: KUBE_VERSION,
        kubeletVersion: KUBE_VERSION,
        machineID: hexDigest(`${name}/machine`, 32),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: hexDigest(`${name}/uuid`, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
      },
    },
  };
}

function stampNodeTimes(node: KObject, ts: string): void {
  for (const c of node.status.conditions) {
    c.lastHeartbeatTime = ts;
    c.lastTransitionTime = ts;
  }
}

const ns = (name: string): KObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

function staticPod(component: string, node: string, image: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${node}`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      annotations: { 'kubernetes.io/config.source': 'file' },
    },
    spec: {
      containers: [{ name: component, image: `registry.k8s.io/${image}`, command: [component], resources: SYSTEM_RESOURCES[component] ?? {} }],
      hostNetwork: true,
      nodeName: node,
      priorityClassName: 'system-node-critical',
      automountServiceAccountToken: false,
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
    },
  };
}

function systemDeployment(name: string, namespace: string, labels: Record<string, string>, image: string, replicas: number, ports: unknown[] = []): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { ...labels } },
    spec: {
      replicas,
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          containers: [{ name, image, ports, resources: SYSTEM_RESOURCES[name] ?? {} }],
          priorityClassName: 'system-cluster-critical',
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
          ],
        },
      },
    },
  };
}

function systemDaemonSet(name: string, labelKey: string, image: string): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'kube-system', labels: { [labelKey]: name } },
    spec: {
      selector: { matchLabels: { [labelKey]: name } },
      template: {
        metadata: { labels: { [labelKey]: name } },
        spec: { containers: [{ name, image, resources: SYSTEM_RESOURCES[name] ?? {} }], hostNetwork: true, tolerations: [{ operator: 'Exists' }] },
      },
    },
  };
}

export function freshCluster(opts: ClusterOptions): State {
  const state = emptyState(opts.seed, opts.profile);
  if (opts.proxyMode) state.cluster.proxyMode = opts.proxyMode;
  const cluster = new Cluster(state, opts.now);
  for (const n of ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']) createObject(cluster, ns(n));
  const names = nodeNames(Math.max(1, opts.nodes ?? 1));
  names.forEach((name, i) => {
    const node = makeNode(name, i, names.length, state.cluster.profile);
    const created = cluster.create(node);
    stampNodeTimes(created, created.metadata.creationTimestamp!);
  });
  reconcile(cluster); // the kubernetes Service, ServiceAccounts, root CA ConfigMaps
  const dnsLabels = { 'k8s-app': 'kube-dns' };
  createObject(cluster, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      selector: dnsLabels,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  });
  createObject(
    cluster,
    systemDeployment('coredns', 'kube-system', dnsLabels, 'registry.k8s.io/coredns/coredns:v1.11.3', 2, [
      { containerPort: 53, name: 'dns', protocol: 'UDP' },
      { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
      { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
    ]),
  );
  reconcile(cluster); // CoreDNS takes the first pod IPs
  createObject(cluster, systemDeployment('local-path-provisioner', 'local-path-storage', { app: 'local-path-provisioner' }, 'docker.io/kindest/local-path-provisioner:v20241212-8ac705d0', 1));
  reconcile(cluster);
  for (const [component, image] of [
    ['etcd', 'etcd:3.5.16-0'],
    ['kube-apiserver', `kube-apiserver:${KUBE_VERSION}`],
    ['kube-controller-manager', `kube-controller-manager:${KUBE_VERSION}`],
    ['kube-scheduler', `kube-scheduler:${KUBE_VERSION}`],
  ]) {
    const pod = staticPod(component, names[0], image);
    const nodeObj = cluster.get('nodes', undefined, names[0])!;
    pod.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: names[0], uid: nodeObj.metadata.uid!, controller: true }];
    createObject(cluster, pod);
  }
  createObject(cluster, systemDaemonSet('kindnet', 'app', 'docker.io/kindest/kindnetd:v20241212-9f82dd49'));
  createObject(cluster, systemDaemonSet('kube-proxy', 'k8s-app', `registry.k8s.io/kube-proxy:${KUBE_VERSION}`));
  // The ingress controller addon (like minikube's): the `nginx` IngressClass, the default one.
  createObject(cluster, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: {
      name: 'nginx',
      labels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' },
      annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
    },
    spec: { controller: 'k8s.io/ingress-nginx' },
  });
  reconcile(cluster);
  cluster.syncRng();
  return state;
}
