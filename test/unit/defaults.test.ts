import { describe, expect, it } from 'vitest';
import {
  applyDefaults,
  canonicalQuantity,
  defaultPullPolicy,
  generateJobSelector,
  podStatusQosClass,
} from '../../src/api/defaults/index.js';
import type { KObject } from '../../src/api/types.js';

const rand = () => 'x7l2m';
/** A test literal as a KObject. */
const k = (o: object): KObject => o as unknown as KObject;

/** The real server's object minus what the store sets (uid, resourceVersion, creationTimestamp, generation). */
function withoutStoreFields(o: KObject): KObject {
  const c = structuredClone(o);
  for (const key of ['uid', 'resourceVersion', 'creationTimestamp', 'generation']) delete (c.metadata as unknown as Record<string, unknown>)[key];
  return c;
}
const defaulted = (o: object, opts?: Parameters<typeof applyDefaults>[2]) =>
  withoutStoreFields(applyDefaults(k(o), rand, opts));

const TOKEN_VOLUME = {
  name: 'kube-api-access-x7l2m',
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ],
  },
};
const TOKEN_MOUNT = { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access-x7l2m', readOnly: true };
const DEFAULT_TOLERATIONS = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
];

describe('Pod', () => {
  // `kubectl run nginx --image=nginx --dry-run=client -o json`
  const run = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { creationTimestamp: null, labels: { run: 'nginx' }, name: 'nginx', namespace: 'default' },
    spec: { containers: [{ image: 'nginx', name: 'nginx', resources: {} }], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' },
    status: {},
  };

  it('a minimal pod gets what `kubectl get pod -o yaml` shows (before scheduling)', () => {
    expect(defaulted(run)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { labels: { run: 'nginx' }, name: 'nginx', namespace: 'default' },
      spec: {
        containers: [
          {
            image: 'nginx',
            imagePullPolicy: 'Always',
            name: 'nginx',
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            volumeMounts: [TOKEN_MOUNT],
          },
        ],
        dnsPolicy: 'ClusterFirst',
        enableServiceLinks: true,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: 0,
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        serviceAccount: 'default',
        serviceAccountName: 'default',
        terminationGracePeriodSeconds: 30,
        tolerations: DEFAULT_TOLERATIONS,
        volumes: [TOKEN_VOLUME],
      },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    });
  });

  it('does not mutate its input and uses rand() for the token volume', () => {
    const input = structuredClone(run);
    const out = applyDefaults(k(input), () => 'q9z2b');
    expect(input).toEqual(run);
    expect(out.spec.volumes[0].name).toBe('kube-api-access-q9z2b');
    expect(out.spec.containers[0].volumeMounts[0].name).toBe('kube-api-access-q9z2b');
  });

  it('defaults probes, ports, env fieldRefs, volumes and copies limits to requests', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'kiamol/ch12-numbers-api:latest',
            ports: [{ containerPort: 80, name: 'http' }],
            env: [{ name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
            livenessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5 },
            readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 3 },
            startupProbe: { grpc: { port: 9000 } },
            resources: { limits: { cpu: 0.5, memory: '1024Mi' } },
            volumeMounts: [{ name: 'config', mountPath: '/config' }],
          },
        ],
        volumes: [
          { name: 'config', configMap: { name: 'cfg' } },
          { name: 'creds', secret: { secretName: 's' } },
          { name: 'scratch' },
          { name: 'host', hostPath: { path: '/tmp' } },
        ],
      },
    };
    const c = defaulted(pod).spec.containers[0];
    expect(c.imagePullPolicy).toBe('Always');
    expect(c.ports).toEqual([{ containerPort: 80, name: 'http', protocol: 'TCP' }]);
    expect(c.env[0].valueFrom.fieldRef).toEqual({ apiVersion: 'v1', fieldPath: 'metadata.namespace' });
    expect(c.livenessProbe).toEqual({
      failureThreshold: 3,
      httpGet: { path: '/healthz', port: 80, scheme: 'HTTP' },
      periodSeconds: 5,
      successThreshold: 1,
      timeoutSeconds: 1,
    });
    expect(c.readinessProbe).toEqual({
      failureThreshold: 3,
      initialDelaySeconds: 3,
      periodSeconds: 10,
      successThreshold: 1,
      tcpSocket: { port: 80 },
      timeoutSeconds: 1,
    });
    expect(c.startupProbe.grpc).toEqual({ port: 9000, service: '' });
    expect(c.resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } });
    expect(c.volumeMounts).toEqual([{ name: 'config', mountPath: '/config' }, TOKEN_MOUNT]);
    const vols = defaulted(pod).spec.volumes;
    expect(vols).toEqual([
      { name: 'config', configMap: { defaultMode: 420, name: 'cfg' } },
      { name: 'creds', secret: { defaultMode: 420, secretName: 's' } },
      { name: 'scratch', emptyDir: {} },
      { name: 'host', hostPath: { path: '/tmp', type: '' } },
      TOKEN_VOLUME,
    ]);
    expect(defaulted(pod).status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
  });

  it('automountServiceAccountToken: false (pod or service account) means no token volume', () => {
    const pod = { ...structuredClone(run), spec: { ...structuredClone(run.spec), automountServiceAccountToken: false } };
    const out = defaulted(pod);
    expect(out.spec.volumes).toBeUndefined();
    expect(out.spec.containers[0].volumeMounts).toBeUndefined();
    expect(out.spec.serviceAccountName).toBe('default');
    const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' }, automountServiceAccountToken: false };
    expect(defaulted(run, { serviceAccount: k(sa) }).spec.volumes).toBeUndefined();
  });

  it('is idempotent: an existing kube-api-access volume and the default tolerations are not added twice', () => {
    const once = applyDefaults(k(run), rand);
    const twice = applyDefaults(once, () => 'zzzzz');
    expect(twice.spec.volumes).toHaveLength(1);
    expect(twice.spec.containers[0].volumeMounts).toHaveLength(1);
    expect(twice.spec.tolerations).toHaveLength(2);
    expect(twice).toEqual(once);
  });

  it('keeps a user toleration that already covers not-ready and adds only unreachable', () => {
    const pod = k(structuredClone(run));
    pod.spec.tolerations = [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }];
    expect(defaulted(pod).spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      DEFAULT_TOLERATIONS[1],
    ]);
  });

  it('update: defaulting only (no admission, status untouched)', () => {
    const out = defaulted(run, { operation: 'update' });
    expect(out.spec.volumes).toBeUndefined();
    expect(out.spec.priority).toBeUndefined();
    expect(out.spec.enableServiceLinks).toBe(true);
    expect(out.status).toEqual({});
  });

  it('a user PriorityClass passed in the context gives its value and policy', () => {
    const pod = k(structuredClone(run));
    pod.spec.priorityClassName = 'high';
    const pc = k({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000, preemptionPolicy: 'Never' });
    expect(defaulted(pod, { priorityClass: pc }).spec).toMatchObject({ priority: 1000, preemptionPolicy: 'Never' });
  });

  it('system priority classes', () => {
    const pod = k(structuredClone(run));
    pod.spec.priorityClassName = 'system-node-critical';
    expect(defaulted(pod).spec.priority).toBe(2000001000);
  });
});

