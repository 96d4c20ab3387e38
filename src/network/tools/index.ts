// The network tools, by command name; the in-container shell merges this table into its own.
// Each one resolves names with the pod's resolv.conf, connects through kube-proxy, and prints what
// the real tool prints for the image's flavour (busybox, bind/dnsutils, iputils, curl 7/8).
import type { Tool } from '../../runtime/types.js';
import { curl } from './curl.js';
import { wget } from './wget.js';
import { ping } from './ping.js';
import { nslookup } from './nslookup.js';
import { dig } from './dig.js';
import { host } from './host.js';
import { getent } from './getent.js';
import { nc } from './nc.js';
import { mysql } from './mysql.js';
import { redisCli } from './redis-cli.js';

export const networkTools: Record<string, Tool> = {
  curl,
  wget,
  ping,
  nslookup,
  dig,
  host,
  getent,
  nc,
  netcat: nc,
  mysql,
  mariadb: mysql,
  'redis-cli': redisCli,
};
