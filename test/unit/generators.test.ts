// The objects `create <generator>`, `run` and `expose` build, compared byte for byte with what the
// real kubectl 1.32 prints for `--dry-run=client -o json|yaml` (offline; reference §7), plus
// fixed expectations that run without kubectl. `run` and `expose -f` need discovery, which
// kubectl reads from a cache: the test writes one for a server that is never contacted.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { printObjects, typedJson } from '../../src/cli/verbs/create/print.js';
import { saveConfigTyped } from '../../src/cli/verbs/create/typed.js';
import { containerNameForImage, generateDeployment, validateDeployment } from '../../src/cli/verbs/create/generators/deployment.js';
import { generateService, parseTcp, validateService, type ServiceInput } from '../../src/cli/verbs/create/generators/service.js';
import { generateNamespace, generateServiceAccount } from '../../src/cli/verbs/create/generators/simple.js';
import { generateConfigMap } from '../../src/cli/verbs/create/generators/configmap.js';
import { generateSecret, generateTlsSecret } from '../../src/cli/verbs/create/generators/secret.js';
import { generateIngress, validateIngress, type IngressInput } from '../../src/cli/verbs/create/generators/ingress.js';
import { generatePod, isValidImageReference, parseLabels, type PodInput } from '../../src/cli/verbs/run/generator.js';
import { generateExposeService } from '../../src/cli/verbs/expose/generator.js';
import { initialState, serviceFor, type ExposeOptions } from '../../src/cli/verbs/expose/index.js';
import { parseManifestText } from '../../src/cli/manifests.js';
import { formatError } from '../../src/util/errors.js';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).error === undefined;
if (!hasKubectl) console.warn('generators.test: kubectl not found, skipping the comparisons with the real kubectl');
const oracleIt = hasKubectl ? it : it.skip;

const dir = mkdtempSync(join(tmpdir(), 'kubesim-gen-'));

/** A kubeconfig for a server that is never contacted, with a fresh discovery cache for it. */
function setUpOracle(): { env: NodeJS.ProcessEnv; cacheDir: string } {
  const kc = join(dir, 'kubeconfig.yaml');
  writeFileSync(
    kc,
    'apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: "http://127.0.0.1:1"}\n  name: c\ncontexts:\n- context: {cluster: c, user: u, namespace: default}\n  name: c\ncurrent-context: c\nusers:\n- name: u\n  user: {}\n',
  );
  const cacheDir = join(dir, 'cache');
  const d = join(cacheDir, 'discovery', '127.0.0.1_1');
  mkdirSync(join(d, 'v1'), { recursive: true });
  mkdirSync(join(d, 'apps', 'v1'), { recursive: true });
  const gv = (g: string) => ({ groupVersion: g ? `${g}/v1` : 'v1', version: 'v1' });
  writeFileSync(
    join(d, 'servergroups.json'),
    JSON.stringify({ kind: 'APIGroupList', apiVersion: 'v1', groups: ['', 'apps'].map((g) => ({ name: g, versions: [gv(g)], preferredVersion: gv(g) })) }),
  );
  const res = (name: string, kind: string, namespaced = true) => ({ name, singularName: kind.toLowerCase(), namespaced, kind, verbs: ['create', 'get', 'list'] });
  const list = (groupVersion: string, resources: object[]) => JSON.stringify({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources });
  writeFileSync(
    join(d, 'v1', 'serverresources.json'),
    list('v1', [res('pods', 'Pod'), res('services', 'Service'), res('replicationcontrollers', 'ReplicationController'), res('configmaps', 'ConfigMap')]),
  );
  writeFileSync(join(d, 'apps', 'v1', 'serverresources.json'), list('apps/v1', [res('deployments', 'Deployment'), res('replicasets', 'ReplicaSet')]));
  return { env: { ...process.env, KUBECONFIG: kc }, cacheDir };
}

const oracleSetup = hasKubectl ? setUpOracle() : undefined;

/** Run the real kubectl offline; returns stdout, or the error text (stderr) when it fails. */
function kubectl(...args: string[]): string {
  const r = spawnSync('kubectl', [`--cache-dir=${oracleSetup!.cacheDir}`, ...args], { cwd: dir, env: oracleSetup!.env, encoding: 'utf8' });
  return r.status === 0 ? r.stdout : r.stderr.replace(/^[EW]\d{4} .*\n/gm, '');
}

