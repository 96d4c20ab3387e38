import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { formatStrictDecodeError, strictDecode } from '../../src/api/schema/decode.js';
import { base64ErrorOffset, quantityError, schemaTypeOf } from '../../src/api/schema/decode.js';

const CORPUS = '/work/shared/corpus';
const haveCorpus = existsSync(CORPUS);

/** What the API server answers for a manifest (the BadRequest message), or undefined when it decodes. */
function serverMessage(o: Record<string, unknown>): string | undefined {
  const { errors } = strictDecode(o);
  if (!errors.length) return undefined;
  const version = String(o.apiVersion).split('/').pop()!;
  return formatStrictDecodeError(String(o.kind), version, errors);
}

const service = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec,
  ...extra,
});

describe('unknown fields', () => {
  test('a misspelt spec field (the kia publishNotReadyEndpoints case)', () => {
    const svc = service({ ports: [{ port: 80, targetPort: 8080 }], selector: { app: 'kubia' }, publishNotReadyEndpoints: true });
    expect(serverMessage(svc)).toBe(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.publishNotReadyEndpoints"',
    );
    // The real field name is accepted.
    expect(strictDecode(service({ ports: [{ port: 80 }], publishNotReadyAddresses: true })).errors).toEqual([]);
  });

  test('a top-level field (the k8s-dev-strategy Ingress with `annotation:` outside metadata)', () => {
    const ing = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'my-ingress' },
      annotation: { 'nginx.ingress.kubernetes.io/affinity': 'cookie' },
      spec: {
        ingressClassName: 'nginx',
        rules: [{ host: 'myapp.mydomain.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'my-service', port: { number: 3000 } } } }] } }],
      },
    };
    expect(serverMessage(ing)).toBe('Ingress in version "v1" cannot be handled as a Ingress: strict decoding error: unknown field "annotation"');
  });

  test('several unknown fields: sorted key order, joined by ", ", with array indexes in the path', () => {
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' }, volumes: [], containers: [] },
          spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'nginx', tolerations: [] }] },
        },
      },
    };
    expect(serverMessage(deploy)).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: ' +
        'unknown field "spec.template.metadata.containers", unknown field "spec.template.metadata.volumes", ' +
        'unknown field "spec.template.spec.containers[1].tolerations"',
    );
  });

  test('field names are case-sensitive; the value of an unknown field is not inspected', () => {
    const svc = service({ Ports: [{ port: 'not-a-number', bogus: 1 }] });
    expect(strictDecode(svc).errors).toEqual(['unknown field "spec.Ports"']);
  });

  test('metadata, status, apiVersion and kind are part of the schema', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', labels: { a: 'b' }, annotations: { x: 'y' }, creationTimestamp: null, uid: 'u' },
      spec: { containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: 0.5 } } }] },
      status: { phase: 'Running', podIP: '10.244.0.5', conditions: [{ type: 'Ready', status: 'True' }] },
    };
    expect(strictDecode(pod).errors).toEqual([]);
    expect(strictDecode({ ...pod, metadata: { ...pod.metadata, lables: {} } }).errors).toEqual(['unknown field "metadata.lables"']);
  });

  test('maps of structs and free-form fields', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'any.key': 'v', 'other-key': 'w' } };
    expect(strictDecode(cm).errors).toEqual([]);
    const rev = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'r' }, revision: 1, data: { anything: { goes: [1] } } };
    expect(strictDecode(rev).errors).toEqual([]);
  });

  test('at most 100 strict errors, deduplicated', () => {
    const spec: Record<string, unknown> = { ports: [{ port: 80 }] };
    for (let i = 0; i < 120; i++) spec[`x${String(i).padStart(3, '0')}`] = 1;
    const { errors } = strictDecode(service(spec));
    expect(errors).toHaveLength(100);
    expect(errors[0]).toBe('unknown field "spec.x000"');
  });

  test('kinds kubesim does not serve are not checked', () => {
    expect(strictDecode({ apiVersion: 'cloud.google.com/v1', kind: 'BackendConfig', metadata: { name: 'x' }, spec: { a: 1 } }).errors).toEqual([]);
    expect(strictDecode({ apiVersion: 'extensions/v1beta1', kind: 'Ingress', spec: { backend: {} } }).errors).toEqual([]);
    expect(schemaTypeOf('v1', 'Service')).toBe('core/v1.Service');
  });
});

