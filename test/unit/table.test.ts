import { describe, expect, it } from 'vitest';
import type { ClusterView, KObject } from '../../src/api/types.js';
import { printTables, tableColumns, tableRow } from '../../src/printers/table/index.js';
import { podSummary } from '../../src/printers/table/pods.js';
import { formatLabelSelector, selectorString } from '../../src/printers/table/selector.js';

// ---- a fixed clock and a tiny view ----------------------------------------------------------

const NOW = Date.parse('2025-03-01T12:00:00Z');
/** RFC 3339 timestamp `s` seconds before NOW. */
const ago = (s: number): string => new Date(NOW - s * 1000).toISOString().replace('.000Z', 'Z');
const view: ClusterView = {
  now: NOW,
  list: () => [],
  get: () => undefined,
  eventsFor: () => [],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const obj = (apiVersion: string, kind: string, name: string, ageS: number, rest: Any = {}, meta: Any = {}): KObject => ({
  apiVersion,
  kind,
  metadata: { name, namespace: 'default', creationTimestamp: ago(ageS), ...meta },
  ...rest,
});

const print = (plural: string, objects: KObject[], opts: Parameters<typeof printTables>[2] = {}): string =>
  printTables([{ plural, objects }], view, opts);

// ---- pods -----------------------------------------------------------------------------------

const running = (name: string, image = 'nginx'): Any => ({
  name,
  image,
  ready: true,
  started: true,
  restartCount: 0,
  state: { running: { startedAt: ago(100) } },
});

const pod = (name: string, ageS: number, status: Any, spec: Any = {}, meta: Any = {}): KObject =>
  obj('v1', 'Pod', name, ageS, { spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...spec }, status }, meta);

const runningPod = (name: string, ageS: number, extra: Any = {}, meta: Any = {}): KObject =>
  pod(
    name,
    ageS,
    {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      podIP: '10.244.0.5',
      podIPs: [{ ip: '10.244.0.5' }],
      containerStatuses: [running('nginx')],
      ...extra,
    },
    { nodeName: 'kind-control-plane' },
    meta,
  );

describe('pods', () => {
  it('prints the §3.1 wide example', () => {
    expect(print('pods', [runningPod('nginx', 10)], { wide: true })).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE   IP           NODE                 NOMINATED NODE   READINESS GATES\n' +
        'nginx   1/1     Running   0          10s   10.244.0.5   kind-control-plane   <none>           <none>\n',
    );
  });

  it('prints CrashLoopBackOff with RESTARTS "N (<age> ago)"', () => {
    const crash = pod('crash', 120, {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'False' }],
      containerStatuses: [
        {
          name: 'app',
          ready: false,
          restartCount: 4,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(30) } },
        },
      ],
    });
    expect(print('pods', [runningPod('web-7c5ddbdf54-2xkqn', 40), crash])).toBe(
      'NAME                   READY   STATUS             RESTARTS      AGE\n' +
        'web-7c5ddbdf54-2xkqn   1/1     Running            0             40s\n' +
        'crash                  0/1     CrashLoopBackOff   4 (30s ago)   2m\n',
    );
  });

  it('prints -A --show-labels as in §2.4', () => {
    const web = runningPod('web-7c5ddbdf54-2xkqn', 40, {}, { labels: { 'pod-template-hash': '7c5ddbdf54', app: 'web' } });
    const dns = runningPod(
      'coredns-668d6bf9bc-4qhbm',
      600,
      {},
      { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '668d6bf9bc' } },
    );
    expect(print('pods', [web, dns], { allNamespaces: true, showLabels: true })).toBe(
      'NAMESPACE     NAME                       READY   STATUS    RESTARTS   AGE   LABELS\n' +
        'default       web-7c5ddbdf54-2xkqn       1/1     Running   0          40s   app=web,pod-template-hash=7c5ddbdf54\n' +
        'kube-system   coredns-668d6bf9bc-4qhbm   1/1     Running   0          10m   k8s-app=kube-dns,pod-template-hash=668d6bf9bc\n',
    );
  });

  const status = (p: KObject): string => podSummary(p as Any, NOW).status;

  it('computes STATUS for waiting and terminated containers', () => {
    expect(status(pod('p', 5, { phase: 'Pending' }))).toBe('Pending');
    const waiting = (reason: string): KObject =>
      pod('p', 5, { phase: 'Pending', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { waiting: { reason } } }] });
    expect(status(waiting('ContainerCreating'))).toBe('ContainerCreating');
    expect(status(waiting('ErrImagePull'))).toBe('ErrImagePull');
    expect(status(waiting('ImagePullBackOff'))).toBe('ImagePullBackOff');
    const terminated = (t: Any, phase = 'Failed'): KObject =>
      pod('p', 5, { phase, containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { terminated: t } }] });
    expect(status(terminated({ exitCode: 0, reason: 'Completed' }, 'Succeeded'))).toBe('Completed');
    expect(status(terminated({ exitCode: 1, reason: 'Error' }))).toBe('Error');
    expect(status(terminated({ exitCode: 137, reason: 'OOMKilled' }))).toBe('OOMKilled');
    expect(status(terminated({ exitCode: 3 }))).toBe('ExitCode:3');
    expect(status(terminated({ exitCode: 0, signal: 9 }))).toBe('Signal:9');
    expect(podSummary(terminated({ exitCode: 0, reason: 'Completed' }, 'Succeeded') as Any, NOW).ready).toBe('0/1');
  });

  it('lets the first container in spec order with a reason win', () => {
    const p = pod('p', 5, {
      phase: 'Pending',
      containerStatuses: [
        { name: 'a', ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } },
        { name: 'b', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
      ],
    });
    expect(status(p)).toBe('ImagePullBackOff');
  });

  it('turns Completed back into Running / NotReady when another container still runs', () => {
    const two = (ready: boolean): KObject =>
      pod('p', 5, {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
        containerStatuses: [
          { name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          running('b'),
        ],
      });
    expect(status(two(true))).toBe('Running');
    expect(status(two(false))).toBe('NotReady');
    expect(podSummary(two(true) as Any, NOW).ready).toBe('1/1');
  });

  it('reports init containers: Init:i/n, Init:<reason>, Init:ExitCode, Init:Signal', () => {
    const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }] };
    const withInit = (statuses: Any[]): KObject =>
      pod('p', 5, { phase: 'Pending', initContainerStatuses: statuses, conditions: [{ type: 'Initialized', status: 'False' }] }, spec);
    const done = { name: 'i1', ready: true, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } };
    expect(status(withInit([{ name: 'i1', ready: false, restartCount: 0, state: { running: {} } }]))).toBe('Init:0/2');
    expect(status(withInit([done, { name: 'i2', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }]))).toBe(
      'Init:1/2',
    );
    expect(status(withInit([{ name: 'i1', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } }]))).toBe(
      'Init:CrashLoopBackOff',
    );
    expect(status(withInit([{ name: 'i1', ready: false, restartCount: 0, state: { terminated: { exitCode: 1 } } }]))).toBe('Init:ExitCode:1');
    expect(status(withInit([{ name: 'i1', ready: false, restartCount: 0, state: { terminated: { exitCode: 1, signal: 9 } } }]))).toBe(
      'Init:Signal:9',
    );
    expect(status(withInit([{ name: 'i1', ready: false, restartCount: 0, state: { terminated: { exitCode: 2, reason: 'Error' } } }]))).toBe(
      'Init:Error',
    );
    // Init restarts are counted while initializing.
    const restarting = withInit([
      {
        name: 'i1',
        ready: false,
        restartCount: 3,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, finishedAt: ago(65) } },
      },
    ]);
    expect(podSummary(restarting as Any, NOW).restarts).toBe('3 (65s ago)');
  });

  it('counts a started restartable init container (sidecar) in READY', () => {
    const p = pod(
      'p',
      5,
      {
        phase: 'Running',
        conditions: [
          { type: 'Initialized', status: 'True' },
          { type: 'Ready', status: 'True' },
        ],
        initContainerStatuses: [{ name: 'proxy', ready: true, started: true, restartCount: 1, state: { running: {} } }],
        containerStatuses: [running('nginx')],
      },
      { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }] },
    );
    expect(podSummary(p as Any, NOW)).toEqual({ ready: '2/2', status: 'Running', restarts: '1' });
  });

  it('shows Terminating, Unknown (NodeLost) and SchedulingGated', () => {
    expect(status(runningPod('p', 5, {}, { deletionTimestamp: ago(1) }))).toBe('Terminating');
    expect(status(runningPod('p', 5, { reason: 'NodeLost' }, { deletionTimestamp: ago(1) }))).toBe('Unknown');
    const done = pod('p', 5, { phase: 'Succeeded', containerStatuses: [{ name: 'c', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }, {}, { deletionTimestamp: ago(1) });
    expect(status(done)).toBe('Completed');
    const gated = pod('p', 5, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] });
    expect(status(gated)).toBe('SchedulingGated');
  });

  it('shows READINESS GATES true/total', () => {
    const p = runningPod('gated', 10, { conditions: [{ type: 'Ready', status: 'True' }, { type: 'example.com/ok', status: 'True' }] });
    (p.spec as Any).readinessGates = [{ conditionType: 'example.com/ok' }, { conditionType: 'example.com/other' }];
    expect(tableRow('pods', p, view).slice(5)).toEqual(['10.244.0.5', 'kind-control-plane', '<none>', '1/2']);
  });
});

