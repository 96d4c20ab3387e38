// Nothing typed into exec reaches the host (issue 3 §5): no host process is spawned, no host file
// is read or written. Commands run in-process here with child_process and fs write functions
// spied on; the simulated files differ from the host's.
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { makeCluster, create, pod } from './network-fixture.js';
import { exec, sh } from './runtime-fixture.js';
import type { Cluster } from '../../src/store/cluster.js';

const require = createRequire(import.meta.url);
const cp = require('node:child_process') as Record<string, unknown>;
const fs = require('node:fs') as Record<string, unknown>;
const PROCESS_FNS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'];
const WRITE_FNS = ['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'openSync', 'open', 'mkdirSync', 'mkdir', 'rmSync', 'unlinkSync', 'renameSync', 'createWriteStream'];

let c: Cluster;
const spies: MockInstance[] = [];
const marker = `/tmp/kubesim-sandbox-${process.pid}-${Date.now()}`;

beforeAll(() => {
  c = makeCluster();
  create(c, pod('box', 'kiamol/ch03-sleep'), pod('deb', 'luksa/kubia'));
  for (const n of PROCESS_FNS) spies.push(vi.spyOn(cp as never, n as never));
  for (const n of WRITE_FNS) spies.push(vi.spyOn(fs as never, n as never));
  syncBuiltinESMExports();
});

afterAll(() => {
  for (const s of spies) s.mockRestore();
  syncBuiltinESMExports();
});

describe('sandbox', () => {
  it('the spies are what ESM importers of node:child_process and node:fs get', async () => {
    expect(vi.isMockFunction((await import('node:child_process')).spawnSync)).toBe(true);
    expect(vi.isMockFunction((await import('node:fs')).writeFileSync)).toBe(true);
  });

  it('runs hostile command lines without touching the host', async () => {
    const lines = [
      `echo owned > ${marker}`,
      `touch ${marker}.2; mkdir -p ${marker}.d; rm -rf /`,
      'cat /etc/passwd; cat /etc/shadow; ls /home /root',
      'x=$(id); echo "$x"; `whoami`',
      'curl -s http://example.com/ | head -n 1; wget -q -O - http://localhost:1 ; nslookup kubernetes',
      'apk add --no-cache curl; apt-get install -y git; sudo ls; su -c id; python3 -c "print(1)"; node -e 1; /bin/bash -c id',
      'kill -9 1; kill 1234; exec ls',
      ':(){ :|:& };:',
      'yes | head -n 1000 > /dev/null; cat /dev/urandom | head -c 10',
    ];
    for (const l of lines) await sh(c, 'box', l);
    await sh(c, 'deb', `echo owned > ${marker}.deb`, { shell: 'bash' });
    await exec(c, 'box', ['/bin/sh', '-c', `echo x > ${marker}.3`]);
    for (const s of spies) expect(s, s.getMockName()).not.toHaveBeenCalled();
    for (const p of [marker, `${marker}.2`, `${marker}.d`, `${marker}.3`, `${marker}.deb`]) expect(existsSync(p)).toBe(false);
  });

  it('reads the container files, not the host ones, and writes into the pod', async () => {
    const passwd = (await exec(c, 'box', ['cat', '/etc/passwd'])).stdout;
    expect(passwd).toMatch(/^root:x:0:0:root:\/root:\/bin\/sh\n/);
    expect(passwd).not.toBe(readFileSync('/etc/passwd', 'utf8'));
    expect((await exec(c, 'box', ['cat', marker])).stdout).toBe('owned\n');
    expect((await exec(c, 'box', ['cat', '/proc/self/environ'])).code).toBe(1);
  });

  it('$(…) runs in the simulated shell', async () => {
    const r = await sh(c, 'box', 'echo "$(hostname) $(cat /etc/hostname)"');
    expect(r.stdout).toBe('box box\n');
  });
});
