// Kubernetes in Action (2nd ed.) chapter 11/12 images, as IMAGES.md describes them:
//
// | image                                | port      | behaviour                                                       |
// |--------------------------------------|-----------|-----------------------------------------------------------------|
// | luksa/kiada:0.5 (and other kiada)    | 8080      | `/` (curl) = `/text`: fetches QUOTE_URL and QUIZ_URL/questions/random |
// |                                      |           | from inside the pod, prints the demo text page; /healthz/ready; /html; |
// |                                      |           | /proxy/quote, /proxy/quiz/…; /dummy/…; else 404 `<path> not found`      |
// | luksa/quote-writer:0.1               | —         | writes a quote to /var/local/output/quote every 60 s (INTERVAL)  |
// | luksa/quiz-api:0.1                   | 8080      | `/` → `This is the quiz service running in pod <hostname>`;      |
// |                                      |           | /healthz/ready (200 when mongo in the pod listens), /questions/…   |
// | luksa/quiz-initdb-script-installer   | —         | init container: copies the quiz database script                  |
// | luksa/static-http-server:0.1         | 8080      | --listen-address, --response-code, --response-text flags         |
// | envoyproxy/envoy                     | 8443, 9901| TLS on 8443 → 127.0.0.1:8080 in the pod; admin /ready → LIVE      |
// The quote pods' nginx (nginx:alpine) and busybox init container are the base images.
import type { ContainerHandle, HttpRequest, HttpResponse, ImageBehaviour } from '../types.js';
import { containerFs } from '../container.js';
import { env, hostname, json, memory, pathOf, podListensOn, podLocalRequest, reply } from './common.js';

const QUOTES = [
  'Premature optimization is the root of all evil.',
  'Simplicity is prerequisite for reliability.',
  'Programs must be written for people to read, and only incidentally for machines to execute.',
  'Any fool can write code that a computer can understand. Good programmers write code that humans can understand.',
  'The best way to predict the future is to invent it.',
  'Weeks of coding can save you hours of planning.',
  'There are only two hard things in Computer Science: cache invalidation and naming things.',
  'It works on my machine.',
];

interface Question {
  id: number;
  text: string;
  correctAnswerIndex: number;
  answers: string[];
}

const QUESTIONS: Question[] = [
  { id: 1, text: 'Which Kubernetes object gives a set of pods one stable IP address?', correctAnswerIndex: 2, answers: ['Deployment', 'Ingress', 'Service', 'Endpoints'] },
  { id: 2, text: 'What does a pod get in /etc/resolv.conf by default?', correctAnswerIndex: 0, answers: ['The cluster DNS server and search domains', 'The node IP', 'Nothing', 'The API server address'] },
  { id: 3, text: 'Which probe takes a pod out of a Service when it fails?', correctAnswerIndex: 1, answers: ['livenessProbe', 'readinessProbe', 'startupProbe', 'None of them'] },
  { id: 4, text: 'What does kube-proxy program in iptables mode?', correctAnswerIndex: 3, answers: ['DNS records', 'Routes between nodes', 'Pod IP addresses', 'DNAT rules from Service IPs to pod IPs'] },
];

function questionById(id: string): Question | undefined {
  return QUESTIONS.find((q) => String(q.id) === id);
}

const NOT_FOUND = (path: string) => reply(404, `${path} not found\n`);

async function fetchFrom(c: ContainerHandle, url: string, req?: { method: string; body: string; headers?: Record<string, string> }): Promise<{ ok: true; body: string; status: number } | { ok: false; error: string }> {
  const { httpRequest } = await import('../../network/connect.js');
  const r = await httpRequest(c.cluster, { pod: c.pod, ip: c.pod.status?.podIP ?? '127.0.0.1' }, url, { method: req?.method ?? 'GET', body: req?.body, headers: req?.headers, timeoutMs: 5000 });
  if (!r.ok) {
    const host = (() => {
      try {
        return new URL(url).host;
      } catch {
        return url;
      }
    })();
    if (r.error === 'resolve') return { ok: false, error: `getaddrinfo ENOTFOUND ${host.replace(/:\d+$/, '')}` };
    if (r.error === 'refused') return { ok: false, error: `connect ECONNREFUSED ${r.remoteIP ?? host}` };
    if (r.error === 'timeout') return { ok: false, error: `connect ETIMEDOUT ${r.remoteIP ?? host}` };
    return { ok: false, error: r.detail ?? r.error };
  }
  return { ok: true, body: r.response.body, status: r.response.status };
}