describe('Deployment', () => {
  // `kubectl create deployment x --image=nginx --dry-run=client -o json` (oracle, offline)
  const input = {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: 'x', creationTimestamp: null, labels: { app: 'x' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'x' } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'x' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] },
      },
      strategy: {},
    },
    status: {},
  };

  it('gets the apps/v1 defaults and pod-template defaults (no admission additions)', () => {
    expect(defaulted(input)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { labels: { app: 'x' }, name: 'x' },
      spec: {
        progressDeadlineSeconds: 600,
        replicas: 1,
        revisionHistoryLimit: 10,
        selector: { matchLabels: { app: 'x' } },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'x' } },
          spec: {
            containers: [
              {
                image: 'nginx',
                imagePullPolicy: 'Always',
                name: 'nginx',
                resources: {},
                terminationMessagePath: '/dev/termination-log',
                terminationMessagePolicy: 'File',
              },
            ],
            dnsPolicy: 'ClusterFirst',
            restartPolicy: 'Always',
            schedulerName: 'default-scheduler',
            securityContext: {},
            terminationGracePeriodSeconds: 30,
          },
        },
      },
      status: {},
    });
  });

  it('a template without metadata gets creationTimestamp: null; Recreate gets no rollingUpdate', () => {
    const d = k(structuredClone(input));
    delete d.spec.template.metadata;
    delete d.spec.replicas;
    d.spec.strategy = { type: 'Recreate' };
    const out = defaulted(d);
    expect(out.spec.template.metadata).toEqual({ creationTimestamp: null });
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
    expect(out.spec.replicas).toBe(1);
  });
});