// ---- services, endpoints, slices, ingresses ---------------------------------------------------

const svc = (name: string, ageS: number, spec: Any, status: Any = {}): KObject => obj('v1', 'Service', name, ageS, { spec, status });
const kubernetesSvc = svc('kubernetes', 300, {
  type: 'ClusterIP',
  clusterIP: '10.96.0.1',
  clusterIPs: ['10.96.0.1'],
  ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
});
const webSvc = svc('web', 12, {
  type: 'NodePort',
  clusterIPs: ['10.96.143.7'],
  selector: { app: 'web' },
  ports: [{ port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30080 }],
});

describe('services', () => {
  it('prints the §2.2 worked example', () => {
    const lb = svc('lb', 3, {
      type: 'LoadBalancer',
      clusterIPs: ['10.96.200.21'],
      ports: [
        { port: 80, protocol: 'TCP', nodePort: 31942 },
        { port: 443, protocol: 'TCP', nodePort: 30515 },
      ],
    });
    const hl = svc('hl', 1, { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 80, protocol: 'TCP' }] });
    const ext = svc('ext', 7, { type: 'ExternalName', externalName: 'api.example.com' });
    expect(print('services', [kubernetesSvc, webSvc, lb, hl, ext])).toBe(
      'NAME         TYPE           CLUSTER-IP     EXTERNAL-IP       PORT(S)                      AGE\n' +
        'kubernetes   ClusterIP      10.96.0.1      <none>            443/TCP                      5m\n' +
        'web          NodePort       10.96.143.7    <none>            80:30080/TCP                 12s\n' +
        'lb           LoadBalancer   10.96.200.21   <pending>         80:31942/TCP,443:30515/TCP   3s\n' +
        'hl           ClusterIP      None           <none>            80/TCP                       1s\n' +
        'ext          ExternalName   <none>         api.example.com   <none>                       7s\n',
    );
  });

  it('adds SELECTOR in wide mode', () => {
    const web = svc('web', 20, { type: 'ClusterIP', clusterIPs: ['10.96.143.7'], selector: { tier: 'fe', app: 'web' }, ports: [{ port: 80, protocol: 'TCP' }] });
    expect(print('services', [kubernetesSvc, web], { wide: true })).toBe(
      'NAME         TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE   SELECTOR\n' +
        'kubernetes   ClusterIP   10.96.0.1     <none>        443/TCP   5m    <none>\n' +
        'web          ClusterIP   10.96.143.7   <none>        80/TCP    20s   app=web,tier=fe\n',
    );
  });

  it('shows load-balancer addresses sorted, de-duplicated, uncut, then externalIPs', () => {
    const host = 'a1b2c3d4e5f6-1234567890.eu-west-1.elb.amazonaws.com';
    const lb = svc('lb', 3, { type: 'LoadBalancer', clusterIPs: ['10.96.0.20'], ports: [{ port: 80, protocol: 'TCP', nodePort: 30001 }] }, {
      loadBalancer: { ingress: [{ hostname: host }] },
    });
    expect(tableRow('services', lb, view)[3]).toBe(host);
    const lb2 = svc(
      'lb2',
      3,
      { type: 'LoadBalancer', clusterIPs: ['10.96.0.21'], externalIPs: ['1.1.1.1'], ports: [] },
      { loadBalancer: { ingress: [{ ip: '172.18.0.9' }, { ip: '172.18.0.10' }, { ip: '172.18.0.9' }] } },
    );
    expect(tableRow('services', lb2, view).slice(3, 5)).toEqual(['172.18.0.10,172.18.0.9,1.1.1.1', '<none>']);
    const np = svc('np', 3, { type: 'NodePort', clusterIPs: ['10.96.0.22'], externalIPs: ['1.2.3.4', '5.6.7.8'], ports: [{ port: 53, protocol: 'UDP', nodePort: 30053 }] });
    expect(tableRow('services', np, view).slice(3, 5)).toEqual(['1.2.3.4,5.6.7.8', '53:30053/UDP']);
  });
});

