import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { formatInvalid } from '../../src/util/errors.js';
import type { KObject } from '../../src/api/types.js';
import { createWarnings, names, validateObject, validateServiceClusterIPsRelatedFields } from '../../src/api/validation/index.js';

type Obj = Record<string, any>;

// --- defaulted objects, as the API server has them when it validates ------------------------------

/** A Service after v1 defaulting and IP allocation (reference §9.1). */
function svc(spec: Obj, name = 'web', metadata: Obj = {}): KObject {
  const s: Obj = { type: 'ClusterIP', sessionAffinity: 'None', ...structuredClone(spec) };
  s.ports = (s.ports ?? []).map((p: Obj) => ({ protocol: 'TCP', targetPort: p.port, ...p }));
  if (['ClusterIP', 'NodePort', 'LoadBalancer'].includes(s.type)) s.internalTrafficPolicy ??= 'Cluster';
  if (['NodePort', 'LoadBalancer'].includes(s.type)) s.externalTrafficPolicy ??= 'Cluster';
  if (s.type === 'LoadBalancer') s.allocateLoadBalancerNodePorts ??= true;
  if (s.type !== 'ExternalName') {
    if (s.clusterIP === undefined) s.clusterIP = '10.96.0.50';
    s.clusterIPs ??= [s.clusterIP];
    s.ipFamilies ??= ['IPv4'];
    s.ipFamilyPolicy ??= 'SingleStack';
  }
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', ...metadata }, spec: s };
}

function container(c: Obj): Obj {
  return {
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: 'IfNotPresent',
    ...c,
    ports: (c.ports ?? []).map((p: Obj) => ({ protocol: 'TCP', ...p })),
  };
}

function podSpec(spec: Obj): Obj {
  return {
    restartPolicy: 'Always',
    dnsPolicy: 'ClusterFirst',
    terminationGracePeriodSeconds: 30,
    schedulerName: 'default-scheduler',
    ...spec,
    containers: (spec.containers ?? []).map(container),
  };
}

function pod(name: string, spec: Obj): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: podSpec(spec) };
}

function deployment(name: string, spec: Obj): KObject {
  const s: Obj = {
    replicas: 1,
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    ...structuredClone(spec),
  };
  s.template = { ...s.template, spec: podSpec(s.template?.spec ?? {}) };
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' }, spec: s };
}

const invalidMessage = (o: KObject, old?: KObject) => formatInvalid(o.kind, o.metadata.name, validateObject(o, old));

const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const one = (name: string, cause: string, kind = 'Service') => `The ${kind} "${name}" is invalid: ${cause}`;
const many = (name: string, causes: string[], kind = 'Service') => `The ${kind} "${name}" is invalid: \n${causes.map((c) => `* ${c}`).join('\n')}`;

// --- §9.3 -------------------------------------------------------------------------------------

