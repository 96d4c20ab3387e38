// `kubesim get -o jsonpath=…` on our own objects must print exactly what the real kubectl's
// JSONPath printer prints for the same objects (kubectl used offline: `kubectl label --local`
// re-prints a document with a template; reference §7). List templates run against the List
// kubesim returns; for the oracle its items are put under `list` (kubectl flattens `items`).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cluster, type TestCluster } from './helpers.js';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

function oracle(dir: string, doc: unknown, template: string): { stdout: string; code: number } {
  const file = join(dir, 'oracle.json');
  writeFileSync(file, JSON.stringify(doc));
  const r = spawnSync('kubectl', ['label', '--local', '-f', file, 'o=o', '--overwrite', '-o', `jsonpath=${template}`], {
    encoding: 'utf8',
    env: { ...process.env, KUBECONFIG: '/nonexistent' },
  });
  return { stdout: r.stdout, code: r.status ?? -1 };
}

/** [what to get, template] — list templates use `.items`. */
const CASES: [string[], string][] = [
  [['pods'], '{.items[*].metadata.name}'],
  [['pods'], '{.items[0].status.podIP}'],
  [['pods'], '{.items[-1].status.podIP}'],
  [['pods'], '{.items[*].status.phase}'],
  [['pods'], '{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'],
  [['pods'], '{range .items[*]}{.metadata.name}{": "}{range .spec.containers[*]}{.image}{","}{end}{"\\n"}{end}'],
  [['pods'], '{.items[?(@.status.phase=="Running")].metadata.name}'],
  [['pods'], '{.items[?(@.status.phase!="Running")].metadata.name}'],
  [['pods'], '{.items[*].spec.containers[0].ports[*].containerPort}'],
  [['pods'], '{.items[*].spec.containers[*].ports[?(@.name=="http")].containerPort}'],
  [['pods'], '{.items[0:2].metadata.name}'],
  [['pods'], '{.items[1:].metadata.name}'],
  [['pods'], '{.items[::2].metadata.name}'],
  [['pods'], '{.items[0,2].metadata.name}'],
  [['pods'], '{.items[*].status.conditions[?(@.type=="Ready")].status}'],
  [['pods'], '{.items[0].status.containerStatuses[0].ready}'],
  [['pods'], '{.items[0].status.containerStatuses[0].restartCount}'],
  [['pods'], '{.items[0].metadata.ownerReferences[0].kind}/{.items[0].metadata.ownerReferences[0].name}'],
  [['pods'], '{.items[*].spec.nodeName}'],
  [['pods'], '{.items[0].spec.containers[0].volumeMounts[*].mountPath}'],
  [['pods'], '{.items[0].spec.tolerations[*].key}'],
  [['pods'], '{..podIP}'],
  [['pods'], '{.items[0]..containerPort}'],
  [['pods'], '{.items[0].spec.containers}'],
  [['pods'], '{.items[0].status.podIPs}'],
  [['pods'], '{.kind} {.apiVersion}'],
  [['pods'], '{.items[0].metadata.missing}'],
  [['pods'], 'text only'],
  [['pods'], '{"literal"} {.items[0].kind}'],
  [['svc'], '{.items[*].spec.clusterIP}'],
  [['svc'], '{.items[?(@.spec.type=="NodePort")].spec.ports[0].nodePort}'],
  [['svc'], '{.items[?(@.spec.type=="LoadBalancer")].status.loadBalancer.ingress[0].*}'],
  [['svc'], '{range .items[*]}{.metadata.name}{" "}{.spec.type}{" "}{.spec.ports[*].port}{"\\n"}{end}'],
  [['svc'], '{.items[?(@.spec.clusterIP=="None")].metadata.name}'],
  [['svc'], '{.items[?(@.spec.sessionAffinity=="ClientIP")].spec.sessionAffinityConfig.clientIP.timeoutSeconds}'],
  [['svc'], '{.items[*].spec.ports[?(@.name=="https")].targetPort}'],
  [['svc', 'kubia-lb'], 'http://{.status.loadBalancer.ingress[0].ip}:80'],
  [['svc', 'kubia'], '{.spec.ports[0]}'],
  [['svc', 'kubia'], '{.spec.selector}'],
  [['svc', 'kubia'], '{.spec.ports[0].targetPort}'],
  [['svc', 'kubia-nodeport'], '{.spec.ports[*].nodePort}'],
  [['ep', 'kubia'], '{.subsets[*].addresses[*].ip}'],
  [['ep', 'kubia'], '{range .subsets[*].addresses[*]}{.targetRef.name}{"\\n"}{end}'],
  [['ep'], '{.items[*].metadata.name}'],
  [['nodes'], '{.items[*].status.addresses[?(@.type=="ExternalIP")].address}'],
  [['nodes'], '{.items[*].status.addresses[?(@.type=="InternalIP")].address}'],
  [['nodes'], '{.items[0].status.nodeInfo.kubeletVersion}'],
  [['nodes'], '{range .items[*]}{.metadata.name}{"\\t"}{.spec.podCIDR}{"\\n"}{end}'],
  [['nodes'], '{.items[?(@.spec.taints)].metadata.name}'],
  [['rs', 'kubia'], '{.spec.replicas} {.status.readyReplicas}'],
  [['rs', 'kubia'], '{.spec.selector.matchLabels}'],
  [['rs', 'kubia'], '{.spec.template.spec.containers[*].name}'],
  [['deploy', 'hello-web'], '{.spec.template.metadata.labels}'],
  [['deploy', 'hello-web'], '{.status.conditions[?(@.type=="Available")].status}'],
  [['deploy', 'hello-web'], '{.spec.strategy.rollingUpdate.maxSurge}'],
  [['ns'], '{.items[*].metadata.name}'],
  [['ns'], '{.items[*].status.phase}'],
];