describe('endpoints', () => {
  const ep = (name: string, ageS: number, subsets?: Any[]): KObject => obj('v1', 'Endpoints', name, ageS, subsets ? { subsets } : {});
  it('prints the §3.3 example with "+ N more..." and a blank cell for only-not-ready', () => {
    const objects = [
      ep('kubernetes', 600, [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]),
      ep('web', 20, [
        {
          addresses: [{ ip: '10.244.0.5' }, { ip: '10.244.0.6' }, { ip: '10.244.0.7' }, { ip: '10.244.0.8' }],
          ports: [{ port: 8080, protocol: 'TCP' }],
        },
      ]),
      ep('empty', 5),
      ep('notready', 8, [{ notReadyAddresses: [{ ip: '10.244.0.9' }], ports: [{ port: 80, protocol: 'TCP' }] }]),
    ];
    expect(print('endpoints', objects)).toBe(
      'NAME         ENDPOINTS                                                     AGE\n' +
        'kubernetes   172.18.0.2:6443                                               10m\n' +
        'web          10.244.0.5:8080,10.244.0.6:8080,10.244.0.7:8080 + 1 more...   20s\n' +
        'empty        <none>                                                        5s\n' +
        'notready                                                                   8s\n',
    );
  });

  it('counts port × address pairs, brackets IPv6 and lists port-less subsets by IP', () => {
    const multi = ep('multi', 1, [
      {
        addresses: [{ ip: '10.244.0.5' }, { ip: '10.244.0.6' }],
        ports: [
          { name: 'http', port: 80 },
          { name: 'https', port: 443 },
        ],
      },
    ]);
    expect(tableRow('endpoints', multi, view)[1]).toBe('10.244.0.5:80,10.244.0.6:80,10.244.0.5:443 + 1 more...');
    expect(tableRow('endpoints', ep('v6', 1, [{ addresses: [{ ip: 'fd00::5' }], ports: [{ port: 80 }] }]), view)[1]).toBe('[fd00::5]:80');
    expect(tableRow('endpoints', ep('hl', 1, [{ addresses: [{ ip: '10.244.0.5' }, { ip: '10.244.0.6' }] }]), view)[1]).toBe(
      '10.244.0.5,10.244.0.6',
    );
  });
});

describe('endpointslices', () => {
  const slice = (name: string, ageS: number, ports: Any, endpoints: Any): KObject =>
    obj('discovery.k8s.io/v1', 'EndpointSlice', name, ageS, { addressType: 'IPv4', ports, endpoints });
  it('prints the §3.4 example with <unset>', () => {
    const objects = [
      slice('kubernetes', 600, [{ name: 'https', port: 6443, protocol: 'TCP' }], [{ addresses: ['172.18.0.2'], conditions: { ready: true } }]),
      slice('web-x7q2m', 20, [{ name: '', port: 8080, protocol: 'TCP' }], [
        { addresses: ['10.244.0.5'], conditions: { ready: true } },
        { addresses: ['10.244.0.6'], conditions: { ready: false } },
      ]),
      slice('empty-b4k9q', 5, null, null),
    ];
    expect(print('endpointslices', objects)).toBe(
      'NAME          ADDRESSTYPE   PORTS     ENDPOINTS               AGE\n' +
        'kubernetes    IPv4          6443      172.18.0.2              10m\n' +
        'web-x7q2m     IPv4          8080      10.244.0.5,10.244.0.6   20s\n' +
        'empty-b4k9q   IPv4          <unset>   <unset>                 5s\n',
    );
  });
  it('truncates to 3 ports / addresses with "+ N more..."', () => {
    const s = slice(
      'big',
      1,
      [{ port: 1 }, { name: 'named' }, {}, { port: 4 }],
      [{ addresses: ['10.0.0.1'] }, { addresses: ['10.0.0.2'] }, { addresses: ['10.0.0.3'] }, { addresses: ['10.0.0.4'] }, { addresses: ['10.0.0.5'] }],
    );
    expect(tableRow('endpointslices', s, view).slice(2, 4)).toEqual(['1,named,* + 1 more...', '10.0.0.1,10.0.0.2,10.0.0.3 + 2 more...']);
  });
});

