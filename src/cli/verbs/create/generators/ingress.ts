// `kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]] [--class]
// [--default-backend=service:port] [--annotation=k=v]` (kubectl/pkg/cmd/create/create_ingress.go).
// A path ending in `*` is pathType Prefix (the `*` dropped), otherwise Exact.
import type { KObject } from '../../../../api/types.js';
import { CliError } from '../../../../util/errors.js';
import { goMapFrom } from '../print.js';
import { typedMeta, typedObject } from '../typed.js';

export interface IngressInput {
  name: string;
  namespace?: string;
  rules: string[];
  class?: string;
  defaultBackend?: string;
  annotations: string[];
}

// Go's \w is ASCII [0-9A-Za-z_].
const RULE = /^[\w*\-.]*\/[^,=\n]*=[\w-]+:[\w-]+(,tls=?[\w-]*)?$/;

export function validateIngress(input: IngressInput): void {
  if (!input.defaultBackend && !input.rules.length) {
    throw new CliError(
      'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
    );
  }
  for (const rule of input.rules) {
    if (!RULE.test(rule)) throw new CliError(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  }
  for (const a of input.annotations) {
    if (!a.includes('=')) throw new CliError(`annotation ${a} is invalid and should be in format key=[value]`);
  }
  if (input.defaultBackend && input.defaultBackend.split(':').length !== 2) {
    throw new CliError('default-backend should be in format servicename:serviceport');
  }
}

/** intstr.Parse: a number (strconv.Atoi) or a name. */
function backend(service: string): Record<string, unknown> {
  const [name, port] = service.split(':');
  const isNum = /^[+-]?[0-9]+$/.test(port) && Math.abs(Number(port)) < 2 ** 63;
  return { service: { name, port: isNum ? { number: Number(port) } : { name: port } } };
}

function httpPath(pathsvc: string): Record<string, unknown> {
  const [p, svc] = pathsvc.split('=');
  let path = '/' + p;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(svc) };
}

function tlsRules(rules: string[]): Record<string, unknown>[] {
  const seen = new Set<string>();
  const out: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0];
    const eq = parts[1].split('=');
    const secret = eq.length > 1 ? eq[1] : '';
    if (seen.has(host)) continue;
    const idx = out.findIndex((t) => (t.secretName ?? '') === secret);
    seen.add(host);
    if (idx > -1) {
      (out[idx].hosts ??= []).push(host);
      continue;
    }
    const tls: { hosts?: string[]; secretName?: string } = {};
    if (host) tls.hosts = [host];
    if (secret) tls.secretName = secret;
    if (tls.secretName || tls.hosts) out.push(tls);
  }
  return out;
}

function ingressRules(rules: string[]): Record<string, unknown>[] {
  const out: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  for (const rule of rules) {
    const withoutTls = rule.split(',')[0];
    const slash = withoutTls.indexOf('/');
    const host = withoutTls.slice(0, slash);
    const path = httpPath(withoutTls.slice(slash + 1));
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) {
      existing.http.paths.push(path);
      continue;
    }
    out.push(host ? { host, http: { paths: [path] } } : { http: { paths: [path] } });
  }
  return out;
}

export function generateIngress(input: IngressInput): KObject {
  const annotations = goMapFrom(
    input.annotations.map((a) => {
      const i = a.indexOf('=');
      return [a.slice(0, i), a.slice(i + 1)] as [string, string];
    }),
  );
  const spec: Record<string, unknown> = {};
  if (input.class) spec.ingressClassName = input.class;
  if (input.defaultBackend) spec.defaultBackend = backend(input.defaultBackend);
  const tls = tlsRules(input.rules);
  if (tls.length) spec.tls = tls;
  const rules = ingressRules(input.rules);
  if (rules.length) spec.rules = rules;
  return typedObject('Ingress', 'networking.k8s.io/v1', typedMeta({ name: input.name, namespace: input.namespace, annotations }), {
    spec,
    status: { loadBalancer: {} },
  });
}
