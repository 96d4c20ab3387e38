// redis-cli: `redis-cli -h redis [-p 6379] CMD ARGS…` or interactive (`redis:6379> `), printing
// replies as redis-cli does on a terminal (`"v"`, `(integer) 1`, `(nil)`, `(error) …`) and raw
// when output is not a terminal (or --raw).
import type { ToolContext } from '../../runtime/types.js';
import { redisCall, type RedisReply } from '../redis.js';
import { args, fromOf, libc, strerror } from './common.js';

function human(r: RedisReply, indent = ''): string {
  switch (r.t) {
    case 'status':
      return r.v;
    case 'error':
      return `(error) ${r.v}`;
    case 'int':
      return `(integer) ${r.v}`;
    case 'bulk':
      return r.v === null ? '(nil)' : JSON.stringify(r.v);
    case 'array':
      if (!r.v.length) return '(empty array)';
      return r.v.map((x, i) => `${i ? indent : ''}${i + 1}) ${human(x, `${indent}   `)}`).join('\n');
  }
}

function raw(r: RedisReply): string {
  switch (r.t) {
    case 'status':
    case 'error':
      return r.v;
    case 'int':
      return String(r.v);
    case 'bulk':
      return r.v ?? '';
    case 'array':
      return r.v.map(raw).join('\n');
  }
}

/** Split an interactive line into words (double/single quotes group). */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]));
  return out;
}

export async function redisCli(ctx: ToolContext): Promise<number> {
  const argv = args(ctx);
  let host = '127.0.0.1';
  let port = 6379;
  let forceRaw = false;
  let noRaw = false;
  const cmd: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (cmd.length) cmd.push(a);
    else if (a === '-h') host = argv[++i] ?? host;
    else if (a === '-p') port = Number(argv[++i] ?? port);
    else if (a === '-a' || a === '-n' || a === '--user' || a === '--pass') i++;
    else if (a === '--raw') forceRaw = true;
    else if (a === '--no-raw') noRaw = true;
    else if (a === '--no-auth-warning') continue;
    else if (a === '-v' || a === '--version') {
      ctx.stdout('redis-cli 7.4.1\n');
      return 0;
    } else cmd.push(a);
  }
  const cluster = ctx.self.cluster;
  const from = fromOf(ctx);
  const useRaw = (forceRaw || !ctx.tty) && !noRaw;
  const run = (c: string[]): { ok: true; reply: RedisReply } | { ok: false; text: string } => {
    const res = redisCall(cluster, from, host, port, c, (l) => ctx.trace(l));
    if (!res.ok) {
      const why =
        res.error === 'resolve' ? (libc(ctx) === 'musl' ? 'Name does not resolve' : 'Name or service not known')
          : res.error === 'protocol' ? 'Connection reset by peer'
            : strerror(res.error === 'refused' ? 'refused' : res.error === 'timeout' ? 'timeout' : 'unreachable', libc(ctx));
      if (res.error === 'timeout') ctx.sleep(131_000);
      return { ok: false, text: `Could not connect to Redis at ${host}:${port}: ${why}` };
    }
    return { ok: true, reply: res.reply };
  };
  if (cmd.length) {
    const r = run(cmd);
    if (!r.ok) {
      ctx.stderr(`${r.text}\n`);
      return 1;
    }
    ctx.stdout(`${useRaw ? raw(r.reply) : human(r.reply)}\n`);
    return 0;
  }
  // Interactive: a prompt per line (lines come from the terminal, or stdin).
  const lines = ctx.stdin.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const probe = run(['PING']);
  let prompt = probe.ok ? `${host}:${port}> ` : 'not connected> ';
  if (!probe.ok) ctx.stderr(`${probe.text}\n`);
  const interactive = !!ctx.readLine || !!ctx.tty;
  for (;;) {
    let line: string | undefined;
    if (ctx.readLine) line = await ctx.readLine(prompt);
    else {
      if (ctx.tty) ctx.stdout(prompt);
      line = lines.shift();
    }
    if (line === undefined) return 0;
    const w = words(line);
    if (!w.length) continue;
    if (/^(quit|exit)$/i.test(w[0])) return 0;
    const r = run(w);
    if (r.ok) {
      prompt = `${host}:${port}> `;
      ctx.stdout(`${interactive && !forceRaw ? human(r.reply) : raw(r.reply)}\n`);
    } else {
      prompt = 'not connected> ';
      ctx.stdout(`${r.text}\n`);
    }
  }
}
