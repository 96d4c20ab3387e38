// apk (Alpine) and apt-get/apt (Debian, Ubuntu): simulated installs of client tools. Installing
// a package makes its commands available in that container (until it restarts: a new container
// starts from the image again). The package index comes from the simulated internet, so a pod
// that cannot resolve the mirror's name cannot install anything.
import type { Tool, ToolContext } from '../../types.js';
import { containerRuntime } from '../../container.js';

interface Pkg {
  tools: string[];
  version: string;
  deps?: string[];
  size: number; // kB
}

/** Packages kubesim knows (others install but provide nothing that runs). */
const APK: Record<string, Pkg> = {
  curl: { tools: ['curl'], version: '8.11.1-r0', deps: ['ca-certificates', 'brotli-libs', 'c-ares', 'libunistring', 'libidn2', 'nghttp2-libs', 'libpsl', 'zstd-libs', 'libcurl'], size: 280 },
  wget: { tools: ['wget'], version: '1.24.5-r0', deps: ['libunistring', 'libidn2', 'pcre2'], size: 520 },
  'bind-tools': { tools: ['nslookup', 'dig', 'host'], version: '9.18.31-r0', deps: ['fstrm', 'krb5-conf', 'libcom_err', 'keyutils-libs', 'libverto', 'krb5-libs', 'json-c', 'nghttp2-libs', 'protobuf-c', 'libuv', 'xz-libs', 'libxml2', 'bind-libs'], size: 900 },
  'mysql-client': { tools: ['mysql'], version: '11.4.4-r1', deps: ['mariadb-common', 'libgcc', 'ncurses-terminfo-base', 'libncursesw', 'libstdc++', 'mariadb-client'], size: 3000 },
  'mariadb-client': { tools: ['mysql', 'mariadb'], version: '11.4.4-r1', deps: ['mariadb-common', 'libgcc', 'ncurses-terminfo-base', 'libncursesw', 'libstdc++'], size: 3000 },
  redis: { tools: ['redis-cli'], version: '7.2.7-r0', size: 1800 },
  'busybox-extras': { tools: ['telnet', 'nc'], version: '1.36.1-r29', size: 100 },
  'netcat-openbsd': { tools: ['nc'], version: '1.226-r0', deps: ['libmd', 'libbsd'], size: 60 },
  jq: { tools: ['jq'], version: '1.7.1-r0', deps: ['oniguruma'], size: 400 },
  bash: { tools: ['bash'], version: '5.2.26-r0', deps: ['ncurses-terminfo-base', 'libncursesw', 'readline'], size: 1300 },
  iputils: { tools: ['ping'], version: '20240117-r0', deps: ['libcap2'], size: 200 },
  procps: { tools: ['ps'], version: '4.0.4-r0', deps: ['libproc2'], size: 500 },
  'ca-certificates': { tools: [], version: '20241121-r1', size: 600 },
  vim: { tools: [], version: '9.1.0707-r0', size: 1900 },
  nano: { tools: [], version: '8.0-r0', size: 600 },
  git: { tools: [], version: '2.45.2-r0', size: 5000 },
  openssl: { tools: [], version: '3.3.2-r1', size: 400 },
};