describe('Service', () => {
  const svc = (spec: object) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec });

  it('ClusterIP with ClientIP affinity', () => {
    expect(defaulted(svc({ selector: { app: 'web' }, sessionAffinity: 'ClientIP', ports: [{ port: 80 }] }))).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's', namespace: 'default' },
      spec: {
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
        selector: { app: 'web' },
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    });
  });

  it('headless with a selector: SingleStack, clusterIPs [None]', () => {
    expect(defaulted(svc({ clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] }))).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's', namespace: 'default' },
      spec: {
        clusterIP: 'None',
        clusterIPs: ['None'],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 'http' }],
        selector: { app: 'web' },
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    });
  });

  it('headless without a selector: RequireDualStack with both families (kubernetes issue #118897 output)', () => {
    expect(defaulted(svc({ clusterIP: 'None', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], sessionAffinity: 'None', type: 'ClusterIP' }))).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's', namespace: 'default' },
      spec: {
        clusterIP: 'None',
        clusterIPs: ['None'],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4', 'IPv6'],
        ipFamilyPolicy: 'RequireDualStack',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    });
  });

  it('NodePort from `kubectl create service nodeport np --tcp=80:8080` (nodePort left to the allocator)', () => {
    const input = {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'np', creationTimestamp: null, labels: { app: 'np' } },
      spec: { ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'np' }, type: 'NodePort' },
      status: { loadBalancer: {} },
    };
    expect(defaulted(input)).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { labels: { app: 'np' }, name: 'np' },
      spec: {
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ name: '80-8080', port: 80, protocol: 'TCP', targetPort: 8080 }],
        selector: { app: 'np' },
        sessionAffinity: 'None',
        type: 'NodePort',
      },
      status: { loadBalancer: {} },
    });
  });

  it('ExternalName: no families, no traffic policies', () => {
    const input = {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'ex', creationTimestamp: null, labels: { app: 'ex' } },
      spec: { selector: { app: 'ex' }, type: 'ExternalName', externalName: 'db.example.com' },
      status: { loadBalancer: {} },
    };
    expect(defaulted(input)).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { labels: { app: 'ex' }, name: 'ex' },
      spec: { externalName: 'db.example.com', selector: { app: 'ex' }, sessionAffinity: 'None', type: 'ExternalName' },
      status: { loadBalancer: {} },
    });
  });

  it('LoadBalancer: allocateLoadBalancerNodePorts and externalTrafficPolicy; None drops sessionAffinityConfig', () => {
    const out = defaulted(svc({ type: 'LoadBalancer', ports: [{ port: 80, targetPort: 0 }], sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } } }));
    expect(out.spec).toEqual({
      allocateLoadBalancerNodePorts: true,
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      sessionAffinity: 'None',
      type: 'LoadBalancer',
    });
  });

  it('an explicit clusterIP is copied to clusterIPs (not allocated here)', () => {
    expect(defaulted(svc({ clusterIP: '10.96.0.50', ports: [{ port: 80 }] })).spec.clusterIPs).toEqual(['10.96.0.50']);
    expect(defaulted(svc({ ports: [{ port: 80 }] })).spec.clusterIP).toBeUndefined();
  });
});

