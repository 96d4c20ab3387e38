// A minimal Redis server (the app inside redis images) and a client call through the simulated
// network: the data lives in the redis container's memory (gone when it restarts, like a redis
// without persistence). Used by redis-cli and by apps that keep state in a redis Service.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import type { ContainerHandle } from '../runtime/types.js';
import { containerHandle, containerMemory } from '../runtime/container.js';
import { connect, type From } from './connect.js';
import { isIP, lookupHost, type Trace } from './dns.js';

export type RedisReply =
  | { t: 'status'; v: string }
  | { t: 'error'; v: string }
  | { t: 'int'; v: number }
  | { t: 'bulk'; v: string | null }
  | { t: 'array'; v: RedisReply[] };

const MAX_KEYS = 1000;

function store(h: ContainerHandle): Record<string, string> {
  const mem = containerMemory(h);
  if (!mem.redis) mem.redis = {};
  return mem.redis as Record<string, string>;
}

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/** Run one command against the redis in container `h`. */
export function redisServe(h: ContainerHandle, argv: string[]): RedisReply {
  const db = store(h);
  const [cmdRaw, ...a] = argv;
  const cmd = (cmdRaw ?? '').toUpperCase();
  const wrongArgs = () => ({ t: 'error' as const, v: `ERR wrong number of arguments for '${cmdRaw.toLowerCase()}' command` });
  const notInt = { t: 'error' as const, v: 'ERR value is not an integer or out of range' };
  switch (cmd) {
    case 'PING':
      return a.length ? { t: 'bulk', v: a[0] } : { t: 'status', v: 'PONG' };
    case 'ECHO':
      return a.length === 1 ? { t: 'bulk', v: a[0] } : wrongArgs();
    case 'SET':
      if (a.length < 2) return wrongArgs();
      if (!(a[0] in db) && Object.keys(db).length >= MAX_KEYS) return { t: 'error', v: 'OOM command not allowed when used memory > \'maxmemory\'.' };
      db[a[0]] = a[1];
      return { t: 'status', v: 'OK' };
    case 'GET':
      return a.length === 1 ? { t: 'bulk', v: db[a[0]] ?? null } : wrongArgs();
    case 'DEL': {
      if (!a.length) return wrongArgs();
      let n = 0;
      for (const k of a) if (k in db) (delete db[k], n++);
      return { t: 'int', v: n };
    }
    case 'EXISTS':
      return a.length ? { t: 'int', v: a.filter((k) => k in db).length } : wrongArgs();
    case 'INCR':
    case 'DECR':
    case 'INCRBY':
    case 'DECRBY': {
      const by = cmd === 'INCR' ? 1 : cmd === 'DECR' ? -1 : Number(a[1]) * (cmd === 'DECRBY' ? -1 : 1);
      if (!a.length || ((cmd === 'INCRBY' || cmd === 'DECRBY') && a.length !== 2)) return wrongArgs();
      if (!Number.isInteger(by)) return notInt;
      const cur = db[a[0]] ?? '0';
      if (!/^-?\d+$/.test(cur)) return notInt;
      const next = Number(cur) + by;
      db[a[0]] = String(next);
      return { t: 'int', v: next };
    }
    case 'KEYS': {
      if (a.length !== 1) return wrongArgs();
      const re = glob(a[0]);
      return { t: 'array', v: Object.keys(db).filter((k) => re.test(k)).map((k) => ({ t: 'bulk' as const, v: k })) };
    }
    case 'DBSIZE':
      return { t: 'int', v: Object.keys(db).length };
    case 'FLUSHALL':
    case 'FLUSHDB':
      for (const k of Object.keys(db)) delete db[k];
      return { t: 'status', v: 'OK' };
    case 'EXPIRE':
      return { t: 'int', v: a[0] in db ? 1 : 0 };
    case 'TTL':
      return { t: 'int', v: a[0] in db ? -1 : -2 };
    case 'INFO':
      return { t: 'bulk', v: `# Server\r\nredis_version:7.4.1\r\nredis_mode:standalone\r\nos:Linux\r\ntcp_port:6379\r\n\r\n# Keyspace\r\n${Object.keys(db).length ? `db0:keys=${Object.keys(db).length},expires=0,avg_ttl=0\r\n` : ''}` };
    case 'QUIT':
      return { t: 'status', v: 'OK' };
    default:
      return { t: 'error', v: `ERR unknown command '${cmdRaw}', with args beginning with: ${a.map((x) => `'${x}' `).join('')}` };
  }
}

export type RedisCallResult =
  | { ok: true; reply: RedisReply; ip: string; pod: KObject }
  | { ok: false; error: 'resolve' | 'refused' | 'timeout' | 'unreachable' | 'protocol'; ip?: string; detail: string };

/** Connect from `from` to host:port and run one command (what a redis client library does). */
export function redisCall(cluster: Cluster, from: From, host: string, port: number, argv: string[], trace?: Trace): RedisCallResult {
  let ip = host;
  if (!isIP(host)) {
    const r = lookupHost(cluster, from.pod, host, { trace, srcIP: from.ip });
    if (!r.addresses.length) return { ok: false, error: 'resolve', detail: r.error ?? 'NXDOMAIN' };
    ip = r.addresses[0];
  }
  const c = connect(cluster, from, ip, port, 'TCP', trace);
  if (!c.ok) return { ok: false, error: c.error === 'no-route' ? 'unreachable' : c.error, ip, detail: c.reason };
  if (c.kind !== 'pod' || c.listener.kind !== 'redis') return { ok: false, error: 'protocol', ip, detail: 'not a redis server' };
  const h = containerHandle(cluster, c.pod, c.container);
  const reply = redisServe(h, argv);
  trace?.(`redis: ${argv.join(' ')} → pod ${c.pod.metadata.namespace}/${c.pod.metadata.name}: ${reply.t === 'error' ? `(error) ${reply.v}` : JSON.stringify(reply.v)}`);
  return { ok: true, reply, ip, pod: c.pod };
}

/** RESP encoding (what `nc redis 6379` shows). */
export function resp(r: RedisReply): string {
  switch (r.t) {
    case 'status':
      return `+${r.v}\r\n`;
    case 'error':
      return `-${r.v}\r\n`;
    case 'int':
      return `:${r.v}\r\n`;
    case 'bulk':
      return r.v === null ? '$-1\r\n' : `$${Buffer.byteLength(r.v)}\r\n${r.v}\r\n`;
    case 'array':
      return `*${r.v.length}\r\n${r.v.map(resp).join('')}`;
  }
}