describe('Service validation (reference §9.3)', () => {
  test('a valid Service has no causes', () => {
    expect(validateObject(svc({ ports: [{ port: 80, targetPort: 8080 }], selector: { app: 'web' } }))).toEqual([]);
    expect(validateObject(svc({ ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }))).toEqual([]);
    expect(validateObject(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }))).toEqual([]);
    expect(validateObject(svc({ type: 'LoadBalancer', ports: [{ port: 80, nodePort: 30081 }] }))).toEqual([]);
    expect(validateObject(svc({ clusterIP: 'None', ports: [{ port: 80 }] }))).toEqual([]);
    expect(validateObject(svc({ clusterIP: 'None' }))).toEqual([]);
    expect(validateObject(svc({ type: 'ExternalName', externalName: 'api.somecompany.com' }))).toEqual([]);
    expect(validateObject(svc({ type: 'ExternalName', externalName: 'example.com.', ports: [{ port: 80 }] }))).toEqual([]);
  });

  test.each(['My_Svc', '1web', 'web.v1'])('bad name %s', (name) => {
    expect(invalidMessage(svc({ ports: [{ port: 80 }] }, name))).toBe(one(name, `metadata.name: Invalid value: "${name}": ${DNS1035}`));
  });

  test('name longer than 63 characters: the length message comes first', () => {
    const long = 'a'.repeat(64);
    expect(invalidMessage(svc({ ports: [{ port: 80 }] }, long))).toBe(one(long, `metadata.name: Invalid value: "${long}": must be no more than 63 characters`));
    const longBad = 'A'.repeat(64);
    expect(invalidMessage(svc({ ports: [{ port: 80 }] }, longBad))).toBe(
      many(longBad, [
        `metadata.name: Invalid value: "${longBad}": must be no more than 63 characters`,
        `metadata.name: Invalid value: "${longBad}": ${DNS1035}`,
      ]),
    );
  });

  test('no ports', () => {
    expect(invalidMessage(svc({ selector: { app: 'web' } }))).toBe(one('web', 'spec.ports: Required value'));
  });

  test.each([0, 70000])('port %d', (port) => {
    expect(invalidMessage(svc({ ports: [{ port, targetPort: 8080 }] }))).toBe(
      one('web', `spec.ports[0].port: Invalid value: ${port}: must be between 1 and 65535, inclusive`),
    );
  });

  test('targetPort 70000', () => {
    expect(invalidMessage(svc({ ports: [{ port: 80, targetPort: 70000 }] }))).toBe(
      one('web', 'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive'),
    );
  });

  test('targetPort names that are not IANA_SVC_NAMEs', () => {
    const tp = (targetPort: string) => invalidMessage(svc({ ports: [{ port: 80, targetPort }] }));
    expect(tp('HTTP')).toBe(
      many('web', [
        'spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)',
      ]),
    );
    expect(tp('my_port')).toBe(
      one('web', 'spec.ports[0].targetPort: Invalid value: "my_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'),
    );
    expect(tp('a-very-long-port-name')).toBe(one('web', 'spec.ports[0].targetPort: Invalid value: "a-very-long-port-name": must be no more than 15 characters'));
    expect(tp('8080')).toBe(one('web', 'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)'));
    expect(tp('web--api')).toBe(one('web', 'spec.ports[0].targetPort: Invalid value: "web--api": must not contain consecutive hyphens'));
    expect(tp('-web')).toBe(one('web', 'spec.ports[0].targetPort: Invalid value: "-web": must not begin or end with a hyphen'));
  });

  test('more than one port and unnamed ports', () => {
    expect(invalidMessage(svc({ ports: [{ port: 80 }, { port: 443 }] }))).toBe(
      many('web', ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']),
    );
  });

  test('port name not a DNS-1123 label', () => {
    expect(invalidMessage(svc({ ports: [{ name: 'Web', port: 80 }] }))).toBe(one('web', `spec.ports[0].name: Invalid value: "Web": ${DNS1123_LABEL}`));
  });

  test('duplicate port name', () => {
    expect(invalidMessage(svc({ ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] }))).toBe(
      one('web', 'spec.ports[1].name: Duplicate value: "http"'),
    );
  });

  test('duplicate port and protocol', () => {
    expect(invalidMessage(svc({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80, targetPort: 8080 }] }))).toBe(
      one(
        'web',
        'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
      ),
    );
    // Same port on another protocol is fine.
    expect(validateObject(svc({ ports: [{ name: 'a', port: 53 }, { name: 'b', port: 53, protocol: 'UDP' }] }))).toEqual([]);
  });

  test('duplicate nodePort', () => {
    expect(invalidMessage(svc({ type: 'NodePort', ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 30080 }] }))).toBe(
      one('web', 'spec.ports[1].nodePort: Duplicate value: 30080'),
    );
  });

  test.each(['tcp', 'HTTP'])('protocol %s', (protocol) => {
    expect(invalidMessage(svc({ ports: [{ port: 80, protocol }] }))).toBe(
      one('web', `spec.ports[0].protocol: Unsupported value: "${protocol}": supported values: "SCTP", "TCP", "UDP"`),
    );
  });

  test('bad type', () => {
    const o = svc({ ports: [{ port: 80 }] });
    o.spec.type = 'clusterIP';
    delete o.spec.internalTrafficPolicy;
    expect(invalidMessage(o)).toBe(
      one('web', 'spec.type: Unsupported value: "clusterIP": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'),
    );
  });

  test('bad sessionAffinity', () => {
    expect(invalidMessage(svc({ ports: [{ port: 80 }], sessionAffinity: 'Sticky' }))).toBe(
      one('web', 'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"'),
    );
  });

  test('ClientIP timeout out of range', () => {
    const withTimeout = (timeoutSeconds: number) =>
      svc({ ports: [{ port: 80 }], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds } } });
    expect(invalidMessage(withTimeout(0))).toBe(
      one('web', 'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400'),
    );
    expect(validateObject(withTimeout(86400))).toEqual([]);
    expect(validateObject(withTimeout(1))).toEqual([]);
    expect(invalidMessage(withTimeout(86401))).toContain('Invalid value: 86401: must be greater than 0 and less than 86400');
  });

  test('nodePort on type ClusterIP', () => {
    expect(invalidMessage(svc({ ports: [{ port: 80, nodePort: 30080 }] }))).toBe(
      one('web', "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"),
    );
  });

  test('headless NodePort and LoadBalancer', () => {
    expect(invalidMessage(svc({ type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] }))).toBe(
      one('web', `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`),
    );
    expect(invalidMessage(svc({ type: 'LoadBalancer', clusterIP: 'None', ports: [{ port: 80 }] }))).toBe(
      one('web', `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services`),
    );
  });

  test('ExternalName without externalName', () => {
    expect(invalidMessage(svc({ type: 'ExternalName' }))).toBe(one('web', 'spec.externalName: Required value'));
  });

  test('ExternalName not a DNS subdomain', () => {
    expect(invalidMessage(svc({ type: 'ExternalName', externalName: 'My_Host.example.com' }))).toBe(
      one('web', `spec.externalName: Invalid value: "My_Host.example.com": ${DNS1123_SUBDOMAIN}`),
    );
  });

  test('selector label value invalid', () => {
    expect(invalidMessage(svc({ ports: [{ port: 80 }], selector: { app: 'a b' } }))).toBe(one('web', `spec.selector: Invalid value: "a b": ${LABEL_VALUE}`));
  });

  test('externalTrafficPolicy on ClusterIP', () => {
    expect(invalidMessage(svc({ ports: [{ port: 80 }], externalTrafficPolicy: 'Local' }))).toBe(
      one('web', 'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'),
    );
  });

  test('clusterIP change on update', () => {
    const old = svc({ ports: [{ port: 80 }] });
    const updated = svc({ ports: [{ port: 80 }], clusterIP: '10.96.0.99' });
    expect(invalidMessage(updated, old)).toBe(one('web', 'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set'));
  });

  test('removing clusterIP on update', () => {
    const old = svc({ ports: [{ port: 80 }] });
    const updated = svc({ ports: [{ port: 80 }] });
    delete updated.spec.clusterIP;
    delete updated.spec.clusterIPs;
    expect(invalidMessage(updated, old)).toBe(one('web', 'spec.clusterIPs[0]: Invalid value: []string(nil): primary clusterIP can not be unset'));
  });

  test('an unchanged update is valid', () => {
    const old = svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] });
    expect(validateObject(structuredClone(old), old)).toEqual([]);
  });

  test('causes come out in validation order', () => {
    const o = svc({ ports: [{ port: 0, protocol: 'tcp', targetPort: 'HTTP' }, { port: 80 }], selector: { app: 'a b' }, sessionAffinity: 'Sticky' }, 'My_Svc');
    expect(invalidMessage(o)).toBe(
      many('My_Svc', [
        `metadata.name: Invalid value: "My_Svc": ${DNS1035}`,
        'spec.ports[0].name: Required value',
        'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
        'spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)',
        'spec.ports[1].name: Required value',
        `spec.selector: Invalid value: "a b": ${LABEL_VALUE}`,
        'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"',
      ]),
    );
  });

  test('clusterIP related fields (also used before allocation)', () => {
    const bad = svc({ ports: [{ port: 80 }], clusterIP: '10.96.0.300' });
    expect(validateServiceClusterIPsRelatedFields(bad).map((e) => `${e.field}: ${e.detail}`)).toEqual([
      'spec.clusterIPs[0]: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
    const mismatch = svc({ ports: [{ port: 80 }], clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.6'] });
    expect(invalidMessage(mismatch)).toBe(one('web', 'spec.clusterIPs: Invalid value: []string{"10.96.0.6"}: first value must match `clusterIP`'));
  });

  test('a client that sets only clusterIP gets clusterIPs: [clusterIP] before validation', () => {
    const headless = svc({ clusterIP: 'None' });
    delete headless.spec.clusterIPs;
    expect(validateObject(headless)).toEqual([]);
    const np = svc({ type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] });
    delete np.spec.clusterIPs;
    expect(invalidMessage(np)).toBe(one('web', `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`));
  });

  test('other Service rules', () => {
    expect(invalidMessage(svc({ ports: [{ port: 80 }], externalIPs: ['127.0.0.1'] }))).toContain(
      'spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    );
    expect(invalidMessage(svc({ ports: [{ port: 80 }], loadBalancerSourceRanges: ['10.0.0.0/8'] }))).toBe(
      one('web', "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"),
    );
    expect(invalidMessage(svc({ ports: [{ port: 80 }], sessionAffinity: 'ClientIP' }))).toBe(
      one('web', 'spec.sessionAffinityConfig: Required value: when session affinity type is ClientIP'),
    );
    expect(invalidMessage(svc({ type: 'LoadBalancer', ports: [{ port: 80 }], externalTrafficPolicy: 'Local' }))).toBe(
      one('web', 'spec.healthCheckNodePort: Required value'),
    );
  });
});

// --- §9.4 -------------------------------------------------------------------------------------

describe('other kinds (reference §9.4)', () => {
  test('Pod, Deployment, ReplicaSet, ReplicationController names are DNS-1123 subdomains', () => {
    expect(invalidMessage(pod('My_Pod', { containers: [{ name: 'c', image: 'nginx' }] }))).toBe(
      one('My_Pod', `metadata.name: Invalid value: "My_Pod": ${DNS1123_SUBDOMAIN}`, 'Pod'),
    );
    const d = deployment('My_Dep', { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } });
    expect(invalidMessage(d)).toBe(one('My_Dep', `metadata.name: Invalid value: "My_Dep": ${DNS1123_SUBDOMAIN}`, 'Deployment'));
    expect(validateObject(pod('web.v1', { containers: [{ name: 'c', image: 'nginx' }] }))).toEqual([]);
  });

  test('Namespace names are DNS-1123 labels', () => {
    const ns = (name: string): KObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    expect(validateObject(ns('dev'))).toEqual([]);
    expect(invalidMessage(ns('my.ns'))).toBe(one('my.ns', 'metadata.name: Invalid value: "my.ns": must not contain dots', 'Namespace'));
    expect(invalidMessage(ns('Dev'))).toBe(one('Dev', `metadata.name: Invalid value: "Dev": ${DNS1123_LABEL}`, 'Namespace'));
  });

  test('Deployment selector not matching the template', () => {
    const d = deployment('web', { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    expect(invalidMessage(d)).toBe(
      one('web', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`', 'Deployment'),
    );
  });

  test('changing a Deployment selector', () => {
    const tpl = (app: string) => ({ metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const old = deployment('web', { selector: { matchLabels: { app: 'web' } }, template: tpl('web') });
    const updated = deployment('web', { selector: { matchLabels: { app: 'web2' } }, template: tpl('web2') });
    expect(invalidMessage(updated, old)).toBe(
      one(
        'web',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
        'Deployment',
      ),
    );
    expect(validateObject(structuredClone(old), old)).toEqual([]);
  });

  test('container port names use the IANA_SVC_NAME messages', () => {
    const p = pod('web', { containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'HTTP', containerPort: 80 }] }] });
    expect(invalidMessage(p)).toBe(
      many(
        'web',
        [
          'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
          'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
        ],
        'Pod',
      ),
    );
    const long = pod('web', { containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'metrics-endpoint', containerPort: 9090 }] }] });
    expect(invalidMessage(long)).toBe(one('web', 'spec.containers[0].ports[0].name: Invalid value: "metrics-endpoint": must be no more than 15 characters', 'Pod'));
  });
});

// --- pods and workloads -------------------------------------------------------------------------

describe('pod spec', () => {
  test('a valid pod', () => {
    const p = pod('kubia', {
      containers: [
        {
          name: 'kubia',
          image: 'luksa/kubia',
          ports: [{ name: 'http', containerPort: 8080 }],
          env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
          livenessProbe: { httpGet: { path: '/', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 15, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          readinessProbe: { exec: { command: ['ls', '/var/ready'] }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        },
      ],
      volumes: [{ name: 'data', emptyDir: {} }],
      hostname: 'quote1-hostname',
      subdomain: 'quote-headless',
    });
    expect(validateObject(p)).toEqual([]);
  });

  test('containers are required', () => {
    expect(invalidMessage(pod('p', {}))).toBe(one('p', 'spec.containers: Required value', 'Pod'));
  });

  test('container name and image', () => {
    expect(invalidMessage(pod('p', { containers: [{ name: 'Web', image: '' }] }))).toBe(
      many('p', [`spec.containers[0].name: Invalid value: "Web": ${DNS1123_LABEL}`, 'spec.containers[0].image: Required value'], 'Pod'),
    );
    expect(invalidMessage(pod('p', { containers: [{ image: 'nginx' }, { name: 'a', image: 'x' }, { name: 'a', image: 'y' }] }))).toBe(
      many('p', ['spec.containers[0].name: Required value', 'spec.containers[2].name: Duplicate value: "a"'], 'Pod'),
    );
  });

  test('ports', () => {
    const p = pod('p', { containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 0 }, { containerPort: 70000, protocol: 'tcp' }, { name: 'web', containerPort: 80 }, { name: 'web', containerPort: 81 }] }] });
    expect(invalidMessage(p)).toBe(
      many(
        'p',
        [
          'spec.containers[0].ports[0].containerPort: Required value',
          'spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
          'spec.containers[0].ports[1].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
          'spec.containers[0].ports[3].name: Duplicate value: "web"',
        ],
        'Pod',
      ),
    );
  });

  test('env names (relaxed validation in 1.32) and valueFrom', () => {
    expect(validateObject(pod('p', { containers: [{ name: 'c', image: 'i', env: [{ name: '1_ODD-name.x', value: 'v' }] }] }))).toEqual([]);
    expect(invalidMessage(pod('p', { containers: [{ name: 'c', image: 'i', env: [{ name: 'A=B' }, { value: 'x' }] }] }))).toBe(
      many(
        'p',
        [
          `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
          'spec.containers[0].env[1].name: Required value',
        ],
        'Pod',
      ),
    );
    expect(invalidMessage(pod('p', { containers: [{ name: 'c', image: 'i', env: [{ name: 'X', valueFrom: {} }] }] }))).toBe(
      one('p', 'spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`', 'Pod'),
    );
  });

  test('probes', () => {
    const withProbe = (livenessProbe: Obj) => pod('p', { containers: [{ name: 'c', image: 'i', livenessProbe }] });
    const defaults = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
    expect(invalidMessage(withProbe({ ...defaults }))).toBe(one('p', 'spec.containers[0].livenessProbe: Required value: must specify a handler type', 'Pod'));
    expect(invalidMessage(withProbe({ ...defaults, httpGet: { path: '/', port: 'Web', scheme: 'HTTP' } }))).toContain(
      'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "Web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    );
    expect(invalidMessage(withProbe({ ...defaults, successThreshold: 2, tcpSocket: { port: 80 } }))).toBe(
      one('p', 'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1', 'Pod'),
    );
    expect(invalidMessage(withProbe({ ...defaults, exec: { command: ['x'] }, tcpSocket: { port: 80 } }))).toBe(
      one('p', 'spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type', 'Pod'),
    );
  });

  test('restartPolicy and dnsPolicy values', () => {
    expect(invalidMessage(pod('p', { containers: [{ name: 'c', image: 'i' }], restartPolicy: 'Sometimes' }))).toBe(
      one('p', 'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"', 'Pod'),
    );
    expect(invalidMessage(pod('p', { containers: [{ name: 'c', image: 'i' }], dnsPolicy: 'Custom' }))).toBe(
      one('p', 'spec.dnsPolicy: Unsupported value: "Custom": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"', 'Pod'),
    );
    expect(invalidMessage(pod('p', { containers: [{ name: 'c', image: 'i' }], dnsPolicy: 'None' }))).toBe(
      one('p', 'spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None', 'Pod'),
    );
  });

  test('volume mounts must name a volume', () => {
    expect(invalidMessage(pod('p', { containers: [{ name: 'c', image: 'i', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] }))).toBe(
      one('p', 'spec.containers[0].volumeMounts[0].name: Not found: "data"', 'Pod'),
    );
    expect(invalidMessage(pod('p', { containers: [{ name: 'c', image: 'i' }], volumes: [{ name: 'cfg', configMap: {} }] }))).toBe(
      one('p', 'spec.volumes[0].configMap.name: Required value', 'Pod'),
    );
    expect(invalidMessage(pod('p', { containers: [{ name: 'c', image: 'i' }], volumes: [{ name: 'v' }] }))).toBe(
      one('p', 'spec.volumes[0]: Required value: must specify a volume type', 'Pod'),
    );
  });

  test('pod updates may only change some fields [approximate diff]', () => {
    const old = pod('p', { containers: [{ name: 'c', image: 'nginx:1', ports: [{ containerPort: 80 }] }] });
    const newImage = structuredClone(old);
    newImage.spec.containers[0].image = 'nginx:2';
    expect(validateObject(newImage, old)).toEqual([]);
    const newPort = structuredClone(old);
    newPort.spec.containers[0].ports[0].containerPort = 81;
    const [err] = validateObject(newPort, old);
    expect(err.field).toBe('spec');
    expect(err.detail).toMatch(/^pod updates may not change fields other than `spec.containers\[\*\].image`,/);
  });
});

describe('workloads', () => {
  const tpl = { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } };

  test('apps/v1 Deployment without a selector (kia Chapter09 after conversion)', () => {
    expect(invalidMessage(deployment('kubia', { replicas: 3, template: tpl }))).toBe(
      many(
        'kubia',
        ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia"}: `selector` does not match template `labels`'],
        'Deployment',
      ),
    );
  });

  test('negative replicas, empty selector, restartPolicy', () => {
    expect(invalidMessage(deployment('d', { replicas: -1, selector: { matchLabels: { app: 'kubia' } }, template: tpl }))).toBe(
      one('d', 'spec.replicas: Invalid value: -1: must be greater than or equal to 0', 'Deployment'),
    );
    expect(invalidMessage(deployment('d', { selector: {}, template: tpl }))).toBe(
      one('d', 'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment', 'Deployment'),
    );
    const never = deployment('d', { selector: { matchLabels: { app: 'kubia' } }, template: { ...tpl, spec: { ...tpl.spec, restartPolicy: 'Never' } } });
    expect(invalidMessage(never)).toBe(one('d', 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"', 'Deployment'));
  });

  test('matchExpressions (kia ReplicaSet) select and validate', () => {
    const rs: KObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'kubia', namespace: 'default' },
      spec: { replicas: 3, selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }] }, template: { ...tpl, spec: podSpec(tpl.spec) } },
    };
    expect(validateObject(rs)).toEqual([]);
    rs.spec.selector.matchExpressions[0].operator = 'Includes';
    expect(invalidMessage(rs)).toBe(
      many(
        'kubia',
        [
          'spec.selector.matchExpressions[0].operator: Invalid value: "Includes": not a valid selector operator',
          'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Includes", Values:[]string{"kubia"}}}}: invalid label selector',
        ],
        'ReplicaSet',
      ),
    );
  });

  test('ReplicationController', () => {
    const rc = (selector: Obj | undefined): KObject => ({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia', namespace: 'default' },
      spec: { replicas: 3, selector, template: { ...tpl, spec: podSpec(tpl.spec) } },
    });
    expect(validateObject(rc({ app: 'kubia' }))).toEqual([]);
    expect(invalidMessage(rc({ app: 'other' }))).toBe(
      one('kubia', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia"}: `selector` does not match template `labels`', 'ReplicationController'),
    );
    expect(invalidMessage(rc(undefined))).toBe(one('kubia', 'spec.selector: Required value', 'ReplicationController'));
  });

  test('Job needs restartPolicy OnFailure or Never', () => {
    const job = (restartPolicy?: string): KObject => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'batch-job', namespace: 'default' },
      spec: { template: { metadata: { labels: { app: 'batch-job' } }, spec: podSpec({ ...tpl.spec, restartPolicy: restartPolicy ?? 'Always' }) } },
    });
    expect(validateObject(job('OnFailure'))).toEqual([]);
    expect(invalidMessage(job())).toBe(one('batch-job', 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"', 'Job'));
  });

  test('StatefulSet names are DNS labels', () => {
    const sts: KObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web.v1', namespace: 'default' },
      spec: { replicas: 1, podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate' }, selector: { matchLabels: { app: 'kubia' } }, template: { ...tpl, spec: podSpec(tpl.spec) } },
    };
    expect(invalidMessage(sts)).toBe(one('web.v1', 'metadata.name: Invalid value: "web.v1": must not contain dots', 'StatefulSet'));
  });

  test('DNS-label warnings for workload names', () => {
    const d = deployment('manage-v1.1', { selector: { matchLabels: { app: 'kubia' } }, template: tpl });
    expect(validateObject(d)).toEqual([]);
    expect(createWarnings(d)).toEqual([
      'metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]',
    ]);
    expect(createWarnings(pod('a.b', {}))[0]).toMatch(/^metadata.name: this is used in the Pod's hostname,/);
    expect(createWarnings(svc({ ports: [{ port: 80 }] }))).toEqual([]);
  });
});

// --- Ingress ------------------------------------------------------------------------------------

describe('Ingress (networking.k8s.io/v1)', () => {
  const ing = (rules: Obj[], spec: Obj = {}): KObject => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'default' },
    spec: { rules, ...spec },
  });
  const path = (p: Obj) => ({ host: 'kubia.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'kubia', port: { number: 80 } } }, ...p }] } });

  test('valid rules, wildcard hosts, default backends', () => {
    expect(validateObject(ing([path({})]))).toEqual([]);
    expect(validateObject(ing([{ ...path({}), host: '*.example.com' }]))).toEqual([]);
    expect(validateObject(ing([], { defaultBackend: { service: { name: 'kubia', port: { name: 'http' } } } }))).toEqual([]);
  });

  test('no rules and no default backend', () => {
    expect(invalidMessage(ing([]), undefined)).toBe(one('web', 'spec: Invalid value: []networking.IngressRule{}: either `defaultBackend` or `rules` must be specified', 'Ingress'));
  });

  test('pathType required and supported', () => {
    expect(invalidMessage(ing([path({ pathType: undefined })]))).toBe(
      one('web', 'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified', 'Ingress'),
    );
    expect(invalidMessage(ing([path({ pathType: 'Regex' })]))).toBe(
      one('web', 'spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"', 'Ingress'),
    );
  });

  test('paths must begin with "/"', () => {
    expect(invalidMessage(ing([path({ path: 'api' })]))).toBe(one('web', 'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path', 'Ingress'));
    expect(invalidMessage(ing([path({ path: '/a//b' })]))).toBe(one('web', "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b\": must not contain '//'", 'Ingress'));
  });

  test('backend service name and port', () => {
    expect(invalidMessage(ing([path({ backend: { service: { name: 'Kubia', port: { number: 80 } } } })]))).toBe(
      one('web', `spec.rules[0].http.paths[0].backend.service.name: Invalid value: "Kubia": ${DNS1035}`, 'Ingress'),
    );
    expect(invalidMessage(ing([path({ backend: { service: { name: 'kubia', port: {} } } })]))).toBe(
      one('web', 'spec.rules[0].http.paths[0].backend: Required value: port name or number is required', 'Ingress'),
    );
    expect(invalidMessage(ing([path({ backend: { service: { name: 'kubia', port: { number: 70000 } } } })]))).toBe(
      one('web', 'spec.rules[0].http.paths[0].backend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive', 'Ingress'),
    );
  });

  test('rule hosts: DNS subdomain or wildcard, not an IP', () => {
    expect(invalidMessage(ing([{ ...path({}), host: 'Kubia.example.com' }]))).toBe(
      one('web', `spec.rules[0].host: Invalid value: "Kubia.example.com": ${DNS1123_SUBDOMAIN}`, 'Ingress'),
    );
    expect(invalidMessage(ing([{ ...path({}), host: '*.*.example.com' }]))).toBe(
      one(
        'web',
        "spec.rules[0].host: Invalid value: \"*.*.example.com\": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        'Ingress',
      ),
    );
    expect(invalidMessage(ing([{ ...path({}), host: '10.0.0.1' }]))).toBe(one('web', 'spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address', 'Ingress'));
  });
});