async function kiadaText(req: HttpRequest, c: ContainerHandle): Promise<HttpResponse> {
  const e = env(c);
  const mem = memory(c) as { requests?: number };
  mem.requests = (mem.requests ?? 0) + 1;
  const quoteUrl = e.QUOTE_URL;
  const quizUrl = e.QUIZ_URL;
  let tip: string;
  if (!quoteUrl) tip = 'ERROR: QUOTE_URL is not set';
  else {
    const r = await fetchFrom(c, quoteUrl);
    tip = r.ok ? (r.status === 200 ? r.body.trim() : `ERROR: Received response with status code ${r.status}`) : `ERROR: ${r.error}`;
  }
  let quiz: string;
  if (!quizUrl) quiz = 'ERROR: QUIZ_URL is not set';
  else {
    const r = await fetchFrom(c, `${quizUrl.replace(/\/+$/, '')}/questions/random`);
    if (!r.ok) quiz = `ERROR: ${r.error}`;
    else if (r.status !== 200) quiz = `ERROR: Received response with status code ${r.status}`;
    else {
      try {
        const q = JSON.parse(r.body) as Question;
        quiz = `${q.text}\n${q.answers.map((a, i) => `${i}) ${a}`).join('\n')}\n\nSubmit your answer to /question/${q.id}/answers/<index of answer> using the POST method.`;
      } catch {
        quiz = 'ERROR: the quiz service returned something that is not a question';
      }
    }
  }
  const status = e.INITIAL_STATUS_MESSAGE ? `\n\n==== STATUS MESSAGE\n${e.INITIAL_STATUS_MESSAGE}` : '';
  const text = `KUBERNETES IN ACTION DEMO APPLICATION v0.5${status}

==== TIP OF THE MINUTE
${tip}

==== POP QUIZ
${quiz}

==== Links related to this book
- Kubernetes in Action, 2nd edition: https://www.manning.com/books/kubernetes-in-action-second-edition
- The book's code: https://github.com/luksa/kubernetes-in-action-2nd-edition

==== REQUEST INFO
Request processed by Kiada 0.5 running in pod "${e.POD_NAME ?? hostname(c)}" on node "${e.NODE_NAME ?? c.pod.spec?.nodeName ?? ''}".
Pod hostname: ${hostname(c)}; Pod IP: ${e.POD_IP ?? c.pod.status?.podIP ?? ''}; Node IP: ${e.NODE_IP ?? c.pod.status?.hostIP ?? ''}; Client IP: ${req.sourceIP.includes(':') ? req.sourceIP : `::ffff:${req.sourceIP}`}

HTML version of this content is available at /html
`;
  return reply(200, text);
}

/** Answers without waiting when it can (probes need /healthz/ready synchronously). */
function kiada(req: HttpRequest, c: ContainerHandle): HttpResponse | Promise<HttpResponse> {
  const path = pathOf(req);
  if (path === '/healthz/ready') return reply(200, 'Ready');
  return kiadaAsync(req, c);
}