const APT: Record<string, Pkg> = {
  curl: { tools: ['curl'], version: '7.88.1-10+deb12u8', deps: ['libbrotli1', 'libcurl4', 'libldap-2.5-0', 'libnghttp2-14', 'libpsl5', 'librtmp1', 'libssh2-1', 'publicsuffix'], size: 315 },
  wget: { tools: ['wget'], version: '1.21.3-1+b2', deps: ['libpsl5', 'publicsuffix'], size: 984 },
  'iputils-ping': { tools: ['ping'], version: '3:20221126-1+deb12u1', deps: ['libcap2-bin'], size: 47 },
  dnsutils: { tools: ['nslookup', 'dig', 'host'], version: '1:9.18.28-1~deb12u2', deps: ['bind9-dnsutils', 'bind9-host', 'bind9-libs', 'libmaxminddb0', 'libuv1'], size: 400 },
  'bind9-dnsutils': { tools: ['nslookup', 'dig'], version: '1:9.18.28-1~deb12u2', deps: ['bind9-libs', 'libuv1'], size: 400 },
  'bind9-host': { tools: ['host'], version: '1:9.18.28-1~deb12u2', size: 52 },
  'netcat-openbsd': { tools: ['nc'], version: '1.219-1', deps: ['libbsd0'], size: 41 },
  'netcat-traditional': { tools: ['nc'], version: '1.10-47', size: 66 },
  'default-mysql-client': { tools: ['mysql'], version: '1.1.0', deps: ['mariadb-client', 'mariadb-client-core', 'mariadb-common', 'mysql-common'], size: 3500 },
  'mariadb-client': { tools: ['mysql', 'mariadb'], version: '1:10.11.6-0+deb12u1', deps: ['mariadb-client-core', 'mariadb-common', 'mysql-common'], size: 3000 },
  'redis-tools': { tools: ['redis-cli'], version: '5:7.0.15-1~deb12u1', deps: ['libjemalloc2', 'liblzf1'], size: 950 },
  procps: { tools: ['ps'], version: '2:4.0.2-3', deps: ['libproc2-0'], size: 709 },
  jq: { tools: ['jq'], version: '1.6-2.1', deps: ['libjq1', 'libonig5'], size: 64 },
  iproute2: { tools: ['ip'], version: '6.1.0-3', deps: ['libbpf1', 'libelf1', 'libmnl0'], size: 1050 },
  'net-tools': { tools: ['ifconfig'], version: '2.10-0.1', size: 243 },
  vim: { tools: [], version: '2:9.0.1378-2+deb12u2', size: 1568 },
  nano: { tools: [], version: '7.2-1+deb12u1', size: 690 },
  less: { tools: [], version: '590-2.1~deb12u2', size: 132 },
  git: { tools: [], version: '1:2.39.5-0+deb12u1', size: 7260 },
  openssl: { tools: [], version: '3.0.15-1~deb12u1', size: 1427 },
  'ca-certificates': { tools: [], version: '20230311', size: 153 },
};

/** The tools a container got from packages installed in it. */
export function installedTools(ctx: ToolContext | { self: ToolContext['self'] }): string[] {
  const rec = containerRuntime(ctx.self);
  const table = ctx.self.image.shell === 'bash-debian' ? APT : APK;
  return (rec.pkgs ?? []).flatMap((p) => table[p]?.tools ?? []);
}

async function mirrorReachable(ctx: ToolContext, host: string): Promise<boolean> {
  try {
    const { lookupHost } = await import('../../../network/dns.js');
    const r = lookupHost(ctx.self.cluster, ctx.self.pod, host, { srcIP: ctx.self.pod.status?.podIP });
    return r.addresses.length > 0;
  } catch {
    return true;
  }
}

