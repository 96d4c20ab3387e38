// kubesim logs with the real binary: what the apps wrote (nginx access lines, kubia's request
// lines, a command's output), --tail, -l (10 lines each), --prefix, deploy/NAME with several
// pods, --previous and kubectl's errors; -f until interrupted (bounded here by KUBESIM_FOLLOW_SECONDS).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cluster, type TestCluster } from './helpers.js';

const T0 = Date.parse('2024-05-01T10:00:00Z');
const at = (s: number) => ({ env: { KUBESIM_NOW: new Date(T0 + s * 1000).toISOString() } });

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:alpine
---
apiVersion: v1
kind: Pod
metadata:
  name: ticker
  labels: {app: ticker}
spec:
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 10; done"]
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: c
    image: kiamol/ch03-sleep
`;

describe('logs', () => {
  let k: TestCluster;
  let webPods: string[] = [];
  beforeAll(() => {
    k = cluster();
    k.ok(['apply', '-f', '-'], { input: MANIFEST, ...at(0) });
    webPods = k.ok(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[*].metadata.name}'], at(1)).split(' ');
  });
  afterAll(() => k.cleanup());

  it('nginx: start-up lines, then one access line per request', () => {
    const ip = k.ok(['get', 'pod', webPods[0], '-o', 'jsonpath={.status.podIP}'], at(1));
    k.ok(['exec', 'client', '--', 'sh', '-c', `wget -q -O - http://${ip}/ > /dev/null`], at(2));
    const logs = k.ok(['logs', webPods[0]], at(3)).split('\n');
    expect(logs[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(logs).toContain('2024/05/01 10:00:00 [notice] 1#1: start worker processes');
    expect(k.ok(['logs', '--tail=1', webPods[0]], at(3))).toMatch(/^10\.244\.0\.\d+ - - \[01\/May\/2024:10:00:02 \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "Wget" "-"\n$/);
  });

  it('deploy/NAME picks one pod and says so; -l gives the last 10 lines of each; --prefix', () => {
    const r = k.run(['logs', 'deploy/web', '--tail', '1'], at(3));
    expect(r.stderr).toBe(`Found 2 pods, using pod/${webPods[0]}\n`);
    const sel = k.ok(['logs', '-l', 'app=web', '--prefix', '--tail', '1'], at(3)).trimEnd().split('\n');
    expect(sel).toHaveLength(2);
    expect(sel[0]).toMatch(new RegExp(`^\\[pod/${webPods[0]}/nginx\\] 10\\.244`));
    expect(sel[1]).toBe(`[pod/${webPods[1]}/nginx] 2024/05/01 10:00:00 [notice] 1#1: start worker process 29`);
    expect(k.ok(['logs', '-l', 'app=web'], at(3)).trimEnd().split('\n')).toHaveLength(20);
  });

  it('a command writes at its simulated times; --since and --timestamps', () => {
    expect(k.ok(['logs', 'ticker'], at(25))).toBe('tick 1\ntick 2\ntick 3\n');
    expect(k.ok(['logs', 'ticker', '--since=6s'], at(25))).toBe('tick 3\n');
    expect(k.ok(['logs', 'ticker', '--timestamps', '--tail=1'], at(25))).toBe('2024-05-01T10:00:20.000000000Z tick 3\n');
  });

  it('-f prints new lines as time passes', () => {
    const r = k.run(['logs', '-f', 'ticker', '--tail=1'], { env: { KUBESIM_FOLLOW_SECONDS: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^tick \d+\n/);
  });

  it("kubectl's errors", () => {
    expect(k.run(['logs', 'nope'], at(25)).stderr).toBe('error: error from server (NotFound): pods "nope" not found in namespace "default"\n');
    expect(k.run(['logs', 'ticker', '-c', 'x'], at(25)).stderr).toBe('error: container x is not valid for pod ticker out of: main\n');
    expect(k.run(['logs', 'ticker', '--previous'], at(25)).stderr).toBe('Error from server (BadRequest): previous terminated container "main" in pod "ticker" not found\n');
    expect(k.run(['logs'], at(25)).stderr).toBe("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubesim logs -h' for help and examples\n");
    expect(k.run(['logs', '-l', 'app=none'], at(25))).toMatchObject({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });
});
