// toKubectlJson / toKubectlYaml compared byte for byte with the real kubectl 1.32 (`-o json`,
// `-o yaml` of `kubectl label --local` and of `kubectl create ... --dry-run=client`), plus
// custom-columns against hand-checked expectations (kubectl cannot print custom-columns offline).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PartialOutputError,
  customColumnsFromFile,
  parseCustomColumnsFile,
  printColumns,
  printCustomColumns,
} from '../../src/printers/custom-columns.js';
import { listWrapper, toKubectlJson } from '../../src/printers/json.js';
import { toKubectlYaml } from '../../src/printers/yaml.js';
import { CliError, formatError } from '../../src/util/errors.js';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).error === undefined;
const env = { ...process.env, KUBECONFIG: '/nonexistent' };
const run = (args: string[]): string => execFileSync('kubectl', args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });

const lastApplied =
  '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx"}]}}\n';

const OBJECTS: Record<string, object> = {
  pod: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: '0f9d3c1e-2b7a-4c51-9b0e-5d2f6a7c8e91',
      resourceVersion: '1234',
      creationTimestamp: '2024-05-01T10:00:00Z',
      labels: { app: 'web', 'app.kubernetes.io/name': 'web', version: '1.0', enabled: 'true', port: '80', empty: '' },
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': lastApplied,
        description: 'A web server: serves <html> & friends # not a comment',
        'prometheus.io/scrape': 'yes',
        'note-with-a-rather-long-text': 'This annotation is long enough to be folded by the YAML emitter because it has many words in it, more than eighty columns.',
      },
    },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.25',
          command: ['sh', '-c', 'echo "hello world"\nsleep 3600\n'],
          args: ['--port=80', '-v', '*', '- item', ': colon', '@at', '{"json":true}'],
          env: [
            { name: 'PORT', value: '8080' },
            { name: 'RATIO', value: '0.5' },
            { name: 'EMPTY', value: '' },
            { name: 'NULLISH', value: 'null' },
            { name: 'TILDE', value: '~' },
            { name: 'OCTAL', value: '0755' },
            { name: 'DATE', value: '2024-05-01' },
            { name: 'TIME', value: '12:30' },
            { name: 'SPACED', value: ' padded ' },
            { name: 'TAB', value: 'a\tb' },
          ],
          ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }],
          resources: {},
          volumeMounts: [],
        },
      ],
      nodeSelector: {},
      terminationGracePeriodSeconds: 30,
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
    },
    status: { phase: 'Running', podIP: '10.244.0.5', conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }] },
  },
  configmap: {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'nginx-conf', creationTimestamp: null },
    data: {
      'nginx.conf': 'server {\n    listen 80;\n    location / {\n        proxy_pass http://backend:8080;\n    }\n}\n',
      'index.html': '<h1>Hello</h1>',
      'no-final-newline': 'line one\nline two',
      'two-final-newlines': 'keep\n\n',
      'indented-first-line': '  indented\nnext\n',
      'trailing-space-line': 'a \nb\n',
      'script.sh': '#!/bin/sh\n\necho "$HOSTNAME"\n',
      yes: 'no',
      '8080': 'numeric key',
      'key with spaces': 'value',
      unicode: 'héllo wörld ✓',
    },
  },
  numbers: {
    apiVersion: 'example.com/v1',
    kind: 'Numbers',
    metadata: { name: 'n' },
    spec: { int: 42, negative: -7, zero: 0, float: 0.5, small: 0.0001, tiny: 1.5e-7, big: 1234567.5, huge: 1e21, t: true, f: false, n: null },
  },
};

const dir = hasKubectl ? mkdtempSync(join(tmpdir(), 'kubesim-printers-')) : '';

/** kubectl's -o json / -o yaml for an object (label o=o is present so the object is unchanged). */
function oracle(name: string, obj: object, format: 'json' | 'yaml'): string {
  const o = obj as { metadata: { labels?: Record<string, string> } };
  const doc = { ...o, metadata: { ...o.metadata, labels: { ...o.metadata.labels, o: 'o' } } };
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return run(['label', '--local', '-f', file, 'o=o', '--overwrite', '-o', format]);
}

