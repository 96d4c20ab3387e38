// Output of the object-making verbs (create, run, expose): the dry-run flag, the -o formats their
// printers accept, and how a generated object is printed. kubectl prints what a generator makes
// (`--dry-run=client`) as a typed Go struct, so `-o json` keeps the struct's field order (maps
// sorted) — objects the server returned are printed with sorted keys like any other.
import type { KObject } from '../../../api/types.js';
import { CliError } from '../../../util/errors.js';
import { parseOutputFormat, printMachine, type OutputFormat } from '../../../printers/output.js';
import { goJsonString } from '../../../printers/json.js';
import { compareGoStrings } from '../../../printers/gofmt.js';

export type DryRun = 'none' | 'client' | 'server';

/** `--dry-run[=none|client|server]`; a bare `--dry-run` is the deprecated spelling of client. */
export function dryRunMode(v: string | boolean | undefined, warn?: (text: string) => void): DryRun {
  if (v === undefined || v === false || v === 'none') return 'none';
  if (v === true || v === 'unchanged') {
    warn?.(klogWarning('helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.'));
    return 'client';
  }
  if (v === 'client' || v === 'server') return v;
  throw new CliError(`Invalid dry-run value (${String(v)}). Must be "none", "server", or "client".`);
}

/** A klog warning line as kubectl writes it (`W1121 05:17:39.795807   14327 file.go:N] msg`). */
function klogWarning(where: string, msg: string): string {
  const d = new Date();
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${p(d.getMonth() + 1)}${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds() * 1000, 6)}`;
  return `W${stamp} ${String(process.pid).padStart(7)} ${where}] ${msg}\n`;
}

const CREATE_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** The -o of create/run/expose: no tables, no custom columns (kubectl's printer flags lack them). */
export function parseObjectOutput(o: string | undefined): OutputFormat | undefined {
  if (o === undefined || o === '') return undefined;
  const name = o.split('=')[0];
  if (name === 'wide' || name.startsWith('custom-columns')) {
    throw new CliError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${CREATE_FORMATS}`);
  }
  return parseOutputFormat(o, false);
}

/** `service/web created`, with the dry-run suffix. */
export function opMessage(nameRef: string, op: string, dry: DryRun): string {
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  return `${nameRef} ${op}${suffix}\n`;
}

// ---- Go maps inside typed objects ---------------------------------------------------------------

const GO_MAPS = new WeakSet<object>();

/** Mark a plain object as a Go map: its keys are printed sorted (byte order), not in insertion order. */
export function goMap<T extends object>(m: T): T {
  GO_MAPS.add(m);
  return m;
}

/** A Go map built from entries (later keys win, like map assignment). */
export function goMapFrom(entries: Iterable<[string, string]>): Record<string, string> {
  const m: Record<string, string> = {};
  for (const [k, v] of entries) m[k] = v;
  return goMap(m);
}

function encodeTyped(v: unknown, indent: string | undefined, depth: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  const inner = indent === undefined ? '' : '\n' + indent.repeat(depth + 1);
  const close = indent === undefined ? '' : '\n' + indent.repeat(depth);
  const colon = indent === undefined ? ':' : ': ';
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    return `[${v.map((x) => inner + encodeTyped(x, indent, depth + 1)).join(',')}${close}]`;
  }
  const o = v as Record<string, unknown>;
  let keys = Object.keys(o).filter((k) => o[k] !== undefined);
  if (GO_MAPS.has(o)) keys = keys.sort(compareGoStrings);
  if (!keys.length) return '{}';
  return `{${keys.map((k) => inner + goJsonString(k) + colon + encodeTyped(o[k], indent, depth + 1)).join(',')}${close}}`;
}

/** json.Marshal of a typed object (struct field order = insertion order; Go maps sorted). */
export function typedJson(obj: unknown): string {
  return encodeTyped(obj, undefined, 0);
}

/**
 * Print objects one by one, as kubectl's printer does for each created object: JSON documents
 * concatenated, YAML documents separated by `---`. `typed` = generated objects (struct order).
 */
export async function printObjects(format: OutputFormat, objects: KObject[], typed: boolean): Promise<string> {
  let out = '';
  for (let i = 0; i < objects.length; i++) {
    if (format.kind === 'json' && typed) out += encodeTyped(objects[i], '    ', 0) + '\n';
    else {
      if (format.kind === 'yaml' && i > 0) out += '---\n';
      out += await printMachine(format, [objects[i]], true);
    }
  }
  return out;
}