describe('type mismatches', () => {
  test('a quoted port number', () => {
    expect(serverMessage(service({ ports: [{ port: '80' }] }))).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    );
  });

  test('a type error wins over unknown fields', () => {
    expect(strictDecode(service({ ports: [{ port: '80' }], bogus: true })).errors).toEqual([
      'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    ]);
  });

  test('the first type error in key order is reported', () => {
    const errs = strictDecode(service({ type: 5, ports: [{ port: '80' }] })).errors;
    expect(errs).toEqual(['json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32']);
  });

  test('assorted targets: int32, string, struct, slice, map, bool, named types', () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: '1' } },
        'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      ],
      [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: ['nginx'] } },
        'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container',
      ],
      [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: { name: 'nginx' } } },
        'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
      ],
      [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', env: [{ name: 'PORT', value: 587 }] }] } },
        'json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string',
      ],
      [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { version: 1.5 } } },
        'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
      ],
      [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { hostNetwork: 'yes' } },
        'json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool',
      ],
      [
        { apiVersion: 'v1', kind: 'Pod', metadata: 'p' },
        'json: cannot unmarshal string into Go struct field Pod.metadata of type v1.ObjectMeta',
      ],
      [service({ ports: [{ port: 80.5 }] }), 'json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.port of type int32'],
      [service({ ports: [{ port: 3000000000 }] }), 'json: cannot unmarshal number 3000000000 into Go struct field ServicePort.spec.ports.port of type int32'],
      [service({ ports: [{ port: 80, protocol: 6 }] }), 'json: cannot unmarshal number into Go struct field ServicePort.spec.ports.protocol of type v1.Protocol'],
      [service({ selector: ['app'] }), 'json: cannot unmarshal array into Go struct field ServiceSpec.spec.selector of type map[string]string'],
      [service({ ports: [{ port: 80, targetPort: true }] }), 'json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32'],
      [service({ ports: [{ port: 80, targetPort: 8080.5 }] }), 'json: cannot unmarshal number 8080.5 into Go struct field ServicePort.spec.ports.targetPort of type int32'],
      [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', resources: { limits: ['1'] } }] } },
        'json: cannot unmarshal array into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList',
      ],
      [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { terminationGracePeriodSeconds: 'x' } },
        'json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
      ],
    ];
    for (const [o, msg] of cases) expect(strictDecode(o).errors).toEqual([msg]);
  });

  test('targetPort accepts a number or a name', () => {
    expect(strictDecode(service({ ports: [{ port: 80, targetPort: 'http' }, { port: 81, targetPort: 8081 }] })).errors).toEqual([]);
  });

  test('quantities', () => {
    const pod = (cpu: unknown) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', resources: { requests: { cpu } } }] } });
    expect(serverMessage(pod('one'))).toBe(
      "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    expect(strictDecode(pod('1Xi')).errors[0]).toMatch(/^quantities must match/);
    expect(strictDecode(pod('1mi')).errors).toEqual(["unable to parse quantity's suffix"]);
    for (const ok of ['100m', '0.5', 0.5, 2, '1Gi', '1e3', '128974848', '1.5G', '+1', '0']) expect(strictDecode(pod(ok)).errors).toEqual([]);
    expect(quantityError('')).toMatch(/^quantities must match/);
    expect(quantityError('12Mb')).toMatch(/^quantities must match/);
  });

  test('Secret data must be base64', () => {
    const secret = (v: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: v } });
    expect(serverMessage(secret('hello world'))).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 5');
    expect(strictDecode(secret('aGVsbG8=')).errors).toEqual([]);
    expect(strictDecode(secret('aGVsbG8')).errors).toEqual(['illegal base64 data at input byte 4']);
    expect(strictDecode({ ...secret('x'), data: undefined, stringData: { password: 'hello world' } }).errors).toEqual([]);
    expect(base64ErrorOffset('YWJj\nZGVm')).toBeUndefined();
    expect(base64ErrorOffset('YQ==YQ==')).toBe(4);
    expect(base64ErrorOffset('YQ=')).toBe(3);
    expect(base64ErrorOffset('Y===')).toBe(1);
  });
});