// --- ConfigMap, Secret, Endpoints ------------------------------------------------------------------

describe('ConfigMap, Secret and Endpoints', () => {
  test('data keys', () => {
    const cm: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { 'good.key': 'x', 'bad key': 'y' } };
    expect(invalidMessage(cm)).toBe(
      one(
        'c',
        "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
        'ConfigMap',
      ),
    );
    const secret: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, type: 'Opaque', stringData: { '..': 'x' } };
    expect(invalidMessage(secret)).toContain(`data[..]: Invalid value: "..": must not be '..'`);
  });

  test('TLS secrets need tls.crt and tls.key', () => {
    const secret: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } };
    expect(invalidMessage(secret)).toBe(one('s', 'data[tls.key]: Required value', 'Secret'));
  });

  test('manual Endpoints', () => {
    const ep = (subsets: Obj[]): KObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external-service', namespace: 'default' }, subsets });
    expect(validateObject(ep([{ addresses: [{ ip: '11.11.11.11' }, { ip: '22.22.22.22' }], ports: [{ port: 80, protocol: 'TCP' }] }]))).toEqual([]);
    expect(invalidMessage(ep([{ addresses: [{ ip: '127.0.0.1' }], ports: [{ port: 80, protocol: 'TCP' }] }]))).toBe(
      one('external-service', 'subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)', 'Endpoints'),
    );
    expect(invalidMessage(ep([{ ports: [{ port: 80, protocol: 'TCP' }] }]))).toBe(
      one('external-service', 'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`', 'Endpoints'),
    );
  });

  test('metadata: labels, annotations, missing name', () => {
    const cm = (metadata: Obj): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'default', ...metadata } as any });
    expect(invalidMessage(cm({ name: 'c', labels: { 'a/b/c': 'x' } }))).toBe(
      one(
        'c',
        "metadata.labels: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
        'ConfigMap',
      ),
    );
    expect(invalidMessage(cm({ name: '' }))).toBe(one('', 'metadata.name: Required value: name or generateName is required', 'ConfigMap'));
    expect(validateObject(cm({ name: 'c', annotations: { 'Example.COM/Key': 'v' } }))).toEqual([]);
  });
});