async function kiadaAsync(req: HttpRequest, c: ContainerHandle): Promise<HttpResponse> {
  const path = pathOf(req);
  const e = env(c);
  if (path === '/') {
    if ((req.headers.accept ?? '').startsWith('text/html')) return { status: 302, headers: { location: 'html' }, body: '' };
    return kiadaText(req, c);
  }
  if (path === '/text') return kiadaText(req, c);
  if (path === '/healthz/ready') return reply(200, 'Ready');
  if (path === '/html') return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<html><head><title>Kiada</title><link rel="stylesheet" href="stylesheet.css"></head><body><h1>KUBERNETES IN ACTION DEMO APPLICATION v0.5</h1><div id="quote"></div><div id="quiz"></div><p>Request processed by Kiada 0.5 running in pod "${e.POD_NAME ?? hostname(c)}"</p><script src="javascript.js"></script></body></html>\n` };
  if (path === '/stylesheet.css') return { status: 200, headers: { 'content-type': 'text/css' }, body: 'body { font-family: sans-serif; }\n' };
  if (path === '/javascript.js') return { status: 200, headers: { 'content-type': 'application/javascript' }, body: 'fetch("/proxy/quote").then(r => r.text()).then(t => document.getElementById("quote").innerText = t);\n' };
  if (path === '/favicon.ico' || path === '/cover.png') return { status: 200, headers: { 'content-type': 'image/png' }, body: '\u0089PNG (simulated image)' };
  if (path === '/proxy/quote' && e.QUOTE_URL) {
    const r = await fetchFrom(c, e.QUOTE_URL);
    return r.ok ? reply(r.status, r.body) : reply(500, `ERROR: ${r.error}\n`);
  }
  if (path.startsWith('/proxy/quiz/') && e.QUIZ_URL) {
    const r = await fetchFrom(c, `${e.QUIZ_URL.replace(/\/+$/, '')}/${path.slice('/proxy/quiz/'.length)}`, { method: req.method, body: req.body, headers: { 'content-type': req.headers['content-type'] ?? 'application/json' } });
    return r.ok ? json(r.status, r.body) : reply(500, `ERROR: ${r.error}\n`);
  }
  if (path === '/dummy/quote') return reply(200, 'This is a dummy quote.\n');
  if (path === '/dummy/quiz/questions/random') return json(200, QUESTIONS[0]);
  if (path === '/dummy/quiz/questions/0/answers') return json(200, { correct: true });
  return NOT_FOUND(path);
}

function quizApi(req: HttpRequest, c: ContainerHandle): HttpResponse {
  const path = pathOf(req).replace(/\/+$/, '') || '/';
  if (path === '/') return reply(200, `This is the quiz service running in pod ${hostname(c)}\n`);
  if (path === '/healthz/ready') return podListensOn(c, 27017) ? reply(200, 'Readiness check successful') : reply(500, 'Could not connect to database');
  if (!podListensOn(c, 27017)) return reply(500, 'server selection error: server selection timeout, current topology: { Type: Unknown, Servers: [{ Addr: 127.0.0.1:27017, Type: Unknown, Last error: dial tcp 127.0.0.1:27017: connect: connection refused }, ] }\n');
  if (path === '/questions/random') {
    const q = QUESTIONS[c.cluster.rand.int(QUESTIONS.length)];
    return json(200, q);
  }
  let m = /^\/questions\/([^/]+)$/.exec(path);
  if (m) {
    const q = questionById(m[1]);
    return q ? json(200, q) : reply(404, 'Question not found\n');
  }
  m = /^\/questions\/([^/]+)\/answers$/.exec(path);
  if (m && req.method === 'POST') {
    const q = questionById(m[1]);
    if (!q) return reply(404, 'Question not found\n');
    let answerIndex = -1;
    try {
      answerIndex = Number((JSON.parse(req.body) as { answerIndex?: number }).answerIndex);
    } catch {
      return reply(400, 'Invalid request body\n');
    }
    const mem = memory(c) as { answers?: number };
    mem.answers = (mem.answers ?? 0) + 1;
    return json(200, { correct: answerIndex === q.correctAnswerIndex, correctAnswerIndex: q.correctAnswerIndex });
  }
  return reply(404, '404 page not found\n');
}

/** static-http-server: its flags come from the container's args. */
function staticHttpServer(_req: HttpRequest, c: ContainerHandle): HttpResponse {
  const argv: string[] = [...(c.container.command ?? []), ...(c.container.args ?? [])];
  const flag = (name: string) => {
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i].replace(/^--?/, '--');
      if (a === `--${name}`) return argv[i + 1];
      if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
    }
    return undefined;
  };
  return reply(Number(flag('response-code') ?? '200') || 200, flag('response-text') ?? 'OK');
}

/** quote-writer: a new quote every INTERVAL seconds into /var/local/output/quote. */
function quoteWriter(c: ContainerHandle, now: number): void {
  const interval = Math.max(1, Number(env(c).INTERVAL ?? '60') || 60);
  const mem = memory(c) as { written?: number };
  const start = Date.parse((c.pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === c.container.name)?.state?.running?.startedAt ?? '') || now;
  const slot = Math.floor(Math.max(0, now - start) / 1000 / interval);
  if (mem.written === slot + 1) return;
  const fs = containerFs(c);
  try {
    if (!fs.isDir('/var/local/output')) fs.mkdir('/var/local/output', true);
    const pick = QUOTES[(slot + hostname(c).length) % QUOTES.length];
    fs.write('/var/local/output/quote', `${pick}\n`);
    mem.written = slot + 1;
  } catch {
    // read-only or full volume: nothing written (the quote endpoint stays 404)
  }
}

export const KIA2_IMAGES: ImageBehaviour[] = [
  {
    match: ['luksa/kiada'],
    description: 'Kiada 0.5 (node.js on 8080): `/` for curl is the text page built from QUOTE_URL and QUIZ_URL/questions/random (fetched from inside the pod); /healthz/ready → Ready; POD_NAME/POD_IP/NODE_NAME/NODE_IP from the downward API.',
    shell: 'busybox',
    os: 'alpine',
    toolVersions: { busybox: '1.37.0', libc: 'musl' },
    listens: [{ port: 8080, kind: 'http' }],
    http: kiada,
    startupLog: ['Kiada - Kubernetes in Action Demo Application', '---------------------------------------------', 'Kiada 0.5 starting...', 'Local hostname is {hostname}', 'Listening on port 8080'],
    accessLog: (req) => `Received request for ${req.path} from ${req.sourceIP.includes(':') ? req.sourceIP : `::ffff:${req.sourceIP}`}`,
    env: { NODE_VERSION: '22.12.0', YARN_VERSION: '1.22.22' },
    pid1IgnoresTerm: true,
    entrypoint: ['node', 'app.js'],
    cmd: ['--listen-port', '8080'],
    server: ['node'],
  },
  {
    match: ['luksa/quote-writer'],
    description: 'Writes a random book quote to /var/local/output/quote at start and every INTERVAL (60) seconds; no port.',
    shell: 'busybox',
    os: 'busybox',
    listens: [],
    background: quoteWriter,
    env: { INTERVAL: '60' },
    entrypoint: ['/quote-writer.sh'],
    server: ['/quote-writer.sh'],
  },
  {
    match: ['luksa/quiz-api'],
    description: 'Quiz API (Go) on 8080: / → "This is the quiz service running in pod <hostname>"; /healthz/ready 200 when MongoDB listens in the pod (the mongo sidecar), /questions/random, /questions/<id>, POST /questions/<id>/answers.',
    shell: 'none',
    listens: [{ port: 8080, kind: 'http' }],
    http: quizApi,
    startupLog: ['Starting quiz-api server...', 'Connecting to MongoDB at mongodb://127.0.0.1:27017', 'Listening on :8080'],
    entrypoint: ['/quiz-api'],
    server: ['/quiz-api'],
  },
  {
    match: ['luksa/quiz-initdb-script-installer'],
    description: 'Init container: copies the quiz database initialisation script into the shared volume and exits 0.',
    shell: 'busybox',
    os: 'busybox',
    listens: [],
    files: { '/initdb.d/insert-questions.js': `db.getSiblingDB("kiada").questions.insertMany(${JSON.stringify(QUESTIONS)});\n` },
    cmd: ['sh', '-c', 'for d in /docker-entrypoint-initdb.d /initdb; do [ -d "$d" ] && cp /initdb.d/insert-questions.js "$d/"; done; exit 0'],
  },
  {
    match: ['luksa/static-http-server'],
    description: 'Answers every request with --response-code (200) and --response-text (OK), on --listen-address (:8080).',
    shell: 'none',
    listens: [{ port: 8080, kind: 'http' }],
    http: staticHttpServer,
    entrypoint: ['/static-http-server'],
    server: ['/static-http-server'],
  },
  {
    match: ['envoyproxy/envoy'],
    description: 'Envoy sidecar: terminates TLS on 8443 and forwards to 127.0.0.1:8080 in the pod; admin interface on 9901 (/ready → LIVE).',
    shell: 'bash-debian',
    os: 'ubuntu',
    listens: [{ port: 8443, kind: 'http' }, { port: 9901, kind: 'http' }],
    http: async (req, c, port) => {
      if (port === 9901) {
        const path = pathOf(req);
        if (path === '/ready') return reply(200, 'LIVE\n');
        if (path === '/server_info') return json(200, { version: '1.31.5/Clean/RELEASE/BoringSSL', state: 'LIVE' });
        return { status: 404, headers: { 'content-type': 'text/html' }, body: 'invalid path. admin commands are:\n  /ready: print server state, return 200 if LIVE, otherwise return 503\n' };
      }
      const up = await podLocalRequest(c, 8080, req);
      if (!up) return { status: 503, headers: { 'content-type': 'text/plain', server: 'envoy' }, body: 'upstream connect error or disconnect/reset before headers. reset reason: remote connection failure, transport failure reason: delayed connect error: 111' };
      return { ...up, headers: { ...up.headers, server: 'envoy', 'x-envoy-upstream-service-time': '1' } };
    },
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['envoy', '-c', '/etc/envoy/envoy.yaml'],
    server: ['envoy', '/docker-entrypoint.sh'],
  },
];
