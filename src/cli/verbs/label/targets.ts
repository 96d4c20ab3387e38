// What label, annotate, scale, set selector and wait act on, resolved the way cli-runtime's
// resource builder does it (TYPE NAME…, TYPE/NAME, -l, --all, -A, -f), with the builder's
// argument errors, "single item implied", and kubectl's way of printing collected errors.
import { statSync } from 'node:fs';
import type { KObject } from '../../../api/types.js';
import type { Cluster } from '../../../store/cluster.js';
import { parseResourceArgs, fetchRequests, type ResourceRequest } from '../../builder.js';
import { readManifests, type Manifest } from '../../manifests.js';
import { prepareManifest } from '../../objects/prepare.js';
import { qualifiedPlural, type ResourceType } from '../../../api/registry.js';
import { CliError, ExitCode, NotFoundError, StatusError, formatError, goQuote } from '../../../util/errors.js';
import { parseOutputFormat, printMachine, nameOf, type OutputFormat } from '../../../printers/output.js';

export interface TargetFlags {
  filename?: string[];
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  /** --all: a bare TYPE selects every object of it. */
  all?: boolean;
  allNamespaces?: boolean;
}

export interface Target {
  type: ResourceType;
  obj: KObject;
}

export interface TargetPlan {
  flags: TargetFlags;
  manifests?: Manifest[];
  requests?: ResourceRequest[];
  /** cli-runtime's singleItemImplied: one TYPE NAME, one TYPE/NAME, or one plain file. */
  singleItemImplied: boolean;
}