// --- names ----------------------------------------------------------------------------------------

describe('name checks', () => {
  test('DNS-1123 labels', () => {
    expect(names.isDNS1123Label('my-name')).toEqual([]);
    expect(names.isDNS1123Label('123-abc')).toEqual([]);
    expect(names.isDNS1123Label('a'.repeat(63))).toEqual([]);
    expect(names.isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
    expect(names.isDNS1123Label('a.b')).toEqual(['must not contain dots']);
    expect(names.isDNS1123Label('-a')).toEqual([DNS1123_LABEL]);
    expect(names.isDNS1123Label('')).toEqual([DNS1123_LABEL]);
  });

  test('DNS-1123 subdomains', () => {
    expect(names.isDNS1123Subdomain('example.com')).toEqual([]);
    expect(names.isDNS1123Subdomain('a'.repeat(253))).toEqual([]);
    expect(names.isDNS1123Subdomain('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
    expect(names.isDNS1123Subdomain('a..b')).toEqual([DNS1123_SUBDOMAIN]);
    expect(names.isDNS1123Subdomain('Example.com')).toEqual([DNS1123_SUBDOMAIN]);
  });

  test('DNS-1035 labels', () => {
    expect(names.isDNS1035Label('web')).toEqual([]);
    expect(names.isDNS1035Label('1web')).toEqual([DNS1035]);
    expect(names.isDNS1035Label('web-')).toEqual([DNS1035]);
    expect(names.isDNS1035Label('w'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });

  test('qualified names and label values', () => {
    expect(names.isQualifiedName('app.kubernetes.io/name')).toEqual([]);
    expect(names.isQualifiedName('/name')).toEqual(['prefix part must be non-empty']);
    expect(names.isQualifiedName('example.com/')[0]).toBe('name part must be non-empty');
    expect(names.isQualifiedName('Example.com/x')[0]).toMatch(/^prefix part a lowercase RFC 1123 subdomain/);
    expect(names.isQualifiedName('x'.repeat(64))[0]).toBe('name part must be no more than 63 characters');
    expect(names.isValidLabelValue('')).toEqual([]);
    expect(names.isValidLabelValue('0-5')).toEqual([]);
    expect(names.isValidLabelValue('v'.repeat(64))).toEqual(['must be no more than 63 characters']);
    expect(names.isValidLabelValue('-x')).toEqual([LABEL_VALUE]);
  });

  test('port names (IANA_SVC_NAME)', () => {
    expect(names.isValidPortName('http')).toEqual([]);
    expect(names.isValidPortName('dns-tcp')).toEqual([]);
    expect(names.isValidPortName('x'.repeat(16))).toEqual(['must be no more than 15 characters']);
    expect(names.isValidPortName('123')).toEqual(['must contain at least one letter (a-z)']);
  });

  test('generateName prefixes may end with a dash', () => {
    expect(names.nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(names.nameIsDNSSubdomain('web-', false)).toEqual([DNS1123_SUBDOMAIN]);
  });

  test('regex error detail has two spaces before "or"', () => {
    expect(names.regexError('m', 're', 'a', 'b')).toBe("m (e.g. 'a',  or 'b', regex used for validation is 're')");
    expect(names.regexError('m', 're', 'a')).toBe("m (e.g. 'a', regex used for validation is 're')");
    expect(names.regexError('m', 're')).toBe("m (regex used for validation is 're')");
  });

  test('IP and CIDR parsing', () => {
    expect(names.isIP('10.96.0.1')).toBe(true);
    expect(names.isIP('10.96.0.256')).toBe(false);
    expect(names.isIP('2001:db8::1')).toBe(true);
    expect(names.isIP('::ffff:10.0.0.1')).toBe(true);
    expect(names.isIP('2001:db8:::1')).toBe(false);
    expect(names.isValidCIDR('10.0.0.0/8')).toBe(true);
    expect(names.isValidCIDR('10.0.0.0/33')).toBe(false);
  });
});

// --- the books' manifests -------------------------------------------------------------------------

const CORPUS = '/work/shared/corpus';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

/** Conversion of the old apiVersions the books use (the real converters live in src/api/convert.ts). */
function convert(d: Obj): Obj | undefined {
  const renames: Record<string, string> = {
    'apps/v1beta1': 'apps/v1',
    'apps/v1beta2': 'apps/v1',
    'batch/v1beta1': 'batch/v1',
    'rbac.authorization.k8s.io/v1beta1': 'rbac.authorization.k8s.io/v1',
  };
  if (d.kind === 'BackendConfig') return undefined;
  if (d.kind === 'Ingress' && d.apiVersion !== 'networking.k8s.io/v1') {
    const backend = (b: Obj) => {
      const { serviceName, servicePort, ...rest } = b;
      return { ...rest, service: { name: serviceName, port: typeof servicePort === 'string' ? { name: servicePort } : { number: servicePort } } };
    };
    const spec = structuredClone(d.spec ?? {});
    if (spec.backend) {
      spec.defaultBackend = backend(spec.backend);
      delete spec.backend;
    }
    for (const r of spec.rules ?? []) {
      for (const p of r.http?.paths ?? []) {
        p.backend = backend(p.backend);
        p.pathType ??= 'ImplementationSpecific';
      }
    }
    return { ...d, apiVersion: 'networking.k8s.io/v1', spec };
  }
  const out = renames[d.apiVersion] ? { ...structuredClone(d), apiVersion: renames[d.apiVersion] } : structuredClone(d);
  // apps/v1beta1 defaulted a missing Deployment selector from the template labels.
  if (d.apiVersion === 'apps/v1beta1' && d.kind === 'Deployment' && !out.spec.selector) out.spec.selector = { matchLabels: out.spec.template.metadata.labels };
  return out;
}

/** The defaults the server applies before validating (the subset these manifests need). */
function withDefaults(d: Obj): KObject {
  const clusterScoped = ['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolume'].includes(d.kind);
  d.metadata = clusterScoped ? { ...d.metadata } : { namespace: 'default', ...d.metadata };
  if (d.kind === 'Service') {
    if (d.spec.sessionAffinity === 'ClientIP') d.spec.sessionAffinityConfig ??= { clientIP: { timeoutSeconds: 10800 } };
    return svc(d.spec, d.metadata.name, d.metadata);
  }
  const probe = (p: Obj | undefined) =>
    p && { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, ...p, ...(p.httpGet ? { httpGet: { path: '/', scheme: 'HTTP', ...p.httpGet } } : {}) };
  const fullPodSpec = (spec: Obj) => {
    const s = podSpec(spec);
    for (const list of ['containers', 'initContainers']) {
      if (!spec[list]) continue;
      s[list] = spec[list].map((c0: Obj) => {
        const c = container(c0);
        for (const e of c.env ?? []) if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= 'v1';
        return { ...c, livenessProbe: probe(c.livenessProbe), readinessProbe: probe(c.readinessProbe) };
      });
    }
    return s;
  };
  if (d.kind === 'Pod') d.spec = fullPodSpec(d.spec);
  if (d.spec?.template?.spec) d.spec.template.spec = fullPodSpec(d.spec.template.spec);
  if (d.kind === 'CronJob') d.spec.jobTemplate.spec.template.spec = fullPodSpec(d.spec.jobTemplate.spec.template.spec);
  if (d.kind === 'Deployment') {
    d.spec.strategy ??= { type: 'RollingUpdate' };
    if (d.spec.strategy.type === 'RollingUpdate') d.spec.strategy.rollingUpdate ??= { maxUnavailable: '25%', maxSurge: '25%' };
    d.spec.progressDeadlineSeconds ??= 600;
  }
  if (d.kind === 'ReplicationController') d.spec.selector ??= d.spec.template.metadata.labels;
  if (d.kind === 'DaemonSet') d.spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } };
  if (d.kind === 'Secret') d.type ??= 'Opaque';
  if (d.kind === 'Endpoints') for (const ss of d.subsets ?? []) for (const p of ss.ports ?? []) p.protocol ??= 'TCP';
  return d as KObject;
}

describe.skipIf(!existsSync(CORPUS))('corpus (skipped: /work/shared/corpus is absent)', () => {
  test('every book manifest validates once converted and defaulted', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of walk(CORPUS)) {
      for (const doc of yaml.loadAll(readFileSync(file, 'utf8')) as Obj[]) {
        if (!doc?.kind) continue;
        const converted = convert(doc);
        if (!converted) continue;
        const o = withDefaults(converted);
        checked++;
        const causes = validateObject(o);
        if (causes.length) problems.push(`${file}: ${formatInvalid(o.kind, o.metadata.name, causes)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(250);
  });
});