describe.skipIf(!hasKubectl)('jsonpath through kubesim matches the real kubectl (needs kubectl on PATH)', () => {
  let k: TestCluster;
  beforeAll(() => {
    k = cluster();
    k.ok(['reset', '--nodes', '3', '--profile', 'cloud']);
    for (const f of ['replicaset', 'svc-clusterip', 'svc-client-ip', 'svc-named-ports', 'svc-nodeport', 'svc-loadbalancer', 'svc-headless']) {
      k.ok(['apply', '-f', `manifests/kubia-services/${f}.yaml`]);
    }
    k.ok(['apply', '-f', 'manifests/hello/web.yaml']);
  });
  afterAll(() => k?.cleanup());

  it('has at least 40 templates', () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  for (const [what, template] of CASES) {
    it(`${what.join(' ')} ${template}`, () => {
      const ours = k.run(['get', ...what, '-o', `jsonpath=${template}`]);
      const json = JSON.parse(k.ok(['get', ...what, '-o', 'json']));
      const isList = what.length === 1;
      const doc = isList
        ? { apiVersion: 'example.com/v1', kind: 'Foo', metadata: { name: 'x', labels: { o: 'o' } }, list: json.items, k: json.kind, v: json.apiVersion }
        : { ...json, metadata: { ...json.metadata, labels: { ...(json.metadata.labels ?? {}), o: 'o' } } };
      const t = isList ? template.replaceAll('.items', '.list').replace('{.kind} {.apiVersion}', '{.k} {.v}') : template;
      const theirs = oracle(k.dir, doc, t);
      expect(ours.code).toBe(theirs.code);
      // `*` over a map follows Go's random map order in kubectl: compare the words then.
      if (/\]\.\*/.test(template)) expect(ours.stdout.split(/\s+/).sort()).toEqual(theirs.stdout.split(/\s+/).sort());
      else expect(ours.stdout).toBe(theirs.stdout);
    });
  }
});