describe('other kinds', () => {
  it('Namespace', () => {
    expect(defaulted({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } })).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { labels: { 'kubernetes.io/metadata.name': 'dev' }, name: 'dev' },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });

  it('Secret: Opaque, stringData folded into data', () => {
    const out = defaulted({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { user: 'admin' }, data: { a: 'Yg==' } });
    expect(out).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', data: { a: 'Yg==', user: 'YWRtaW4=' } });
  });

  it('ReplicationController: selector and labels from the template', () => {
    const out = defaulted({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia' },
      spec: { template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } },
    });
    expect(out.metadata.labels).toEqual({ app: 'kubia' });
    expect(out.spec.selector).toEqual({ app: 'kubia' });
    expect(out.spec.replicas).toBe(1);
    expect(out.spec.template.metadata).toEqual({ creationTimestamp: null, labels: { app: 'kubia' } });
    expect(out.spec.template.spec.containers[0].imagePullPolicy).toBe('Always');
    expect(out.status).toEqual({ replicas: 0 });
  });

  it('Job: defaults, and the generated selector/labels once the uid exists', () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi', uid: 'u-1' },
      spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl:5.34.0' }], restartPolicy: 'Never' } } },
    };
    const out = applyDefaults(k(job), rand);
    const gen = { 'batch.kubernetes.io/controller-uid': 'u-1', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'u-1', 'job-name': 'pi' };
    expect(out.metadata.labels).toEqual(gen);
    expect(out.spec).toMatchObject({
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      completions: 1,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } },
      suspend: false,
    });
    expect(out.spec.template.metadata).toEqual({ creationTimestamp: null, labels: gen });
    expect(out.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    // Without a uid the store calls generateJobSelector afterwards.
    const noUid = k({ ...job, metadata: { name: 'pi' } });
    const later = applyDefaults(noUid, rand);
    expect(later.spec.selector).toBeUndefined();
    later.metadata = { ...later.metadata, uid: 'u-1' };
    generateJobSelector(later);
    expect(later).toEqual(out);
  });

  it('StatefulSet', () => {
    const out = defaulted({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web' },
      spec: {
        serviceName: 'nginx',
        selector: { matchLabels: { app: 'nginx' } },
        template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1024Mi' } } } }],
      },
    });
    expect(out.spec).toMatchObject({
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      podManagementPolicy: 'OrderedReady',
      replicas: 1,
      revisionHistoryLimit: 10,
      updateStrategy: { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
    });
    expect(out.spec.volumeClaimTemplates).toEqual([
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { creationTimestamp: null, name: 'www' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
        status: { phase: 'Pending' },
      },
    ]);
    expect(out.status).toEqual({ availableReplicas: 0, replicas: 0 });
  });

  it('DaemonSet and CronJob', () => {
    const tmpl = { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } };
    const ds = defaulted({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: { selector: { matchLabels: { app: 'd' } }, template: tmpl } });
    expect(ds.spec.updateStrategy).toEqual({ rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    expect(ds.status).toEqual({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
    const cj = defaulted({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } } },
    });
    expect(cj.spec).toEqual({
      concurrencyPolicy: 'Allow',
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { creationTimestamp: null },
        spec: {
          template: {
            metadata: { creationTimestamp: null },
            spec: {
              containers: [
                {
                  image: 'busybox',
                  imagePullPolicy: 'Always',
                  name: 'c',
                  resources: {},
                  terminationMessagePath: '/dev/termination-log',
                  terminationMessagePolicy: 'File',
                },
              ],
              dnsPolicy: 'ClusterFirst',
              restartPolicy: 'OnFailure',
              schedulerName: 'default-scheduler',
              securityContext: {},
              terminationGracePeriodSeconds: 30,
            },
          },
        },
      },
      schedule: '*/1 * * * *',
      successfulJobsHistoryLimit: 3,
      suspend: false,
    });
  });

  it('EndpointSlice and Endpoints ports', () => {
    const slice = defaulted({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-abcde' }, addressType: 'IPv4', ports: [{ port: 8080 }] });
    expect(slice.endpoints).toBeNull();
    expect(slice.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    const ep = defaulted({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }] });
    expect(ep.subsets[0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
  });

  it('Ingress gets an empty load-balancer status; unknown kinds are copied unchanged', () => {
    const ing = defaulted({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i' }, spec: { rules: [] } });
    expect(ing.status).toEqual({ loadBalancer: {} });
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } };
    expect(defaulted(cm)).toEqual(cm);
  });
});

describe('helpers', () => {
  it('canonicalQuantity', () => {
    const cases: [string | number, string][] = [
      ['0.5', '500m'],
      [0.5, '500m'],
      ['1.5', '1500m'],
      ['1000m', '1'],
      ['100m', '100m'],
      ['1', '1'],
      [2, '2'],
      ['1000', '1k'],
      ['128974848', '128974848'],
      ['129e6', '129e6'],
      ['129000000', '129M'],
      ['1Gi', '1Gi'],
      ['1024Mi', '1Gi'],
      ['1536Mi', '1536Mi'],
      ['1.5Gi', '1536Mi'],
      ['0.5Ki', '512'],
      ['64Mi', '64Mi'],
      ['1e3', '1e3'],
      ['0', '0'],
      ['0Mi', '0'],
      ['500M', '500M'],
    ];
    for (const [input, want] of cases) expect([input, canonicalQuantity(input)]).toEqual([input, want]);
    expect(canonicalQuantity('0.0001', -3)).toBe('1m');
    expect(canonicalQuantity('bogus')).toBe('bogus');
  });

  it('podStatusQosClass', () => {
    const pod = (resources: object[]) => ({ spec: { containers: resources.map((r, i) => ({ name: `c${i}`, resources: r })) } });
    expect(podStatusQosClass(pod([{}]))).toBe('BestEffort');
    expect(podStatusQosClass(pod([{ requests: { cpu: '100m' } }]))).toBe('Burstable');
    expect(podStatusQosClass(pod([{ limits: { cpu: '1', memory: '1Gi' } }]))).toBe('Guaranteed');
    expect(podStatusQosClass(pod([{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1024Mi' } }]))).toBe('Guaranteed');
    expect(podStatusQosClass(pod([{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } }]))).toBe('Burstable');
    expect(podStatusQosClass(pod([{ limits: { cpu: '1', memory: '1Gi' } }, {}]))).toBe('Burstable');
    expect(podStatusQosClass(pod([{ limits: { cpu: '1' } }]))).toBe('Burstable');
  });

  it('defaultPullPolicy', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx:latest')).toBe('Always');
    expect(defaultPullPolicy('nginx:1.27')).toBe('IfNotPresent');
    expect(defaultPullPolicy('localhost:5000/app')).toBe('Always');
    expect(defaultPullPolicy('localhost:5000/app:v1')).toBe('IfNotPresent');
    expect(defaultPullPolicy('busybox@sha256:' + 'a'.repeat(64))).toBe('IfNotPresent');
    expect(defaultPullPolicy('Nginx')).toBe('IfNotPresent');
    expect(defaultPullPolicy('')).toBe('IfNotPresent');
  });
});