describe('ingresses', () => {
  const ing = (name: string, ageS: number, spec: Any, status: Any = {}): KObject =>
    obj('networking.k8s.io/v1', 'Ingress', name, ageS, { spec, status });
  it('prints the §3.5 example: *, blank ADDRESS, "80, 443"', () => {
    const objects = [
      ing('minimal', 180, { ingressClassName: 'nginx', rules: [{ http: { paths: [] } }] }, { loadBalancer: { ingress: [{ hostname: 'localhost' }] } }),
      ing('tls-ing', 5, { tls: [{ hosts: ['foo.com'], secretName: 's' }], rules: [{ host: 'foo.com' }, { host: 'bar.com' }] }),
    ];
    expect(print('ingresses', objects)).toBe(
      'NAME      CLASS    HOSTS             ADDRESS     PORTS     AGE\n' +
        'minimal   nginx    *                 localhost   80        3m\n' +
        'tls-ing   <none>   foo.com,bar.com               80, 443   5s\n',
    );
  });
  it('lists 3 hosts then "+ N more..." counting all rules', () => {
    const i = ing('many', 1, { rules: [{ host: 'a' }, {}, { host: 'b' }, { host: 'c' }, { host: 'd' }] });
    expect(tableRow('ingresses', i, view)[2]).toBe('a,b,c + 2 more...');
  });
  it('prints ingress classes', () => {
    const ic = obj('networking.k8s.io/v1', 'IngressClass', 'nginx', 600, {
      spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' } },
    });
    const plain = obj('networking.k8s.io/v1', 'IngressClass', 'traefik', 30, { spec: { controller: 'traefik.io/ingress-controller' } });
    expect(print('ingressclasses', [ic, plain])).toBe(
      'NAME      CONTROLLER                      PARAMETERS                                      AGE\n' +
        'nginx     k8s.io/ingress-nginx            IngressParameters.k8s.example.com/external-lb   10m\n' +
        'traefik   traefik.io/ingress-controller   <none>                                          30s\n',
    );
  });
});

// ---- workloads ------------------------------------------------------------------------------

const template = (containers: Any[], labels: Any = { app: 'web' }): Any => ({ metadata: { labels }, spec: { containers } });

describe('deployments, replicasets, replication controllers', () => {
  const deploy = obj('apps/v1', 'Deployment', 'web', 40, {
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template([{ name: 'nginx', image: 'nginx' }]) },
    status: { replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
  });
  it('prints the §3.6 wide example', () => {
    expect(print('deployments', [deploy], { wide: true })).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES   SELECTOR\n' +
        'web    2/2     2            2           40s   nginx        nginx    app=web\n',
    );
  });
  it('prints 0 for missing status fields and a canonical selector with expressions', () => {
    const d = obj('apps/v1', 'Deployment', 'api', 5, {
      spec: {
        replicas: 3,
        selector: {
          matchLabels: { tier: 'backend', app: 'api' },
          matchExpressions: [
            { key: 'env', operator: 'In', values: ['prod', 'dev'] },
            { key: 'canary', operator: 'DoesNotExist' },
            { key: 'zone', operator: 'Exists' },
            { key: 'track', operator: 'NotIn', values: ['b', 'a'] },
          ],
        },
        template: template([
          { name: 'api', image: 'api:1.0' },
          { name: 'sidecar', image: 'envoy:1.29' },
        ]),
      },
      status: {},
    });
    expect(print('deployments', [d], { wide: true })).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS    IMAGES               SELECTOR\n' +
        'api    0/3     0            0           5s    api,sidecar   api:1.0,envoy:1.29   app=api,!canary,env in (dev,prod),tier=backend,track notin (a,b),zone\n',
    );
  });
  it('prints the §3.7 ReplicaSet wide example', () => {
    const rs = (name: string, hash: string, image: string, n: number, ageS: number): KObject =>
      obj('apps/v1', 'ReplicaSet', name, ageS, {
        spec: { replicas: n, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: template([{ name: 'nginx', image }]) },
        status: { replicas: n, readyReplicas: n || undefined },
      });
    expect(print('replicasets', [rs('web-7c5ddbdf54', '7c5ddbdf54', 'nginx', 2, 40), rs('web-5d4f8b7c69', '5d4f8b7c69', 'nginx:1.25', 0, 300)], { wide: true })).toBe(
      'NAME             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR\n' +
        'web-7c5ddbdf54   2         2         2       40s   nginx        nginx        app=web,pod-template-hash=7c5ddbdf54\n' +
        'web-5d4f8b7c69   0         0         0       5m    nginx        nginx:1.25   app=web,pod-template-hash=5d4f8b7c69\n',
    );
  });
  it('prints the §3.8 ReplicationController example and its map selector', () => {
    const rc = obj('v1', 'ReplicationController', 'nginx', 120, {
      spec: { replicas: 3, selector: { app: 'nginx' }, template: template([{ name: 'nginx', image: 'nginx' }], { app: 'nginx' }) },
      status: { replicas: 3, readyReplicas: 3 },
    });
    expect(print('replicationcontrollers', [rc])).toBe('NAME    DESIRED   CURRENT   READY   AGE\n' + 'nginx   3         3         3       2m\n');
    expect(tableRow('replicationcontrollers', rc, view).slice(5)).toEqual(['nginx', 'nginx', 'app=nginx']);
  });
});

