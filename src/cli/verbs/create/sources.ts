// The data sources of `create configmap` and `create secret generic`: --from-literal=key=value,
// --from-file=[key=]path (a directory adds each regular file), --from-env-file=path
// (kubectl/pkg/util ParseLiteralSource/ParseFileSource, cmd/util/env_file.go).
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, posix } from 'node:path';
import { CliError, goQuote } from '../../../util/errors.js';
import { regexError } from '../../../api/validation/names.js';

export function parseLiteralSource(source: string): [string, string] {
  const i = source.indexOf('=');
  if (i <= 0) throw new CliError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, i), source.slice(i + 1)];
}

export function parseFileSource(source: string): [string, string] {
  const n = source.split('=').length - 1;
  if (n === 0) return [posix.basename(source.replace(/\\/g, '/')), source];
  if (n === 1 && source.startsWith('=')) throw new CliError(`key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith('=')) throw new CliError(`file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new CliError("key names or file paths cannot contain '='");
  const [k, p] = source.split('=');
  return [k, p];
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
};

function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return ERRNO_TEXT[code] ?? (e as Error).message;
}

function statOrError(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    throw new CliError(`error reading ${path}: ${errnoText(e)}`);
  }
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new CliError(`open ${path}: ${errnoText(e)}`);
  }
}

/** One key and its bytes, or (for a file source's directory) each regular file in name order. */
export interface FileEntry {
  key: string;
  data: Buffer;
}

export function readFileSource(source: string): FileEntry[] {
  const [key, path] = parseFileSource(source);
  const st = statOrError(path);
  if (!st.isDirectory()) return [{ key, data: readBytes(path) }];
  if (source.includes('=')) throw new CliError('cannot give a key name for a directory path');
  const out: FileEntry[] = [];
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch (e) {
    throw new CliError(`error listing files in ${path}: ${errnoText(e)}`);
  }
  for (const item of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (item.isFile()) out.push({ key: item.name, data: readBytes(join(path, item.name)) });
  }
  return out;
}

/** validation.IsEnvVarName (the strict, client-side one). */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(value)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        '[-._a-zA-Z][-._a-zA-Z0-9]*',
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  }
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function isUtf8(data: Buffer): boolean {
  try {
    utf8.decode(data);
    return true;
  } catch {
    return false;
  }
}

/** The key=value pairs of an env file, in order (cmdutil.AddFromEnvFile). */
export function readEnvFile(path: string, dirError: string): [string, string][] {
  const st = statOrError(path);
  if (st.isDirectory()) throw new CliError(dirError);
  const bytes = readBytes(path);
  const out: [string, string][] = [];
  // bufio.Scanner's ScanLines: split on \n, drop one trailing \r; a final empty line is not a line.
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  lines.forEach((raw, n) => {
    let line = raw.length && raw[raw.length - 1] === 0x0d ? raw.subarray(0, raw.length - 1) : raw;
    if (!isUtf8(line)) {
      throw new CliError(`env file ${path} contains invalid utf8 bytes at line ${n + 1}: [${Array.from(line).join(' ')}]`);
    }
    if (n === 0 && line.length >= 3 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
    const text = line.toString('utf8').replace(/^\s+/u, '');
    if (!text.length || text.startsWith('#')) return;
    const eq = text.indexOf('=');
    const key = eq < 0 ? text : text.slice(0, eq);
    const errs = isEnvVarName(key);
    if (errs.length) throw new CliError(`${goQuote(key)} is not a valid key name: ${errs.join(';')}`);
    out.push([key, eq < 0 ? (process.env[key] ?? '') : text.slice(eq + 1)]);
  });
  return out;
}
