// The mysql command-line client (`mysql -h database -uroot -ppassword fleetman`): connects through
// the simulated network to a container whose image serves MySQL (src/network/mysql.ts), with the
// client's texts — the monitor banner and prompt (MariaDB's client, what `apk add mysql-client`
// installs, or MySQL's own inside mysql images), tables with row counts, batch output (tab
// separated) when input is not a terminal, and its connection errors:
//   ERROR 2005 (HY000): Unknown MySQL server host 'x' (-2)
//   ERROR 2003 (HY000): Can't connect to MySQL server on 'x:3306' (111)   (110 timeout, 113 no route)
import type { ToolContext } from '../../runtime/types.js';
import { containerHandle, containerMemory } from '../../runtime/container.js';
import { connect, podListeners } from '../connect.js';
import { lookupHost } from '../dns.js';
import { mysqlAuth, mysqlExec, mysqlServerVersion, type SqlResult } from '../mysql.js';
import type { ContainerHandle } from '../../runtime/types.js';
import { args, fromOf, hash01, libc } from './common.js';

interface Opts {
  host?: string;
  port: number;
  user: string;
  password?: string;
  askPassword: boolean;
  database?: string;
  execute?: string;
  skipNames: boolean;
  table: boolean;
  version: boolean;
}

function parse(argv: string[]): Opts | string {
  const o: Opts = { port: 3306, user: 'root', askPassword: false, skipNames: false, table: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const long = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    const next = () => argv[++i];
    if (long) {
      const [, k, v] = long;
      if (k === 'host') o.host = v ?? next();
      else if (k === 'port') o.port = Number(v ?? next());
      else if (k === 'user') o.user = v ?? next();
      else if (k === 'password') v === undefined ? (o.askPassword = true) : (o.password = v);
      else if (k === 'database') o.database = v ?? next();
      else if (k === 'execute') o.execute = v ?? next();
      else if (k === 'skip-column-names') o.skipNames = true;
      else if (k === 'table') o.table = true;
      else if (k === 'version') o.version = true;
      else if (!['batch', 'silent', 'protocol', 'connect-timeout', 'ssl-mode', 'skip-ssl', 'default-character-set'].includes(k)) return `mysql: unknown option '--${k}'`;
      else if (v === undefined && ['protocol', 'connect-timeout', 'ssl-mode', 'default-character-set'].includes(k)) next();
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const f = a[1];
      const rest = a.slice(2);
      if (f === 'h') o.host = rest || next();
      else if (f === 'P') o.port = Number(rest || next());
      else if (f === 'u') o.user = rest || next();
      else if (f === 'p') rest ? (o.password = rest) : (o.askPassword = true);
      else if (f === 'D') o.database = rest || next();
      else if (f === 'e') o.execute = rest || next();
      else if (f === 'N') o.skipNames = true;
      else if (f === 't') o.table = true;
      else if (f === 'V') o.version = true;
      else if (f === 'B' || f === 's') continue;
      else return `mysql: unknown option '-${f}'`;
      continue;
    }
    o.database = a;
  }
  return o;
}

