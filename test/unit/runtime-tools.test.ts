// The in-container tools: text filters, files, system information, package installs — with the
// busybox or GNU wording each image family prints.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/store/cluster.js';
import { makeCluster, create, pod, NOW } from './network-fixture.js';
import { exec, sh } from './runtime-fixture.js';

let c: Cluster;
beforeAll(() => {
  c = makeCluster();
  create(c, pod('alp', 'kiamol/ch03-sleep'), pod('deb', 'luksa/kubia'), pod('ubu', 'ubuntu', { spec: { containers: [{ name: 'app', image: 'ubuntu', command: ['sleep', 'infinity'] }] } }));
});

describe('text tools', () => {
  it('grep -v -E -i -c -q -n -o', async () => {
    const input = 'Alpha\nbeta\ngamma\nALPHA beta\n';
    expect((await exec(c, 'alp', ['grep', '-i', 'alpha'], { stdin: input })).stdout).toBe('Alpha\nALPHA beta\n');
    expect((await exec(c, 'alp', ['grep', '-v', 'beta'], { stdin: input })).stdout).toBe('Alpha\ngamma\n');
    expect((await exec(c, 'alp', ['grep', '-E', '^(beta|gamma)$'], { stdin: input })).stdout).toBe('beta\ngamma\n');
    expect((await exec(c, 'alp', ['grep', '-c', 'a'], { stdin: input })).stdout).toBe('4\n');
    expect((await exec(c, 'alp', ['grep', '-q', 'zzz'], { stdin: input })).code).toBe(1);
    expect((await exec(c, 'alp', ['grep', '-n', 'gamma'], { stdin: input })).stdout).toBe('3:gamma\n');
    expect((await exec(c, 'alp', ['grep', '-o', 'b[a-z]*'], { stdin: input })).stdout).toBe('beta\nbeta\n');
    expect((await exec(c, 'alp', ['grep', '^[^*]'], { stdin: '** skip\nkeep\n' })).stdout).toBe('keep\n');
  });

  it('head, tail -n, wc -l -w -c (busybox and GNU padding)', async () => {
    const input = '1\n2\n3\n4\n5\n';
    expect((await exec(c, 'alp', ['head', '-n', '2'], { stdin: input })).stdout).toBe('1\n2\n');
    expect((await exec(c, 'alp', ['tail', '-n', '2'], { stdin: input })).stdout).toBe('4\n5\n');
    expect((await exec(c, 'alp', ['tail', '-n', '+4'], { stdin: input })).stdout).toBe('4\n5\n');
    expect((await exec(c, 'alp', ['head', '-3'], { stdin: input })).stdout).toBe('1\n2\n3\n');
    expect((await exec(c, 'alp', ['wc', '-l'], { stdin: input })).stdout).toBe('5\n');
    expect((await exec(c, 'deb', ['wc'], { stdin: 'a b\n' })).stdout).toBe('      1       2       4\n');
    expect((await exec(c, 'alp', ['wc'], { stdin: 'a b\n' })).stdout).toBe('        1         2         4\n');
  });

  it('sort, uniq -c, cut -d -f, tr, sed s///g, awk {print $N} and -F', async () => {
    expect((await exec(c, 'alp', ['sort'], { stdin: 'b\na\nc\na\n' })).stdout).toBe('a\na\nb\nc\n');
    expect((await exec(c, 'alp', ['sort', '-rn'], { stdin: '2\n10\n1\n' })).stdout).toBe('10\n2\n1\n');
    expect((await sh(c, 'alp', 'printf "a\\na\\nb\\n" | uniq -c')).stdout).toBe('      2 a\n      1 b\n');
    expect((await exec(c, 'alp', ['cut', '-d:', '-f1,3'], { stdin: 'a:b:c\n' })).stdout).toBe('a:c\n');
    expect((await exec(c, 'alp', ['tr', 'a-z', 'A-Z'], { stdin: 'hi\n' })).stdout).toBe('HI\n');
    expect((await exec(c, 'alp', ['sed', 's/o/0/g'], { stdin: 'foo boo\n' })).stdout).toBe('f00 b00\n');
    expect((await exec(c, 'alp', ['sed', '-n', '2p'], { stdin: 'a\nb\nc\n' })).stdout).toBe('b\n');
    expect((await exec(c, 'alp', ['sed', 's/\\(a\\)\\(b\\)/\\2\\1/'], { stdin: 'ab\n' })).stdout).toBe('ba\n');
    expect((await exec(c, 'alp', ['awk', '{print $2}'], { stdin: 'a b c\nd e f\n' })).stdout).toBe('b\ne\n');
    expect((await exec(c, 'alp', ['awk', '-F:', '{print $1, $NF}'], { stdin: 'root:x:0:0:root:/root:/bin/sh\n' })).stdout).toBe('root /bin/sh\n');
    const counts = await exec(c, 'alp', ['awk', '{n[$1]++} END {for (k in n) print k, n[k]}'], { stdin: 'a\nb\na\n' });
    expect(counts.stdout).toBe('a 2\nb 1\n');
    expect((await exec(c, 'alp', ['awk', 'NR==2 && $1 > 5 {print "big", $1}'], { stdin: '1\n9\n' })).stdout).toBe('big 9\n');
  });

  it('echo and printf as each shell prints them', async () => {
    expect((await sh(c, 'alp', 'echo -n a; echo -e "b\\tc"; printf "%5s|%-3d|%x\\n" hi 7 255')).stdout).toBe('ab\tc\n   hi|7  |ff\n');
    expect((await sh(c, 'deb', 'echo "a\\nb"')).stdout).toBe('a\nb\n');
    expect((await sh(c, 'deb', 'echo "a\\nb"', { shell: 'bash' })).stdout).toBe('a\\nb\n');
  });

  it('env and printenv read the container environment', async () => {
    expect((await exec(c, 'alp', ['printenv', 'HOSTNAME'])).stdout).toBe('alp\n');
    expect((await exec(c, 'alp', ['env'])).stdout).toMatch(/^PATH=.*\nHOSTNAME=alp\n/);
    expect((await exec(c, 'alp', ['printenv', 'NOPE'])).code).toBe(1);
  });
});

