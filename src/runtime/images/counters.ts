// Two counter apps for the lesson "state in a pod vs state in a Service" (kubesim's own images,
// used by the examples in manifests/):
//
// | image                    | port | behaviour                                                                 |
// |--------------------------|------|---------------------------------------------------------------------------|
// | kubesim/counter          | 8080 | GET / increments a count kept in the pod's memory and answers             |
// | (kubesim/counter-memory) |      | `count: N (pod <hostname>)`: behind a round-robin Service every pod keeps |
// |                          |      | its own count, so successive calls go 1, 1, 1, 2, 2, 2 … — the bug        |
// | kubesim/counter-redis    | 8080 | the same, but INCRs the key `count` in the redis Service REDIS_HOST        |
// |                          |      | (default `redis`) port REDIS_PORT (6379): 1, 2, 3 … whichever pod answers |
// Both reset on /reset; `kill 1` (a restart) loses the in-memory count but not the redis one.
import type { ContainerHandle, HttpRequest, HttpResponse, ImageBehaviour } from '../types.js';
import { env, hostname, memory, pathOf, reply } from './common.js';

function counterMemory(req: HttpRequest, c: ContainerHandle): HttpResponse {
  const mem = memory(c) as { count?: number };
  if (pathOf(req) === '/reset') {
    mem.count = 0;
    return reply(200, `count reset (pod ${hostname(c)})\n`);
  }
  if (pathOf(req) !== '/') return reply(404, 'not found\n');
  mem.count = (mem.count ?? 0) + 1;
  return reply(200, `count: ${mem.count} (pod ${hostname(c)})\n`);
}

async function counterRedis(req: HttpRequest, c: ContainerHandle): Promise<HttpResponse> {
  const { redisCall } = await import('../../network/redis.js');
  const e = env(c);
  const host = e.REDIS_HOST ?? 'redis';
  const port = Number(e.REDIS_PORT ?? '6379') || 6379;
  const from = { pod: c.pod, ip: c.pod.status?.podIP ?? '127.0.0.1' };
  const path = pathOf(req);
  if (path !== '/' && path !== '/reset') return reply(404, 'not found\n');
  const r = redisCall(c.cluster, from, host, port, path === '/reset' ? ['SET', 'count', '0'] : ['INCR', 'count']);
  if (!r.ok) return reply(500, `error: cannot reach redis at ${host}:${port} (${r.error}: ${r.detail}) (pod ${hostname(c)})\n`);
  if (r.reply.t === 'error') return reply(500, `error: ${r.reply.v} (pod ${hostname(c)})\n`);
  if (path === '/reset') return reply(200, `count reset (pod ${hostname(c)})\n`);
  return reply(200, `count: ${r.reply.v} (pod ${hostname(c)})\n`);
}

const app = { shell: 'busybox' as const, os: 'alpine' as const, tools: ['curl'], listens: [{ port: 8080, kind: 'http' as const }], entrypoint: ['/counter'], server: ['/counter'] };

export const COUNTER_IMAGES: ImageBehaviour[] = [
  { ...app, match: ['kubesim/counter', 'kubesim/counter-memory'], description: 'Counter that keeps its count in the pod\'s memory: "count: N (pod <hostname>)"; per pod, lost on restart.', http: counterMemory, startupLog: ['counter listening on :8080 (count kept in memory)'] },
  { ...app, match: ['kubesim/counter-redis'], description: 'Counter that INCRs the key "count" in the redis Service REDIS_HOST (default redis):6379: one count for all pods.', http: counterRedis, env: { REDIS_HOST: 'redis', REDIS_PORT: '6379' }, startupLog: ['counter listening on :8080 (count kept in redis at $REDIS_HOST)'] },
];