describe('daemonsets, statefulsets, jobs, cronjobs', () => {
  it('prints a DaemonSet with NODE SELECTOR', () => {
    const ds = obj('apps/v1', 'DaemonSet', 'kube-proxy', 600, {
      spec: {
        selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
        template: { metadata: {}, spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.32.2' }] } },
      },
      status: { desiredNumberScheduled: 1, currentNumberScheduled: 1, numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1 },
    }, { namespace: 'kube-system' });
    expect(print('daemonsets', [ds])).toBe(
      'NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE\n' +
        'kube-proxy   1         1         1       1            1           kubernetes.io/os=linux   10m\n',
    );
    expect(tableRow('daemonsets', ds, view).slice(8)).toEqual(['kube-proxy', 'registry.k8s.io/kube-proxy:v1.32.2', 'k8s-app=kube-proxy']);
  });
  it('prints a StatefulSet READY ready/desired', () => {
    const sts = obj('apps/v1', 'StatefulSet', 'db', 90, {
      spec: { replicas: 3, selector: { matchLabels: { app: 'db' } }, template: template([{ name: 'postgres', image: 'postgres:16' }]) },
      status: { replicas: 2, readyReplicas: 1 },
    });
    expect(print('statefulsets', [sts], { wide: true })).toBe(
      'NAME   READY   AGE   CONTAINERS   IMAGES\n' + 'db     1/3     90s   postgres     postgres:16\n',
    );
  });
  it('prints Jobs: STATUS, COMPLETIONS, DURATION', () => {
    const job = (name: string, ageS: number, spec: Any, status: Any): KObject =>
      obj('batch/v1', 'Job', name, ageS, { spec: { template: template([{ name: 'pi', image: 'perl' }]), ...spec }, status });
    const objects = [
      job('pi', 300, { completions: 1, parallelism: 1 }, {
        succeeded: 1,
        startTime: ago(300),
        completionTime: ago(262),
        conditions: [{ type: 'SuccessCriteriaMet', status: 'True' }, { type: 'Complete', status: 'True' }],
      }),
      job('work', 60, { parallelism: 3 }, { startTime: ago(59), active: 3 }),
      job('fail', 30, { completions: 2, parallelism: 1 }, { failed: 1, startTime: ago(30), conditions: [{ type: 'Failed', status: 'True' }] }),
      job('later', 10, { completions: 5, parallelism: 1, suspend: true }, { conditions: [{ type: 'Suspended', status: 'True' }] }),
    ];
    expect(print('jobs', objects)).toBe(
      'NAME    STATUS      COMPLETIONS   DURATION   AGE\n' +
        'pi      Complete    1/1           38s        5m\n' +
        'work    Running     0/1 of 3      59s        60s\n' +
        'fail    Failed      0/2           30s        30s\n' +
        'later   Suspended   0/5                      10s\n',
    );
  });
  it('prints CronJobs: TIMEZONE, SUSPEND False/True, LAST SCHEDULE', () => {
    const cj = (name: string, spec: Any, status: Any): KObject =>
      obj('batch/v1', 'CronJob', name, 3600, {
        spec: { jobTemplate: { spec: { template: template([{ name: 'hello', image: 'busybox:1.28' }]) } }, ...spec },
        status,
      });
    const objects = [
      cj('hello', { schedule: '* * * * *', suspend: false }, { active: [{ name: 'hello-1' }], lastScheduleTime: ago(25) }),
      cj('nightly', { schedule: '0 3 * * *', timeZone: 'Etc/UTC', suspend: true }, {}),
    ];
    expect(print('cronjobs', objects)).toBe(
      'NAME      SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n' +
        'hello     * * * * *   <none>     False     1        25s             60m\n' +
        'nightly   0 3 * * *   Etc/UTC    True      0        <none>          60m\n',
    );
  });
});

// ---- cluster objects ------------------------------------------------------------------------

const clusterObj = (apiVersion: string, kind: string, name: string, ageS: number, rest: Any = {}, meta: Any = {}): KObject => ({
  apiVersion,
  kind,
  metadata: { name, creationTimestamp: ago(ageS), ...meta },
  ...rest,
});

const node = (name: string, ageS: number, labels: Any, ready = 'True', extra: Any = {}): KObject =>
  clusterObj('v1', 'Node', name, ageS, {
    spec: extra.spec ?? {},
    status: {
      conditions: [
        { type: 'MemoryPressure', status: 'False' },
        { type: 'Ready', status: ready },
      ],
      addresses: [
        { type: 'InternalIP', address: extra.ip ?? '172.18.0.2' },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.32.2',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.8.0-45-generic',
        containerRuntimeVersion: 'containerd://1.7.24',
      },
    },
  }, { labels });

describe('namespaces and nodes', () => {
  it('prints the §3.9 kind baseline namespaces (never with a NAMESPACE column)', () => {
    const ns = ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage'].map((n) =>
      clusterObj('v1', 'Namespace', n, 600, { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }),
    );
    expect(print('namespaces', ns, { allNamespaces: true })).toBe(
      'NAME                 STATUS   AGE\n' +
        'default              Active   10m\n' +
        'kube-node-lease      Active   10m\n' +
        'kube-public          Active   10m\n' +
        'kube-system          Active   10m\n' +
        'local-path-storage   Active   10m\n',
    );
  });
  it('prints the §3.10 nodes, ROLES from labels', () => {
    const cp = node('kind-control-plane', 600, { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'kind-control-plane' });
    const worker = node('kind-worker', 590, { 'kubernetes.io/hostname': 'kind-worker' }, 'True', { ip: '172.18.0.3' });
    expect(print('nodes', [cp, worker])).toBe(
      'NAME                 STATUS   ROLES           AGE     VERSION\n' +
        'kind-control-plane   Ready    control-plane   10m     v1.32.2\n' +
        'kind-worker          Ready    <none>          9m50s   v1.32.2\n',
    );
    expect(print('nodes', [cp], { wide: true })).toBe(
      'NAME                 STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME\n' +
        'kind-control-plane   Ready    control-plane   10m   v1.32.2   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-45-generic   containerd://1.7.24\n',
    );
  });
  it('shows NotReady, Unknown, SchedulingDisabled and merged role labels', () => {
    const n1 = node('n1', 60, { 'kubernetes.io/role': 'infra', 'node-role.kubernetes.io/worker': 'true', 'node-role.kubernetes.io/infra': '' }, 'Unknown', {
      spec: { unschedulable: true },
    });
    expect(tableRow('nodes', n1, view).slice(1, 3)).toEqual(['NotReady,SchedulingDisabled', 'infra,worker']);
    const n2 = clusterObj('v1', 'Node', 'n2', 60, { spec: {}, status: {} });
    expect(tableRow('nodes', n2, view)).toEqual(['n2', 'Unknown', '<none>', '60s', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });
});

describe('configmaps, secrets, serviceaccounts, events', () => {
  it('prints DATA, TYPE and SECRETS counts', () => {
    const cm = obj('v1', 'ConfigMap', 'kube-root-ca.crt', 600, { data: { 'ca.crt': 'x' } });
    const cm2 = obj('v1', 'ConfigMap', 'app-config', 30, { data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } });
    expect(print('configmaps', [cm2, cm])).toBe(
      'NAME               DATA   AGE\n' + 'app-config         3      30s\n' + 'kube-root-ca.crt   1      10m\n',
    );
    const tls = obj('v1', 'Secret', 'tls-secret', 20, { type: 'kubernetes.io/tls', data: { 'tls.crt': 'x', 'tls.key': 'y' } });
    const empty = obj('v1', 'Secret', 'empty', 5, { type: 'Opaque' });
    expect(print('secrets', [empty, tls])).toBe(
      'NAME         TYPE                DATA   AGE\n' + 'empty        Opaque              0      5s\n' + 'tls-secret   kubernetes.io/tls   2      20s\n',
    );
    const sa = obj('v1', 'ServiceAccount', 'default', 600, {});
    expect(print('serviceaccounts', [sa])).toBe('NAME      SECRETS   AGE\n' + 'default   0         10m\n');
  });

  const event = (name: string, rest: Any): KObject => obj('v1', 'Event', name, 10, rest);
  const scheduled = event('nginx.181f0c7d8a2b3c4d', {
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'nginx', fieldPath: '' },
    reason: 'Scheduled',
    message: 'Successfully assigned default/nginx to kind-control-plane',
    source: {},
    reportingComponent: 'default-scheduler',
    firstTimestamp: null,
    lastTimestamp: null,
    eventTime: new Date(NOW - 10_000).toISOString().replace('Z', '000Z'),
    type: 'Normal',
  });
  const pulled = event('nginx.181f0c7e1b2c3d4e', {
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'nginx', fieldPath: 'spec.containers{nginx}' },
    reason: 'Pulled',
    message: 'Successfully pulled image "nginx" in 1.2s (1.2s including waiting). Image size: 72188133 bytes.\n',
    source: { component: 'kubelet', host: 'kind-control-plane' },
    firstTimestamp: ago(8),
    lastTimestamp: ago(8),
    count: 1,
    type: 'Normal',
  });
  it('prints LAST SEEN TYPE REASON OBJECT MESSAGE', () => {
    expect(print('events', [scheduled, pulled])).toBe(
      'LAST SEEN   TYPE     REASON      OBJECT      MESSAGE\n' +
        '10s         Normal   Scheduled   pod/nginx   Successfully assigned default/nginx to kind-control-plane\n' +
        '8s          Normal   Pulled      pod/nginx   Successfully pulled image "nginx" in 1.2s (1.2s including waiting). Image size: 72188133 bytes.\n',
    );
  });
  it('adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME in wide mode; the kind prefix lands on the wide NAME', () => {
    const out = printTables([{ plural: 'events', objects: [pulled] }], view, { wide: true, withKind: true });
    expect(out).toBe(
      'LAST SEEN   TYPE     REASON   OBJECT      SUBOBJECT                SOURCE                        MESSAGE                                                                                           FIRST SEEN   COUNT   NAME\n' +
        '8s          Normal   Pulled   pod/nginx   spec.containers{nginx}   kubelet, kind-control-plane   Successfully pulled image "nginx" in 1.2s (1.2s including waiting). Image size: 72188133 bytes.   8s           1       event/nginx.181f0c7e1b2c3d4e\n',
    );
    // Without -o wide the NAME column is hidden, so no prefix is visible.
    expect(printTables([{ plural: 'events', objects: [pulled] }], view, { withKind: true })).not.toContain('event/');
  });
});

