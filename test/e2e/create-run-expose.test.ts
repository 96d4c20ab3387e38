// kubesim create / run / expose, run as the built binary (`npm run build` first): the messages,
// the objects they store (read back with `get -o json`), and the errors (exit 1, kubectl's text,
// nothing stored).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cluster, type TestCluster } from './helpers.js';

let c: TestCluster;
beforeEach(() => {
  c = cluster();
});
afterEach(() => c.cleanup());

const getJson = (...args: string[]) => JSON.parse(c.ok(['get', ...args, '-o', 'json']));
const write = (name: string, text: string) => {
  const p = join(c.dir, name);
  writeFileSync(p, text);
  return p;
};

/** A failing command: exit 1, exactly this stderr, nothing on stdout, and the state file untouched. */
function fails(args: string[], stderr: string): void {
  c.ok(['get', 'ns']); // make sure the state exists before comparing it
  const before = c.stateText();
  const r = c.run(args);
  expect(r.stderr).toBe(stderr);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(c.stateText()).toBe(before);
}

const SVC_AND_CM = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {greeting: hello}
`;

describe('kubesim create -f', () => {
  it('creates each object, then refuses to create them again', () => {
    const f = write('app.yaml', SVC_AND_CM);
    expect(c.ok(['create', '-f', f])).toBe('service/web created\nconfigmap/cfg created\n');
    const svc = getJson('svc', 'web');
    expect(svc.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 8080 }]);
    expect(svc.spec.clusterIP).toMatch(/^10\.96\./);
    expect(svc.metadata.annotations).toBeUndefined();
    const rv = svc.metadata.resourceVersion;

    const r = c.run(['create', '-f', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `Error from server (AlreadyExists): error when creating "${f}": services "web" already exists\n` +
        `Error from server (AlreadyExists): error when creating "${f}": configmaps "cfg" already exists\n`,
    );
    expect(getJson('svc', 'web').metadata.resourceVersion).toBe(rv);
  });

  it('reads stdin, records --save-config, and honours -n and --dry-run', () => {
    c.ok(['create', 'namespace', 'dev']);
    expect(c.ok(['create', '-f', '-', '-n', 'dev', '--save-config'], { input: SVC_AND_CM })).toBe('service/web created\nconfigmap/cfg created\n');
    const cm = getJson('cm', 'cfg', '-n', 'dev');
    expect(cm.data).toEqual({ greeting: 'hello' });
    expect(cm.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","data":{"greeting":"hello"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"cfg","namespace":"dev"}}\n',
    );
    expect(c.ok(['create', '-f', '-', '--dry-run=client', '-o', 'name'], { input: SVC_AND_CM })).toBe('service/web\nconfigmap/cfg\n');
    expect(c.run(['get', 'cm', 'cfg']).code).toBe(1); // the dry run stored nothing in default
  });

  it('reports a missing namespace per object and still creates the others', () => {
    const f = write('mixed.yaml', SVC_AND_CM.replace('metadata: {name: cfg}', 'metadata: {name: cfg, namespace: nope}'));
    const r = c.run(['create', '-f', f]);
    expect(r.stdout).toBe('service/web created\n');
    expect(r.stderr).toBe(`Error from server (NotFound): error when creating "${f}": namespaces "nope" not found\n`);
    expect(r.code).toBe(1);
  });

  it('says what is missing', () => {
    fails(['create'], 'error: must specify one of -f and -k\n');
    fails(['create', '-f', 'nope.yaml'], 'error: the path "nope.yaml" does not exist\n');
  });
});

describe('kubesim create <generator>', () => {
  it('creates a deployment whose pods start', () => {
    expect(c.ok(['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2', '--port=80'])).toBe('deployment.apps/web created\n');
    const d = getJson('deployment', 'web');
    expect(d.metadata.labels).toEqual({ app: 'web' });
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(d.spec.strategy.type).toBe('RollingUpdate');
    expect(d.spec.template.spec.containers[0]).toMatchObject({ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }] });
    expect(c.ok(['get', 'pods', '-l', 'app=web', '-o', 'name']).trim().split('\n')).toHaveLength(2);
  });

  it('refuses a second deployment of the same name, and one without --image', () => {
    c.ok(['create', 'deployment', 'web', '--image=nginx']);
    fails(['create', 'deployment', 'web', '--image=nginx'], 'error: failed to create deployment: deployments.apps "web" already exists\n');
    fails(['create', 'deployment', 'api'], 'error: required flag(s) "image" not set\n');
    fails(['create', 'deployment', '--image=nginx'], "error: exactly one NAME is required, got 0\nSee 'kubesim create deployment -h' for help and examples\n");
    fails(['create', 'deployment', 'x', '--image=a', '--image=b', '--', 'sleep', '1'], 'error: cannot specify multiple --image options and command\n');
  });

  it('creates services of each type', () => {
    expect(c.ok(['create', 'service', 'nodeport', 'web', '--tcp=80:8080', '--node-port=30080'])).toBe('service/web created\n');
    const np = getJson('svc', 'web');
    expect(np.spec).toMatchObject({ type: 'NodePort', selector: { app: 'web' }, ports: [{ name: '80-8080', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }] });
    expect(c.ok(['create', 'service', 'clusterip', 'db', '--clusterip=None'])).toBe('service/db created\n');
    expect(getJson('svc', 'db').spec.clusterIP).toBe('None');
    expect(c.ok(['create', 'svc', 'externalname', 'ext', '--external-name=db.example.com'])).toBe('service/ext created\n');
    expect(getJson('svc', 'ext').spec).toMatchObject({ type: 'ExternalName', externalName: 'db.example.com' });
    fails(
      ['create', 'service', 'nodeport', 'web2', '--tcp=80', '--node-port=30080'],
      'error: failed to create NodePort service: Service "web2" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n',
    );
    fails(['create', 'service', 'clusterip', 'x'], 'error: at least one tcp port specifier must be provided\n');
    fails(['create', 'service', 'nodeport', 'x', '--clusterip=None'], "Error: unknown flag: --clusterip\nSee 'kubesim create service nodeport --help' for usage.\n");
  });

  it('creates namespaces, configmaps, secrets, service accounts and ingresses', () => {
    expect(c.ok(['create', 'namespace', 'dev'])).toBe('namespace/dev created\n');
    expect(getJson('ns', 'dev').status.phase).toBe('Active');
    fails(['create', 'ns', 'dev'], 'Error from server (AlreadyExists): namespaces "dev" already exists\n');
    expect(c.ok(['create', 'configmap', 'cfg', '--from-literal=color=blue', '--from-literal=size=10', '-n', 'dev'])).toBe('configmap/cfg created\n');
    expect(getJson('cm', 'cfg', '-n', 'dev').data).toEqual({ color: 'blue', size: '10' });
    const envFile = write('db.env', 'USER=admin\nPASSWORD=s3cret\n');
    expect(c.ok(['create', 'secret', 'generic', 'db', `--from-env-file=${envFile}`])).toBe('secret/db created\n');
    const s = getJson('secret', 'db');
    expect(s.type).toBe('Opaque');
    expect(s.data).toEqual({ PASSWORD: Buffer.from('s3cret').toString('base64'), USER: Buffer.from('admin').toString('base64') });
    expect(c.ok(['create', 'sa', 'robot'])).toBe('serviceaccount/robot created\n');
    expect(c.ok(['create', 'ingress', 'web', '--class=nginx', '--rule=web.example.com/*=web:80'])).toBe('ingress.networking.k8s.io/web created\n');
    const ing = getJson('ingress', 'web');
    expect(ing.spec.ingressClassName).toBe('nginx');
    expect(ing.spec.rules[0]).toEqual({ host: 'web.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } });
    fails(['create', 'configmap', 'bad', '--from-literal=a/b=1'], `error: "a/b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`);
    fails(['create', 'secret', 'tls', 't', '--cert=x.crt'], 'error: key and cert must be specified\n');
  });

  it('prints without storing with --dry-run=client', () => {
    expect(c.ok(['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'yaml'])).toBe(
      `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`,
    );
    expect(c.ok(['create', 'namespace', 'dev', '--dry-run=client'])).toBe('namespace/dev created (dry run)\n');
    expect(c.ok(['create', 'namespace', 'dev', '--dry-run=server'])).toBe('namespace/dev created (server dry run)\n');
    expect(c.run(['get', 'deployment', 'web']).code).toBe(1);
    expect(c.run(['get', 'ns', 'dev']).code).toBe(1);
  });
});

