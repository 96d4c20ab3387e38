// The one resource builder every verb uses (like cli-runtime's resource.Builder): it turns
// `TYPE`, `TYPE NAME…`, `TYPE/NAME…`, `TYPE1,TYPE2 NAME`, `all`, `-l`, `--field-selector`, `-A`
// and `--all` into the objects to act on, with kubectl's errors for what does not resolve.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import { ALL_CATEGORY, byPluralName, mustPlural, qualifiedPlural, resolveTypeArg, type ResourceType } from '../api/registry.js';
import { matches, parseSelector, SelectorParseError, type Selector } from '../api/labels.js';
import { CliError, NotFoundError, StatusError } from '../util/errors.js';

export interface ResourceRequest {
  type: ResourceType;
  /** Names asked for; empty means "list". */
  names: string[];
}

export function unknownType(arg: string): CliError {
  return new CliError(`the server doesn't have a resource type "${arg}"`);
}

function resolveType(arg: string): ResourceType[] {
  if (arg.toLowerCase() === 'all') return ALL_CATEGORY.map(mustPlural);
  const t = resolveTypeArg(arg);
  if (!t) throw unknownType(arg);
  return [t];
}

/** Parse the positional arguments of get/describe/delete/label/…; `args` must not be empty. */
export function parseResourceArgs(args: string[]): { requests: ResourceRequest[]; multipleTypes: boolean; namedForm: boolean } {
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length) {
    if (slashed.length !== args.length) {
      throw new CliError(
        `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubesim get resource/<resource_name>' instead of 'kubesim get resource resource/<resource_name>'`,
      );
    }
    const requests: ResourceRequest[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const typeArg = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!name) throw new CliError(`arguments in resource/name form must have a single resource and name`);
      const t = resolveTypeArg(typeArg);
      if (!t) throw unknownType(typeArg);
      const existing = requests.find((r) => r.type === t);
      if (existing) existing.names.push(name);
      else requests.push({ type: t, names: [name] });
    }
    return { requests, multipleTypes: requests.length > 1, namedForm: true };
  }
  const typeArgs = args[0].split(',').filter(Boolean);
  const names = args.slice(1);
  const types: ResourceType[] = [];
  for (const ta of typeArgs) for (const t of resolveType(ta)) if (!types.includes(t)) types.push(t);
  const multi = typeArgs.length > 1 || typeArgs.some((t) => t.toLowerCase() === 'all');
  return { requests: types.map((type) => ({ type, names: [...names] })), multipleTypes: multi, namedForm: false };
}

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export function parseFieldSelector(text: string | undefined): FieldRequirement[] {
  if (!text) return [];
  return text
    .split(',')
    .filter(Boolean)
    .map((part) => {
      const m = /^([^!=]+)(==|=|!=)(.*)$/.exec(part.trim());
      if (!m) throw new CliError(`invalid selector: '${text}'; can't understand '${part}'`);
      return { field: m[1].trim(), op: m[2] === '!=' ? '!=' : '=', value: m[3].trim() };
    });
}

const FIELDS: Record<string, (o: KObject) => string | undefined> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
  'status.phase': (o) => o.status?.phase ?? '',
  'spec.nodeName': (o) => o.spec?.nodeName ?? '',
  'spec.restartPolicy': (o) => o.spec?.restartPolicy ?? '',
  'spec.schedulerName': (o) => o.spec?.schedulerName ?? '',
  'spec.serviceAccountName': (o) => o.spec?.serviceAccountName ?? '',
  'status.podIP': (o) => o.status?.podIP ?? '',
  'status.nominatedNodeName': (o) => o.status?.nominatedNodeName ?? '',
  'spec.type': (o) => o.spec?.type ?? '',
  'spec.clusterIP': (o) => o.spec?.clusterIP ?? '',
  'spec.unschedulable': (o) => String(!!o.spec?.unschedulable),
  'status.successful': (o) => String(o.status?.succeeded ?? 0),
  type: (o) => o.type ?? '',
};

const FIELDS_BY_PLURAL: Record<string, string[]> = {
  pods: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  services: ['spec.type', 'spec.clusterIP'],
  nodes: ['spec.unschedulable'],
  secrets: ['type'],
  jobs: ['status.successful'],
  events: ['type'],
};

function gvr(t: ResourceType): string {
  return `${t.group}/${t.version}, Resource=${t.plural}`;
}

export interface ListOptions {
  namespace: string;
  allNamespaces?: boolean;
  selector?: string;
  fieldSelector?: string;
}

export function compileSelectors(t: ResourceType, opts: ListOptions): { labels: Selector; fields: FieldRequirement[] } {
  let labels: Selector = [];
  try {
    labels = parseSelector(opts.selector ?? '');
  } catch (e) {
    if (!(e instanceof SelectorParseError)) throw e;
    throw new StatusError('BadRequest', `Unable to find "${gvr(t)}" that match label selector "${opts.selector ?? ''}", field selector "${opts.fieldSelector ?? ''}": ${e.message}`);
  }
  const fields = parseFieldSelector(opts.fieldSelector);
  const allowed = ['metadata.name', 'metadata.namespace', ...(FIELDS_BY_PLURAL[t.plural] ?? [])];
  for (const f of fields) {
    if (!allowed.includes(f.field)) {
      throw new StatusError(
        'BadRequest',
        `Unable to find "${gvr(t)}" that match label selector "${opts.selector ?? ''}", field selector "${opts.fieldSelector}": field label not supported: ${f.field}`,
      );
    }
  }
  return { labels, fields };
}

export function fieldMatches(o: KObject, fields: FieldRequirement[]): boolean {
  return fields.every((f) => {
    const v = FIELDS[f.field]?.(o) ?? '';
    return f.op === '=' ? v === f.value : v !== f.value;
  });
}

/** List a type in a namespace (or all), filtered by label and field selectors. */
export function listObjects(cluster: Cluster, t: ResourceType, opts: ListOptions): KObject[] {
  const { labels, fields } = compileSelectors(t, opts);
  const ns = t.namespaced && !opts.allNamespaces ? opts.namespace : undefined;
  return cluster.list(t.plural, ns).filter((o) => matches(labels, o.metadata.labels) && fieldMatches(o, fields));
}

export interface Found {
  type: ResourceType;
  obj: KObject;
}

/**
 * Fetch what the requests name. Missing names become NotFound errors (in order) while the
 * others are still returned, as kubectl does.
 */
export function fetchRequests(cluster: Cluster, requests: ResourceRequest[], opts: ListOptions): { found: Found[]; errors: Error[] } {
  const found: Found[] = [];
  const errors: Error[] = [];
  for (const r of requests) {
    if (!r.names.length) {
      for (const obj of listObjects(cluster, r.type, opts)) found.push({ type: r.type, obj });
      continue;
    }
    for (const name of r.names) {
      const obj = cluster.get(r.type.plural, r.type.namespaced ? opts.namespace : undefined, name);
      if (obj) found.push({ type: r.type, obj });
      else errors.push(new NotFoundError(qualifiedPlural(r.type), name));
    }
  }
  return { found, errors };
}

export { byPluralName };
