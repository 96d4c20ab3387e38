// Unit tests of the small core pieces: HumanDuration, the tab-writer, label selectors, the
// pod-template hash, the seeded random stream, event expiry, and apply's three-way merge.
import { describe, it, expect } from 'vitest';
import { humanDuration } from '../../src/printers/duration.js';
import { tabwrite, GET_TABS, DESCRIBE_TABS } from '../../src/printers/tabwriter.js';
import { parseSelector, matches, selectorString, SelectorParseError, fromLabelSelector } from '../../src/api/labels.js';
import { podTemplateHash, safeEncodeString } from '../../src/util/hash.js';
import { Rand, SeededRandom } from '../../src/util/rand.js';
import { Cluster, EVENT_SLACK, MAX_EVENTS } from '../../src/store/cluster.js';
import { emptyState } from '../../src/store/state.js';
import { parseState } from '../../src/store/file.js';
import { migrate } from '../../src/store/migrate.js';
import { threeWayMerge, lastAppliedText } from '../../src/cli/verbs/apply/merge.js';

describe('humanDuration (reference §4)', () => {
  const s = 1000;
  const cases: [number, string][] = [
    [-2 * s, '<invalid>'],
    [-500, '0s'],
    [0, '0s'],
    [59 * s, '59s'],
    [119 * s, '119s'],
    [120 * s, '2m'],
    [150 * s, '2m30s'],
    [599 * s, '9m59s'],
    [600 * s, '10m'],
    [179 * 60 * s, '179m'],
    [180 * 60 * s, '3h'],
    [(3 * 60 + 5) * 60 * s, '3h5m'],
    [8 * 3600 * s, '8h'],
    [47 * 3600 * s, '47h'],
    [48 * 3600 * s, '2d'],
    [(2 * 24 + 5) * 3600 * s, '2d5h'],
    [(7 * 24 + 23) * 3600 * s, '7d23h'],
    [8 * 24 * 3600 * s, '8d'],
    [729 * 24 * 3600 * s, '729d'],
    [730 * 24 * 3600 * s, '2y'],
    [(2 * 365 + 3) * 24 * 3600 * s, '2y3d'],
    [8 * 365 * 24 * 3600 * s, '8y'],
  ];
  for (const [ms, text] of cases) it(`${ms} ms → ${text}`, () => expect(humanDuration(ms)).toBe(text));
});

