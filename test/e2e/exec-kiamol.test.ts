// kubesim exec on kiamol ch02/ch03 files, running the real binary: the sleep pods (hostname,
// files kept between exec calls, kill 1), ping from pod to pod and to a ClusterIP, kubectl's
// messages (deprecated form, exit codes, errors), and numbers-web's Go! through a Service.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cluster, corpus, hasCorpus, type TestCluster } from './helpers.js';

describe.skipIf(!hasCorpus)('exec on kiamol ch03 (needs ../shared/corpus)', () => {
  let k: TestCluster;
  const cwd = corpus('kiamol', 'ch03');
  let sleep1 = '';
  beforeAll(() => {
    k = cluster();
    k.ok(['apply', '-f', 'sleep/sleep1.yaml', '-f', 'sleep/sleep2.yaml'], { cwd });
    sleep1 = k.ok(['get', 'pods', '-l', 'app=sleep-1', '-o', 'jsonpath={.items[0].metadata.name}']);
  });
  afterAll(() => k.cleanup());

  it('exec deploy/sleep-1 -- hostname prints the pod name', () => {
    expect(k.ok(['exec', 'deploy/sleep-1', '--', 'hostname'])).toBe(`${sleep1}\n`);
    expect(k.ok(['exec', sleep1, '--', 'sh', '-c', 'hostname'])).toBe(`${sleep1}\n`);
  });

  it('files persist between exec calls', () => {
    expect(k.run(['exec', 'deploy/sleep-1', '--', 'sh', '-c', 'echo kept > /tmp/note']).code).toBe(0);
    expect(k.ok(['exec', 'deploy/sleep-1', '--', 'cat', '/tmp/note'])).toBe('kept\n');
  });

  it('ping -c 2 <podIP> works pod to pod; ping a ClusterIP gets 100% loss and exit 1', () => {
    const ip = k.ok(['get', 'pod', '-l', 'app=sleep-2', '--output', 'jsonpath={.items[0].status.podIP}']);
    const ok = k.run(['exec', 'deploy/sleep-1', '--', 'ping', '-c', '2', ip]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('2 packets transmitted, 2 packets received, 0% packet loss');
    k.ok(['apply', '-f', 'sleep/sleep2-service.yaml'], { cwd });
    const svcIP = k.ok(['get', 'svc', 'sleep-2', '-o', 'jsonpath={.spec.clusterIP}']);
    const lost = k.run(['exec', 'deploy/sleep-1', '--', 'ping', '-c', '1', 'sleep-2']);
    expect(lost.stdout).toContain(`PING sleep-2 (${svcIP}): 56 data bytes`);
    expect(lost.stdout).toContain('1 packets transmitted, 0 packets received, 100% packet loss');
    expect(lost.stderr).toBe('command terminated with exit code 1\n');
    expect(lost.code).toBe(1);
  });

  it('kill 1 restarts the container: RESTARTS 1, a fresh filesystem, lastState in describe', () => {
    expect(k.run(['exec', 'deploy/sleep-1', '--', 'kill', '1']).code).toBe(0);
    const row = k.ok(['get', 'pods', sleep1, '--no-headers']).split(/\s+/);
    expect(row.slice(1, 4)).toEqual(['1/1', 'Running', '1']);
    const gone = k.run(['exec', 'deploy/sleep-1', '--', 'cat', '/tmp/note']);
    expect(gone.stderr).toBe("cat: can't open '/tmp/note': No such file or directory\ncommand terminated with exit code 1\n");
    const d = k.ok(['describe', 'pod', sleep1]);
    expect(d).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+Completed\n\s+Exit Code:\s+0/);
    expect(d).toMatch(/Restart Count:\s+1/);
  });

  it("kubectl's messages: deprecated form, exit codes, missing pods and commands", () => {
    const old = k.run(['exec', sleep1, 'hostname']);
    expect(old.stderr).toBe('kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n');
    expect(old.stdout).toBe(`${sleep1}\n`);
    expect(k.run(['exec', sleep1, '--', 'sh', '-c', 'exit 3'])).toMatchObject({ code: 3, stderr: 'command terminated with exit code 3\n' });
    expect(k.run(['exec', sleep1, '--', 'sh', '-c', 'nosuch'])).toMatchObject({ code: 127, stderr: 'sh: nosuch: not found\ncommand terminated with exit code 127\n' });
    const missing = k.run(['exec', 'nope', '--', 'ls']);
    expect(missing).toMatchObject({ code: 1, stderr: 'Error from server (NotFound): pods "nope" not found\n' });
    expect(k.run(['exec', 'deploy/nope', '--', 'ls']).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(k.run(['exec', sleep1]).stderr).toBe('error: you must specify at least one command for the container\n');
    expect(k.run(['exec']).stderr).toBe('error: pod, type/name or --filename must be specified\n');
    expect(k.run(['exec', sleep1, '-c', 'nope', '--', 'ls']).stderr).toBe(`Error from server (BadRequest): container nope is not valid for pod ${sleep1}\n`);
    const notFound = k.run(['exec', sleep1, '--', 'nosuch']);
    expect(notFound.code).toBe(1);
    expect(notFound.stderr).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in \$PATH: unknown\n$/);
  });

  it('-i runs a script piped on stdin; -it without a terminal says so', () => {
    expect(k.ok(['exec', '-i', sleep1, '--', 'sh'], { input: 'echo piped\nhostname\n' })).toBe(`piped\n${sleep1}\n`);
    const t = k.run(['exec', '-it', sleep1, '--', 'sh'], { input: 'cd /etc\npwd\nexit 4\n' });
    expect(t).toMatchObject({ code: 4, stdout: '/etc\n' });
    expect(t.stderr).toBe('Unable to use a TTY - input is not a terminal or the right kind of file\ncommand terminated with exit code 4\n');
  });

  it('nslookup through sh -c pipes (kiamol 3.5 step 37)', () => {
    const out = k.ok(['exec', 'deploy/sleep-1', '--', 'sh', '-c', 'nslookup kube-dns.kube-system.svc.cluster.local | grep "^[^*]"']);
    expect(out).toContain('Name:\tkube-dns.kube-system.svc.cluster.local\nAddress: 10.96.0.10\n');
  });
});

