// Reading `-f` arguments: files, directories (lexical order, -R to recurse), `-` for stdin;
// multi-document YAML, JSON, and `kind: List`. Errors are kubectl's (reference §10.1).
import { readFileSync, statSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { CliError } from '../util/errors.js';
import type { KObject } from '../api/types.js';

export interface Manifest {
  /** The path as the user wrote it (or `STDIN`), for error messages. */
  source: string;
  obj: KObject;
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];

function expand(path: string, recursive: boolean, top: boolean): string[] {
  if (/^https?:\/\//.test(path)) {
    throw new CliError(
      `kubesim has no network access, so it cannot read ${path}; download the file and pass its local path to -f instead`,
    );
  }
  if (path === '-') return ['-'];
  if (!existsSync(path)) throw new CliError(`the path "${path}" does not exist`);
  const st = statSync(path);
  if (!st.isDirectory()) return [path];
  if (!top && !recursive) return [];
  const out: string[] = [];
  for (const entry of readdirSync(path).sort()) {
    const p = join(path, entry);
    const s = statSync(p);
    if (s.isDirectory()) {
      if (recursive) out.push(...expand(p, recursive, false));
    } else if (EXTENSIONS.some((e) => entry.endsWith(e))) {
      out.push(p);
    }
  }
  return out;
}

function yamlError(source: string, e: yaml.YAMLException): CliError {
  const line = (e.mark?.line ?? 0) + 1;
  let reason = e.reason ?? e.message;
  if (/bad indentation of a mapping entry|incomplete explicit mapping pair|end of the stream or a document separator is expected/.test(reason)) {
    reason = 'mapping values are not allowed in this context';
  } else if (/tab characters must not be used in indentation/.test(reason)) {
    reason = 'found a tab character that violates indentation';
  } else if (/unexpected end of the stream within a flow collection|missed comma between flow collection entries/.test(reason)) {
    reason = "did not find expected ',' or ']'";
  }
  return new CliError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${reason}`);
}

const MAX_ALIAS_EXPANSION = 10_000;

/** Parse a document stream into objects, flattening `kind: List`. */
export function parseManifestText(text: string, source: string): KObject[] {
  let docs: unknown[];
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      docs = [JSON.parse(text)];
    } catch {
      docs = loadYaml(text, source);
    }
  } else {
    docs = loadYaml(text, source);
  }
  const out: KObject[] = [];
  const push = (d: unknown): void => {
    if (d === null || d === undefined) return;
    if (typeof d !== 'object' || Array.isArray(d)) {
      throw new CliError(`error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
    }
    const o = d as Record<string, unknown>;
    if (Object.keys(o).length === 0) return;
    if (typeof o.kind !== 'string' || !o.kind) {
      throw new CliError(`unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(o)}'`);
    }
    if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items)) {
      for (const item of o.items) push(item);
      return;
    }
    if (typeof o.apiVersion !== 'string' || !o.apiVersion) {
      throw new CliError(`unable to decode "${source}": Object 'apiVersion' is missing in '${JSON.stringify(o)}'`);
    }
    const md = o.metadata;
    if (md !== undefined && (typeof md !== 'object' || md === null || Array.isArray(md))) {
      throw new CliError(`unable to decode "${source}": json: cannot unmarshal ${Array.isArray(md) ? 'array' : typeof md === 'string' ? 'string' : typeof md} into Go struct field ObjectMeta.metadata of type v1.ObjectMeta`);
    }
    o.metadata ??= {};
    out.push(o as KObject);
  };
  for (const d of docs) push(d);
  return out;
}

function loadYaml(text: string, source: string): unknown[] {
  if (text.includes('\u0000')) throw new CliError(`error parsing ${source}: error converting YAML to JSON: yaml: control characters are not allowed`);
  let docs: unknown[];
  try {
    docs = yaml.loadAll(text, undefined, { json: true });
  } catch (e) {
    if (e instanceof yaml.YAMLException) throw yamlError(source, e);
    throw e;
  }
  // Guard against alias bombs: a document whose expansion is huge is refused like go-yaml does.
  if (/[&*]/.test(text)) {
    let budget = MAX_ALIAS_EXPANSION * 100;
    const walk = (v: unknown, depth: number): void => {
      if (--budget < 0 || depth > 1000) throw new CliError(`error parsing ${source}: error converting YAML to JSON: yaml: document contains excessive aliasing`);
      if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
      else if (v && typeof v === 'object') Object.values(v).forEach((x) => walk(x, depth + 1));
    };
    docs.forEach((d) => walk(d, 0));
  }
  return docs;
}

let stdinCache: string | undefined;
function readStdin(): string {
  if (stdinCache === undefined) {
    try {
      stdinCache = readFileSync(0, 'utf8');
    } catch {
      stdinCache = '';
    }
  }
  return stdinCache;
}

export function readManifests(paths: string[], recursive = false): Manifest[] {
  const out: Manifest[] = [];
  for (const p of paths) {
    for (const file of expand(p, recursive, true)) {
      const source = file === '-' ? 'STDIN' : file;
      const text = file === '-' ? readStdin() : readFileSync(file, 'utf8');
      for (const obj of parseManifestText(text, source)) out.push({ source, obj });
    }
  }
  return out;
}