describe('file tools', () => {
  it('touch, ls, rm, mkdir -p, rm -rf, and errors in busybox wording', async () => {
    const r = await sh(c, 'alp', 'mkdir -p /data/a/b && touch /data/a/b/f && ls /data/a/b && rm -rf /data/a && ls /data; rm /nope; mkdir /data');
    expect(r.stdout).toBe('f\n');
    expect(r.stderr).toBe("rm: can't remove '/nope': No such file or directory\nmkdir: can't create directory '/data': File exists\n");
  });

  it('GNU wording on Debian images', async () => {
    const r = await sh(c, 'deb', 'cat /nope; ls /nope; rm /nope; touch /no/such/f');
    expect(r.stderr).toBe("cat: /nope: No such file or directory\nls: cannot access '/nope': No such file or directory\nrm: cannot remove '/nope': No such file or directory\ntouch: cannot touch '/no/such/f': No such file or directory\n");
  });

  it('ls -l and ls -a', async () => {
    await sh(c, 'alp', 'echo 12345 > /tmp/five');
    const l = await exec(c, 'alp', ['ls', '-l', '/tmp']);
    expect(l.stdout).toMatch(/^total \d+\n-rw-r--r-- {4}1 root {5}root {13}6 May {2}1 10:00 five\n$/);
    const g = await exec(c, 'deb', ['ls', '-la', '/root']);
    expect(g.stdout.split('\n')[1]).toMatch(/^drwxr-xr-x 2 root root 4096 May {2}1 10:00 \.$/);
  });

  it('files persist between commands in the same container', async () => {
    await exec(c, 'alp', ['touch', '/var/ready']);
    expect((await exec(c, 'alp', ['ls', '/var/ready'])).code).toBe(0);
    expect((await exec(c, 'deb', ['ls', '/var/ready'])).code).toBe(2);
  });
});