describe('storage', () => {
  it('prints PVs and PVCs (1.32 columns incl. VOLUMEATTRIBUTESCLASS)', () => {
    const pv = clusterObj('v1', 'PersistentVolume', 'pvc-3f2a', 120, {
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'standard',
        volumeMode: 'Filesystem',
        claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data' },
      },
      status: { phase: 'Bound' },
    });
    expect(print('persistentvolumes', [pv], { allNamespaces: true })).toBe(
      'NAME       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM          STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
        'pvc-3f2a   1Gi        RWO            Delete           Bound    default/data   standard       <unset>                          2m\n',
    );
    const bound = obj('v1', 'PersistentVolumeClaim', 'data', 125, {
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem', volumeName: 'pvc-3f2a' },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce', 'ReadWriteMany'], capacity: { storage: '1Gi' } },
    });
    const pending = obj('v1', 'PersistentVolumeClaim', 'logs', 5, {
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
    expect(print('persistentvolumeclaims', [bound, pending], { wide: true })).toBe(
      'NAME   STATUS    VOLUME     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE    VOLUMEMODE\n' +
        'data   Bound     pvc-3f2a   1Gi        RWO,RWX        standard       <unset>                 2m5s   Filesystem\n' +
        'logs   Pending                                        standard       <unset>                 5s     Filesystem\n',
    );
  });
  it('prints the kind default StorageClass', () => {
    const sc = clusterObj('storage.k8s.io/v1', 'StorageClass', 'standard', 600, {
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    }, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } });
    expect(print('storageclasses', [sc])).toBe(
      'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\n' +
        'standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  10m\n',
    );
  });
});