describe.skipIf(!hasCorpus)('numbers-web Go! before and after the numbers-api Service (kiamol 3.2)', () => {
  let k: TestCluster;
  const cwd = corpus('kiamol', 'ch03');
  beforeAll(() => {
    k = cluster();
    k.ok(['apply', '-f', 'sleep/sleep1.yaml', '-f', 'numbers/api.yaml', '-f', 'numbers/web.yaml'], { cwd });
  });
  afterAll(() => k.cleanup());

  it('shows "RNG service unavailable!" until the Service exists, then a number', () => {
    const ip = k.ok(['get', 'pod', '-l', 'app=numbers-web', '-o', 'jsonpath={.items[0].status.podIP}']);
    const later = { env: { KUBESIM_NOW: new Date(Date.now() + 5000).toISOString() } };
    const before = k.ok(['exec', 'deploy/sleep-1', '--', 'curl', '-s', '-X', 'POST', `http://${ip}/`], later);
    expect(before).toContain('RNG service unavailable!');
    k.ok(['apply', '-f', 'numbers/api-service.yaml'], { cwd, ...later });
    const after = k.ok(['exec', 'deploy/sleep-1', '--', 'curl', '-s', '-X', 'POST', `http://${ip}/`], later);
    expect(after).toMatch(/Here it is: \d+/);
    expect(after).toContain('(Using API at: http://numbers-api/sixeyed/kiamol/master/ch03/numbers/rng)');
  });
});

describe('multi-container pods', () => {
  let k: TestCluster;
  beforeAll(() => {
    k = cluster();
    const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: web
    image: nginx:alpine
  - name: side
    image: busybox
    command: ["sleep", "3600"]
`;
    k.ok(['apply', '-f', '-'], { input: manifest });
  });
  afterAll(() => k.cleanup());

  it('defaults to the first container with a note; -c picks another', () => {
    const r = k.run(['exec', 'two', '--', 'sh', '-c', 'ls /usr/share/nginx/html']);
    expect(r.stderr).toBe('Defaulted container "web" out of: web, side\n');
    expect(r.stdout).toBe('50x.html\nindex.html\n');
    expect(k.run(['exec', 'two', '-c', 'side', '--', 'ls', '/usr/share/nginx'])).toMatchObject({ code: 1, stderr: 'ls: /usr/share/nginx: No such file or directory\ncommand terminated with exit code 1\n' });
    expect(k.run(['exec', 'two', '-q', '--', 'true']).stderr).toBe('');
  });
});