describe('tab-writer (reference §2.2, §17.1)', () => {
  it('reproduces the reference worked example', () => {
    const rows = [
      ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
      ['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '5m'],
      ['web', 'NodePort', '10.96.143.7', '<none>', '80:30080/TCP', '12s'],
      ['lb', 'LoadBalancer', '10.96.200.21', '<pending>', '80:31942/TCP,443:30515/TCP', '3s'],
      ['hl', 'ClusterIP', 'None', '<none>', '80/TCP', '1s'],
      ['ext', 'ExternalName', '<none>', 'api.example.com', '<none>', '7s'],
    ];
    expect(tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', GET_TABS)).toBe(
      `NAME         TYPE           CLUSTER-IP     EXTERNAL-IP       PORT(S)                      AGE
kubernetes   ClusterIP      10.96.0.1      <none>            443/TCP                      5m
web          NodePort       10.96.143.7    <none>            80:30080/TCP                 12s
lb           LoadBalancer   10.96.200.21   <pending>         80:31942/TCP,443:30515/TCP   3s
hl           ClusterIP      None           <none>            80/TCP                       1s
ext          ExternalName   <none>         api.example.com   <none>                       7s
`,
    );
  });
  it('aligns in blocks: a line without a tab ends them (describe)', () => {
    expect(tabwrite('Name:\tweb\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tRS/x\n', DESCRIBE_TABS)).toBe('Name:  web\nIPs:\n  IP:           10.0.0.1\nControlled By:  RS/x\n');
  });
  it('measures runes, pads to minwidth, leaves the last cell unpadded', () => {
    expect(tabwrite('ü\tb\nxx\tc\n', GET_TABS)).toBe('ü     b\nxx    c\n');
    expect(tabwrite('a\tb\t\n', GET_TABS)).toBe('a     b     \n');
    expect(tabwrite('name\tvalue\n', GET_TABS)).toBe('name   value\n');
    expect(tabwrite('kubernetes\tx\n', GET_TABS)).toBe('kubernetes   x\n');
  });
});

describe('label selectors (reference §2.7)', () => {
  const labels = { app: 'web', tier: 'front', n: '7' };
  const cases: [string, boolean][] = [
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['app in (web,db)', true],
    ['app notin (web)', false],
    ['missing notin (a)', true],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['app=web,tier=back', false],
    [' app = web , tier in ( front ) ', true],
    ['n>5', true],
    ['n<5', false],
    ['', true],
  ];
  for (const [sel, want] of cases) it(`"${sel}" → ${want}`, () => expect(matches(parseSelector(sel), labels)).toBe(want));
  it('prints the canonical form sorted by key with sorted values', () => {
    expect(selectorString(parseSelector('tier in (z,a),app=web,!x'))).toBe('app=web,tier in (a,z),!x');
    expect(selectorString(fromLabelSelector({ matchLabels: { b: '1', a: '2' }, matchExpressions: [{ key: 'c', operator: 'Exists' }] })!)).toBe('a=2,b=1,c');
  });
  it('rejects malformed selectors with apimachinery texts', () => {
    expect(() => parseSelector('app in (a')).toThrow(new SelectorParseError("unable to parse requirement: found '', expected: ',' or ')'"));
    expect(() => parseSelector('a=b,')).toThrow("found '', expected: identifier after ','");
    expect(() => parseSelector('app in a')).toThrow("found 'a' expected: '('");
    expect(() => parseSelector('a b')).toThrow(SelectorParseError);
    expect(() => parseSelector('app=a b')).toThrow(SelectorParseError);
  });
});

describe('pod-template-hash (reference §8.2)', () => {
  it('is stable for the same template and differs for another', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
    const same = { spec: { containers: [{ image: 'nginx', name: 'web' }] }, metadata: { labels: { app: 'web' } } };
    expect(podTemplateHash(t)).toBe(podTemplateHash(same));
    expect(podTemplateHash(t)).not.toBe(podTemplateHash({ ...t, spec: { containers: [{ name: 'web', image: 'nginx:2' }] } }));
    expect(podTemplateHash(t)).not.toBe(podTemplateHash(t, 1));
  });
  it('uses only the SafeEncodeString digits 4-9 b c d f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    for (let i = 0; i < 50; i++) expect(podTemplateHash({ i })).toMatch(/^[4-9bcdf]{1,10}$/);
  });
});

describe('seeded randomness', () => {
  it('replays the same stream from the same seed and position', () => {
    const a = new Rand(new SeededRandom(1, 0));
    const b = new Rand(new SeededRandom(1, 0));
    const xs = Array.from({ length: 5 }, () => a.suffix());
    expect(Array.from({ length: 5 }, () => b.suffix())).toEqual(xs);
    for (const x of xs) expect(x).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const resumed = new Rand(new SeededRandom(1, 25)); // 5 suffixes × 5 draws
    expect(resumed.suffix()).toBe(a.suffix());
    expect(new Rand(new SeededRandom(2, 0)).suffix()).not.toBe(xs[0]);
  });
});