const json = (o: KObject) => printObjects({ kind: 'json' }, [o], true);
const yaml = (o: KObject) => printObjects({ kind: 'yaml' }, [o], true);
const file = (name: string, text: string | Buffer) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return formatError(e);
  }
  throw new Error('expected an error');
};

describe('create deployment', () => {
  const base = { name: 'x', images: ['nginx'], port: -1, replicas: 1, command: [] as string[], suffix: () => 'abcde' };

  it('builds the Deployment kubectl sends (field order, app label, strategy {})', async () => {
    expect(typedJson(generateDeployment(base))).toBe(
      '{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"x","creationTimestamp":null,"labels":{"app":"x"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"x"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"x"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}',
    );
  });

  it('names containers after the image, sanitized', () => {
    expect(containerNameForImage('registry.io:5000/team/my_app:1.2@sha256:abc', () => 'q2w4e')).toBe('my-app-q2w4e');
    expect(containerNameForImage('busybox:1.36', () => 'zzzzz')).toBe('busybox');
    expect(errorOf(() => validateDeployment({ images: ['a', 'b'], command: ['sleep'] }))).toBe('error: cannot specify multiple --image options and command');
  });

  oracleIt('matches kubectl (json and yaml)', async () => {
    expect(await json(generateDeployment(base))).toBe(kubectl('create', 'deployment', 'x', '--image=nginx', '--dry-run=client', '-o', 'json'));
    const full = { ...base, images: ['busybox:1.36'], replicas: 3, port: 8080, command: ['sleep', '3600'], namespace: 'dev' };
    const args = ['create', 'deployment', 'x', '--image=busybox:1.36', '--replicas=3', '--port=8080', '-n', 'dev', '--dry-run=client'];
    expect(await json(generateDeployment(full))).toBe(kubectl(...args, '-o', 'json', '--', 'sleep', '3600'));
    expect(await yaml(generateDeployment(full))).toBe(kubectl(...args, '-o', 'yaml', '--', 'sleep', '3600'));
    const two = generateDeployment({ ...base, images: ['nginx', 'redis:7'] });
    expect(await yaml(two)).toBe(kubectl('create', 'deployment', 'x', '--image=nginx,redis:7', '--dry-run=client', '-o', 'yaml'));
  });

  oracleIt('writes the same --save-config annotation', async () => {
    const d = generateDeployment(base);
    saveConfigTyped(d);
    expect(await json(d)).toBe(kubectl('create', 'deployment', 'x', '--image=nginx', '--save-config', '--dry-run=client', '-o', 'json'));
  });
});

describe('create service', () => {
  const svc = (over: Partial<ServiceInput>): ServiceInput => ({ type: 'ClusterIP', name: 'x', tcp: ['80:8080'], ...over });

  it('names ports after the --tcp spec and selects app=NAME', () => {
    const s = generateService(svc({ type: 'NodePort', tcp: ['80:8080', '443'], nodePort: 30080 }));
    expect(s.spec.ports).toEqual([
      { name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 },
      { name: '443', protocol: 'TCP', port: 443, targetPort: 443, nodePort: 30080 },
    ]);
    expect(s.spec.selector).toEqual({ app: 'x' });
    expect(parseTcp('80:http')).toEqual({ port: 80, targetPort: 'http' });
  });

  it('rejects what kubectl rejects, with its messages', () => {
    expect(errorOf(() => parseTcp('80:HTTP'))).toBe('error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-),must contain at least one letter (a-z)');
    expect(errorOf(() => parseTcp('70000:80'))).toBe('error: strconv.ParseUint: parsing "70000": value out of range');
    expect(errorOf(() => parseTcp('80:0'))).toBe('error: must be between 1 and 65535, inclusive');
    expect(errorOf(() => validateService(svc({ type: 'NodePort', clusterIP: 'None', tcp: [] })))).toBe(
      'error: ClusterIP=None can only be used with ClusterIP service type',
    );
    expect(errorOf(() => validateService(svc({ tcp: [] })))).toBe('error: at least one tcp port specifier must be provided');
    expect(errorOf(() => validateService(svc({ type: 'ExternalName', externalName: 'A_b', tcp: [] })))).toBe('error: invalid service external name A_b');
  });

  oracleIt('matches kubectl for each service type', async () => {
    const dry = ['--dry-run=client', '-o', 'json'];
    expect(await json(generateService(svc({})))).toBe(kubectl('create', 'service', 'clusterip', 'x', '--tcp=80:8080', ...dry));
    expect(await json(generateService(svc({ tcp: [], clusterIP: 'None' })))).toBe(kubectl('create', 'service', 'clusterip', 'x', '--clusterip=None', ...dry));
    expect(await json(generateService(svc({ type: 'NodePort', tcp: ['80:8080', '443'], nodePort: 30080 })))).toBe(
      kubectl('create', 'service', 'nodeport', 'x', '--tcp=80:8080,443', '--node-port=30080', ...dry),
    );
    expect(await yaml(generateService(svc({ type: 'LoadBalancer', tcp: ['80:http'] })))).toBe(
      kubectl('create', 'service', 'loadbalancer', 'x', '--tcp=80:http', '--dry-run=client', '-o', 'yaml'),
    );
    expect(await json(generateService(svc({ type: 'ExternalName', tcp: [], externalName: 'db.example.com', namespace: 'dev' })))).toBe(
      kubectl('create', 'service', 'externalname', 'x', '--external-name=db.example.com', '-n', 'dev', ...dry),
    );
  });
});