const withLabel = (obj: object): object => {
  const o = obj as { metadata: { labels?: Record<string, string> } };
  return { ...o, metadata: { ...o.metadata, labels: { ...o.metadata.labels, o: 'o' } } };
};

describe.skipIf(!hasKubectl)(`toKubectlJson / toKubectlYaml vs kubectl 1.32${hasKubectl ? '' : ' (skipped: kubectl is not on PATH)'}`, () => {
  for (const [name, obj] of Object.entries(OBJECTS)) {
    it(`-o json: ${name}`, () => {
      expect(toKubectlJson(withLabel(obj))).toBe(oracle(name, obj, 'json'));
    });
    it(`-o yaml: ${name}`, () => {
      expect(toKubectlYaml(withLabel(obj))).toBe(oracle(name, obj, 'yaml'));
    });
  }

  const generators: [string, string[]][] = [
    ['service nodeport', ['create', 'service', 'nodeport', 'web', '--tcp=80:8080', '--node-port=30080']],
    ['service externalname', ['create', 'service', 'externalname', 'ext', '--external-name=example.com']],
    ['deployment', ['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3', '--port=80']],
    ['ingress', ['create', 'ingress', 'web', '--rule=foo.com/=svc:80', '--rule=bar.com/*=other:8080']],
    ['configmap', ['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=script=#!/bin/sh']],
  ];
  // Generators print typed objects: their JSON keeps struct field order (a server's objects
  // are unstructured and come out sorted), their YAML is sorted like any other.
  it.each(generators)('generator %s: same YAML as kubectl, same JSON once stored', (name, args) => {
    const json = run([...args, '--dry-run=client', '-o', 'json']);
    const yaml = run([...args, '--dry-run=client', '-o', 'yaml']);
    const obj = JSON.parse(json) as object;
    expect(toKubectlYaml(obj)).toBe(yaml);
    expect(toKubectlJson(withLabel(obj))).toBe(oracle(name.replace(/ /g, '-'), obj, 'json'));
  });
});

describe('toKubectlJson / toKubectlYaml (hand-checked)', () => {
  it('sorts keys, indents by 4, escapes HTML characters and ends with a newline', () => {
    expect(toKubectlJson({ b: '<a&b>', a: [], c: {} })).toBe('{\n    "a": [],\n    "b": "\\u003ca\\u0026b\\u003e",\n    "c": {}\n}\n');
  });

  it('wraps several objects into a v1 List', () => {
    expect(listWrapper([{ kind: 'Pod' }])).toEqual({ apiVersion: 'v1', items: [{ kind: 'Pod' }], kind: 'List', metadata: { resourceVersion: '' } });
    expect(toKubectlYaml(listWrapper([]))).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });

  it('writes sequences at their parent key indent and quotes strings only when needed', () => {
    const yaml = toKubectlYaml({ spec: { ports: [{ port: 80, name: 'http' }], type: 'ClusterIP', v: '1.0', on: 'on' } });
    expect(yaml).toBe('spec:\n  "on": "on"\n  ports:\n  - name: http\n    port: 80\n  type: ClusterIP\n  v: "1.0"\n');
  });

  it('orders keys like go-yaml (digits numerically, non-letters first)', () => {
    expect(toKubectlYaml({ a10: 1, a9: 2, aB: 3, a_: 4, A: 5 })).toBe('A: 5\na_: 4\na9: 2\na10: 1\naB: 3\n');
  });
});

// ---------------------------------------------------------------------------------------------
// custom-columns

const pods = [
  {
    metadata: { name: 'web-7c5ddbdf54-x8f2k', labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } },
    spec: {
      containers: [
        { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, name: 'http' }] },
        { name: 'sidecar', image: 'busybox:1.36' },
      ],
    },
    status: { podIP: '10.244.0.5', hostIP: '172.18.0.2', ready: true, ratio: 1234567.5, gone: null },
  },
  {
    metadata: { name: 'db', labels: {} },
    spec: { containers: [{ name: 'postgres', image: 'postgres:16' }] },
    status: { hostIP: '172.18.0.2' },
  },
];

