// `kubectl create secret generic NAME [--type] [--from-literal] [--from-file] [--from-env-file]` and
// `kubectl create secret tls NAME --cert=path --key=path` (create_secret.go, create_secret_tls.go).
import { readFileSync } from 'node:fs';
import type { KObject } from '../../../../api/types.js';
import { CliError, goQuote } from '../../../../util/errors.js';
import { isConfigMapKey } from '../../../../api/validation/names.js';
import { goJsonMarshal } from '../../../../printers/json.js';
import { goMap } from '../print.js';
import { typedMeta, typedObject } from '../typed.js';
import { parseLiteralSource, readEnvFile, readFileSource } from '../sources.js';
import { encodeHash, type DataSources } from './configmap.js';
import { checkKeyPair } from './tls.js';

export interface SecretInput extends DataSources {
  name: string;
  namespace?: string;
  type?: string;
  appendHash?: boolean;
}

function secretObject(name: string, namespace: string | undefined, type: string, data: Record<string, Buffer>, appendHash?: boolean): KObject {
  const encoded: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) encoded[k] = v.toString('base64');
  if (appendHash) name = `${name}-${encodeHash(goJsonMarshal({ kind: 'Secret', type, name, data: encoded }))}`;
  const rest: Record<string, unknown> = {};
  if (Object.keys(encoded).length) rest.data = goMap(encoded);
  if (type) rest.type = type;
  return typedObject('Secret', 'v1', typedMeta({ name, namespace }), rest);
}

export function generateSecret(input: SecretInput): KObject {
  const data: Record<string, Buffer> = {};
  const add = (key: string, value: Buffer) => {
    const errs = isConfigMapKey(key);
    if (errs.length) throw new CliError(`${goQuote(key)} is not valid key name for a Secret ${errs.join(';')}`);
    if (key in data) throw new CliError(`cannot add key ${key}, another key by that name already exists`);
    data[key] = value;
  };
  for (const source of input.fromLiteral) {
    const [k, v] = parseLiteralSource(source);
    add(k, Buffer.from(v, 'utf8'));
  }
  for (const source of input.fromFile) for (const { key, data: bytes } of readFileSource(source)) add(key, bytes);
  for (const path of input.fromEnvFile) {
    for (const [k, v] of readEnvFile(path, 'env secret file cannot be a directory')) add(k, Buffer.from(v, 'utf8'));
  }
  return secretObject(input.name, input.namespace, input.type ?? '', data, input.appendHash);
}

export interface TlsInput {
  name: string;
  namespace?: string;
  cert?: string;
  key?: string;
  appendHash?: boolean;
}

export function validateTls(input: TlsInput): void {
  if (!input.key || !input.cert) throw new CliError('key and cert must be specified');
}

function readPem(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new CliError(`Cannot read file ${file}, ${code === 'EISDIR' ? 'read' : 'open'} ${file}: ${why}`);
  }
}

export function generateTlsSecret(input: TlsInput): KObject {
  const cert = readPem(input.cert!);
  const key = readPem(input.key!);
  checkKeyPair(cert, key);
  return secretObject(input.name, input.namespace, 'kubernetes.io/tls', { 'tls.crt': cert, 'tls.key': key }, input.appendHash);
}