function splitStatements(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | null = null;
  for (const c of text) {
    if (q) {
      if (c === q) q = null;
      cur += c;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') q = c;
    if (c === ';') {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function table(r: Extract<SqlResult, { kind: 'rows' }>): string {
  const cells = r.rows.map((row) => row.map((v) => (v === null ? 'NULL' : v)));
  const widths = r.columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const numeric = r.columns.map((_c, i) => cells.length > 0 && r.rows.every((row) => row[i] === null || /^-?\d+(\.\d+)?$/.test(row[i]!)));
  const sep = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`;
  const line = (vals: string[], head = false) => `|${vals.map((v, i) => ` ${!head && numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i])} `).join('|')}|\n`;
  return sep + line(r.columns, true) + sep + cells.map((row) => line(row)).join('') + sep;
}

export async function mysql(ctx: ToolContext): Promise<number> {
  const o = parse(args(ctx));
  const localIsMysql = ctx.self.image.listens.some((l) => l.kind === 'mysql');
  const client: 'mysql' | 'mariadb' = localIsMysql ? 'mysql' : 'mariadb';
  const secs = (key: string) => (client === 'mysql' ? `(0.${String(Math.floor(hash01(key) * 3)).padStart(2, '0')} sec)` : `(0.${String(1 + Math.floor(hash01(key) * 20)).padStart(3, '0')} sec)`);
  if (typeof o === 'string') {
    ctx.stderr(`${o}\n`);
    return 7;
  }
  if (o.version) {
    ctx.stdout(client === 'mysql' ? 'mysql  Ver 8.0.40 for Linux on x86_64 (MySQL Community Server - GPL)\n' : 'mysql  Ver 15.1 Distrib 10.11.10-MariaDB, for Linux (x86_64) using readline 5.1\n');
    return 0;
  }
  const cluster = ctx.self.cluster;
  const from = fromOf(ctx);
  let stdinLines: string[] | undefined;
  const readLine = async (prompt: string): Promise<string | undefined> => {
    if (ctx.readLine) return ctx.readLine(prompt);
    if (ctx.tty) ctx.stdout(prompt);
    stdinLines ??= ctx.stdin.split('\n');
    if (!stdinLines.length || (stdinLines.length === 1 && stdinLines[0] === '')) return undefined;
    const [l, ...rest] = stdinLines;
    stdinLines = rest;
    return l;
  };
  if (o.askPassword) o.password = (await readLine('Enter password: ')) ?? '';
  if (o.password !== undefined && o.password !== '' && client === 'mysql') ctx.stderr('mysql: [Warning] Using a password on the command line interface can be insecure.\n');
  // Connect.
  let server: ContainerHandle | undefined;
  const hostShown = o.host ?? 'localhost';
  if (!o.host || o.host === 'localhost') {
    const l = podListeners(cluster, ctx.self.pod).find((x) => x.kind === 'mysql');
    if (!l) {
      ctx.stderr(`ERROR 2002 (HY000): Can't connect to local ${client === 'mysql' ? 'MySQL ' : ''}server through socket '${client === 'mysql' ? '/var/run/mysqld/mysqld.sock' : '/run/mysqld/mysqld.sock'}' (2)\n`);
      return 1;
    }
    server = containerHandle(cluster, ctx.self.pod, l.container);
  } else {
    const r = lookupHost(cluster, ctx.self.pod, o.host, { trace: (l) => ctx.trace(l), libc: libc(ctx) });
    ctx.sleep(r.elapsedMs);
    if (!r.addresses.length) {
      ctx.stderr(`ERROR 2005 (HY000): Unknown MySQL server host '${o.host}' (${r.error === 'timeout' ? '-3' : '-2'})\n`);
      return 1;
    }
    const c = connect(cluster, from, r.addresses[0], o.port, 'TCP', (l) => ctx.trace(l));
    if (!c.ok) {
      const errno = c.error === 'refused' ? 111 : c.error === 'timeout' ? 110 : 113;
      ctx.sleep(c.error === 'timeout' ? 131_000 : c.error === 'unreachable' ? 3_000 : 1);
      ctx.stderr(`ERROR 2003 (HY000): Can't connect to MySQL server on '${o.host}:${o.port}' (${errno})\n`);
      return 1;
    }
    if (c.kind !== 'pod' || c.listener.kind !== 'mysql') {
      ctx.stderr(`ERROR 2013 (HY000): Lost connection to MySQL server at 'handshake: reading initial communication packet', system error: 0\n`);
      return 1;
    }
    server = containerHandle(cluster, c.pod, c.container);
  }
  const clientIP = o.host && o.host !== 'localhost' ? from.ip : 'localhost';
  const denied = mysqlAuth(server, o.user, o.password, clientIP, o.database);
  if (denied && denied.kind === 'error') {
    ctx.stderr(`ERROR ${denied.code} (${denied.state}): ${denied.message}\n`);
    return 1;
  }
  ctx.trace(`mysql: logged in as ${o.user} on ${server.pod.metadata.namespace}/${server.pod.metadata.name} (${hostShown})`);
  const mem = containerMemory(server);
  mem.mysqlConnections = (Number(mem.mysqlConnections) || 0) + 1;
  const connId = 7 + Number(mem.mysqlConnections);
  let db = o.database;
  const version = mysqlServerVersion(server);
  const interactive = !o.execute && (!!ctx.readLine || !!ctx.tty);
  const human = interactive || o.table || (!!o.execute && !!ctx.tty);

  const show = (r: SqlResult, n: number, line: number): boolean => {
    const k = `${n}${cluster.now}`;
    if (r.kind === 'error') {
      ctx.stderr(human && interactive ? `ERROR ${r.code} (${r.state}): ${r.message}\n` : `ERROR ${r.code} (${r.state}) at line ${line}: ${r.message}\n`);
      return false;
    }
    if (r.kind === 'use') {
      db = r.db;
      if (interactive) ctx.stdout('Database changed\n');
      return true;
    }
    if (r.kind === 'ok') {
      if (human) ctx.stdout(`Query OK, ${r.affected} row${r.affected === 1 ? '' : 's'} affected ${secs(k)}\n${r.info ? `${r.info}\n` : ''}\n`);
      return true;
    }
    if (human) {
      if (!r.rows.length) ctx.stdout(interactive ? `Empty set ${secs(k)}\n\n` : '');
      else ctx.stdout(table(r) + (interactive ? `${r.rows.length} row${r.rows.length === 1 ? '' : 's'} in set ${secs(k)}\n\n` : ''));
    } else {
      const lines = [...(o.skipNames ? [] : [r.columns.join('\t')]), ...r.rows.map((row) => row.map((v) => (v === null ? 'NULL' : v)).join('\t'))];
      if (r.rows.length) ctx.stdout(lines.map((l) => `${l}\n`).join(''));
    }
    return true;
  };

  if (!interactive) {
    const text = o.execute ?? (stdinLines ? stdinLines.join('\n') : ctx.stdin);
    let n = 0;
    for (const stmt of splitStatements(text)) {
      n++;
      if (/^(exit|quit|\\q)$/i.test(stmt)) break;
      if (!show(mysqlExec(server, o.user, db, stmt), n, 1)) return 1;
    }
    return 0;
  }
  const banner = client === 'mysql'
    ? `Welcome to the MySQL monitor.  Commands end with ; or \\g.\nYour MySQL connection id is ${connId}\nServer version: ${version} MySQL Community Server ${version.startsWith('5') ? '(GPL)' : '- GPL'}\n\nCopyright (c) 2000, 2024, Oracle and/or its affiliates.\n\nOracle is a registered trademark of Oracle Corporation and/or its\naffiliates. Other names may be trademarks of their respective\nowners.\n\nType 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.\n\n`
    : `Welcome to the MariaDB monitor.  Commands end with ; or \\g.\nYour MySQL connection id is ${connId}\nServer version: ${version} MySQL Community Server ${version.startsWith('5') ? '(GPL)' : '- GPL'}\n\nCopyright (c) 2000, 2018, Oracle, MariaDB Corporation Ab and others.\n\nType 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.\n\n`;
  ctx.stdout(banner);
  const prompt = () => (client === 'mysql' ? 'mysql> ' : `MySQL [${db ?? '(none)'}]> `);
  let buf = '';
  let n = 0;
  for (;;) {
    const line = await readLine(buf ? '    -> ' : prompt());
    if (line === undefined) {
      ctx.stdout('Bye\n');
      return 0;
    }
    const t = line.trim();
    if (!buf && /^(exit|quit|\\q);?$/i.test(t)) {
      ctx.stdout('Bye\n');
      return 0;
    }
    buf += (buf ? '\n' : '') + line;
    if (!/;\s*$|\\g\s*$/.test(buf)) {
      if (!buf.trim()) buf = '';
      continue;
    }
    for (const stmt of splitStatements(buf.replace(/\\g\s*$/, ';'))) show(mysqlExec(server, o.user, db, stmt), ++n, 1);
    buf = '';
  }
}