describe('kubesim run', () => {
  it('creates a pod labelled run=NAME', () => {
    expect(c.ok(['run', 'web', '--image=nginx', '--port=80', '--env=MODE=prod'])).toBe('pod/web created\n');
    const p = getJson('pod', 'web');
    expect(p.metadata.labels).toEqual({ run: 'web' });
    expect(p.spec.restartPolicy).toBe('Always');
    expect(p.spec.containers[0]).toMatchObject({ name: 'web', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'MODE', value: 'prod' }] });
    expect(c.ok(['run', 'job', '--image=busybox', '--restart=Never', '--labels=app=batch', '--command', '--', 'sleep', '3600'])).toBe('pod/job created\n');
    const j = getJson('pod', 'job');
    expect(j.metadata.labels).toEqual({ app: 'batch' });
    expect(j.spec.containers[0].command).toEqual(['sleep', '3600']);
    expect(j.spec.restartPolicy).toBe('Never');
  });

  it('creates a service too with --expose', () => {
    expect(c.ok(['run', 'web', '--image=nginx', '--port=80', '--expose'])).toBe('service/web created\npod/web created\n');
    expect(getJson('svc', 'web').spec).toMatchObject({ selector: { run: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] });
    expect(getJson('endpoints', 'web').subsets[0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
  });

  it('fails like kubectl', () => {
    c.ok(['run', 'web', '--image=nginx']);
    fails(['run', 'web', '--image=nginx'], 'Error from server (AlreadyExists): pods "web" already exists\n');
    fails(['run', 'x'], 'error: required flag(s) "image" not set\n');
    fails(['run', '--image=nginx'], "error: NAME is required for run\nSee 'kubesim run -h' for help and examples\n");
    fails(['run', 'x', '--image=nginx', '--restart=Sometimes'], "error: invalid restart policy: Sometimes\nSee 'kubesim run -h' for help and examples\n");
    fails(['run', 'x', '--image=Nginx'], 'error: Invalid image name "Nginx": invalid reference format\n');
    fails(['run', 'x', '--image=nginx', '--expose'], "error: --port must be set when exposing a service\nSee 'kubesim run -h' for help and examples\n");
  });

  it('says clearly that it cannot attach (-i/--rm) and creates nothing', () => {
    fails(
      ['run', 'tmp', '--image=busybox', '-it', '--rm', '--restart=Never', '--', 'wget', '-qO-', 'http://web'],
      `error: kubesim cannot attach to containers, so it does not support "kubesim run -it --rm" (nothing was created).
To run a command in a pod, start the pod and use exec instead:
  kubesim run tmp --image=busybox --restart=Never -- sleep 3600
  kubesim exec tmp -- wget -qO- http://web
  kubesim delete pod tmp
`,
    );
    const r = c.run(['run', 'logger', '--image=busybox', '--attach', '--restart=Never', '--', 'echo', 'hi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('pod/logger created\n');
    expect(r.stderr).toContain('kubesim cannot attach to containers; pod/logger was created');
  });

  it('prints the pod for --dry-run=client without creating it', () => {
    expect(c.ok(['run', 'x', '--image=nginx', '-n', 'dev', '--dry-run=client', '-o', 'yaml'])).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: x\n  name: x\n  namespace: dev\nspec:\n  containers:\n  - image: nginx\n    name: x\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    );
    expect(c.run(['get', 'pod', 'x']).code).toBe(1);
  });
});

describe('kubesim expose', () => {
  it('exposes a deployment on its selector and container port', () => {
    c.ok(['create', 'deployment', 'web', '--image=nginx', '--port=80', '--replicas=2']);
    expect(c.ok(['expose', 'deployment', 'web'])).toBe('service/web exposed\n');
    const svc = getJson('svc', 'web');
    expect(svc.metadata.labels).toEqual({ app: 'web' });
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
    expect(getJson('endpoints', 'web').subsets[0].addresses).toHaveLength(2);
    expect(c.ok(['expose', 'deploy/web', '--port=8080', '--target-port=80', '--type=NodePort', '--name=web-np'])).toBe('service/web-np exposed\n');
    const np = getJson('svc', 'web-np');
    expect(np.spec.ports[0]).toMatchObject({ port: 8080, targetPort: 80 });
    expect(np.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
  });

  it('exposes a pod on its labels, naming several ports', () => {
    const pod = write(
      'quiz.yaml',
      `apiVersion: v1
kind: Pod
metadata: {name: quiz, labels: {app: quiz, rel: stable}}
spec:
  containers:
  - {name: quiz-api, image: luksa/quiz-api:0.1, ports: [{name: http, containerPort: 8080}]}
  - {name: mongo, image: mongo:7, ports: [{containerPort: 27017}]}
`,
    );
    c.ok(['apply', '-f', pod]);
    expect(c.ok(['expose', 'pod', 'quiz', '--name', 'quiz'])).toBe('service/quiz exposed\n');
    expect(getJson('svc', 'quiz').spec).toMatchObject({
      selector: { app: 'quiz', rel: 'stable' },
      ports: [
        { name: 'port-1', port: 8080, protocol: 'TCP', targetPort: 8080 },
        { name: 'port-2', port: 27017, protocol: 'TCP', targetPort: 27017 },
      ],
    });
  });

  it('fails like kubectl', () => {
    c.ok(['run', 'bare', '--image=nginx']);
    fails(['expose', 'deployment', 'nope'], 'Error from server (NotFound): deployments.apps "nope" not found\n');
    fails(['expose', 'pod', 'bare'], "error: couldn't find port via --port flag or introspection\n");
    const expr = write(
      'expr.yaml',
      `apiVersion: apps/v1
kind: Deployment
metadata: {name: expr}
spec:
  selector: {matchExpressions: [{key: app, operator: In, values: [expr]}]}
  template:
    metadata: {labels: {app: expr}}
    spec: {containers: [{name: a, image: nginx, ports: [{containerPort: 80}]}]}
`,
    );
    c.ok(['apply', '-f', expr]);
    fails(['expose', 'deployment', 'expr'], "error: couldn't retrieve selectors via --selector flag or introspection: invalid deployment: no selectors, therefore cannot be exposed\n");
    c.ok(['expose', 'pod', 'bare', '--port=80']);
    fails(['expose', 'pod', 'bare', '--port=80'], 'Error from server (AlreadyExists): services "bare" already exists\n');
  });
});