export const apk: Tool = async (ctx) => {
  const [cmd, ...rest] = ctx.argv.slice(1).filter((a) => !['--no-cache', '--update', '-U', '--quiet', '-q', '--no-progress', '-v'].includes(a));
  const flags = ctx.argv.slice(1);
  const quiet = flags.includes('-q') || flags.includes('--quiet');
  const rec = containerRuntime(ctx.self);
  const mirror = 'dl-cdn.alpinelinux.org';
  const indexes = ['main', 'community'].map((r) => `https://${mirror}/alpine/v3.20/${r}/x86_64/APKINDEX.tar.gz`);
  const fetch = async (): Promise<boolean> => {
    const ok = await mirrorReachable(ctx, mirror);
    for (const i of indexes) {
      if (!quiet) ctx.stdout(`fetch ${i}\n`);
      if (!ok) ctx.stderr(`WARNING: fetching https://${mirror}/alpine/v3.20/${i.includes('main') ? 'main' : 'community'}: DNS lookup error\n`);
    }
    return ok;
  };
  if (ctx.self.image.os !== 'alpine') {
    ctx.stderr(`sh: apk: not found\n`);
    return 127;
  }
  switch (cmd) {
    case 'update': {
      const ok = await fetch();
      if (!ok) {
        ctx.stderr('2 unavailable, 0 stale; 14 distinct packages available\n');
        return 2;
      }
      ctx.stdout('v3.20.3-321-g6e8d5b1a3b1 [https://dl-cdn.alpinelinux.org/alpine/v3.20/main]\nv3.20.3-320-g9d4e7b8c2a0 [https://dl-cdn.alpinelinux.org/alpine/v3.20/community]\nOK: 24163 distinct packages available\n');
      return 0;
    }
    case 'add': {
      const names = rest.filter((r) => !r.startsWith('-'));
      if (!names.length) return 0;
      const ok = await fetch();
      const unknown = names.filter((n) => !APK[n] && !/^[a-z0-9][a-z0-9.+_-]*$/.test(n));
      if (!ok || unknown.length) {
        ctx.stderr(`ERROR: unable to select packages:\n${names.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join('')}`);
        return names.length;
      }
      const have = new Set(rec.pkgs ?? []);
      const todo: string[] = [];
      for (const n of names) for (const d of [...(APK[n]?.deps ?? []), n]) if (!have.has(d) && !todo.includes(d)) todo.push(d);
      todo.forEach((p, i) => {
        if (!quiet) ctx.stdout(`(${i + 1}/${todo.length}) Installing ${p} (${APK[p]?.version ?? '1.0-r0'})\n`);
      });
      if (!quiet && todo.length) ctx.stdout('Executing busybox-1.36.1-r29.trigger\n');
      rec.pkgs = [...have, ...todo].slice(0, 64);
      if (!quiet) ctx.stdout(`OK: ${13 + todo.length} MiB in ${14 + rec.pkgs.length} packages\n`);
      return 0;
    }
    case 'del': {
      rec.pkgs = (rec.pkgs ?? []).filter((p) => !rest.includes(p));
      if (!quiet) ctx.stdout(`OK: 7 MiB in ${14 + rec.pkgs.length} packages\n`);
      return 0;
    }
    case 'info':
      ctx.stdout([...['musl', 'busybox', 'alpine-baselayout', 'alpine-keys', 'apk-tools', 'ssl_client', 'zlib'], ...(rec.pkgs ?? [])].map((p) => `${p}\n`).join(''));
      return 0;
    case 'search':
      ctx.stdout(Object.keys(APK).filter((k) => !rest.length || rest.some((r) => k.includes(r))).map((k) => `${k}-${APK[k].version}\n`).join(''));
      return 0;
    default:
      ctx.stdout('apk-tools 2.14.4, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n');
      return cmd ? 1 : 0;
  }
};

