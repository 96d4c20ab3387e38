// A minimal MySQL server (the app inside mysql images): accounts from the image's environment
// (MYSQL_ROOT_PASSWORD, MYSQL_USER/MYSQL_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD), the database named
// by MYSQL_DATABASE, and a handful of statements (SHOW DATABASES/TABLES, CREATE/DROP DATABASE and
// TABLE, USE, INSERT, SELECT … [FROM t], DESCRIBE). Tables are files under /var/lib/mysql in the
// container's filesystem, so they last as long as the container's writable layer.
import type { ContainerHandle, SimFs } from '../runtime/types.js';
import { containerEnv, containerFs } from '../runtime/container.js';

export type SqlResult =
  | { kind: 'rows'; columns: string[]; rows: (string | null)[][] }
  | { kind: 'ok'; affected: number; info?: string }
  | { kind: 'use'; db: string }
  | { kind: 'error'; code: number; state: string; message: string };

interface Table {
  columns: { name: string; type: string }[];
  rows: (string | null)[][];
}

const DATADIR = '/var/lib/mysql';
const SYSTEM_DBS = ['mysql', 'performance_schema', 'sys'];
const MAX_ROWS = 1000;

export function mysqlServerVersion(h: ContainerHandle): string {
  const tag = /:(\d+(?:\.\d+){0,2})/.exec(h.container.image ?? '')?.[1];
  if (!tag) return '8.0.40';
  if (/^5(\.7)?$/.test(tag)) return '5.7.44';
  if (/^8(\.0)?$/.test(tag)) return '8.0.40';
  return tag.split('.').length === 3 ? tag : `${tag}.0`;
}

function fs(h: ContainerHandle): SimFs {
  const f = containerFs(h);
  if (!f.isDir(`${DATADIR}/mysql`)) {
    for (const d of SYSTEM_DBS) f.mkdir(`${DATADIR}/${d}`, true);
    const db = containerEnv(h).MYSQL_DATABASE;
    if (db) f.mkdir(`${DATADIR}/${db}`, true);
  }
  return f;
}

/** Check a login: null when accepted, else the server's error. */
export function mysqlAuth(h: ContainerHandle, user: string, password: string | undefined, clientIP: string, db?: string): SqlResult | null {
  const env = containerEnv(h);
  const users: Record<string, string> = {};
  if (env.MYSQL_ROOT_PASSWORD !== undefined) users.root = env.MYSQL_ROOT_PASSWORD;
  else if (env.MYSQL_ALLOW_EMPTY_PASSWORD) users.root = '';
  if (env.MYSQL_USER) users[env.MYSQL_USER] = env.MYSQL_PASSWORD ?? '';
  if (!(user in users) || users[user] !== (password ?? '')) {
    return { kind: 'error', code: 1045, state: '28000', message: `Access denied for user '${user}'@'${clientIP}' (using password: ${password ? 'YES' : 'NO'})` };
  }
  if (db && !databases(h).includes(db)) return { kind: 'error', code: 1049, state: '42000', message: `Unknown database '${db}'` };
  return null;
}

export function databases(h: ContainerHandle): string[] {
  const f = fs(h);
  return ['information_schema', ...(f.list(DATADIR) ?? []).filter((d) => f.isDir(`${DATADIR}/${d}`)).sort()];
}

function tablePath(db: string, t: string): string {
  return `${DATADIR}/${db}/${t}.ibd`;
}

function readTable(f: SimFs, db: string, t: string): Table | undefined {
  const raw = f.read(tablePath(db, t));
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as Table;
  } catch {
    return { columns: [], rows: [] };
  }
}