describe('printCustomColumns', () => {
  it('prints headers as typed and relaxes the paths', () => {
    expect(printCustomColumns('NAME:metadata.name,POD_IP:.status.podIP,Node_IP:{.status.hostIP}', pods)).toBe(
      'NAME                   POD_IP       Node_IP\n' +
        'web-7c5ddbdf54-x8f2k   10.244.0.5   172.18.0.2\n' +
        'db                     <none>       172.18.0.2\n',
    );
  });

  it('formats values with Go %v and joins several results with commas', () => {
    expect(printCustomColumns('LABELS:metadata.labels,IMAGES:{.spec.containers[*].image}', pods)).toBe(
      'LABELS                                      IMAGES\n' +
        'map[app:web pod-template-hash:7c5ddbdf54]   nginx:1.25,busybox:1.36\n' +
        'map[]                                       postgres:16\n',
    );
    expect(printCustomColumns('P:spec.containers[0].ports,R:status.ready,F:status.ratio,N:status.gone', pods.slice(0, 1))).toBe(
      'P                                   R      F               N\n' +
        '[map[containerPort:80 name:http]]   true   1.2345675e+06   <nil>\n',
    );
  });

  it('honours --no-headers and prints the header for an empty list', () => {
    expect(printCustomColumns('NAME:metadata.name', pods, { noHeaders: true })).toBe('web-7c5ddbdf54-x8f2k\ndb\n');
    expect(printCustomColumns('NAME:metadata.name,IP:status.podIP', [])).toBe('NAME   IP\n');
    expect(printCustomColumns('X:', pods.slice(1))).toBe('X\n<none>\n');
  });

  it('escapes terminal control characters', () => {
    expect(printCustomColumns('V:v', [{ v: '\x1b[31mred\r' }], { noHeaders: true })).toBe('^[[31mred\\r\n');
  });

  it('rejects malformed specs with kubectl messages', () => {
    const message = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(CliError);
        return formatError(e);
      }
      throw new Error('no error');
    };
    expect(message(() => printCustomColumns('NAME', pods))).toBe(
      'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>',
    );
    expect(message(() => printCustomColumns('', pods))).toBe('error: custom-columns format specified but no custom columns given');
    expect(message(() => printCustomColumns('A:{a}{b}', pods))).toBe(
      "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  });

  it('reports jsonpath errors after printing what kubectl had already written', () => {
    try {
      printCustomColumns('NAME:metadata.name,BAD:.spec[', pods);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(PartialOutputError);
      expect(formatError(e)).toBe('error: unterminated array');
      expect((e as PartialOutputError).stdout).toBe('NAME   BAD\n');
    }
    try {
      printCustomColumns('NAME:metadata.name,C:spec.containers[1].name', pods);
      throw new Error('no error');
    } catch (e) {
      expect(formatError(e)).toBe('error: array index out of bounds: index 1, length 1');
      expect((e as PartialOutputError).stdout).toBe('NAME                   C\nweb-7c5ddbdf54-x8f2k   sidecar\n');
    }
  });
});

describe('custom-columns-file', () => {
  const file = 'NAME          POD_IP\nmetadata.name {.status.podIP}\n';

  it('converts the two-line template to a spec', () => {
    expect(parseCustomColumnsFile(file)).toBe('NAME:{.metadata.name},POD_IP:{.status.podIP}');
    expect(printColumns(customColumnsFromFile(file), pods)).toBe(
      'NAME                   POD_IP\nweb-7c5ddbdf54-x8f2k   10.244.0.5\ndb                     <none>\n',
    );
  });

  it('rejects malformed templates with kubectl messages', () => {
    expect(() => parseCustomColumnsFile('')).toThrow(
      'invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.',
    );
    expect(() => parseCustomColumnsFile('NAME IP\n')).toThrow('invalid template, missing spec line.');
    expect(() => parseCustomColumnsFile('NAME IP\nmetadata.name\n')).toThrow(
      "number of headers (2) and field specifications (1) don't match",
    );
  });
});
