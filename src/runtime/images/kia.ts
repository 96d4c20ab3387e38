// Kubernetes in Action (1st ed.) images, as IMAGES.md describes them:
//
// | image                      | port | behaviour                                                                  |
// |----------------------------|------|----------------------------------------------------------------------------|
// | luksa/kubia (:latest)      | 8080 | any request → 200 `You've hit <hostname>\n`; logs `Received request from   |
// |                            |      | ::ffff:<client ip>`; no /var/ready in the image; node as PID 1 ignores TERM |
// | luksa/kubia-unhealthy      | 8080 | requests 1–5 → 200; from the 6th → 500 `I'm not well. Please restart me!`   |
// | luksa/kubia:v1, v2, v4     | 8080 | `This is vN running in pod <hostname>\n`                                   |
// | luksa/kubia:v3             | 8080 | as v1 for 4 requests, then 500 `Some internal error has occurred! …`       |
// | luksa/kubia-pet            | 8080 | POST stores the body in /var/data/kubia.txt; GET shows it                  |
// | luksa/batch-job            | —    | prints `<date> Batch job starting`, sleeps 120 s, `<date> Finished succesfully`, exits 0 |
// | luksa/ssd-monitor          | —    | prints `SSD OK` every 5 s                                                  |
// | tutum/dnsutils             | —    | Ubuntu 14.04 with bind's nslookup, dig, host                              |
// The kubia images are node:7 (Debian jessie): bash, curl, wget, inetutils ping.
import type { ContainerHandle, HttpRequest, HttpResponse, ImageBehaviour } from '../types.js';
import { containerFs } from '../container.js';
import { hostname, memory, reply } from './common.js';

const node7 = {
  shell: 'bash-debian' as const,
  os: 'debian' as const,
  tools: ['curl', 'wget', 'ping', 'getent'],
  toolVersions: { curl: '7.38.0', libc: 'glibc' as const, ping: 'inetutils' as const },
  env: { NPM_CONFIG_LOGLEVEL: 'info', NODE_VERSION: '7.10.1', YARN_VERSION: '0.24.4' },
  pid1IgnoresTerm: true,
  entrypoint: ['node', 'app.js'],
  server: ['node'],
  listens: [{ port: 8080, kind: 'http' as const }],
  startupLog: ['Kubia server starting...'],
  accessLog: (req: HttpRequest) => `Received request from ${req.sourceIP.includes(':') ? req.sourceIP : `::ffff:${req.sourceIP}`}`,
};

function count(c: ContainerHandle): number {
  const mem = memory(c) as { requests?: number };
  mem.requests = (mem.requests ?? 0) + 1;
  return mem.requests;
}

function kubiaPet(req: HttpRequest, c: ContainerHandle): HttpResponse {
  const fs = containerFs(c);
  const file = '/var/data/kubia.txt';
  if (req.method === 'POST') {
    try {
      if (!fs.isDir('/var/data')) fs.mkdir('/var/data', true);
      fs.write(file, req.body);
    } catch {
      return reply(500, 'Could not store data\n');
    }
    return reply(200, `Data stored on pod ${hostname(c)}\n`);
  }
  const data = fs.read(file);
  return reply(200, `You've hit ${hostname(c)}\nData stored on this pod: ${data ?? 'No data posted yet'}\n`);
}

const versioned = (v: string): ImageBehaviour => ({
  ...node7,
  match: [`luksa/kubia:${v}`],
  description: `kubia ${v}: 200 "This is ${v} running in pod <hostname>" on 8080.`,
  http: (_req, c) => reply(200, `This is ${v} running in pod ${hostname(c)}\n`),
});

export const KIA_IMAGES: ImageBehaviour[] = [
  versioned('v1'),
  versioned('v2'),
  versioned('v4'),
  {
    ...node7,
    match: ['luksa/kubia:v3'],
    description: 'kubia v3: like v1 for the first 4 requests, then 500 "Some internal error has occurred! This is pod <hostname>".',
    http: (_req, c) => (count(c) <= 4 ? reply(200, `This is v3 running in pod ${hostname(c)}\n`) : reply(500, `Some internal error has occurred! This is pod ${hostname(c)}\n`)),
  },
  {
    ...node7,
    match: ['luksa/kubia-unhealthy'],
    description: 'kubia that fails: requests 1-5 get 200, from the 6th on 500 "I\'m not well. Please restart me!" (liveness probes count as requests).',
    http: (_req, c) => (count(c) <= 5 ? reply(200, `You've hit ${hostname(c)}\n`) : reply(500, "I'm not well. Please restart me!")),
  },
  {
    ...node7,
    match: ['luksa/kubia-pet'],
    description: 'kubia-pet (StatefulSet chapter): POST stores the body in /var/data/kubia.txt; GET shows the host and the stored data.',
    http: kubiaPet,
  },
  {
    ...node7,
    match: ['luksa/kubia'],
    description: 'kubia: node.js on 8080; every request gets 200 "You\'ve hit <hostname>"; logs "Received request from ::ffff:<ip>". Nothing on 8443. No /var/ready in the image.',
    http: (_req, c) => reply(200, `You've hit ${hostname(c)}\n`),
  },
  {
    match: ['luksa/batch-job'],
    description: 'busybox batch job: prints "<date> Batch job starting", sleeps 120 s, prints "<date> Finished succesfully" and exits 0.',
    shell: 'busybox',
    os: 'busybox',
    listens: [],
    cmd: ['/bin/sh', '-c', 'echo "$(date) Batch job starting"; sleep 120; echo "$(date) Finished succesfully"; exit 0'],
  },
  {
    match: ['luksa/ssd-monitor'],
    description: 'busybox daemon: prints "SSD OK" every 5 seconds, forever.',
    shell: 'busybox',
    os: 'busybox',
    listens: [],
    cmd: ['/bin/sh', '-c', 'while true; do echo "SSD OK"; sleep 5; done'],
  },
  {
    match: ['luksa/fortune'],
    description: 'fortune writer (busybox): writes a fortune to /var/htdocs/index.html every 10 s.',
    shell: 'busybox',
    os: 'busybox',
    listens: [],
    cmd: ['/bin/sh', '-c', 'mkdir -p /var/htdocs; while true; do echo "$(date) Writing fortune to /var/htdocs/index.html"; echo "A journey of a thousand miles begins with a single step." > /var/htdocs/index.html; sleep 10; done'],
  },
  {
    match: ['tutum/dnsutils'],
    description: "Ubuntu 14.04 with dnsutils (bind's nslookup, dig, host). Default command bash exits at once: run it with `--command -- sleep infinity`.",
    shell: 'bash-debian',
    os: 'ubuntu',
    tools: ['nslookup', 'dig', 'host', 'getent', 'ping'],
    toolVersions: { libc: 'glibc', ping: 'iputils' },
    listens: [],
    cmd: ['/bin/bash'],
  },
];