/** Split on commas outside quotes and parentheses. */
function splitList(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  let q: string | null = null;
  for (const c of s) {
    if (q) {
      cur += c;
      if (c === q) q = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') q = c;
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const unquote = (s: string) => s.replace(/^[`'"](.*)[`'"]$/s, '$1');

function literal(expr: string, h: ContainerHandle, db: string | undefined, user: string): string | null | undefined {
  const e = expr.trim();
  if (/^null$/i.test(e)) return null;
  if (/^'.*'$/s.test(e) || /^".*"$/s.test(e)) return e.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(e)) return e;
  if (/^version\(\)$/i.test(e)) return mysqlServerVersion(h);
  if (/^database\(\)$/i.test(e)) return db ?? null;
  if (/^(user|current_user)\(\)$/i.test(e)) return `${user}@%`;
  if (/^(now|current_timestamp|sysdate)\(\)$/i.test(e)) return new Date(h.cluster.now).toISOString().replace('T', ' ').slice(0, 19);
  if (/^@@hostname$/i.test(e)) return h.pod.metadata.name;
  const m = /^(-?\d+)\s*([-+*])\s*(-?\d+)$/.exec(e);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    return String(m[2] === '+' ? a + b : m[2] === '-' ? a - b : a * b);
  }
  return undefined;
}

function syntax(near: string): SqlResult {
  return { kind: 'error', code: 1064, state: '42000', message: `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${near.slice(0, 80)}' at line 1` };
}

/** Execute one statement (without its terminator) as `user` in database `db`. */
export function mysqlExec(h: ContainerHandle, user: string, db: string | undefined, sqlIn: string): SqlResult {
  const sql = sqlIn.trim().replace(/;$/, '').trim();
  const f = fs(h);
  const noDb: SqlResult = { kind: 'error', code: 1046, state: '3D000', message: 'No database selected' };
  let m: RegExpExecArray | null;
  if (/^show\s+databases$/i.test(sql)) return { kind: 'rows', columns: ['Database'], rows: databases(h).map((d) => [d]) };
  if (/^show\s+tables$/i.test(sql)) {
    if (!db) return noDb;
    const tables = (f.list(`${DATADIR}/${db}`) ?? []).filter((x) => x.endsWith('.ibd')).map((x) => x.slice(0, -4)).sort();
    return { kind: 'rows', columns: [`Tables_in_${db}`], rows: tables.map((t) => [t]) };
  }
  if ((m = /^use\s+(\S+)$/i.exec(sql))) {
    const name = unquote(m[1]);
    return databases(h).includes(name) ? { kind: 'use', db: name } : { kind: 'error', code: 1049, state: '42000', message: `Unknown database '${name}'` };
  }
  if ((m = /^create\s+(?:database|schema)\s+(if\s+not\s+exists\s+)?(\S+)$/i.exec(sql))) {
    const name = unquote(m[2]);
    if (databases(h).includes(name)) return m[1] ? { kind: 'ok', affected: 1 } : { kind: 'error', code: 1007, state: 'HY000', message: `Can't create database '${name}'; database exists` };
    f.mkdir(`${DATADIR}/${name}`, true);
    return { kind: 'ok', affected: 1 };
  }
  if ((m = /^drop\s+(?:database|schema)\s+(if\s+exists\s+)?(\S+)$/i.exec(sql))) {
    const name = unquote(m[2]);
    if (!databases(h).includes(name) || name === 'information_schema') return m[1] ? { kind: 'ok', affected: 0 } : { kind: 'error', code: 1008, state: 'HY000', message: `Can't drop database '${name}'; database doesn't exist` };
    const n = (f.list(`${DATADIR}/${name}`) ?? []).length;
    f.remove(`${DATADIR}/${name}`, true);
    return { kind: 'ok', affected: n };
  }
  if ((m = /^create\s+table\s+(if\s+not\s+exists\s+)?([^\s(]+)\s*\((.*)\)\s*[^)]*$/is.exec(sql))) {
    if (!db) return noDb;
    const name = unquote(m[2]);
    if (f.exists(tablePath(db, name))) return m[1] ? { kind: 'ok', affected: 0 } : { kind: 'error', code: 1050, state: '42S01', message: `Table '${name}' already exists` };
    const columns = splitList(m[3])
      .filter((c) => !/^(primary|unique|key|index|constraint|foreign)\b/i.test(c))
      .map((c) => {
        const [n, ...t] = c.split(/\s+/);
        return { name: unquote(n), type: (t.join(' ') || 'varchar(255)').toLowerCase() };
      });
    if (!columns.length) return syntax(')');
    f.write(tablePath(db, name), JSON.stringify({ columns, rows: [] }));
    return { kind: 'ok', affected: 0 };
  }
  if ((m = /^drop\s+table\s+(if\s+exists\s+)?(\S+)$/i.exec(sql))) {
    if (!db) return noDb;
    const name = unquote(m[2]);
    if (!f.exists(tablePath(db, name))) return m[1] ? { kind: 'ok', affected: 0 } : { kind: 'error', code: 1051, state: '42S02', message: `Unknown table '${db}.${name}'` };
    f.remove(tablePath(db, name));
    return { kind: 'ok', affected: 0 };
  }
  if ((m = /^(?:describe|desc|show\s+columns\s+from)\s+(\S+)$/i.exec(sql))) {
    if (!db) return noDb;
    const t = readTable(f, db, unquote(m[1]));
    if (!t) return { kind: 'error', code: 1146, state: '42S02', message: `Table '${db}.${unquote(m[1])}' doesn't exist` };
    return { kind: 'rows', columns: ['Field', 'Type', 'Null', 'Key', 'Default', 'Extra'], rows: t.columns.map((c) => [c.name, c.type, 'YES', '', null, '']) };
  }
  if ((m = /^insert\s+into\s+([^\s(]+)\s*(?:\(([^)]*)\))?\s*values\s*(.+)$/is.exec(sql))) {
    if (!db) return noDb;
    const name = unquote(m[1]);
    const t = readTable(f, db, name);
    if (!t) return { kind: 'error', code: 1146, state: '42S02', message: `Table '${db}.${name}' doesn't exist` };
    const cols = m[2] ? splitList(m[2]).map(unquote) : t.columns.map((c) => c.name);
    const tuples = splitList(m[3]).map((x) => x.trim().replace(/^\(|\)$/g, ''));
    let n = 0;
    for (const tup of tuples) {
      const vals = splitList(tup).map((v) => literal(v, h, db, user));
      if (vals.length !== cols.length) return { kind: 'error', code: 1136, state: '21S01', message: `Column count doesn't match value count at row ${n + 1}` };
      if (t.rows.length >= MAX_ROWS) return { kind: 'error', code: 1114, state: 'HY000', message: `The table '${name}' is full` };
      t.rows.push(t.columns.map((c) => {
        const i = cols.indexOf(c.name);
        return i >= 0 ? (vals[i] ?? null) : null;
      }));
      n++;
    }
    f.write(tablePath(db, name), JSON.stringify(t));
    return { kind: 'ok', affected: n, info: n > 1 ? `Records: ${n}  Duplicates: 0  Warnings: 0` : undefined };
  }
  if ((m = /^select\s+(.+?)\s+from\s+(\S+)$/is.exec(sql))) {
    const what = m[1].trim();
    const ref = unquote(m[2]);
    const [tdb, tname] = ref.includes('.') ? ref.split('.') : [db, ref];
    if (!tdb) return noDb;
    const t = readTable(f, tdb, tname);
    if (!t) return { kind: 'error', code: 1146, state: '42S02', message: `Table '${tdb}.${tname}' doesn't exist` };
    if (/^count\(\*\)$/i.test(what)) return { kind: 'rows', columns: [what], rows: [[String(t.rows.length)]] };
    const cols = what === '*' ? t.columns.map((c) => c.name) : splitList(what).map(unquote);
    const idx = cols.map((c) => t.columns.findIndex((x) => x.name === c));
    const bad = cols.find((_c, i) => idx[i] < 0);
    if (bad) return { kind: 'error', code: 1054, state: '42S22', message: `Unknown column '${bad}' in 'field list'` };
    return { kind: 'rows', columns: cols, rows: t.rows.map((r) => idx.map((i) => r[i])) };
  }
  if ((m = /^select\s+(.+)$/is.exec(sql))) {
    const exprs = splitList(m[1]);
    const vals = exprs.map((e) => literal(e, h, db, user));
    const bad = exprs.find((_e, i) => vals[i] === undefined);
    if (bad) return { kind: 'error', code: 1054, state: '42S22', message: `Unknown column '${bad}' in 'field list'` };
    return { kind: 'rows', columns: exprs.map((e) => unquote(e)), rows: [vals as (string | null)[]] };
  }
  return syntax(sql.split(/\s+/).slice(1).join(' ') || sql);
}