describe('quotas, rbac, hpa, network policies, priority classes, fallback', () => {
  it('prints ResourceQuota as NAME AGE REQUEST LIMIT (1.32 order)', () => {
    const rq = obj('v1', 'ResourceQuota', 'compute', 9, {
      spec: {},
      status: {
        hard: { 'limits.cpu': '2', 'limits.memory': '2Gi', pods: '4', 'requests.cpu': '1', 'requests.memory': '1Gi' },
        used: { 'limits.cpu': '500m', pods: '1', 'requests.cpu': '250m', 'requests.memory': '64Mi' },
      },
    });
    expect(print('resourcequotas', [rq])).toBe(
      'NAME      AGE   REQUEST                                                      LIMIT\n' +
        'compute   9s    pods: 1/4, requests.cpu: 250m/1, requests.memory: 64Mi/1Gi   limits.cpu: 500m/2, limits.memory: 0/2Gi\n',
    );
  });
  it('prints roles with CREATED AT and role bindings with wide subjects', () => {
    const role = obj('rbac.authorization.k8s.io/v1', 'Role', 'pod-reader', 30, { rules: [] }, { creationTimestamp: '2025-02-28T09:15:00Z' });
    expect(print('roles', [role])).toBe('NAME         CREATED AT\n' + 'pod-reader   2025-02-28T09:15:00Z\n');
    const rb = obj('rbac.authorization.k8s.io/v1', 'RoleBinding', 'read-pods', 30, {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
      subjects: [
        { kind: 'User', name: 'jane' },
        { kind: 'ServiceAccount', name: 'default', namespace: 'default' },
        { kind: 'Group', name: 'devs' },
        { kind: 'User', name: 'bob' },
      ],
    });
    expect(print('rolebindings', [rb], { wide: true })).toBe(
      'NAME        ROLE              AGE   USERS       GROUPS   SERVICEACCOUNTS\n' + 'read-pods   Role/pod-reader   30s   jane, bob   devs     default/default\n',
    );
  });
  it('prints HPA targets', () => {
    const hpa = obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', 60, {
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 1,
        maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
      },
      status: { currentReplicas: 1, desiredReplicas: 1 },
    });
    expect(print('horizontalpodautoscalers', [hpa])).toBe(
      'NAME   REFERENCE        TARGETS              MINPODS   MAXPODS   REPLICAS   AGE\n' +
        'web    Deployment/web   cpu: <unknown>/50%   1         10        1          60s\n',
    );
    (hpa.status as Any).currentMetrics = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 12, averageValue: '6m' } } }];
    (hpa.spec as Any).metrics.push(
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } },
      { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1k' } } },
    );
    expect(tableRow('horizontalpodautoscalers', hpa, view)[2]).toBe('cpu: 12%/50%, memory: <unknown>/100Mi + 1 more...');
  });
  it('prints network policies and priority classes', () => {
    const np = obj('networking.k8s.io/v1', 'NetworkPolicy', 'deny-all', 20, { spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    const np2 = obj('networking.k8s.io/v1', 'NetworkPolicy', 'api-allow', 10, { spec: { podSelector: { matchLabels: { app: 'bookstore', role: 'api' } } } });
    expect(print('networkpolicies', [np2, np])).toBe(
      'NAME        POD-SELECTOR             AGE\n' + 'api-allow   app=bookstore,role=api   10s\n' + 'deny-all    <none>                   20s\n',
    );
    const pc = clusterObj('scheduling.k8s.io/v1', 'PriorityClass', 'system-node-critical', 600, {
      value: 2000001000,
      preemptionPolicy: 'PreemptLowerPriority',
    });
    expect(print('priorityclasses', [pc])).toBe(
      'NAME                   VALUE        GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY\n' +
        'system-node-critical   2000001000   false            10m   PreemptLowerPriority\n',
    );
  });
  it('falls back to NAME AGE for types without a printer', () => {
    const crd = obj('stable.example.com/v1', 'CronTab', 'my-new-cron-object', 15, { spec: {} });
    expect(tableColumns('crontabs').map((c) => c.name)).toEqual(['Name', 'Age']);
    expect(print('crontabs', [crd], { withKind: true })).toBe(
      'NAME                                            AGE\n' + 'crontab.stable.example.com/my-new-cron-object   15s\n',
    );
  });
});

// ---- decoration: sections, kind prefixes, labels, headers -----------------------------------

