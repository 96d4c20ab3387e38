// The simulated shell: grammar (pipes, lists, quoting, expansions, redirections, compound
// commands), the three flavours' error texts, and the bounds on runaway scripts.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/store/cluster.js';
import { makeCluster, create, pod } from './network-fixture.js';
import { exec, sh } from './runtime-fixture.js';
import { parseScript } from '../../src/runtime/shell/parser.js';

let c: Cluster;
beforeAll(() => {
  c = makeCluster();
  create(c, pod('alp', 'kiamol/ch03-sleep'), pod('deb', 'luksa/kubia'), pod('bbx', 'busybox', { spec: { containers: [{ name: 'app', image: 'busybox', command: ['sleep', '3600'] }] } }));
});

describe('grammar', () => {
  it('pipes, && || ; and exit statuses', async () => {
    const r = await sh(c, 'alp', 'echo a b c | wc -w; false && echo no; false || echo yes; true; echo $?');
    expect(r.stdout).toBe('3\nyes\n0\n');
    expect(r.code).toBe(0);
  });

  it('quoting: single, double, backslash, and no splitting of quoted expansions', async () => {
    const r = await sh(c, 'alp', `x='a   b'; echo $x; echo "$x"; echo '$x'; echo \\$x; printf '%s|' $x; echo`);
    expect(r.stdout).toBe('a b\na   b\n$x\n$x\na|b|\n');
  });

  it('parameter expansion forms', async () => {
    const r = await sh(c, 'alp', 'v=hello.tar.gz; echo ${v%%.*} ${v#*.} ${#v} ${unset:-dflt} ${v:+set} ${u:=new} $u');
    expect(r.stdout).toBe('hello tar.gz 12 dflt set new new\n');
  });

  it('command substitution, backticks and arithmetic', async () => {
    const r = await sh(c, 'alp', 'n=$(echo 3); m=`echo 4`; echo $((n * m + 1)) "$(echo "nested $(echo deep)")"');
    expect(r.stdout).toBe('13 nested deep\n');
  });

  it('redirections: > >> < 2>&1 > /dev/null and here-documents', async () => {
    const r = await sh(c, 'alp', 'echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f; ls /nope 2>&1 | head -1; echo gone > /dev/null; cat <<EOF\nline $((1+1))\nEOF');
    expect(r.stdout).toBe('one\ntwo\nls: /nope: No such file or directory\nline 2\n');
  });

  it('if/elif/else, while, until, for, case, functions', async () => {
    const script = [
      'if [ 1 -gt 2 ]; then echo a; elif [ -f /etc/hosts ]; then echo b; else echo c; fi',
      'i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i',
      'until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i',
      'for x in a b; do for y in 1 2; do printf %s%s, $x $y; done; done; echo',
      'case foo.txt in *.md) echo md;; *.txt) echo txt;; esac',
      'greet() { echo "hi $1"; return 3; }; greet you; echo $?',
    ].join('\n');
    const r = await sh(c, 'alp', script);
    expect(r.stdout).toBe('b\n3\n0\na1,a2,b1,b2,\ntxt\nhi you\n3\n');
  });

  it('pipeline stages run in subshells; read consumes stdin line by line', async () => {
    const r = await sh(c, 'alp', 'x=1; echo 2 | read x; echo $x; printf "a\\nb\\n" | while read l; do echo "<$l>"; done');
    expect(r.stdout).toBe('1\n<a>\n<b>\n');
  });

  it('sh reading its script from stdin runs a command at a time: what the command reads is the lines after it', async () => {
    const r = await exec(c, 'alp', ['sh'], { stdin: 'echo one\nif true; then\n  echo two\nfi\ncat\nfor cat\nand this\n' });
    expect(r.stdout).toBe('one\ntwo\nfor cat\nand this\n');
    expect(r.code).toBe(0);
    const e = await exec(c, 'alp', ['sh'], { stdin: 'echo a\nexit 3\necho never\n' });
    expect(e.stdout).toBe('a\n');
    expect(e.code).toBe(3);
    const w = await exec(c, 'alp', ['sh'], { stdin: 'read x\nhello\necho "got $x"\n' });
    expect(w.stdout).toBe('got hello\n');
  });

  it('bracket patterns: POSIX classes, negation, a leading ]', async () => {
    const r = await sh(c, 'alp', 'for w in 7 x ] Q; do case $w in [[:digit:]]) echo "$w digit";; [![:upper:]]]) echo "$w neither";; *) echo "$w other";; esac; done; v=ab12; echo ${v%%[[:digit:]]*}');
    expect(r.stdout).toBe('7 digit\nx other\n] other\nQ other\nab\n');
  });

  it('set -e stops at the first failure; exit sets the status', async () => {
    const r = await sh(c, 'alp', 'set -e; echo before; false; echo after');
    expect(r.stdout).toBe('before\n');
    expect(r.code).toBe(1);
    expect((await sh(c, 'alp', 'exit 42')).code).toBe(42);
  });

  it('parses nested structures into a tree', () => {
    const t = parseScript('a | b && { c; d; } || (e) > f 2>&1');
    expect(t.t).toBe('list');
    expect(JSON.stringify(t)).toContain('"t":"group"');
    expect(JSON.stringify(t)).toContain('"t":"subshell"');
  });
});

