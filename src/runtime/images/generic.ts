// The behaviour of an image no row of the table knows (documented in README "Simulated images"):
// it is taken to be a server that runs forever, listening on the containerPorts the pod declares
// and answering every HTTP request with the pod name, the port and the path, e.g.
//   `Hello from web-7c5ddbdf54-2xkqn (kubesim's generic image "my-app:1.0.0"): port 8080, path /api`
// With no declared port nothing listens (connections are refused). Its shell is busybox (Alpine).
import type { ImageBehaviour } from '../types.js';
import { hostname, reply } from './common.js';

export function genericImage(repo: string): ImageBehaviour {
  return {
    match: [repo],
    description: `unknown image (generic behaviour): listens on the declared containerPorts and answers HTTP with its pod name, port and path`,
    shell: 'busybox',
    os: 'alpine',
    listens: [{ port: 'containerPorts', kind: 'http' }],
    http: (req, c, port) => reply(200, `Hello from ${hostname(c)} (kubesim's generic image "${c.container.image}"): port ${port}, path ${req.path}\n`),
    generic: true,
  } as ImageBehaviour;
}