describe('printTables decoration', () => {
  const rsWeb = obj('apps/v1', 'ReplicaSet', 'web-7c5ddbdf54', 40, {
    spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } }, template: template([{ name: 'nginx', image: 'nginx' }]) },
    status: { replicas: 2, readyReplicas: 2, availableReplicas: 2 },
  });
  const deployWeb = obj('apps/v1', 'Deployment', 'web', 40, {
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template([{ name: 'nginx', image: 'nginx' }]) },
    status: { replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
  });
  const svcWeb = svc('web', 20, { type: 'ClusterIP', clusterIPs: ['10.96.143.7'], selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP' }] });
  const kubeSvc = svc('kubernetes', 600, { type: 'ClusterIP', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] });
  const allSections = (pods: KObject[]) => [
    { plural: 'pods', objects: pods },
    { plural: 'replicationcontrollers', objects: [] },
    { plural: 'services', objects: [kubeSvc, svcWeb] },
    { plural: 'daemonsets', objects: [] },
    { plural: 'deployments', objects: [deployWeb] },
    { plural: 'replicasets', objects: [rsWeb] },
    { plural: 'statefulsets', objects: [] },
    { plural: 'horizontalpodautoscalers', objects: [] },
    { plural: 'cronjobs', objects: [] },
    { plural: 'jobs', objects: [] },
  ];

  it('prints the §2.3 `get all` example: kind prefixes, one blank line between sections', () => {
    const out = printTables(allSections([runningPod('web-7c5ddbdf54-2xkqn', 40), runningPod('web-7c5ddbdf54-k9wqz', 40)]), view, { withKind: true });
    expect(out).toBe(
      'NAME                       READY   STATUS    RESTARTS   AGE\n' +
        'pod/web-7c5ddbdf54-2xkqn   1/1     Running   0          40s\n' +
        'pod/web-7c5ddbdf54-k9wqz   1/1     Running   0          40s\n' +
        '\n' +
        'NAME                 TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE\n' +
        'service/kubernetes   ClusterIP   10.96.0.1     <none>        443/TCP   10m\n' +
        'service/web          ClusterIP   10.96.143.7   <none>        80/TCP    20s\n' +
        '\n' +
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'deployment.apps/web   2/2     2            2           40s\n' +
        '\n' +
        'NAME                             DESIRED   CURRENT   READY   AGE\n' +
        'replicaset.apps/web-7c5ddbdf54   2         2         2       40s\n',
    );
  });

  it('keeps the prefix when only one section has objects, with no blank lines', () => {
    const sections = allSections([]).map((s) => (s.plural === 'services' ? { ...s, objects: [kubeSvc] } : { ...s, objects: [] }));
    expect(printTables(sections, view, { withKind: true })).toBe(
      'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' + 'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   10m\n',
    );
  });

  it('returns an empty string when nothing would print', () => {
    expect(printTables(allSections([]).map((s) => ({ ...s, objects: [] })), view, { withKind: true })).toBe('');
    expect(print('pods', [])).toBe('');
    expect(print('pods', [], { noHeaders: true })).toBe('');
  });

  it('omits headers and blank lines with --no-headers', () => {
    const out = printTables(
      [
        { plural: 'pods', objects: [runningPod('nginx', 10)] },
        { plural: 'services', objects: [kubeSvc] },
      ],
      view,
      { noHeaders: true, withKind: true },
    );
    expect(out).toBe('pod/nginx   1/1   Running   0     10s\n' + 'service/kubernetes   ClusterIP   10.96.0.1   <none>   443/TCP   10m\n');
  });

  it('aligns each section independently and adds NAMESPACE only to namespaced types', () => {
    const cp = node('kind-control-plane', 600, { 'node-role.kubernetes.io/control-plane': '' });
    const out = printTables(
      [
        { plural: 'nodes', objects: [cp] },
        { plural: 'pods', objects: [runningPod('nginx', 10)] },
      ],
      view,
      { allNamespaces: true, withKind: true },
    );
    expect(out).toBe(
      'NAME                      STATUS   ROLES           AGE   VERSION\n' +
        'node/kind-control-plane   Ready    control-plane   10m   v1.32.2\n' +
        '\n' +
        'NAMESPACE   NAME        READY   STATUS    RESTARTS   AGE\n' +
        'default     pod/nginx   1/1     Running   0          10s\n',
    );
  });

  it('adds -L columns (header after the last /, upper-cased) before LABELS; <none> for no labels', () => {
    const a = runningPod('a', 10, {}, { labels: { 'app.kubernetes.io/name': 'shop', tier: 'frontend' } });
    const b = runningPod('b', 10);
    expect(print('pods', [a, b], { labelColumns: ['app.kubernetes.io/name', 'tier', 'missing'], showLabels: true })).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   NAME   TIER       MISSING   LABELS\n' +
        'a      1/1     Running   0          10s   shop   frontend             app.kubernetes.io/name=shop,tier=frontend\n' +
        'b      1/1     Running   0          10s                               <none>\n',
    );
  });

  it('puts -L columns after the wide columns and keeps them with --no-headers', () => {
    const a = runningPod('a', 10, {}, { labels: { app: 'web' } });
    expect(print('pods', [a], { wide: true, labelColumns: ['app'], noHeaders: true })).toBe(
      'a     1/1   Running   0     10s   10.244.0.5   kind-control-plane   <none>   <none>   web\n',
    );
  });

  it('prints a blank line only between sections that printed (empty middle section)', () => {
    const out = printTables(
      [
        { plural: 'services', objects: [kubeSvc] },
        { plural: 'endpoints', objects: [] },
        { plural: 'namespaces', objects: [clusterObj('v1', 'Namespace', 'default', 600, { status: { phase: 'Active' } })] },
      ],
      view,
      {},
    );
    expect(out).toBe(
      'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' +
        'kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   10m\n' +
        '\n' +
        'NAME      STATUS   AGE\n' +
        'default   Active   10m\n',
    );
  });

  it('merges consecutive sections of one type into one table (one printer per type change)', () => {
    const out = printTables(
      [
        { plural: 'pods', objects: [runningPod('a', 10)] },
        { plural: 'pods', objects: [runningPod('longer-name', 10)] },
      ],
      view,
      {},
    );
    expect(out).toBe(
      'NAME          READY   STATUS    RESTARTS   AGE\n' + 'a             1/1     Running   0          10s\n' + 'longer-name   1/1     Running   0          10s\n',
    );
  });

  it('cuts cells at a newline with "..." and escapes ESC', () => {
    const cm = obj('v1', 'Event', 'e', 10, {
      involvedObject: { kind: 'Pod', name: 'x' },
      reason: 'Bad',
      type: 'Warning',
      message: 'first line\x1b[31m red\nsecond line',
      firstTimestamp: ago(10),
      lastTimestamp: ago(10),
    });
    expect(print('events', [cm])).toBe(
      'LAST SEEN   TYPE      REASON   OBJECT   MESSAGE\n' + '10s         Warning   Bad      pod/x    first line^[[31m red...\n',
    );
  });
});

describe('selectors', () => {
  it('formats canonical selector strings', () => {
    expect(selectorString({ matchLabels: { b: '2', a: '1' } })).toBe('a=1,b=2');
    expect(selectorString({})).toBe('');
    expect(selectorString(undefined)).toBe('');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'k', operator: 'In', values: [] }] })).toBe('<error>');
    expect(selectorString({ matchExpressions: [{ key: 'k', operator: 'Bogus', values: ['a'] }] })).toBeUndefined();
  });
});