export const aptGet: Tool = async (ctx) => {
  const name = ctx.argv[0].replace(/^.*\//, '');
  const args = ctx.argv.slice(1);
  const cmd = args.find((a) => !a.startsWith('-'));
  const names = args.filter((a) => !a.startsWith('-')).slice(1);
  const yes = args.some((a) => /^-[a-z]*y/.test(a) || a === '--yes' || a === '--assume-yes');
  const rec = containerRuntime(ctx.self);
  const ubuntu = ctx.self.image.os === 'ubuntu';
  const mirror = ubuntu ? 'archive.ubuntu.com' : 'deb.debian.org';
  if (name === 'apt' && ctx.tty === false) ctx.stderr('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
  switch (cmd) {
    case 'update': {
      const ok = await mirrorReachable(ctx, mirror);
      if (!ok) {
        ctx.stdout(ubuntu ? `Ign:1 http://${mirror}/ubuntu noble InRelease\n` : `Ign:1 http://${mirror}/debian bookworm InRelease\n`);
        ctx.stdout('Reading package lists... Done\n');
        ctx.stderr(`W: Failed to fetch http://${mirror}/${ubuntu ? 'ubuntu/dists/noble' : 'debian/dists/bookworm'}/InRelease  Temporary failure resolving '${mirror}'\nW: Some index files failed to download. They have been ignored, or old ones used instead.\n`);
        return 0;
      }
      ctx.stdout(
        ubuntu
          ? `Get:1 http://security.ubuntu.com/ubuntu noble-security InRelease [126 kB]\nGet:2 http://${mirror}/ubuntu noble InRelease [256 kB]\nGet:3 http://${mirror}/ubuntu noble-updates InRelease [126 kB]\nGet:4 http://${mirror}/ubuntu noble/main amd64 Packages [1808 kB]\nFetched 2316 kB in 1s (1954 kB/s)\nReading package lists... Done\n`
          : `Get:1 http://${mirror}/debian bookworm InRelease [151 kB]\nGet:2 http://${mirror}/debian bookworm-updates InRelease [55.4 kB]\nGet:3 http://${mirror}/debian-security bookworm-security InRelease [48.0 kB]\nGet:4 http://${mirror}/debian bookworm/main amd64 Packages [8792 kB]\nFetched 9047 kB in 2s (4523 kB/s)\nReading package lists... Done\n`,
      );
      rec.pkgs = [...new Set([...(rec.pkgs ?? []), '@lists'])];
      return 0;
    }
    case 'install': {
      ctx.stdout('Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n');
      const lists = (rec.pkgs ?? []).includes('@lists');
      const missing = names.find((n) => !lists || !APT[n]);
      if (missing) {
        ctx.stderr(`E: Unable to locate package ${missing}\n`);
        return 100;
      }
      const have = new Set(rec.pkgs ?? []);
      const todo = names.filter((n) => !have.has(n));
      if (!todo.length) {
        for (const n of names) ctx.stdout(`${n} is already the newest version (${APT[n].version}).\n`);
        ctx.stdout('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
        return 0;
      }
      const deps = [...new Set(todo.flatMap((n) => APT[n].deps ?? []))].filter((d) => !have.has(d));
      if (deps.length) ctx.stdout(`The following additional packages will be installed:\n  ${deps.join(' ')}\n`);
      ctx.stdout(`The following NEW packages will be installed:\n  ${[...deps, ...todo].sort().join(' ')}\n`);
      const size = todo.reduce((s, n) => s + APT[n].size, 0) + deps.length * 120;
      ctx.stdout(`0 upgraded, ${deps.length + todo.length} newly installed, 0 to remove and 0 not upgraded.\nNeed to get ${size} kB of archives.\nAfter this operation, ${Math.round(size * 2.7)} kB of additional disk space will be used.\n`);
      if (!yes) {
        ctx.stdout('Do you want to continue? [Y/n] ');
        const answer = ctx.stdin.trim().toLowerCase();
        if (answer && !answer.startsWith('y')) {
          ctx.stdout('Abort.\n');
          return 1;
        }
        if (!answer) ctx.stdout('\n');
      }
      let n = 0;
      for (const p of [...deps, ...todo]) ctx.stdout(`Get:${++n} http://${mirror}/${ubuntu ? 'ubuntu noble' : 'debian bookworm'}/main amd64 ${p} amd64 ${APT[p]?.version ?? '1.0-1'} [${APT[p]?.size ?? 120} kB]\n`);
      ctx.stdout(`Fetched ${size} kB in 0s (${size * 4} kB/s)\n`);
      for (const p of [...deps, ...todo]) ctx.stdout(`Selecting previously unselected package ${p}.\nUnpacking ${p} (${APT[p]?.version ?? '1.0-1'}) ...\n`);
      for (const p of [...deps, ...todo]) ctx.stdout(`Setting up ${p} (${APT[p]?.version ?? '1.0-1'}) ...\n`);
      rec.pkgs = [...have, ...deps, ...todo].slice(0, 64);
      return 0;
    }
    case 'remove':
    case 'purge':
      rec.pkgs = (rec.pkgs ?? []).filter((p) => !names.includes(p));
      ctx.stdout(`Reading package lists... Done\nBuilding dependency tree... Done\nThe following packages will be REMOVED:\n  ${names.join(' ')}\n`);
      return 0;
    default:
      ctx.stdout(`apt 2.6.1 (amd64)\nUsage: ${name} [options] command\n`);
      return cmd ? 100 : 1;
  }
};