describe('formatStrictDecodeError', () => {
  test('joins strict errors with ", " after "strict decoding error: "', () => {
    expect(formatStrictDecodeError('Service', 'v1', ['unknown field "spec.x"', 'unknown field "spec.y"'])).toBe(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.x", unknown field "spec.y"',
    );
  });
  test('decoding errors are not strict errors', () => {
    expect(formatStrictDecodeError('Secret', 'v1', ['illegal base64 data at input byte 0'])).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 0',
    );
  });
});

// --- the books' manifests ------------------------------------------------------------------------

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

type Doc = Record<string, any>;

/**
 * The obvious conversions of old apiVersions to the stored ones (the real converters live in
 * src/api/convert.ts): v1beta1 Ingress backends, and group/version renames of identical schemas.
 */
function toStoredVersion(d: Doc): Doc | undefined {
  const renames: Record<string, string> = {
    'apps/v1beta1': 'apps/v1',
    'apps/v1beta2': 'apps/v1',
    'batch/v1beta1': 'batch/v1',
    'rbac.authorization.k8s.io/v1beta1': 'rbac.authorization.k8s.io/v1',
  };
  if (d.kind === 'Ingress' && (d.apiVersion === 'extensions/v1beta1' || d.apiVersion === 'networking.k8s.io/v1beta1')) {
    const backend = (b: Doc) => {
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
  if (renames[d.apiVersion]) return { ...d, apiVersion: renames[d.apiVersion] };
  return schemaTypeOf(d.apiVersion, d.kind) ? d : undefined;
}

describe.skipIf(!haveCorpus)('corpus (skipped: /work/shared/corpus is absent)', () => {
  test('kia/Chapter05/kubia-svc-publish-not-ready.yaml fails', () => {
    const [doc] = yaml.loadAll(readFileSync(join(CORPUS, 'kia/Chapter05/kubia-svc-publish-not-ready.yaml'), 'utf8')) as Doc[];
    expect(serverMessage(doc)).toBe(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.publishNotReadyEndpoints"',
    );
  });

  test('k8s-dev-strategy/chapter7/my-ingress.yaml fails', () => {
    const [doc] = yaml.loadAll(readFileSync(join(CORPUS, 'k8s-dev-strategy/chapter7/my-ingress.yaml'), 'utf8')) as Doc[];
    expect(serverMessage(doc)).toBe('Ingress in version "v1" cannot be handled as a Ingress: strict decoding error: unknown field "annotation"');
  });

  test('every other document decodes cleanly', () => {
    const failing = new Set(['kia/Chapter05/kubia-svc-publish-not-ready.yaml', 'k8s-dev-strategy/chapter7/my-ingress.yaml']);
    const problems: string[] = [];
    let checked = 0;
    let skipped = 0;
    for (const file of walk(CORPUS)) {
      const rel = file.slice(CORPUS.length + 1);
      if (failing.has(rel)) continue;
      for (const doc of yaml.loadAll(readFileSync(file, 'utf8')) as Doc[]) {
        if (!doc || typeof doc !== 'object' || !doc.kind) continue;
        const stored = toStoredVersion(doc);
        if (!stored) {
          skipped++; // e.g. the GKE BackendConfig CRD
          continue;
        }
        checked++;
        const { errors } = strictDecode(stored);
        if (errors.length) problems.push(`${rel} ${doc.kind}/${doc.metadata?.name}: ${errors.join('; ')}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(250);
    expect(skipped).toBeLessThan(3);
  });
});