describe('system tools', () => {
  it('hostname, hostname -i, id, whoami, uname, date, pwd', async () => {
    const ip = c.get('pods', 'default', 'alp')!.status.podIP;
    expect((await exec(c, 'alp', ['hostname'])).stdout).toBe('alp\n');
    expect((await exec(c, 'alp', ['hostname', '-i'])).stdout).toBe(`${ip}\n`);
    expect((await exec(c, 'deb', ['id'])).stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect((await exec(c, 'alp', ['whoami'])).stdout).toBe('root\n');
    expect((await exec(c, 'deb', ['uname', '-s', '-n'])).stdout).toBe('Linux deb\n');
    expect((await exec(c, 'alp', ['date', '+%Y-%m-%d %H:%M'])).stdout).toBe('2024-05-01 10:00\n');
    expect((await exec(c, 'alp', ['date'])).stdout).toBe('Wed May  1 10:00:00 UTC 2024\n');
    expect(NOW).toBe(Date.parse('2024-05-01T10:00:00Z'));
    expect((await sh(c, 'alp', 'cd /etc && pwd')).stdout).toBe('/etc\n');
  });

  it('ps shows PID 1 and the shell', async () => {
    const r = await sh(c, 'alp', 'ps');
    expect(r.stdout).toMatch(/^PID {3}USER {5}TIME {2}COMMAND\n {4}1 root {6}0:00 \/bin\/sh -c trap "exit 0" TERM INT; while true; do sleep 1000; done\n +\d+ root {6}0:00 sh -c ps\n/);
    expect((await exec(c, 'deb', ['ps'])).execError).toContain('"ps"');
  });

  it('which and command -v find the image tools', async () => {
    expect((await sh(c, 'alp', 'which curl ls; command -v ping')).stdout).toBe('/usr/bin/curl\n/bin/ls\n/bin/ping\n');
    expect((await sh(c, 'deb', 'which nslookup')).code).toBe(1);
  });
});

describe('package managers', () => {
  it('apk add makes a tool available in that container only', async () => {
    create(c, pod('alp2', 'alpine', { spec: { containers: [{ name: 'app', image: 'alpine', command: ['sleep', '1d'] }] } }));
    expect((await sh(c, 'alp2', 'curl --version')).stderr).toBe('sh: curl: not found\n');
    const add = await sh(c, 'alp2', 'apk add --no-cache curl');
    expect(add.stdout).toContain('Installing curl (8.11.1-r0)');
    expect(add.stdout).toMatch(/OK: \d+ MiB in \d+ packages\n$/);
    expect((await sh(c, 'alp2', 'which curl')).stdout).toBe('/usr/bin/curl\n');
  });

  it("apk add bind-tools replaces busybox's nslookup with BIND's", async () => {
    create(c, pod('alp3', 'alpine', { spec: { containers: [{ name: 'app', image: 'alpine', command: ['sleep', '1d'] }] } }));
    const before = await sh(c, 'alp3', 'nslookup kubernetes');
    expect(before.stdout).toContain('Address:\t10.96.0.10:53\n');
    expect(before.code).toBe(1); // busybox: the other search domains answer NXDOMAIN
    await sh(c, 'alp3', 'apk add bind-tools');
    const after = await sh(c, 'alp3', 'nslookup kubernetes');
    expect(after.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n');
    expect(after.code).toBe(0);
  });

  it('apt-get install needs apt-get update first', async () => {
    const before = await sh(c, 'ubu', 'apt-get install -y curl');
    expect(before.stderr).toBe('E: Unable to locate package curl\n');
    expect(before.code).toBe(100);
    await sh(c, 'ubu', 'apt-get update');
    const after = await sh(c, 'ubu', 'apt-get install -y curl && which curl');
    expect(after.stdout).toContain('Setting up curl');
    expect(after.stdout).toMatch(/\/usr\/bin\/curl\n$/);
  });
});
