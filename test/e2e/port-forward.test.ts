// Real sockets (issue 5 §6): `kubesim port-forward` and `kubesim tunnel` run as child processes
// on loopback ports and are answered by node's http client and the host's real curl. Every
// process is killed in finally; every wait is bounded.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cluster, corpus, hasCorpus, type TestCluster } from './helpers.js';
import { curl, get, getWhenListening, hasCurl, start, type Running } from './processes.js';

describe('kubesim port-forward', () => {
  let k: TestCluster;
  const procs: Running[] = [];
  const run = (args: string[]) => {
    const p = start(k, args);
    procs.push(p);
    return p;
  };
  beforeAll(() => {
    k = cluster();
    k.ok(['create', 'deployment', 'kubia', '--image=luksa/kubia', '--replicas=2']);
    k.ok(['expose', 'deployment', 'kubia', '--port=80', '--target-port=8080']);
    k.ok(['run', 'web', '--image=nginx']);
    k.ok(['wait', '--for=condition=Ready', 'pod', '--all']);
  });
  afterAll(() => {
    for (const p of procs) p.kill();
    k.cleanup();
  });

  it('svc/kubia :80 picks a free port, forwards to the container port 8080, serves kubia from one pod', async () => {
    const pf = run(['port-forward', 'svc/kubia', ':80']);
    try {
      const m = await pf.waitFor(/^Forwarding from 127\.0\.0\.1:(\d+) -> 8080$/m);
      const port = Number(m[1]);
      expect(port).toBeGreaterThan(0);
      const a = await get(port);
      const b = await get(port);
      expect(a.status).toBe(200);
      expect(a.body).toMatch(/^You've hit kubia-[a-z0-9]+-[a-z0-9]{5}\n$/);
      expect(b.body).toBe(a.body); // one pod for the whole session
      if (hasCurl) {
        const c = curl(`http://127.0.0.1:${port}/`);
        expect(c.code).toBe(0);
        expect(c.stdout).toBe(a.body);
      }
      await pf.waitFor(new RegExp(`(Handling connection for ${port}\\n[^]*){${hasCurl ? 3 : 2}}`));
      const pod = a.body.trim().split(' ').pop()!;
      // The app logged the requests, from the pod's loopback as kubelet's port-forward does.
      expect(k.ok(['logs', pod])).toContain('Received request from ::ffff:127.0.0.1');
      pf.proc.kill('SIGINT');
      expect(await pf.exited()).toBe(0);
    } finally {
      pf.kill();
    }
  });

  it('pod/web LOCAL:REMOTE serves nginx; a port nothing listens on resets the connection and ends the session', async () => {
    const pf = run(['port-forward', 'pod/web', '0:80', '0:9999']);
    try {
      const ports = [...(await pf.waitFor(/-> 9999$/m)).input!.matchAll(/^Forwarding from 127\.0\.0\.1:(\d+) -> (\d+)$/gm)].map((m) => [Number(m[1]), Number(m[2])]);
      const p80 = ports.find((p) => p[1] === 80)![0];
      const p9999 = ports.find((p) => p[1] === 9999)![0];
      const page = await get(p80);
      expect(page.body).toContain('<title>Welcome to nginx!</title>');
      await expect(get(p9999)).rejects.toThrow(/socket hang up|ECONNRESET/);
      expect(await pf.exited()).toBe(1);
      expect(pf.stderr()).toMatch(/^E\d{4} [\d:.]+ +\d+ portforward\.go:\d+\] "Unhandled Error" err="an error occurred forwarding \d+ -> 9999: .*connect: connection refused/m);
      expect(pf.stderr()).toMatch(/error: lost connection to pod\n$/);
    } finally {
      pf.kill();
    }
  });

  it('deploy/kubia: deleting the bound pod ends the session with "lost connection to pod"', async () => {
    const pf = run(['port-forward', 'deploy/kubia', '0:8080']);
    try {
      const port = Number((await pf.waitFor(/^Forwarding from 127\.0\.0\.1:(\d+) -> 8080$/m))[1]);
      const pod = (await get(port)).body.trim().split(' ').pop()!;
      k.ok(['delete', 'pod', pod]);
      expect(await pf.exited()).toBe(1);
      expect(pf.stderr()).toContain('error: lost connection to pod');
    } finally {
      pf.kill();
    }
  });

  it("kubectl's errors: no ports, non-loopback --address, missing service port, pod not running", () => {
    expect(k.run(['port-forward', 'svc/kubia']).stderr).toBe("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubesim port-forward -h' for help and examples\n");
    const addr = k.run(['port-forward', 'pod/web', '0:80', '--address', '0.0.0.0']);
    expect(addr.code).toBe(1);
    expect(addr.stderr).toMatch(/^error: kubesim binds only loopback addresses/);
    expect(k.run(['port-forward', 'svc/kubia', '81']).stderr).toBe('error: Service kubia does not have a service port 81\n');
    k.ok(['apply', '-f', '-'], { input: 'apiVersion: v1\nkind: Pod\nmetadata: {name: stuck}\nspec:\n  nodeSelector: {disk: none}\n  containers: [{name: c, image: nginx}]\n' });
    const stuck = k.run(['port-forward', 'stuck', '0:80']);
    expect(stuck.code).toBe(1);
    expect(stuck.stderr).toBe('error: unable to forward port because pod is not running. Current status=Pending\n');
  });
});

describe.skipIf(!hasCorpus)('kubesim tunnel: kiamol ch03 numbers-web on localhost (needs ../shared/corpus)', () => {
  let k: TestCluster;
  let t: Running | undefined;
  const cwd = corpus('kiamol', 'ch03');
  beforeAll(() => {
    k = cluster();
    k.ok(['apply', '-f', 'numbers/'], { cwd });
    k.ok(['wait', '--for=condition=Ready', 'pod', '--all']);
  });
  afterAll(() => {
    t?.kill();
    k.cleanup();
  });

  it('serves the LoadBalancer on its port and NodePort Services applied later', async () => {
    const lbPort = Number(k.ok(['get', 'svc', 'numbers-web', '-o', 'jsonpath={.spec.ports[0].port}']));
    t = start(k, ['tunnel'], cwd);
    // If the port is taken on this machine, the tunnel says so: then only check the message.
    const line = await t.waitFor(new RegExp(`(Exposing LoadBalancer Service default/numbers-web port ${lbPort} on http://localhost:${lbPort}|Unable to expose .*:${lbPort})`), 10_000).catch(async () => {
      throw new Error(`no tunnel line\n${t!.stdout()}\n${t!.stderr()}`);
    });
    if (line[0].startsWith('Exposing')) {
      const page = await getWhenListening(lbPort);
      expect(page.body).toContain('<title>KIAMOL - Numbers.Web</title>');
      if (hasCurl) expect(curl(`http://localhost:${lbPort}/`).stdout).toContain('<title>KIAMOL - Numbers.Web</title>');
    }
    k.ok(['create', 'deployment', 'kubia', '--image=luksa/kubia']);
    k.ok(['expose', 'deployment', 'kubia', '--type=NodePort', '--port=80', '--target-port=8080']);
    k.ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=kubia']);
    const nodePort = Number(k.ok(['get', 'svc', 'kubia', '-o', 'jsonpath={.spec.ports[0].nodePort}']));
    await t.waitFor(new RegExp(`Exposing NodePort Service default/kubia node port ${nodePort} on http://localhost:${nodePort}`));
    expect((await getWhenListening(nodePort)).body).toMatch(/^You've hit kubia-/);
    t.proc.kill('SIGINT');
    expect(await t.exited()).toBe(0);
  });
});