describe('flavours', () => {
  it('busybox ash: "sh: X: not found", exit 127', async () => {
    const r = await sh(c, 'alp', 'nosuchcmd');
    expect(r.stderr).toBe('sh: nosuchcmd: not found\n');
    expect(r.code).toBe(127);
  });

  it('bash -c: "bash: line 1: X: command not found"; dash: "sh: 1: X: not found"', async () => {
    const b = await sh(c, 'deb', 'nosuchcmd', { shell: 'bash' });
    expect(b.stderr).toBe('bash: line 1: nosuchcmd: command not found\n');
    expect(b.code).toBe(127);
    const d = await sh(c, 'deb', 'nosuchcmd');
    expect(d.stderr).toBe('sh: 1: nosuchcmd: not found\n');
  });

  it('syntax errors in each flavour, exit 2', async () => {
    expect((await sh(c, 'alp', 'if true; then echo x')).stderr).toBe('sh: syntax error: unexpected end of file\n');
    expect((await sh(c, 'deb', 'fi')).stderr).toBe('sh: 1: Syntax error: "fi" unexpected\n');
    const b = await sh(c, 'deb', 'fi', { shell: 'bash' });
    expect(b.stderr).toBe("bash: -c: line 1: syntax error near unexpected token `fi'\n");
    expect(b.code).toBe(2);
  });

  it('a program run without a shell that does not exist: the runtime error', async () => {
    const r = await exec(c, 'alp', ['nosuchcmd']);
    expect(r.execError).toBe('exec: "nosuchcmd": executable file not found in $PATH');
    expect((await exec(c, 'deb', ['ash'])).execError).toContain('executable file not found');
  });

  it('bash is not in alpine or busybox images', async () => {
    expect((await exec(c, 'alp', ['bash'])).execError).toBe('exec: "bash": executable file not found in $PATH');
    expect((await exec(c, 'bbx', ['ls', '/bin'])).stdout).toContain('ping\n');
  });
});

describe('bounds', () => {
  it('an endless loop stops at the step cap with a note and exit 137', async () => {
    const r = await sh(c, 'alp', 'while true; do :; done');
    expect(r.code).toBe(137);
    expect(r.stderr).toMatch(/^kubesim: stopped after 10000 commands/);
  });

  it('yes alone hits the output cap; yes | head ends normally', async () => {
    const alone = await exec(c, 'alp', ['yes']);
    expect(alone.code).toBe(137);
    expect(alone.stdout.length).toBe(1024 * 1024);
    expect(alone.stderr).toContain('bytes of output');
    const piped = await sh(c, 'alp', 'yes | head -n 2');
    expect(piped).toMatchObject({ stdout: 'y\ny\n', code: 0 });
  });

  it('a fork bomb stops at the nesting cap', async () => {
    const r = await sh(c, 'alp', ':(){ :|:& };:');
    expect(r.code).toBe(137);
    expect(r.stderr).toContain('fork bomb');
  });

  it('sleep is simulated and bounded', async () => {
    const t0 = Date.now();
    expect((await sh(c, 'alp', 'sleep 30; echo done')).stdout).toBe('done\n');
    expect(Date.now() - t0).toBeLessThan(2000);
    expect((await exec(c, 'alp', ['sleep', 'infinity'])).stderr).toContain('simulated seconds');
  });
});

describe('interactive shells (exec -it … -- sh)', () => {
  it('prompts like the image, keeps state between lines, continues open blocks, ends on exit', async () => {
    const { InteractiveShell } = await import('../../src/runtime/shell/index.js');
    const { containerHandle } = await import('../../src/runtime/container.js');
    const h = () => containerHandle(c, c.get('pods', 'default', 'alp')!);
    const ash = new InteractiveShell(['sh'], h());
    expect(ash.prompt(h())).toBe('/ # ');
    expect((await ash.runLine(h(), 'cd /tmp; X=42', {})).stdout).toBe('');
    expect(ash.prompt(h())).toBe('/tmp # ');
    expect((await ash.runLine(h(), 'echo $X $(pwd)', {})).stdout).toBe('42 /tmp\n');
    expect((await ash.runLine(h(), 'if true; then', {})).continuation).toBe(true);
    expect(ash.prompt(h())).toBe('> ');
    expect((await ash.runLine(h(), 'echo in; fi', {})).stdout).toBe('in\n');
    expect((await ash.runLine(h(), 'nosuch', {})).stderr).toBe('sh: nosuch: not found\n');
    expect(await ash.runLine(h(), 'exit 3', {})).toMatchObject({ exited: 3 });
    const dh = () => containerHandle(c, c.get('pods', 'default', 'deb')!);
    const bash = new InteractiveShell(['bash'], dh());
    expect(bash.prompt(dh())).toBe('root@deb:/# ');
    expect((await bash.runLine(dh(), 'nosuch', {})).stderr).toBe('bash: nosuch: command not found\n');
    expect(InteractiveShell.wants(dh(), ['bash'])).toBe(true);
    expect(InteractiveShell.wants(dh(), ['bash', '-c', 'ls'])).toBe(false);
    expect(InteractiveShell.wants(h(), ['bash'])).toBe(false);
  });
});
