// Cluster system images (kind's kube-system pods) and the ingress controllers of the books:
// enough for `exec` into them and for their ports to answer (CoreDNS health, ingress 404s).
import type { ImageBehaviour } from '../types.js';
import { nginxAccessLog, nginxErrorPage, reply } from './common.js';

/** The node's kernel, as `uname -a` and whoami-style apps report it (Docker Desktop / kind). */
export const KERNEL = { release: '6.10.14-linuxkit', version: '#1 SMP Thu Oct 24 19:28:55 UTC 2024', machine: 'x86_64' };

const distroless = { shell: 'none' as const, listens: [] as ImageBehaviour['listens'] };

export const SYSTEM_IMAGES: ImageBehaviour[] = [
  {
    match: ['registry.k8s.io/coredns/coredns', 'coredns/coredns'],
    description: 'CoreDNS (kube-dns): DNS on 53/UDP+TCP (answered by the network simulation), /health on 8080 and /ready on 8181, metrics on 9153. No shell (distroless).',
    shell: 'none',
    listens: [
      { port: 53, protocol: 'UDP', kind: 'dns' },
      { port: 53, protocol: 'TCP', kind: 'dns' },
      { port: 9153, kind: 'http' },
      { port: 8080, kind: 'http' },
      { port: 8181, kind: 'http' },
    ],
    http: (req, _c, port) => {
      if (port === 8080 && req.path.startsWith('/health')) return reply(200, 'OK');
      if (port === 8181 && req.path.startsWith('/ready')) return reply(200, 'OK');
      if (port === 9153 && req.path.startsWith('/metrics')) return reply(200, '# HELP coredns_build_info A metric with a constant \'1\' value labeled by version, revision, and goversion from which CoreDNS was built.\n# TYPE coredns_build_info gauge\ncoredns_build_info{goversion="go1.21.11",revision="a6338e9",version="1.11.3"} 1\n');
      return reply(404, '404 page not found\n');
    },
    startupLog: ['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908', 'CoreDNS-1.11.3', 'linux/amd64, go1.21.11, a6338e9'],
    entrypoint: ['/coredns'],
    server: ['/coredns', 'coredns'],
  },
  { match: ['registry.k8s.io/kube-proxy'], description: 'kube-proxy (iptables mode); host network.', shell: 'bash-debian', os: 'debian', listens: [], entrypoint: ['/usr/local/bin/kube-proxy'], server: ['/usr/local/bin/kube-proxy', 'kube-proxy'] },
  { match: ['docker.io/kindest/kindnetd', 'kindest/kindnetd'], description: 'kindnet CNI daemon; host network.', ...distroless, entrypoint: ['/bin/kindnetd'], server: ['/bin/kindnetd'] },
  { match: ['registry.k8s.io/etcd'], description: 'etcd (2379/2380 on the node).', shell: 'none', listens: [{ port: 2379, kind: 'tcp' }], entrypoint: ['etcd'], server: ['etcd'] },
  { match: ['registry.k8s.io/kube-apiserver'], description: 'kube-apiserver (6443 on the node).', shell: 'none', listens: [{ port: 6443, kind: 'tcp' }], entrypoint: ['kube-apiserver'], server: ['kube-apiserver'] },
  { match: ['registry.k8s.io/kube-controller-manager'], description: 'kube-controller-manager.', ...distroless, entrypoint: ['kube-controller-manager'], server: ['kube-controller-manager'] },
  { match: ['registry.k8s.io/kube-scheduler'], description: 'kube-scheduler.', ...distroless, entrypoint: ['kube-scheduler'], server: ['kube-scheduler'] },
  { match: ['docker.io/kindest/local-path-provisioner', 'kindest/local-path-provisioner', 'rancher/local-path-provisioner'], description: 'local-path storage provisioner.', shell: 'busybox', os: 'alpine', listens: [], entrypoint: ['local-path-provisioner'], server: ['local-path-provisioner'] },
  {
    match: ['quay.io/kubernetes-ingress-controller/nginx-ingress-controller', 'registry.k8s.io/ingress-nginx/controller', 'k8s.gcr.io/ingress-nginx/controller'],
    description: 'ingress-nginx controller: ports 80/443; requests no Ingress rule matches get nginx\'s 404 page.',
    shell: 'busybox',
    os: 'alpine',
    tools: ['curl'],
    listens: [{ port: 80, kind: 'http' }, { port: 443, kind: 'http' }, { port: 10254, kind: 'http' }],
    http: (req, _c, port) => {
      if (port === 10254 && req.path.startsWith('/healthz')) return reply(200, 'ok');
      return { status: 404, headers: { server: 'nginx', 'content-type': 'text/html' }, body: nginxErrorPage(404, '').replace('nginx/', 'nginx') };
    },
    accessLog: nginxAccessLog,
    files: { '/etc/nginx/nginx.conf': `${'# Configuration checksum: 0\n\n# setup custom paths that do not require root access\npid /tmp/nginx/nginx.pid;\n\ndaemon off;\n\nworker_processes 8;\n'}${'\n'.repeat(420)}` },
    entrypoint: ['/usr/bin/dumb-init', '--'],
    cmd: ['/nginx-ingress-controller'],
    server: ['/nginx-ingress-controller', '/usr/bin/dumb-init'],
  },
  {
    match: ['traefik'],
    description: 'Traefik 2.2 ingress controller: web entrypoint (8015 in kiamol ch15 via its Service), websecure, admin UI on 8080; unmatched requests get "404 page not found".',
    shell: 'busybox',
    os: 'alpine',
    listens: [{ port: 80, kind: 'http' }, { port: 443, kind: 'http' }, { port: 8080, kind: 'http' }],
    http: (req, _c, port) => (port === 8080 && (req.path === '/' || req.path.startsWith('/dashboard')) ? { status: 302, headers: { location: '/dashboard/' }, body: '' } : reply(404, '404 page not found\n')),
    entrypoint: ['/entrypoint.sh'],
    cmd: ['traefik'],
    server: ['traefik', '/entrypoint.sh'],
  },
];
