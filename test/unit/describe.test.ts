import { describe, expect, it } from 'vitest';
import type { ClusterView, KObject } from '../../src/api/types.js';
import { describeObject, describeSupported } from '../../src/printers/describe/index.js';
import { goSort } from '../../src/printers/describe/gosort.js';
import { formatQuantity, parseQuantity, add, quantityString } from '../../src/printers/describe/quantity.js';
import { smartLabelFor } from '../../src/printers/describe/generic.js';

// ---- a small in-memory ClusterView ----

const PLURALS: Record<string, string> = {
  Pod: 'pods',
  Service: 'services',
  Endpoints: 'endpoints',
  EndpointSlice: 'endpointslices',
  Deployment: 'deployments',
  ReplicaSet: 'replicasets',
  ReplicationController: 'replicationcontrollers',
  Ingress: 'ingresses',
  Node: 'nodes',
  Namespace: 'namespaces',
  ResourceQuota: 'resourcequotas',
  LimitRange: 'limitranges',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  ServiceAccount: 'serviceaccounts',
  NetworkPolicy: 'networkpolicies',
  ControllerRevision: 'controllerrevisions',
  DaemonSet: 'daemonsets',
  Job: 'jobs',
  Event: 'events',
};

function makeView(objects: KObject[], nowIso: string): ClusterView {
  const now = Date.parse(nowIso);
  const byPlural = (plural: string) =>
    objects
      .filter((o) => PLURALS[o.kind] === plural)
      .sort((a, b) =>
        (a.metadata.namespace ?? '') === (b.metadata.namespace ?? '')
          ? a.metadata.name.localeCompare(b.metadata.name)
          : (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? ''),
      );
  return {
    now,
    list: (plural, namespace) => byPlural(plural).filter((o) => namespace === undefined || o.metadata.namespace === namespace),
    get: (plural, namespace, name) => byPlural(plural).find((o) => o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace)),
    eventsFor: (obj) =>
      byPlural('events').filter(
        (e) =>
          e.involvedObject.name === obj.metadata.name &&
          (e.involvedObject.namespace ?? '') === (obj.metadata.namespace ?? '') &&
          (!e.involvedObject.kind || e.involvedObject.kind === obj.kind),
      ),
  };
}

const NOW = '2024-05-14T10:21:45Z';
const ago = (s: number): string => new Date(Date.parse(NOW) - s * 1000).toISOString().replace('.000Z', 'Z');