export const MISSING_RESOURCE =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** Check the arguments as the builder does before it contacts the server. */
export function planTargets(args: string[], flags: TargetFlags): TargetPlan {
  const selector = flags.selector?.trim() || undefined;
  const fieldSelector = flags.fieldSelector?.trim() || undefined;
  const f: TargetFlags = { ...flags, selector, fieldSelector };
  if (flags.filename?.length) {
    if (args.length) {
      const tuples = args.some((a) => a.includes('/'));
      if (tuples) throw new CliError('resource/name arguments cannot be provided when a path is specified');
      throw new CliError('when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well');
    }
    const manifests = readManifests(flags.filename, flags.recursive);
    const single = flags.filename.length === 1 && flags.filename[0] !== '-' && !isDirectory(flags.filename[0]);
    return { flags: f, manifests, singleItemImplied: single };
  }
  if (!args.length) {
    if (selector !== undefined || fieldSelector !== undefined) throw new CliError('at least one resource must be specified to use a selector');
    throw new CliError(MISSING_RESOURCE);
  }
  const parsed = parseResourceArgs(args);
  const bare = !parsed.namedForm && parsed.requests.every((r) => !r.names.length);
  const named = !bare;
  const selecting = selector !== undefined || fieldSelector !== undefined || (!!flags.all && bare);
  if (selecting) {
    if (named && !parsed.namedForm) throw new CliError('name cannot be provided when a selector is specified');
    if (parsed.namedForm) {
      if (selector !== undefined || fieldSelector !== undefined) {
        throw new CliError('selectors and the all flag cannot be used when passing resource/name arguments');
      }
    }
  } else if (bare) {
    throw new CliError('resource(s) were provided, but no name was specified');
  }
  let single = false;
  if (parsed.namedForm) single = parsed.requests.length === 1 && parsed.requests[0].names.length === 1;
  else if (named) single = parsed.requests.length === 1 && parsed.requests[0].names.length === 1;
  return { flags: f, requests: parsed.requests, singleItemImplied: single };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Fetch the targets from the cluster (the builder's `Latest()`): objects in argument or file
 * order, and NotFound errors for what is missing (kept in their place in `order`).
 */
export function resolveTargets(
  cluster: Cluster,
  plan: TargetPlan,
  namespace: string,
  explicitNs: string | undefined,
): { targets: Target[]; errors: unknown[]; order: (Target | { error: unknown })[] } {
  const order: (Target | { error: unknown })[] = [];
  if (plan.manifests) {
    for (const m of plan.manifests) {
      try {
        const p = prepareManifest(m, namespace, explicitNs, { validate: 'ignore' });
        const live = cluster.get(p.type.plural, p.obj.metadata.namespace, p.obj.metadata.name);
        if (live) order.push({ type: p.type, obj: live });
        else order.push({ error: new NotFoundError(qualifiedPlural(p.type), p.obj.metadata.name) });
      } catch (e) {
        order.push({ error: e });
      }
    }
  } else {
    const { found, errors } = fetchRequests(cluster, plan.requests!, {
      namespace,
      allNamespaces: plan.flags.allNamespaces,
      selector: plan.flags.selector,
      fieldSelector: plan.flags.fieldSelector,
    });
    // fetchRequests returns found objects then errors; keep kubectl's per-name order instead.
    let fi = 0;
    let ei = 0;
    for (const r of plan.requests!) {
      if (!r.names.length) {
        while (fi < found.length && found[fi].type === r.type) order.push(found[fi++]);
        continue;
      }
      for (const name of r.names) {
        if (fi < found.length && found[fi].type === r.type && found[fi].obj.metadata.name === name) order.push(found[fi++]);
        else order.push({ error: errors[ei++] });
      }
    }
    while (fi < found.length) order.push(found[fi++]);
    while (ei < errors.length) order.push({ error: errors[ei++] });
  }
  const targets = order.filter((o): o is Target => 'obj' in o);
  const errors = order.filter((o): o is { error: unknown } => 'error' in o).map((o) => o.error);
  return { targets, errors, order };
}

/** Several errors reported as one (apimachinery's utilerrors.Aggregate). */
export class Aggregate extends Error {
  constructor(public errors: unknown[]) {
    super(aggregateMessage(errors));
  }
}

function plainMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function aggregateMessage(errors: unknown[]): string {
  if (errors.length === 1) return plainMessage(errors[0]);
  const seen: string[] = [];
  const visit = (e: unknown): void => {
    if (e instanceof Aggregate) e.errors.forEach(visit);
    else {
      const m = plainMessage(e);
      if (!seen.includes(m)) seen.push(m);
    }
  };
  errors.forEach(visit);
  return seen.length === 1 ? seen[0] : `[${seen.join(', ')}]`;
}

/** StandardErrorMessage, or the bare message (no `error: ` prefix), as MultipleErrors prints each. */
function messageForError(e: unknown): string {
  if (e instanceof StatusError) return formatError(e);
  return plainMessage(e);
}

/**
 * The text cmdutil.CheckErr prints for the errors a ContinueOnError visit collected: one error →
 * its usual form (`error: …`); several → one line each, API errors as `Error from server …`,
 * others bare.
 */
export function formatCollected(errors: unknown[]): string {
  let err: unknown = errors.length === 1 ? errors[0] : new Aggregate(errors);
  if (err instanceof Aggregate && err.errors.length === 1) err = err.errors[0];
  if (err instanceof Aggregate) return err.errors.map(messageForError).join('\n');
  return formatError(err);
}

/**
 * Visit each resolved target in kubectl's order (ContinueOnError): a target that could not be
 * found, or whose visit throws, adds its error to the list returned; the others go on.
 */
export async function visitTargets(
  cluster: Cluster,
  plan: TargetPlan,
  namespace: string,
  explicitNs: string | undefined,
  visit: (t: Target) => void | Promise<void>,
): Promise<unknown[]> {
  const errors: unknown[] = [];
  for (const item of resolveTargets(cluster, plan, namespace, explicitNs).order) {
    if ('error' in item) {
      errors.push(item.error);
      continue;
    }
    try {
      await visit(item);
    } catch (e) {
      errors.push(e);
    }
  }
  return errors;
}

/** Throw what was collected, if anything (exit code 1). */
export function throwCollected(errors: unknown[]): void {
  if (errors.length) throw new ExitCode(1, formatCollected(errors));
}

/** pflag's complaint about a flag value, as kubectl prints it. */
export function flagValueError(flag: string, value: string, reason: string, verb: string): ExitCode {
  return new ExitCode(1, `Error: invalid argument ${goQuote(value)} for "${flag}" flag: ${reason}\nSee 'kubesim ${verb} --help' for usage.`);
}

/** Go's strconv.ParseBool. */
export function parseGoBool(v: string | boolean | undefined, flag: string, verb: string, dflt = false): boolean {
  if (v === undefined) return dflt;
  if (typeof v === 'boolean') return v;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  throw flagValueError(flag, v, `strconv.ParseBool: parsing ${goQuote(v)}: invalid syntax`, verb);
}

/** Go's strconv.ParseInt for an int flag. */
export function parseGoInt(v: string, flag: string, verb: string): number {
  if (!/^[+-]?\d+$/.test(v)) throw flagValueError(flag, v, `strconv.ParseInt: parsing ${goQuote(v)}: invalid syntax`, verb);
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw flagValueError(flag, v, `strconv.ParseInt: parsing ${goQuote(v)}: value out of range`, verb);
  return n;
}

/** `Error from server (Conflict)` for a stale --resource-version. */
export function conflictError(type: ResourceType, name: string): StatusError {
  return new StatusError(
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedPlural(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    409,
  );
}

/** The dry-run suffix the name printer adds to the operation. */
export function dryRunSuffix(mode: 'none' | 'client' | 'server'): string {
  return mode === 'client' ? ' (dry run)' : mode === 'server' ? ' (server dry run)' : '';
}

const PRINTER_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';
const KNOWN = PRINTER_FORMATS.split(',');

/** `-o` of the verbs that print the objects they changed (no tables, no custom columns). */
export function parseObjectOutput(o: string | undefined): OutputFormat | undefined {
  if (o === undefined || o === '') return undefined;
  const eq = o.indexOf('=');
  const name = eq < 0 ? o : o.slice(0, eq);
  if (!KNOWN.includes(name)) throw new CliError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${PRINTER_FORMATS}`);
  return parseOutputFormat(o, false);
}

/**
 * One object as kubectl's printer for an operation prints it: `kind.group/name <op><dry-run>`
 * by default, or the -o format. `count` is how many objects this printer printed before (YAML
 * documents after the first are preceded by `---`).
 */
export async function printObject(format: OutputFormat | undefined, obj: KObject, operation: string, count = 0): Promise<string> {
  if (!format) return `${nameOf(obj)} ${operation}\n`;
  const text = await printMachine(format, [obj], true);
  return format.kind === 'yaml' && count > 0 ? `---\n${text}` : text;
}