describe('create namespace / serviceaccount', () => {
  oracleIt('matches kubectl', async () => {
    expect(await json(generateNamespace('dev'))).toBe(kubectl('create', 'namespace', 'dev', '--dry-run=client', '-o', 'json'));
    expect(await yaml(generateServiceAccount('robot', 'dev'))).toBe(kubectl('create', 'serviceaccount', 'robot', '-n', 'dev', '--dry-run=client', '-o', 'yaml'));
  });
});

describe('create configmap / secret', () => {
  const none = { fromLiteral: [] as string[], fromFile: [] as string[], fromEnvFile: [] as string[] };
  const data = join(dir, 'data');
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, 'index.html'), '<h1>hi</h1>\n');
  writeFileSync(join(data, 'b.txt'), 'x');
  const bin = file('logo.bin', Buffer.from([0xff, 0xfe, 0x00]));
  const env = file('app.env', '\ufeffA=1\n# comment\n  B=two words \n\nC=\n');

  it('sorts data keys like a Go map and keeps binary files in binaryData', async () => {
    const cm = generateConfigMap({ name: 'c', ...none, fromLiteral: ['10=a', '9=b', 'k=v=w'], fromFile: [`img=${bin}`] });
    expect(typedJson(cm)).toBe(
      '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c","creationTimestamp":null},"data":{"10":"a","9":"b","k":"v=w"},"binaryData":{"img":"//4A"}}',
    );
    expect(errorOf(() => generateConfigMap({ name: 'c', ...none, fromLiteral: ['a=1', 'a=2'] }))).toBe(
      'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "c"',
    );
    expect(errorOf(() => generateSecret({ name: 's', ...none, fromLiteral: ['nokey'] }))).toBe('error: invalid literal source nokey, expected key=value');
  });

  oracleIt('matches kubectl (literals, files, directories, env files, --append-hash)', async () => {
    const dry = ['--dry-run=client', '-o', 'json'];
    const cm = generateConfigMap({ name: 'c', ...none, fromLiteral: ['k=v', 'z=a=b'], fromFile: [data, `img=${bin}`] });
    expect(await json(cm)).toBe(kubectl('create', 'configmap', 'c', '--from-literal=k=v', '--from-literal=z=a=b', `--from-file=${data}`, `--from-file=img=${bin}`, ...dry));
    expect(await json(generateConfigMap({ name: 'c', ...none, fromEnvFile: [env] }))).toBe(kubectl('create', 'configmap', 'c', `--from-env-file=${env}`, ...dry));
    expect(await yaml(generateConfigMap({ name: 'c', ...none, fromLiteral: ['a=1'], appendHash: true }))).toBe(
      kubectl('create', 'configmap', 'c', '--from-literal=a=1', '--append-hash', '--dry-run=client', '-o', 'yaml'),
    );
    const s = generateSecret({ name: 's', ...none, fromLiteral: ['user=admin'], fromFile: [data], type: 'kubernetes.io/basic-auth', appendHash: true });
    expect(await json(s)).toBe(
      kubectl('create', 'secret', 'generic', 's', '--from-literal=user=admin', `--from-file=${data}`, '--type=kubernetes.io/basic-auth', '--append-hash', ...dry),
    );
  });

  oracleIt('checks TLS key pairs like kubectl', async () => {
    const gen = (subj: string, name: string) => {
      const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.crt`), '-days', '30', '-subj', subj], {
        stdio: 'ignore',
      });
      return r.status === 0;
    };
    if (!gen('/CN=a', 'a') || !gen('/CN=b', 'b')) return; // no openssl: nothing to compare
    const crt = join(dir, 'a.crt');
    const key = join(dir, 'a.key');
    expect(await yaml(generateTlsSecret({ name: 't', cert: crt, key }))).toBe(kubectl('create', 'secret', 'tls', 't', `--cert=${crt}`, `--key=${key}`, '--dry-run=client', '-o', 'yaml'));
    const cases: [string, string][] = [
      [crt, join(dir, 'b.key')],
      [key, key],
      [crt, crt],
      [join(dir, 'data', 'b.txt'), key],
    ];
    for (const [c, k] of cases) {
      expect(errorOf(() => generateTlsSecret({ name: 't', cert: c, key: k })) + '\n').toBe(
        kubectl('create', 'secret', 'tls', 't', `--cert=${c}`, `--key=${k}`, '--dry-run=client'),
      );
    }
  });
});

describe('create ingress', () => {
  const ing = (over: Partial<IngressInput>): IngressInput => ({ name: 'ing', rules: [], annotations: [], ...over });

  it('turns rules into rules, paths (* = Prefix) and TLS entries', () => {
    const i = generateIngress(ing({ rules: ['foo.com/api*=api:8080,tls=cert', 'foo.com/=web:http'] }));
    expect(i.spec.rules[0].http.paths.map((p: { path: string; pathType: string }) => `${p.path} ${p.pathType}`)).toEqual(['/api Prefix', '/ Exact']);
    expect(i.spec.tls).toEqual([{ hosts: ['foo.com'], secretName: 'cert' }]);
    expect(i.spec.rules[0].http.paths[1].backend).toEqual({ service: { name: 'web', port: { name: 'http' } } });
    expect(errorOf(() => validateIngress(ing({ rules: ['foo.com'] })))).toBe(
      'error: rule foo.com is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]',
    );
  });

  oracleIt('matches kubectl', async () => {
    const rules = ['foo.com/bar*=svc1:http,tls=my-cert', 'foo.com/admin=svc2:8080', '/x=svc3:80,tls', 'bar.com/*=svc4:80,tls=my-cert'];
    const i = generateIngress(ing({ rules, class: 'nginx', defaultBackend: 'def:80', annotations: ['a=b'] }));
    expect(await json(i)).toBe(
      kubectl('create', 'ingress', 'ing', '--class=nginx', ...rules.map((r) => `--rule=${r}`), '--default-backend=def:80', '--annotation=a=b', '--dry-run=client', '-o', 'json'),
    );
  });
});

describe('run', () => {
  const pod = (over: Partial<PodInput>): PodInput => ({ name: 'x', image: 'nginx', env: [], annotations: [], restartPolicy: 'Always', args: [], ...over });

  it('labels the pod run=NAME and puts extra args in args (or command)', () => {
    const p = generatePod(pod({ args: ['sleep', '10'] }));
    expect(p.metadata.labels).toEqual({ run: 'x' });
    expect(p.spec.containers[0].args).toEqual(['sleep', '10']);
    expect(generatePod(pod({ args: ['sleep'], command: true })).spec.containers[0].command).toEqual(['sleep']);
    expect(errorOf(() => generatePod(pod({ env: ['1A=b'] })))).toBe('error: invalid env: 1A=b');
    expect(errorOf(() => generatePod(pod({ port: 'http' })))).toBe('error: strconv.Atoi: parsing "http": invalid syntax');
    expect(errorOf(() => parseLabels('a=b,c'))).toBe('error: unexpected label spec: c');
    expect(isValidImageReference('registry.k8s.io/e2e-test-images/agnhost:2.39')).toBe(true);
    expect(isValidImageReference('Nginx')).toBe(false);
  });

  oracleIt('matches kubectl', async () => {
    const dry = ['--dry-run=client', '-o', 'json'];
    expect(await json(generatePod(pod({})))).toBe(kubectl('run', 'x', '--image=nginx', ...dry));
    const full = pod({
      image: 'busybox',
      port: '80',
      labels: 'a=b,c=d',
      env: ['K=V', 'A=B'],
      annotations: ['note=x=y'],
      restartPolicy: 'Never',
      args: ['sleep', '10'],
      imagePullPolicy: 'IfNotPresent',
      privileged: true,
      namespace: 'dev',
    });
    expect(await json(generatePod(full))).toBe(
      kubectl('run', 'x', '--image=busybox', '--port=80', '--labels=a=b,c=d', '--env=K=V', '--env=A=B', '--annotations=note=x=y', '--restart=Never', '--image-pull-policy=IfNotPresent', '--privileged', '-n', 'dev', ...dry, '--', 'sleep', '10'),
    );
    expect(await yaml(generatePod(pod({ image: 'busybox', args: ['sh', '-c', 'echo hi'], command: true })))).toBe(
      kubectl('run', 'x', '--image=busybox', '--command', '--dry-run=client', '-o', 'yaml', '--', 'sh', '-c', 'echo hi'),
    );
    const svc = generateExposeService({ defaultName: 'x', name: 'x', selector: 'run=x', port: '80' });
    const podObj = generatePod(pod({ port: '80' }));
    expect((await yaml(svc)) + '---\n---\n' + (await yaml(podObj))).toBe(kubectl('run', 'x', '--image=nginx', '--port=80', '--expose', '--dry-run=client', '-o', 'yaml'));
  });
});

describe('expose', () => {
  const POD = `apiVersion: v1
kind: Pod
metadata: {name: quiz, labels: {app: quiz, rel: stable}}
spec:
  containers:
  - {name: a, image: nginx, ports: [{containerPort: 8080, name: http}, {containerPort: 53, protocol: UDP}]}
  - {name: b, image: nginx, ports: [{containerPort: 53}, {containerPort: 9090}]}
`;
  const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {tier: fe}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: a, image: nginx, ports: [{containerPort: 80}]}]}
`;
  const EXPR = DEPLOY.replace('matchLabels: {app: web}', 'matchExpressions: [{key: app, operator: In, values: [web]}]');
  const BOTH = DEPLOY.replace('matchLabels: {app: web}', 'matchLabels: {app: web}, matchExpressions: [{key: app, operator: In, values: [web]}]');
  const NOLABEL = 'apiVersion: v1\nkind: Pod\nmetadata: {name: bare}\nspec: {containers: [{name: a, image: nginx}]}\n';
  const obj = (text: string) => parseManifestText(text, 'x.yaml')[0];
  const expose = (text: string, o: ExposeOptions = {}) => serviceFor(obj(text), o, initialState(o), undefined);

  it('copies the selector and ports, naming several ports port-N (port-N-proto for one port with several protocols)', () => {
    const s = expose(POD);
    expect(s.spec.selector).toEqual({ app: 'quiz', rel: 'stable' });
    expect(s.spec.ports.map((p: { name: string; protocol: string }) => `${p.name}/${p.protocol}`)).toEqual(['port-1/TCP', 'port-2-udp/UDP', 'port-2-tcp/TCP', 'port-3/TCP']);
    expect(expose(DEPLOY).spec.ports).toEqual([{ protocol: 'TCP', port: 80, targetPort: 80 }]);
    expect(errorOf(() => expose(NOLABEL))).toBe("error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed");
    expect(errorOf(() => expose(NOLABEL, { selector: 'a=b' }))).toBe("error: couldn't find port via --port flag or introspection");
    expect(errorOf(() => expose(EXPR))).toBe(
      "error: couldn't retrieve selectors via --selector flag or introspection: invalid deployment: no selectors, therefore cannot be exposed",
    );
  });

  oracleIt('matches kubectl expose -f', async () => {
    const cases: [string, string, ExposeOptions, string[]][] = [
      ['pod.yaml', POD, {}, []],
      ['deploy.yaml', DEPLOY, { port: '8080', targetPort: '80', type: 'NodePort', name: 'web-np' }, ['--port=8080', '--target-port=80', '--type=NodePort', '--name=web-np']],
      ['deploy2.yaml', DEPLOY, { protocol: 'UDP', labels: 'a=b', sessionAffinity: 'ClientIP', externalIp: '1.2.3.4' }, ['--protocol=UDP', '-l', 'a=b', '--session-affinity=ClientIP', '--external-ip=1.2.3.4']],
      ['bare.yaml', NOLABEL, { selector: 'a=b', clusterIp: 'None' }, ['--selector=a=b', '--cluster-ip=None']],
    ];
    for (const [name, text, o, flags] of cases) {
      const path = file(name, text);
      expect(await yaml(expose(text, o))).toBe(kubectl('expose', '-f', path, ...flags, '--dry-run=client', '-o', 'yaml'));
    }
    for (const [name, text] of [
      ['expr.yaml', EXPR],
      ['both.yaml', BOTH],
    ]) {
      expect(errorOf(() => expose(text)) + '\n').toBe(kubectl('expose', '-f', file(name, text), '--dry-run=client'));
    }
  });
});