let evSeq = 0;
function event(obj: { kind: string; name: string; namespace?: string }, type: string, reason: string, message: string, component: string, first: string, last = first, count = 1): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${obj.name}.${(evSeq++).toString(16).padStart(16, '0')}`, namespace: obj.namespace ?? 'default' },
    involvedObject: { kind: obj.kind, name: obj.name, namespace: obj.namespace },
    reason,
    message,
    type,
    source: { component },
    firstTimestamp: first,
    lastTimestamp: last,
    count,
  };
}

// ---- fixtures ----

const RS_UID = 'rs-uid-1';
const DEPLOY_UID = 'deploy-uid-1';

const TEMPLATE = {
  metadata: { labels: { app: 'web' } },
  spec: {
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        imagePullPolicy: 'IfNotPresent',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
  },
};

function webPod(name: string, ip: string, phase = 'Running', owner: string | null = RS_UID): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: '2024-05-14T10:21:33Z',
      labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' },
      ownerReferences: owner
        ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7c5ddbdf54', uid: owner, controller: true, blockOwnerDeletion: true }]
        : undefined,
    },
    spec: {
      volumes: [
        {
          name: 'kube-api-access-x7l2m',
          projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
            ],
            defaultMode: 420,
          },
        },
      ],
      containers: [
        {
          ...TEMPLATE.spec.containers[0],
          volumeMounts: [{ name: 'kube-api-access-x7l2m', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
        },
      ],
      serviceAccountName: 'default',
      serviceAccount: 'default',
      nodeName: 'kind-control-plane',
      priority: 0,
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase,
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: '2024-05-14T10:21:35Z' },
        { type: 'Initialized', status: 'True', lastTransitionTime: '2024-05-14T10:21:33Z' },
        { type: 'Ready', status: 'True', lastTransitionTime: '2024-05-14T10:21:35Z' },
        { type: 'ContainersReady', status: 'True', lastTransitionTime: '2024-05-14T10:21:35Z' },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: '2024-05-14T10:21:33Z' },
      ],
      hostIP: '172.18.0.2',
      hostIPs: [{ ip: '172.18.0.2' }],
      podIP: ip,
      podIPs: [{ ip }],
      startTime: '2024-05-14T10:21:33Z',
      containerStatuses: [
        {
          name: 'nginx',
          state: { running: { startedAt: '2024-05-14T10:21:35Z' } },
          lastState: {},
          ready: true,
          restartCount: 0,
          image: 'docker.io/library/nginx:1.27',
          imageID: 'docker.io/library/nginx@sha256:0f04e4f646a3f14bf31d8bc8d885b6c951fdcf42589d06845f64d18aec6a3c4d',
          containerID: 'containerd://3f2a9c1e5b7d4f6a8c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b9d2f4a',
          started: true,
        },
      ],
      qosClass: 'BestEffort',
    },
  };
}

describe('describe Pod', () => {
  it('renders a Deployment pod exactly like the reference example (§16.3)', () => {
    const pod = webPod('web-7c5ddbdf54-2xkqn', '10.244.0.5');
    const ref = { kind: 'Pod', name: 'web-7c5ddbdf54-2xkqn', namespace: 'default' };
    const scheduled: KObject = {
      ...event(ref, 'Normal', 'Scheduled', 'Successfully assigned default/web-7c5ddbdf54-2xkqn to kind-control-plane', '', ago(12)),
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      eventTime: '2024-05-14T10:21:32.900000Z',
      reportingComponent: 'default-scheduler',
    };
    const view = makeView(
      [
        pod,
        scheduled,
        event(ref, 'Normal', 'Pulling', 'Pulling image "nginx:1.27"', 'kubelet', ago(12)),
        event(ref, 'Normal', 'Pulled', 'Successfully pulled image "nginx:1.27" in 1.842s (1.842s including waiting). Image size: 72955450 bytes.', 'kubelet', ago(10)),
        event(ref, 'Normal', 'Created', 'Created container nginx', 'kubelet', ago(10)),
        event(ref, 'Normal', 'Started', 'Started container nginx', 'kubelet', ago(10)),
      ],
      NOW,
    );
    expect(describeObject(pod, view)).toBe(
      [
        'Name:             web-7c5ddbdf54-2xkqn',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             kind-control-plane/172.18.0.2',
        'Start Time:       Tue, 14 May 2024 10:21:33 +0000',
        'Labels:           app=web',
        '                  pod-template-hash=7c5ddbdf54',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.0.5',
        'IPs:',
        '  IP:           10.244.0.5',
        'Controlled By:  ReplicaSet/web-7c5ddbdf54',
        'Containers:',
        '  nginx:',
        '    Container ID:   containerd://3f2a9c1e5b7d4f6a8c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b9d2f4a',
        '    Image:          nginx:1.27',
        '    Image ID:       docker.io/library/nginx@sha256:0f04e4f646a3f14bf31d8bc8d885b6c951fdcf42589d06845f64d18aec6a3c4d',
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Tue, 14 May 2024 10:21:35 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7l2m (ro)',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        '  kube-api-access-x7l2m:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    ConfigMapOptional:       <nil>',
        '    DownwardAPI:             true',
        'QoS Class:                   BestEffort',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        '  Normal  Scheduled  12s   default-scheduler  Successfully assigned default/web-7c5ddbdf54-2xkqn to kind-control-plane',
        '  Normal  Pulling    12s   kubelet            Pulling image "nginx:1.27"',
        '  Normal  Pulled     10s   kubelet            Successfully pulled image "nginx:1.27" in 1.842s (1.842s including waiting). Image size: 72955450 bytes.',
        '  Normal  Created    10s   kubelet            Created container nginx',
        '  Normal  Started    10s   kubelet            Started container nginx',
        '',
      ].join('\n'),
    );
  });

  it('renders a crash-looping pod: env, probes, limits, last state, repeated events, no controller', () => {
    const pod: KObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'crash',
        namespace: 'default',
        creationTimestamp: ago(300),
        labels: { run: 'crash' },
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}\n', note: 'hello' },
      },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'busybox:1.36',
            command: ['sh', '-c'],
            args: ['echo start\nexit 1'],
            env: [
              { name: 'MODE', value: 'debug' },
              { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
              { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
              { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
            ],
            resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '0.25', memory: '64Mi' } },
            livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
            readinessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          },
        ],
        nodeName: 'kind-control-plane',
        priority: 0,
        serviceAccountName: 'default',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
      },
      status: {
        phase: 'Running',
        hostIP: '172.18.0.2',
        podIP: '10.244.0.9',
        podIPs: [{ ip: '10.244.0.9' }],
        startTime: ago(300),
        conditions: [{ type: 'Ready', status: 'False' }],
        containerStatuses: [
          {
            name: 'app',
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: ago(70), finishedAt: ago(69) } },
            ready: false,
            restartCount: 3,
            image: 'docker.io/library/busybox:1.36',
            imageID: 'docker.io/library/busybox@sha256:abc',
            containerID: 'containerd://deadbeef',
          },
        ],
        qosClass: 'Burstable',
      },
    };
    const ref = { kind: 'Pod', name: 'crash', namespace: 'default' };
    const view = makeView(
      [pod, event(ref, 'Warning', 'BackOff', 'Back-off restarting failed container app in pod crash_default(uid)', 'kubelet', ago(250), ago(5), 12)],
      NOW,
    );
    expect(describeObject(pod, view)).toBe(
      [
        'Name:             crash',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             kind-control-plane/172.18.0.2',
        'Start Time:       Tue, 14 May 2024 10:16:45 +0000',
        'Labels:           run=crash',
        'Annotations:      note: hello',
        'Status:           Running',
        'IP:               10.244.0.9',
        'IPs:',
        '  IP:  10.244.0.9',
        'Containers:',
        '  app:',
        '    Container ID:  containerd://deadbeef',
        '    Image:         busybox:1.36',
        '    Image ID:      docker.io/library/busybox@sha256:abc',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Command:',
        '      sh',
        '      -c',
        '    Args:',
        '      echo start',
        '      exit 1',
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Tue, 14 May 2024 10:20:35 +0000',
        '      Finished:     Tue, 14 May 2024 10:20:36 +0000',
        '    Ready:          False',
        '    Restart Count:  3',
        '    Limits:',
        '      cpu:     500m',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:      250m',
        '      memory:   64Mi',
        '    Liveness:   http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Readiness:  tcp-socket :8080 delay=5s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:',
        '      MODE:      debug',
        '      POD_NAME:  crash (v1:metadata.name)',
        '      POD_IP:     (v1:status.podIP)',
        "      PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false",
        '    Mounts:      <none>',
        'Conditions:',
        '  Type           Status',
        '  Ready          False ',
        'Volumes:         <none>',
        'QoS Class:       Burstable',
        'Node-Selectors:  kubernetes.io/os=linux',
        'Tolerations:     <none>',
        'Events:',
        '  Type     Reason   Age                  From     Message',
        '  ----     ------   ----                 ----     -------',
        '  Warning  BackOff  5s (x12 over 4m10s)  kubelet  Back-off restarting failed container app in pod crash_default(uid)',
        '',
      ].join('\n'),
    );
  });

  it('shows a pending, unscheduled pod with Node <none>, IPs <none> and Events <none>', () => {
    const pod: KObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443, protocol: 'TCP', hostPort: 8443 }] }] },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    };
    expect(describeObject(pod, makeView([pod], NOW))).toBe(
      [
        'Name:         p',
        'Namespace:    default',
        'Node:         <none>',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       Pending',
        'IP:           ',
        'IPs:          <none>',
        'Containers:',
        '  c:',
        '    Image:        nginx',
        '    Ports:        80/TCP, 443/TCP',
        '    Host Ports:   0/TCP, 8443/TCP',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        'Volumes:          <none>',
        'QoS Class:        BestEffort',
        'Node-Selectors:   <none>',
        'Tolerations:      <none>',
        'Events:           <none>',
        '',
      ].join('\n'),
    );
  });
});

// ---- Service ----

function slice(name: string, svc: string, ports: { name: string; port: number }[], endpoints: { ip: string; ready: boolean }[]): KObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': svc } },
    addressType: 'IPv4',
    ports: ports.map((p) => ({ name: p.name, port: p.port, protocol: 'TCP' })),
    endpoints: endpoints.map((e) => ({ addresses: [e.ip], conditions: { ready: e.ready, serving: e.ready, terminating: false } })),
  };
}

function service(name: string, spec: Record<string, unknown>, labels?: Record<string, string>): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', labels },
    spec: {
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      type: 'ClusterIP',
      ...spec,
    },
    status: { loadBalancer: {} },
  };
}

describe('describe Service', () => {
  it('renders a ClusterIP service like the reference example (§16.2)', () => {
    const svc = service(
      'web',
      { selector: { app: 'web' }, clusterIP: '10.96.143.7', clusterIPs: ['10.96.143.7'], ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] },
      { app: 'web' },
    );
    const view = makeView(
      [svc, slice('web-abcde', 'web', [{ name: 'http', port: 8080 }], [{ ip: '10.244.0.5', ready: true }, { ip: '10.244.0.6', ready: true }, { ip: '10.244.0.7', ready: false }])],
      NOW,
    );
    expect(describeObject(svc, view)).toBe(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.143.7',
        'IPs:                      10.96.143.7',
        'Port:                     http  80/TCP',
        'TargetPort:               8080/TCP',
        'Endpoints:                10.244.0.5:8080,10.244.0.6:8080',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('renders a multi-port NodePort service with named target ports, unnamed ports and "+ N more"', () => {
    const svc = service('web-np', {
      type: 'NodePort',
      selector: { app: 'web', tier: 'front' },
      clusterIP: '10.96.20.30',
      clusterIPs: ['10.96.20.30'],
      externalTrafficPolicy: 'Cluster',
      ports: [
        { name: 'http', port: 80, targetPort: 'http', nodePort: 30080, protocol: 'TCP' },
        { name: 'metrics', port: 9090, targetPort: 9090, nodePort: 31090, protocol: 'TCP' },
      ],
    });
    const eps = ['10.244.0.5', '10.244.0.6', '10.244.0.7', '10.244.0.8', '10.244.0.9'].map((ip) => ({ ip, ready: true }));
    const view = makeView(
      [
        svc,
        slice('web-np-1', 'web-np', [{ name: 'http', port: 8080 }, { name: 'metrics', port: 9090 }], eps.slice(0, 2)),
        slice('web-np-2', 'web-np', [{ name: 'http', port: 8080 }], eps.slice(2)),
        event({ kind: 'Service', name: 'web-np', namespace: 'default' }, 'Normal', 'Type', 'ClusterIP -> NodePort', 'service-controller', ago(130)),
      ],
      NOW,
    );
    expect(describeObject(svc, view)).toBe(
      [
        'Name:                     web-np',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=web,tier=front',
        'Type:                     NodePort',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.20.30',
        'IPs:                      10.96.20.30',
        'Port:                     http  80/TCP',
        'TargetPort:               http/TCP',
        'NodePort:                 http  30080/TCP',
        'Endpoints:                10.244.0.5:8080,10.244.0.6:8080,10.244.0.7:8080 + 2 more...',
        'Port:                     metrics  9090/TCP',
        'TargetPort:               9090/TCP',
        'NodePort:                 metrics  31090/TCP',
        'Endpoints:                10.244.0.5:9090,10.244.0.6:9090',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:',
        '  Type    Reason  Age    From                Message',
        '  ----    ------  ----   ----                -------',
        '  Normal  Type    2m10s  service-controller  ClusterIP -> NodePort',
        '',
      ].join('\n'),
    );
  });

  it('shows <none> endpoints without slices, an empty list without ready endpoints, and the ExternalName layout', () => {
    const unnamed = service('db', { clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'], ports: [{ port: 5432, targetPort: 5432, protocol: 'TCP' }] });
    const view = makeView([unnamed], NOW);
    expect(describeObject(unnamed, view)).toContain('Port:                     <unset>  5432/TCP\nTargetPort:               5432/TCP\nEndpoints:                <none>\n');
    const view2 = makeView([unnamed, slice('db-1', 'db', [{ name: '', port: 5432 }], [{ ip: '10.244.0.5', ready: false }])], NOW);
    expect(describeObject(unnamed, view2)).toContain('\nEndpoints:                \nSession Affinity:         None\n');
    // describe.go sets its "more" flag before skipping not-ready endpoints (kubectl 1.32 quirk).
    const quirk = [{ ip: '10.244.0.1', ready: true }, { ip: '10.244.0.2', ready: true }, { ip: '10.244.0.3', ready: true }, { ip: '10.244.0.4', ready: false }];
    const view3 = makeView([unnamed, slice('db-1', 'db', [{ name: '', port: 5432 }], quirk)], NOW);
    expect(describeObject(unnamed, view3)).toContain('\nEndpoints:                10.244.0.1:5432,10.244.0.2:5432,10.244.0.3:5432 + 0 more...\n');

    const ext: KObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'ext', namespace: 'default' },
      spec: { type: 'ExternalName', externalName: 'api.example.com', sessionAffinity: 'None' },
      status: { loadBalancer: {} },
    };
    expect(describeObject(ext, makeView([ext], NOW))).toBe(
      [
        'Name:              ext',
        'Namespace:         default',
        'Labels:            <none>',
        'Annotations:       <none>',
        'Selector:          <none>',
        'Type:              ExternalName',
        'IP Families:       <none>',
        'IP:                ',
        'IPs:               <none>',
        'External Name:     api.example.com',
        'Session Affinity:  None',
        'Events:            <none>',
        '',
      ].join('\n'),
    );
  });
});

// ---- Endpoints ----

describe('describe Endpoints', () => {
  it('lists ready and not-ready addresses and the ports table, then an empty line', () => {
    const ep: KObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2024-05-14T10:21:36Z' } },
      subsets: [
        {
          addresses: [{ ip: '10.244.0.5' }, { ip: '10.244.0.6' }],
          notReadyAddresses: [{ ip: '10.244.0.7' }],
          ports: [
            { name: 'http', port: 8080, protocol: 'TCP' },
            { port: 53, protocol: 'UDP' },
          ],
        },
      ],
    };
    expect(describeObject(ep, makeView([ep], NOW))).toBe(
      [
        'Name:         web',
        'Namespace:    default',
        'Labels:       app=web',
        'Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2024-05-14T10:21:36Z',
        'Subsets:',
        '  Addresses:          10.244.0.5,10.244.0.6',
        '  NotReadyAddresses:  10.244.0.7',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    http     8080  TCP',
        '    <unset>  53    UDP',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });

  it('prints <none> for empty address lists, and no Events section with showEvents false', () => {
    const ep: KObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'x', namespace: 'default' }, subsets: [{ notReadyAddresses: [{ ip: '10.244.0.9' }] }] };
    expect(describeObject(ep, makeView([ep], NOW), { showEvents: false })).toBe(
      ['Name:         x', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', 'Subsets:', '  Addresses:          <none>', '  NotReadyAddresses:  10.244.0.9', '', ''].join('\n'),
    );
    expect(describeObject(ep, makeView([ep], NOW))).toBe(
      ['Name:         x', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', 'Subsets:', '  Addresses:          <none>', '  NotReadyAddresses:  10.244.0.9', '', 'Events:  <none>', ''].join('\n'),
    );
  });
});

// ---- Deployment / ReplicaSet / ReplicationController ----

const deployment: KObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: DEPLOY_UID,
    creationTimestamp: '2024-05-14T10:21:30Z',
    labels: { app: 'web' },
    annotations: { 'deployment.kubernetes.io/revision': '2' },
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: TEMPLATE,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
  },
  status: {
    observedGeneration: 2,
    replicas: 2,
    updatedReplicas: 2,
    readyReplicas: 2,
    availableReplicas: 2,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-7c5ddbdf54" has successfully progressed.' },
    ],
  },
};

function replicaSet(name: string, hash: string, replicas: number, created: string, template: unknown, uid: string): KObject {
  const t = structuredClone(template) as { metadata: { labels: Record<string, string> } };
  t.metadata.labels['pod-template-hash'] = hash;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid,
      creationTimestamp: created,
      labels: { app: 'web', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/desired-replicas': '2', 'deployment.kubernetes.io/max-replicas': '3', 'deployment.kubernetes.io/revision': '2' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: DEPLOY_UID, controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: t },
    status: { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 },
  };
}

const oldTemplate = structuredClone(TEMPLATE);
oldTemplate.spec.containers[0].image = 'nginx:1.26';
const newRS = replicaSet('web-7c5ddbdf54', '7c5ddbdf54', 2, '2024-05-14T10:21:30Z', TEMPLATE, RS_UID);
const oldRS = replicaSet('web-5d4f8b7c69', '5d4f8b7c69', 0, '2024-05-14T10:01:30Z', oldTemplate, 'rs-uid-old');

describe('describe Deployment', () => {
  it('renders replicas, the pod template, conditions, replica sets and ScalingReplicaSet events', () => {
    const ref = { kind: 'Deployment', name: 'web', namespace: 'default' };
    const view = makeView(
      [
        deployment,
        newRS,
        oldRS,
        event(ref, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-5d4f8b7c69 to 2', 'deployment-controller', ago(1215)),
        event(ref, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-7c5ddbdf54 to 1', 'deployment-controller', ago(15)),
        event(ref, 'Normal', 'ScalingReplicaSet', 'Scaled down replica set web-5d4f8b7c69 to 1 from 2', 'deployment-controller', ago(13)),
        event(ref, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-7c5ddbdf54 to 2 from 1', 'deployment-controller', ago(13)),
        event(ref, 'Normal', 'ScalingReplicaSet', 'Scaled down replica set web-5d4f8b7c69 to 0 from 1', 'deployment-controller', ago(11)),
      ],
      NOW,
    );
    expect(describeObject(deployment, view)).toBe(
      [
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Tue, 14 May 2024 10:21:30 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 2',
        'Selector:               app=web',
        'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.27',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  web-5d4f8b7c69 (0/0 replicas created)',
        'NewReplicaSet:   web-7c5ddbdf54 (2/2 replicas created)',
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  20m   deployment-controller  Scaled up replica set web-5d4f8b7c69 to 2',
        '  Normal  ScalingReplicaSet  15s   deployment-controller  Scaled up replica set web-7c5ddbdf54 to 1',
        '  Normal  ScalingReplicaSet  13s   deployment-controller  Scaled down replica set web-5d4f8b7c69 to 1 from 2',
        '  Normal  ScalingReplicaSet  13s   deployment-controller  Scaled up replica set web-7c5ddbdf54 to 2 from 1',
        '  Normal  ScalingReplicaSet  11s   deployment-controller  Scaled down replica set web-5d4f8b7c69 to 0 from 1',
        '',
      ].join('\n'),
    );
  });

  it('omits the replica-set lines when the deployment owns none', () => {
    const out = describeObject(deployment, makeView([deployment], NOW));
    expect(out).not.toContain('OldReplicaSets');
    expect(out).toContain('  Type          Status  Reason\n');
    expect(out).toContain('  Progressing   True    NewReplicaSetAvailable\nEvents:         <none>\n');
  });
});

describe('describe ReplicaSet', () => {
  it('counts the phases of the pods it controls and shows its controller', () => {
    const ref = { kind: 'ReplicaSet', name: 'web-7c5ddbdf54', namespace: 'default' };
    const view = makeView(
      [
        newRS,
        webPod('web-7c5ddbdf54-2xkqn', '10.244.0.5'),
        webPod('web-7c5ddbdf54-8vq4z', '10.244.0.6'),
        webPod('web-7c5ddbdf54-zzzzz', '', 'Pending'),
        webPod('orphan', '10.244.0.9', 'Running', null),
        event(ref, 'Normal', 'SuccessfulCreate', 'Created pod: web-7c5ddbdf54-2xkqn', 'replicaset-controller', ago(15)),
        event(ref, 'Normal', 'SuccessfulCreate', 'Created pod: web-7c5ddbdf54-8vq4z', 'replicaset-controller', ago(15)),
      ],
      NOW,
    );
    expect(describeObject(newRS, view)).toBe(
      [
        'Name:           web-7c5ddbdf54',
        'Namespace:      default',
        'Selector:       app=web,pod-template-hash=7c5ddbdf54',
        'Labels:         app=web',
        '                pod-template-hash=7c5ddbdf54',
        'Annotations:    deployment.kubernetes.io/desired-replicas: 2',
        '                deployment.kubernetes.io/max-replicas: 3',
        '                deployment.kubernetes.io/revision: 2',
        'Controlled By:  Deployment/web',
        'Replicas:       2 current / 2 desired',
        'Pods Status:    2 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=web',
        '           pod-template-hash=7c5ddbdf54',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.27',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age   From                   Message',
        '  ----    ------            ----  ----                   -------',
        '  Normal  SuccessfulCreate  15s   replicaset-controller  Created pod: web-7c5ddbdf54-2xkqn',
        '  Normal  SuccessfulCreate  15s   replicaset-controller  Created pod: web-7c5ddbdf54-8vq4z',
        '',
      ].join('\n'),
    );
  });
});

describe('describe ReplicationController', () => {
  it('renders selector, replicas, pod status and template', () => {
    const rc: KObject = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'nginx', namespace: 'default', uid: 'rc-uid', labels: { app: 'nginx' } },
      spec: {
        replicas: 3,
        selector: { app: 'nginx' },
        template: {
          metadata: { labels: { app: 'nginx' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'GREETING', value: 'hi' }] }] },
        },
      },
      status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3 },
    };
    const pod = (name: string, phase: string): KObject => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels: { app: 'nginx' }, ownerReferences: [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'nginx', uid: 'rc-uid', controller: true }] },
      spec: {},
      status: { phase },
    });
    const ref = { kind: 'ReplicationController', name: 'nginx', namespace: 'default' };
    const view = makeView(
      [
        rc,
        pod('nginx-a', 'Running'),
        pod('nginx-b', 'Running'),
        pod('nginx-c', 'Succeeded'),
        pod('nginx-d', 'Failed'),
        event(ref, 'Normal', 'SuccessfulCreate', 'Created pod: nginx-a', 'replication-controller', ago(65)),
      ],
      NOW,
    );
    expect(describeObject(rc, view)).toBe(
      [
        'Name:         nginx',
        'Namespace:    default',
        'Selector:     app=nginx',
        'Labels:       app=nginx',
        'Annotations:  <none>',
        'Replicas:     3 current / 3 desired',
        'Pods Status:  2 Running / 0 Waiting / 1 Succeeded / 1 Failed',
        'Pod Template:',
        '  Labels:  app=nginx',
        '  Containers:',
        '   nginx:',
        '    Image:      nginx',
        '    Port:       80/TCP',
        '    Host Port:  0/TCP',
        '    Environment:',
        '      GREETING:    hi',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age   From                    Message',
        '  ----    ------            ----  ----                    -------',
        '  Normal  SuccessfulCreate  65s   replication-controller  Created pod: nginx-a',
        '',
      ].join('\n'),
    );
  });
});

// ---- Ingress ----

describe('describe Ingress', () => {
  const svcWith = (name: string, ports: unknown[]): KObject => service(name, { clusterIP: '10.96.1.1', clusterIPs: ['10.96.1.1'], ports });

  it('renders default backend, TLS, rules with endpoints and a missing service (§16.5)', () => {
    const ing: KObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'default', annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } },
      spec: {
        ingressClassName: 'nginx',
        defaultBackend: { service: { name: 'default-http', port: { number: 80 } } },
        tls: [{ hosts: ['web.example.com', 'www.example.com'], secretName: 'web-tls' }, { hosts: ['sni.example.com'] }],
        rules: [
          {
            host: 'web.example.com',
            http: {
              paths: [
                { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } },
                { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } },
              ],
            },
          },
          { host: 'nohttp.example.com' },
          { http: { paths: [{ path: '/static', pathType: 'Exact', backend: { service: { name: 'missing', port: { number: 80 } } } }] } },
        ],
      },
      status: { loadBalancer: { ingress: [{ hostname: 'localhost' }] } },
    };
    const view = makeView(
      [
        ing,
        svcWith('default-http', [{ port: 80, targetPort: 8080, protocol: 'TCP' }]),
        svcWith('api', [{ port: 8080, targetPort: 8080, protocol: 'TCP' }]),
        svcWith('web', [{ name: 'http', port: 80, targetPort: 80, protocol: 'TCP' }]),
        slice('default-http-1', 'default-http', [{ name: '', port: 8080 }], [{ ip: '10.244.0.9', ready: true }]),
        slice('api-1', 'api', [{ name: '', port: 8080 }], [{ ip: '10.244.0.7', ready: true }, { ip: '10.244.0.8', ready: true }]),
        slice('web-1', 'web', [{ name: 'http', port: 80 }], [{ ip: '10.244.0.5', ready: true }]),
      ],
      NOW,
    );
    expect(describeObject(ing, view)).toBe(
      [
        'Name:             web',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          localhost',
        'Ingress Class:    nginx',
        'Default backend:  default-http:80 (10.244.0.9:8080)',
        'TLS:',
        '  web-tls terminates web.example.com,www.example.com',
        '  SNI routes sni.example.com',
        'Rules:',
        '  Host             Path  Backends',
        '  ----             ----  --------',
        '  web.example.com  ',
        '                   /api   api:8080 (10.244.0.7:8080,10.244.0.8:8080)',
        '                   /      web:http (10.244.0.5:80)',
        '  *                ',
        '                   /static   missing:80 (<error: services "missing" not found>)',
        'Annotations:       nginx.ingress.kubernetes.io/rewrite-target: /',
        'Events:            <none>',
        '',
      ].join('\n'),
    );
  });

  it('shows the single "* * <default>" row when no rule has http paths', () => {
    const ing: KObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'simple', namespace: 'default' },
      spec: {},
      status: { loadBalancer: {} },
    };
    expect(describeObject(ing, makeView([ing], NOW))).toBe(
      [
        'Name:             simple',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          ',
        'Ingress Class:    <none>',
        'Default backend:  <default>',
        'Rules:',
        '  Host        Path  Backends',
        '  ----        ----  --------',
        '  *           *     <default>',
        'Annotations:  <none>',
        'Events:       <none>',
        '',
      ].join('\n'),
    );
  });
});

// ---- Node ----

describe('describe Node', () => {
  it('renders a kind control-plane node with its pods and allocated resources', () => {
    const node: KObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: 'kind-control-plane',
        uid: 'node-uid',
        creationTimestamp: '2024-05-14T10:00:00Z',
        labels: {
          'beta.kubernetes.io/arch': 'amd64',
          'beta.kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': 'kind-control-plane',
          'kubernetes.io/os': 'linux',
          'node-role.kubernetes.io/control-plane': '',
          'node.kubernetes.io/exclude-from-external-load-balancers': '',
        },
        annotations: {
          'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
      },
      spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'], providerID: 'kind://docker/kind/kind-control-plane' },
      status: {
        capacity: { cpu: '8', 'ephemeral-storage': '61202244Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16318976Ki', pods: '110' },
        allocatable: { cpu: '8', 'ephemeral-storage': '61202244Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16318976Ki', pods: '110' },
        conditions: [
          { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: '2024-05-14T10:20:00Z', lastTransitionTime: '2024-05-14T10:00:00Z', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
          { type: 'DiskPressure', status: 'False', lastHeartbeatTime: '2024-05-14T10:20:00Z', lastTransitionTime: '2024-05-14T10:00:00Z', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
          { type: 'PIDPressure', status: 'False', lastHeartbeatTime: '2024-05-14T10:20:00Z', lastTransitionTime: '2024-05-14T10:00:00Z', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
          { type: 'Ready', status: 'True', lastHeartbeatTime: '2024-05-14T10:20:00Z', lastTransitionTime: '2024-05-14T10:00:25Z', reason: 'KubeletReady', message: 'container runtime network not ready: NetworkReady=true' },
        ],
        addresses: [
          { type: 'InternalIP', address: '172.18.0.2' },
          { type: 'Hostname', address: 'kind-control-plane' },
        ],
        nodeInfo: {
          machineID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
          systemUUID: '5d2c1f0e-8b7a-4c3d-9e2f-1a0b9c8d7e6f',
          bootID: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
          kernelVersion: '6.5.0-35-generic',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          containerRuntimeVersion: 'containerd://1.7.18',
          kubeletVersion: 'v1.32.2',
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
    };
    const pod = (ns: string, name: string, resources: Record<string, unknown>, phase = 'Running', nodeName = 'kind-control-plane'): KObject => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: ns, creationTimestamp: '2024-05-14T10:01:45Z' },
      spec: { nodeName, containers: [{ name: 'c', image: 'x', resources }] },
      status: { phase },
    });
    const view = makeView(
      [
        node,
        pod('kube-system', 'coredns-668d6bf9bc-abcde', { requests: { cpu: '100m', memory: '70Mi' }, limits: { memory: '170Mi' } }),
        pod('kube-system', 'kindnet-xyzab', { requests: { cpu: '100m', memory: '50Mi' }, limits: { cpu: '100m', memory: '50Mi' } }),
        pod('default', 'web-7c5ddbdf54-2xkqn', {}),
        pod('default', 'done', { requests: { cpu: '1' } }, 'Succeeded'),
        pod('default', 'elsewhere', { requests: { cpu: '1' } }, 'Running', 'kind-worker'),
      ],
      NOW,
    );
    expect(describeObject(node, view)).toBe(
      [
        'Name:               kind-control-plane',
        'Roles:              control-plane',
        'Labels:             beta.kubernetes.io/arch=amd64',
        '                    beta.kubernetes.io/os=linux',
        '                    kubernetes.io/arch=amd64',
        '                    kubernetes.io/hostname=kind-control-plane',
        '                    kubernetes.io/os=linux',
        '                    node-role.kubernetes.io/control-plane=',
        '                    node.kubernetes.io/exclude-from-external-load-balancers=',
        'Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock',
        '                    node.alpha.kubernetes.io/ttl: 0',
        '                    volumes.kubernetes.io/controller-managed-attach-detach: true',
        'CreationTimestamp:  Tue, 14 May 2024 10:00:00 +0000',
        'Taints:             <none>',
        'Unschedulable:      false',
        'Lease:',
        '  HolderIdentity:  kind-control-plane',
        '  AcquireTime:     <unset>',
        '  RenewTime:       Tue, 14 May 2024 10:21:40 +0000',
        'Conditions:',
        '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
        '  ----             ------  -----------------                 ------------------                ------                       -------',
        '  MemoryPressure   False   Tue, 14 May 2024 10:20:00 +0000   Tue, 14 May 2024 10:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
        '  DiskPressure     False   Tue, 14 May 2024 10:20:00 +0000   Tue, 14 May 2024 10:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure',
        '  PIDPressure      False   Tue, 14 May 2024 10:20:00 +0000   Tue, 14 May 2024 10:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available',
        '  Ready            True    Tue, 14 May 2024 10:20:00 +0000   Tue, 14 May 2024 10:00:25 +0000   KubeletReady                 container runtime network not ready: NetworkReady=true',
        'Addresses:',
        '  InternalIP:  172.18.0.2',
        '  Hostname:    kind-control-plane',
        'Capacity:',
        '  cpu:                8',
        '  ephemeral-storage:  61202244Ki',
        '  hugepages-1Gi:      0',
        '  hugepages-2Mi:      0',
        '  memory:             16318976Ki',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                8',
        '  ephemeral-storage:  61202244Ki',
        '  hugepages-1Gi:      0',
        '  hugepages-2Mi:      0',
        '  memory:             16318976Ki',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 a1b2c3d4e5f60718293a4b5c6d7e8f90',
        '  System UUID:                5d2c1f0e-8b7a-4c3d-9e2f-1a0b9c8d7e6f',
        '  Boot ID:                    0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
        '  Kernel Version:             6.5.0-35-generic',
        '  OS Image:                   Debian GNU/Linux 12 (bookworm)',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://1.7.18',
        '  Kubelet Version:            v1.32.2',
        '  Kube-Proxy Version:         ',
        'PodCIDR:                      10.244.0.0/24',
        'PodCIDRs:                     10.244.0.0/24',
        'ProviderID:                   kind://docker/kind/kind-control-plane',
        'Non-terminated Pods:          (3 in total)',
        '  Namespace                   Name                        CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----                        ------------  ----------  ---------------  -------------  ---',
        '  default                     web-7c5ddbdf54-2xkqn        0 (0%)        0 (0%)      0 (0%)           0 (0%)         20m',
        '  kube-system                 coredns-668d6bf9bc-abcde    100m (1%)     0 (0%)      70Mi (0%)        170Mi (1%)     20m',
        '  kube-system                 kindnet-xyzab               100m (1%)     100m (1%)   50Mi (0%)        50Mi (0%)      20m',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests    Limits',
        '  --------           --------    ------',
        '  cpu                200m (2%)   100m (1%)',
        '  memory             120Mi (0%)  220Mi (1%)',
        '  ephemeral-storage  0 (0%)      0 (0%)',
        '  hugepages-1Gi      0 (0%)      0 (0%)',
        '  hugepages-2Mi      0 (0%)      0 (0%)',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
  });
});

// ---- Namespace ----

describe('describe Namespace', () => {
  it('renders a namespace without quota or limit range', () => {
    const ns: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
    expect(describeObject(ns, makeView([ns], NOW))).toBe(
      ['Name:         default', 'Labels:       kubernetes.io/metadata.name=default', 'Annotations:  <none>', 'Status:       Active', '', 'No resource quota.', '', 'No LimitRange resource.', ''].join('\n'),
    );
  });

  it('summarises resource quotas and limit ranges', () => {
    const ns: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev' } }, status: { phase: 'Active' } };
    const quota: KObject = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'compute', namespace: 'dev' },
      spec: { hard: { pods: '10', 'requests.cpu': '1' } },
      status: { hard: { pods: '10', 'requests.cpu': '1' }, used: { pods: '2', 'requests.cpu': '200m' } },
    };
    const lr: KObject = {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'defaults', namespace: 'dev' },
      spec: { limits: [{ type: 'Container', default: { cpu: '200m', memory: '128Mi' }, defaultRequest: { cpu: '100m', memory: '64Mi' } }] },
    };
    expect(describeObject(ns, makeView([ns, quota, lr], NOW))).toBe(
      [
        'Name:         dev',
        'Labels:       kubernetes.io/metadata.name=dev',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'Resource Quotas',
        '  Name:         compute',
        '  Resource      Used  Hard',
        '  --------      ---   ---',
        '  pods          2     10',
        '  requests.cpu  200m  1',
        '',
        'Resource Limits',
        ' Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio',
        ' ----       --------  ---  ---  ---------------  -------------  -----------------------',
        ' Container  cpu       -    -    100m             200m           -',
        ' Container  memory    -    -    64Mi             128Mi          -',
        '',
      ].join('\n'),
    );
  });
});

// ---- generic describer ----

describe('generic describer', () => {
  it('prints the remaining fields with smart labels and Events', () => {
    expect(describeSupported('ControllerRevision')).toBe(false);
    expect(describeSupported('Pod')).toBe(true);
    const cr: KObject = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name: 'ds-1', namespace: 'default', uid: '1234', resourceVersion: '42', creationTimestamp: '2024-05-14T10:00:00Z', managedFields: [{ manager: 'kube-controller-manager' }] },
      data: { spec: { template: { metadata: { labels: { app: 'ds' } } } } },
      revision: 1,
      extra: ['a', 'b'],
    };
    expect(describeObject(cr, makeView([cr], NOW))).toBe(
      [
        'Name:         ds-1',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'API Version:  apps/v1',
        'Data:',
        '  Spec:',
        '    Template:',
        '      Metadata:',
        '        Labels:',
        '          App:  ds',
        'Extra:',
        '  a',
        '  b',
        'Kind:  ControllerRevision',
        'Metadata:',
        '  Creation Timestamp:  2024-05-14T10:00:00Z',
        '  Resource Version:    42',
        '  UID:                 1234',
        'Revision:              1',
        'Events:                <none>',
        '',
      ].join('\n'),
    );
  });

  it('makes smart labels like kubectl', () => {
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('clusterIP')).toBe('Cluster IP');
    expect(smartLabelFor('podIPs')).toBe('Pod I Ps');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('app.properties')).toBe('app.properties');
  });
});

// ---- other dedicated describers ----

describe('describe ConfigMap / Secret / EndpointSlice / NetworkPolicy', () => {
  it('renders a ConfigMap with its Data and BinaryData sections', () => {
    const cm: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { 'app.properties': 'a=1\nb=2', LOG_LEVEL: 'debug' } };
    expect(describeObject(cm, makeView([cm], NOW))).toBe(
      [
        'Name:         cfg',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'LOG_LEVEL:',
        '----',
        'debug',
        '',
        'app.properties:',
        '----',
        'a=1',
        'b=2',
        '',
        '',
        'BinaryData',
        '====',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });

  it('renders a Secret with byte counts', () => {
    const secret: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, type: 'Opaque', data: { username: 'YWRtaW4=', password: 'cGFzc3dvcmQ=' } };
    expect(describeObject(secret, makeView([secret], NOW))).toBe(
      ['Name:         db', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', '', 'Type:  Opaque', '', 'Data', '====', 'password:  8 bytes', 'username:  5 bytes', ''].join('\n'),
    );
  });

  it('renders an EndpointSlice', () => {
    const eps: KObject = {
      ...slice('web-abcde', 'web', [{ name: 'http', port: 8080 }], [{ ip: '10.244.0.5', ready: true }, { ip: '10.244.0.6', ready: false }]),
    };
    eps.metadata.labels = { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web' };
    eps.endpoints[0].targetRef = { kind: 'Pod', name: 'web-7c5ddbdf54-2xkqn', namespace: 'default' };
    eps.endpoints[0].nodeName = 'kind-control-plane';
    expect(describeObject(eps, makeView([eps], NOW))).toBe(
      [
        'Name:         web-abcde',
        'Namespace:    default',
        'Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io',
        '              kubernetes.io/service-name=web',
        'Annotations:  <none>',
        'AddressType:  IPv4',
        'Ports:',
        '  Name  Port  Protocol',
        '  ----  ----  --------',
        '  http  8080  TCP',
        'Endpoints:',
        '  - Addresses:  10.244.0.5',
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/web-7c5ddbdf54-2xkqn',
        '    NodeName:   kind-control-plane',
        '    Zone:       <unset>',
        '  - Addresses:  10.244.0.6',
        '    Conditions:',
        '      Ready:   false',
        '    Hostname:  <unset>',
        '    NodeName:  <unset>',
        '    Zone:      <unset>',
        'Events:        <none>',
        '',
      ].join('\n'),
    );
  });

  it('renders a NetworkPolicy', () => {
    const np: KObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-frontend', namespace: 'default', creationTimestamp: '2024-05-14T10:21:33Z' },
      spec: {
        podSelector: { matchLabels: { app: 'db' } },
        policyTypes: ['Ingress'],
        ingress: [
          { ports: [{ port: 6379, protocol: 'TCP' }], from: [{ podSelector: { matchLabels: { role: 'frontend' } } }, { namespaceSelector: { matchLabels: { project: 'myproject' } } }] },
          { from: [{ ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } }] },
        ],
      },
    };
    expect(describeObject(np, makeView([np], NOW))).toBe(
      [
        'Name:         allow-frontend',
        'Namespace:    default',
        'Created on:   2024-05-14 10:21:33 +0000 UTC',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Spec:',
        '  PodSelector:     app=db',
        '  Allowing ingress traffic:',
        '    To Port: 6379/TCP',
        '    From:',
        '      PodSelector: role=frontend',
        '    From:',
        '      NamespaceSelector: project=myproject',
        '    ----------',
        '    To Port: <any> (traffic allowed to all ports)',
        '    From:',
        '      IPBlock:',
        '        CIDR: 172.17.0.0/16',
        '        Except: 172.17.1.0/24',
        '  Not affecting egress traffic',
        '  Policy Types: Ingress',
        '',
      ].join('\n'),
    );
  });

  it('renders a ServiceAccount without tokens', () => {
    const sa: KObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default', uid: 'sa-1' } };
    expect(describeObject(sa, makeView([sa], NOW))).toBe(
      [
        'Name:                default',
        'Namespace:           default',
        'Labels:              <none>',
        'Annotations:         <none>',
        'Image pull secrets:  <none>',
        'Mountable secrets:   <none>',
        'Tokens:              <none>',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('describe DaemonSet / Job', () => {
  it('renders a DaemonSet with a hostPath volume and a catch-all toleration', () => {
    const ds: KObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'kindnet', namespace: 'kube-system', uid: 'ds-uid', labels: { app: 'kindnet', 'k8s-app': 'kindnet' }, annotations: { 'deprecated.daemonset.template.generation': '1' } },
      spec: {
        selector: { matchLabels: { app: 'kindnet' } },
        template: {
          metadata: { labels: { app: 'kindnet', 'k8s-app': 'kindnet' } },
          spec: {
            serviceAccountName: 'kindnet',
            tolerations: [{ operator: 'Exists' }],
            volumes: [{ name: 'cni-cfg', hostPath: { path: '/etc/cni/net.d', type: 'DirectoryOrCreate' } }],
            containers: [
              {
                name: 'kindnet-cni',
                image: 'docker.io/kindest/kindnetd:v20241108-5c6d2daf',
                env: [{ name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } }],
                resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } },
                volumeMounts: [{ name: 'cni-cfg', mountPath: '/etc/cni/net.d' }],
              },
            ],
          },
        },
      },
      status: { currentNumberScheduled: 1, desiredNumberScheduled: 1, numberAvailable: 1, numberMisscheduled: 0, numberReady: 1, updatedNumberScheduled: 1 },
    };
    const pod: KObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'kindnet-x7k2p', namespace: 'kube-system', labels: { app: 'kindnet' }, ownerReferences: [{ kind: 'DaemonSet', name: 'kindnet', uid: 'ds-uid', controller: true }] },
      spec: {},
      status: { phase: 'Running' },
    };
    expect(describeObject(ds, makeView([ds, pod], NOW))).toBe(
      [
        'Name:           kindnet',
        'Namespace:      kube-system',
        'Selector:       app=kindnet',
        'Node-Selector:  <none>',
        'Labels:         app=kindnet',
        '                k8s-app=kindnet',
        'Annotations:    deprecated.daemonset.template.generation: 1',
        'Desired Number of Nodes Scheduled: 1',
        'Current Number of Nodes Scheduled: 1',
        'Number of Nodes Scheduled with Up-to-date Pods: 1',
        'Number of Nodes Scheduled with Available Pods: 1',
        'Number of Nodes Misscheduled: 0',
        'Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:           app=kindnet',
        '                    k8s-app=kindnet',
        '  Service Account:  kindnet',
        '  Containers:',
        '   kindnet-cni:',
        '    Image:      docker.io/kindest/kindnetd:v20241108-5c6d2daf',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Limits:',
        '      cpu:     100m',
        '      memory:  50Mi',
        '    Requests:',
        '      cpu:     100m',
        '      memory:  50Mi',
        '    Environment:',
        '      POD_IP:   (v1:status.podIP)',
        '    Mounts:',
        '      /etc/cni/net.d from cni-cfg (rw)',
        '  Volumes:',
        '   cni-cfg:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /etc/cni/net.d',
        '    HostPathType:  DirectoryOrCreate',
        '  Node-Selectors:  <none>',
        '  Tolerations:     op=Exists',
        'Events:            <none>',
        '',
      ].join('\n'),
    );
  });

  it('renders a completed Job', () => {
    const uidLabels = { 'batch.kubernetes.io/controller-uid': 'job-uid', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'job-uid', 'job-name': 'pi' };
    const job: KObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi', namespace: 'default', uid: 'job-uid', labels: uidLabels },
      spec: {
        parallelism: 1,
        completions: 1,
        completionMode: 'NonIndexed',
        suspend: false,
        backoffLimit: 4,
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'job-uid' } },
        template: { metadata: { labels: uidLabels }, spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }] } },
      },
      status: { startTime: '2024-05-14T10:20:00Z', completionTime: '2024-05-14T10:20:42Z', succeeded: 1, ready: 0, terminating: 0 },
    };
    const ref = { kind: 'Job', name: 'pi', namespace: 'default' };
    const view = makeView(
      [job, event(ref, 'Normal', 'SuccessfulCreate', 'Created pod: pi-abcde', 'job-controller', ago(105)), event(ref, 'Normal', 'Completed', 'Job completed', 'job-controller', ago(63))],
      NOW,
    );
    expect(describeObject(job, view)).toBe(
      [
        'Name:             pi',
        'Namespace:        default',
        'Selector:         batch.kubernetes.io/controller-uid=job-uid',
        'Labels:           batch.kubernetes.io/controller-uid=job-uid',
        '                  batch.kubernetes.io/job-name=pi',
        '                  controller-uid=job-uid',
        '                  job-name=pi',
        'Annotations:      <none>',
        'Parallelism:      1',
        'Completions:      1',
        'Completion Mode:  NonIndexed',
        'Suspend:          false',
        'Backoff Limit:    4',
        'Start Time:       Tue, 14 May 2024 10:20:00 +0000',
        'Completed At:     Tue, 14 May 2024 10:20:42 +0000',
        'Duration:         42s',
        'Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  batch.kubernetes.io/controller-uid=job-uid',
        '           batch.kubernetes.io/job-name=pi',
        '           controller-uid=job-uid',
        '           job-name=pi',
        '  Containers:',
        '   pi:',
        '    Image:      perl:5.34.0',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      perl',
        '      -Mbignum=bpi',
        '      -wle',
        '      print bpi(2000)',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age   From            Message',
        '  ----    ------            ----  ----            -------',
        '  Normal  SuccessfulCreate  105s  job-controller  Created pod: pi-abcde',
        '  Normal  Completed         63s   job-controller  Job completed',
        '',
      ].join('\n'),
    );
  });
});

// ---- helpers ----

describe('quantity formatting', () => {
  it('canonicalises like resource.Quantity.String()', () => {
    const cases: [string, string][] = [
      ['100m', '100m'],
      ['0.5', '500m'],
      ['1000m', '1'],
      ['1000', '1k'],
      ['1024Mi', '1Gi'],
      ['1536Mi', '1536Mi'],
      ['1.5Gi', '1536Mi'],
      ['0.5Ki', '512'],
      ['2048Ki', '2Mi'],
      ['128974848', '128974848'],
      ['129e6', '129e6'],
      ['0', '0'],
      ['1e3', '1e3'],
    ];
    for (const [input, want] of cases) expect([input, formatQuantity(input)]).toEqual([input, want]);
  });

  it('adds keeping the left format and re-canonicalising', () => {
    expect(quantityString(add(parseQuantity('70Mi'), parseQuantity('50Mi')))).toBe('120Mi');
    expect(quantityString(add(parseQuantity('100m'), parseQuantity('0.9')))).toBe('1');
    expect(quantityString(add(parseQuantity('0'), parseQuantity('64Mi')))).toBe('64Mi');
  });
});

describe('goSort', () => {
  it('is stable up to 12 elements and matches Go for a larger input with ties', () => {
    const small = [3, 1, 2, 1, 3].map((k, i) => ({ k, i }));
    goSort(small, (a, b) => a.k < b.k);
    expect(small.map((x) => x.i)).toEqual([1, 3, 2, 0, 4]);
    const big = Array.from({ length: 20 }, (_, i) => i);
    goSort(big, (a, b) => a < b);
    expect(big).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const rev = Array.from({ length: 30 }, (_, i) => 29 - i);
    goSort(rev, (a, b) => a < b);
    expect(rev).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });
});