describe('events', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u1' } };
  it('deduplicates repeats into a count, keeps at most MAX_EVENTS, expires after an hour', () => {
    const c = new Cluster(emptyState(1), Date.parse('2024-05-01T10:00:00Z'));
    c.event(pod, 'Normal', 'Pulled', 'same', 'kubelet');
    c.event(pod, 'Normal', 'Pulled', 'same', 'kubelet');
    expect(c.eventsFor(pod).map((e) => e.count)).toEqual([2]);
    for (let i = 0; i < MAX_EVENTS + EVENT_SLACK + 20; i++) c.event(pod, 'Normal', 'R', `m${i}`, 'kubelet');
    // Within a command, up to EVENT_SLACK past the cap; reconcile (or a trim) keeps the newest MAX_EVENTS.
    expect(c.list('events').length).toBeLessThanOrEqual(MAX_EVENTS + EVENT_SLACK);
    expect(c.list('events').length).toBeGreaterThan(MAX_EVENTS);
    c.trimEvents();
    expect(c.list('events')).toHaveLength(MAX_EVENTS);
    expect(c.eventsFor(pod).at(-1)!.message).toBe(`m${MAX_EVENTS + EVENT_SLACK + 19}`);
    expect(c.eventsFor(pod)[0].message).toBe(`m${EVENT_SLACK + 20}`);
    c.now += 61 * 60 * 1000;
    c.trimEvents();
    expect(c.list('events')).toHaveLength(0);
  });
});

describe('state file parsing', () => {
  it('says what is wrong and how to fix it', () => {
    expect(() => parseState('{', '/x/state.json')).toThrow(/cannot read the kubesim state file \/x\/state\.json: it is not valid JSON .*kubesim reset/);
    expect(() => parseState('[]', '/x/state.json')).toThrow(/it is not a kubesim state file/);
    expect(() => parseState(JSON.stringify({ ...emptyState(null), schemaVersion: 99 }), '/s')).toThrow(/schema version 99, newer than this kubesim understands/);
    expect(parseState(JSON.stringify(emptyState(null)), '/s').kind).toBe('KubesimState');
    expect(() => parseState(JSON.stringify({ ...emptyState(null), schemaVersion: 0 }), '/s')).toThrow(/schema version 0 is older than any this kubesim can migrate.*kubesim reset/);
  });
  it('migrates older schemas forward, one step at a time', () => {
    const v1 = { ...emptyState(null), schemaVersion: 1 } as ReturnType<typeof emptyState>;
    const table = {
      1: (s: typeof v1) => ({ ...s, context: { namespace: 'from-v1' } }),
      2: (s: typeof v1) => ({ ...s, cluster: { ...s.cluster, proxyMode: 'random' as const } }),
    };
    const out = migrate(v1, table, 3);
    expect(out.schemaVersion).toBe(3);
    expect(out.context.namespace).toBe('from-v1');
    expect(out.cluster.proxyMode).toBe('random');
  });
});

describe("apply's three-way merge", () => {
  it('keeps what the server added, drops what the user removed, merges lists by key', () => {
    const live = {
      metadata: { name: 'x', labels: { a: '1', b: '2' }, uid: 'u' },
      spec: {
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } },
        template: { spec: { containers: [{ name: 'c', image: 'v1', volumeMounts: [{ mountPath: '/token', name: 'kube-api-access-x' }], terminationMessagePath: '/dev/termination-log' }] } },
      },
    };
    const last = { metadata: { name: 'x', labels: { a: '1', b: '2' } }, spec: { template: { spec: { containers: [{ name: 'c', image: 'v1' }] } } } };
    const desired = { metadata: { name: 'x', labels: { a: '1' } }, spec: { strategy: { type: 'Recreate' }, template: { spec: { containers: [{ name: 'c', image: 'v2' }] } } } };
    expect(threeWayMerge(live, last, desired)).toEqual({
      metadata: { name: 'x', labels: { a: '1' }, uid: 'u' },
      spec: {
        strategy: { type: 'Recreate' },
        template: { spec: { containers: [{ name: 'c', image: 'v2', volumeMounts: [{ mountPath: '/token', name: 'kube-api-access-x' }], terminationMessagePath: '/dev/termination-log' }] } },
      },
    });
  });
  it('writes the annotation as sorted compact JSON with a newline', () => {
    expect(lastAppliedText({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'p', annotations: {} } })).toBe('{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"p"}}\n');
  });
});
