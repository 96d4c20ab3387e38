// Bad input of every kind gets kubectl's error text on stderr, exit code 1, nothing on stdout
// that claims success, and leaves the state file byte-for-byte unchanged.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cluster, type TestCluster } from './helpers.js';

let k: TestCluster;
const file = (name: string, text: string) => {
  const p = join(k.dir, name);
  writeFileSync(p, text);
  return p;
};

beforeAll(() => {
  k = cluster({ KUBESIM_NOW: '2024-05-01T10:00:00Z' });
  k.ok(['apply', '-f', 'manifests/hello/web.yaml']);
});
afterAll(() => k.cleanup());

function expectError(args: string[], stderr: string | RegExp, opts: { input?: string; stdout?: string } = {}) {
  const before = k.stateText();
  const r = k.run(args, { input: opts.input });
  expect(r.code).toBe(1);
  if (typeof stderr === 'string') expect(r.stderr).toBe(stderr);
  else expect(r.stderr).toMatch(stderr);
  expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // never a stack trace
  expect(r.stdout).toBe(opts.stdout ?? '');
  expect(k.stateText()).toBe(before);
}

describe('errors from the API server', () => {
  it('missing object', () => expectError(['get', 'pod', 'nope'], 'Error from server (NotFound): pods "nope" not found\n'));
  it('missing object of a group kind', () => expectError(['get', 'deploy', 'nope'], 'Error from server (NotFound): deployments.apps "nope" not found\n'));
  it('several names, some missing: found ones printed, exit 1', () => {
    const r = k.run(['get', 'svc', 'hello-web', 'nope', '-o', 'name']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('service/hello-web\n');
    expect(r.stderr).toBe('Error from server (NotFound): services "nope" not found\n');
  });
  it('unknown resource type', () => expectError(['get', 'foos'], 'error: the server doesn\'t have a resource type "foos"\n'));
  it('invalid Service name', () =>
    expectError(
      ['apply', '-f', file('bad-name.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: My_Svc\nspec:\n  ports:\n  - port: 80\n')],
      `The Service "My_Svc" is invalid: metadata.name: Invalid value: "My_Svc": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n`,
    ));
  it('port out of range', () =>
    expectError(
      ['apply', '-f', file('bad-port.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 70000\n')],
      // targetPort defaults to port before validation, so the server reports both.
      'The Service "web" is invalid: \n* spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive\n',
    ));
  it('multi-port Service without names', () =>
    expectError(
      ['apply', '-f', file('two-ports.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n  - port: 443\n')],
      'The Service "web" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value\n',
    ));
  it('nodePort out of range', () =>
    expectError(
      ['apply', '-f', file('np.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: np\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n')],
      'The Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    ));
  it('nodePort already allocated', () => {
    k.ok(['apply', '-f', file('np1.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: np1\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080\n')]);
    expectError(
      ['apply', '-f', file('np2.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: np2\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080\n')],
      'The Service "np2" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n',
    );
  });
  it('clusterIP already allocated', () =>
    expectError(
      ['apply', '-f', file('ip.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ip\nspec:\n  clusterIP: 10.96.0.10\n  ports:\n  - port: 80\n')],
      'The Service "ip" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated\n',
    ));
  it('clusterIP out of range', () =>
    expectError(
      ['apply', '-f', file('ip2.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ip2\nspec:\n  clusterIP: 192.168.1.1\n  ports:\n  - port: 80\n')],
      'The Service "ip2" is invalid: spec.clusterIPs: Invalid value: []string{"192.168.1.1"}: failed to allocate IP 192.168.1.1: the provided IP (192.168.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/16\n',
    ));
  it('clusterIP may not change', () => {
    const ip = k.ok(['get', 'svc', 'hello-web', '-o', 'jsonpath={.spec.clusterIP}']);
    const other = ip === '10.96.0.99' ? '10.96.0.98' : '10.96.0.99';
    expectError(
      ['apply', '-f', file('change-ip.yaml', `apiVersion: v1\nkind: Service\nmetadata:\n  name: hello-web\nspec:\n  clusterIP: ${other}\n  selector:\n    app: hello-web\n  ports:\n  - port: 80\n    targetPort: http\n`)],
      `The Service "hello-web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"${other}"}: may not change once set\n`,
    );
  });
  it('apps/v1 Deployment without a selector', () =>
    expectError(
      ['apply', '-f', file('nosel.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n      labels: {app: d}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n')],
      /^The Deployment "d" is invalid: \n\* spec\.selector: Required value\n/,
    ));
  it('strict decoding: unknown field', () =>
    expectError(
      ['apply', '-f', file('unknown.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web2\nspec:\n  portz:\n  - port: 80\n  ports:\n  - port: 80\n')],
      /^Error from server \(BadRequest\): error when creating ".*unknown\.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec\.portz"\n$/,
    ));
  it('unknown kind', () =>
    expectError(
      ['apply', '-f', file('kind.yaml', 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: web\n')],
      /^error: resource mapping not found for name: "web" namespace: "" from ".*kind\.yaml": no matches for kind "Deploymnet" in version "apps\/v1"\nensure CRDs are installed first\n$/,
    ));
  it('missing namespace', () =>
    expectError(
      ['apply', '-f', file('ns.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: nope\n')],
      /^Error from server \(NotFound\): error when creating ".*ns\.yaml": namespaces "nope" not found\n$/,
    ));
});

describe('errors before the server', () => {
  it('missing file', () => expectError(['apply', '-f', 'nope.yaml'], 'error: the path "nope.yaml" does not exist\n'));
  it('YAML syntax', () => expectError(['apply', '-f', file('syntax.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n')], /^error: error parsing .*syntax\.yaml: error converting YAML to JSON: yaml: line \d+: /));
  it('no kind', () => expectError(['apply', '-f', file('nokind.yaml', 'apiVersion: v1\nmetadata:\n  name: x\n')], /^error: unable to decode ".*nokind\.yaml": Object 'Kind' is missing in '\{"apiVersion":"v1","metadata":\{"name":"x"\}\}'\n$/));
  it('empty input', () => expectError(['apply', '-f', '-'], 'error: no objects passed to apply\n', { input: '' }));
  it('no name', () =>
    expectError(
      ['apply', '-f', file('noname.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {}\nspec:\n  ports:\n  - port: 80\n')],
      /^error: error when retrieving current configuration of:\nResource: "\/v1, Resource=services", GroupVersionKind: "\/v1, Kind=Service"\nName: "", Namespace: "default"\nfrom server for: ".*noname\.yaml": resource name may not be empty\n$/,
    ));
  it('a URL: kubesim has no network', () => expectError(['apply', '-f', 'https://raw.githubusercontent.com/sixeyed/kiamol/master/ch02/pod.yaml'], /^error: kubesim has no network access, so it cannot read https:\/\/raw\.githubusercontent\.com\/.*download the file/));
  it('get without a type', () =>
    expectError(
      ['get'],
      'You must specify the type of resource to get. Use "kubesim api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubesim explain <resource>" for a detailed description of that resource (e.g. kubesim explain pods).\nSee \'kubesim get -h\' for help and examples\n',
    ));
  it('bad label selector', () => expectError(['get', 'pods', '-l', 'app in (a'], /^Error from server \(BadRequest\): Unable to find "\/v1, Resource=pods" that match label selector "app in \(a", field selector "": unable to parse requirement: found '', expected: ',' or '\)'\n$/));
  it('bad output format', () => expectError(['get', 'pods', '-o', 'xml'], /^error: unable to match a printer suitable for the output format "xml", allowed formats are: /));
  it('bad jsonpath', () => expectError(['get', 'pods', '-o', 'jsonpath={.items[0'], /^error: error parsing jsonpath \{\.items\[0, unterminated array\n$/));
  // cobra's own errors: kubectl prints these with a capital "Error:".
  it('unknown flag', () => expectError(['get', 'pods', '--bogus'], "Error: unknown flag: --bogus\nSee 'kubesim get --help' for usage.\n"));
  it('short flag without its value', () => expectError(['get', 'pods', '-n'], "Error: flag needs an argument: 'n' in -n\nSee 'kubesim get --help' for usage.\n"));
  it('long flag without its value', () => expectError(['get', 'pods', '--namespace'], "Error: flag needs an argument: --namespace\nSee 'kubesim get --help' for usage.\n"));
  it('unknown command', () => expectError(['autoscale', 'deploy/x'], /^Error: unknown command "autoscale" for "kubesim"\n\nkubesim does not simulate "kubectl autoscale"/));
  it('a typo gets suggestions', () => expectError(['gte', 'pods'], 'Error: unknown command "gte" for "kubesim"\n\nDid you mean this?\n\tget\n\nRun \'kubesim --help\' for usage.\n'));
  it('--show-labels with json', () => expectError(['get', 'pods', '--show-labels', '-o', 'json'], 'error: --show-labels option cannot be used with json printer\n'));
});

describe('not errors', () => {
  it('an empty listing says so on stderr and exits 0', () => {
    const r = k.run(['get', 'pods', '-n', 'nope']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'No resources found in nope namespace.\n' });
  });
  it('a selector that matches nothing is not an error', () => {
    const r = k.run(['get', 'pods', '-l', 'app=none']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });
  it('delete with nothing matched prints No resources found on stdout', () => {
    expect(k.run(['delete', 'pods', '-l', 'app=none'])).toEqual({ code: 0, stdout: 'No resources found\n', stderr: '' });
  });
});
