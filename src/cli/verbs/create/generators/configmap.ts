// `kubectl create configmap NAME [--from-literal=k=v] [--from-file=[key=]path] [--from-env-file=path]`
// (kubectl/pkg/cmd/create/create_configmap.go) and `--append-hash` (kubectl/pkg/util/hash).
import { createHash } from 'node:crypto';
import type { KObject } from '../../../../api/types.js';
import { CliError, goQuote } from '../../../../util/errors.js';
import { isConfigMapKey } from '../../../../api/validation/names.js';
import { goJsonMarshal } from '../../../../printers/json.js';
import { goMap } from '../print.js';
import { typedMeta, typedObject } from '../typed.js';
import { isUtf8, parseLiteralSource, readEnvFile, readFileSource } from '../sources.js';

export interface DataSources {
  fromLiteral: string[];
  fromFile: string[];
  fromEnvFile: string[];
}

export function validateSources(s: DataSources): void {
  if (s.fromEnvFile.length && (s.fromFile.length || s.fromLiteral.length)) {
    throw new CliError('from-env-file cannot be combined with from-file or from-literal');
  }
}

export interface ConfigMapInput extends DataSources {
  name: string;
  namespace?: string;
  appendHash?: boolean;
}

/** hash.encodeHash: the first 10 hex digits of the sha256, with 0 1 3 a e replaced (no vowels, no look-alikes). */
export function encodeHash(text: string): string {
  const hex = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 10);
  const map: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return hex.replace(/[013ae]/g, (c) => map[c]);
}

export function generateConfigMap(input: ConfigMapInput): KObject {
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  const check = (key: string) => {
    const errs = isConfigMapKey(key);
    if (errs.length) throw new CliError(`${goQuote(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
    if (key in data) throw new CliError(`cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(input.name)}`);
    if (key in binaryData) {
      throw new CliError(`cannot add key ${goQuote(key)}, another key by that name already exists in BinaryData for ConfigMap ${goQuote(input.name)}`);
    }
  };
  const addText = (key: string, value: string) => {
    check(key);
    data[key] = value;
  };
  for (const source of input.fromFile) {
    for (const { key, data: bytes } of readFileSource(source)) {
      if (isUtf8(bytes)) addText(key, bytes.toString('utf8'));
      else {
        check(key);
        binaryData[key] = bytes.toString('base64');
      }
    }
  }
  for (const source of input.fromLiteral) addText(...parseLiteralSource(source));
  for (const path of input.fromEnvFile) for (const [k, v] of readEnvFile(path, 'env config file cannot be a directory')) addText(k, v);

  let name = input.name;
  if (input.appendHash) {
    const m: Record<string, unknown> = { kind: 'ConfigMap', name, data };
    if (Object.keys(binaryData).length) m.binaryData = binaryData;
    name = `${name}-${encodeHash(goJsonMarshal(m))}`;
  }
  const rest: Record<string, unknown> = {};
  if (Object.keys(data).length) rest.data = goMap(data);
  if (Object.keys(binaryData).length) rest.binaryData = goMap(binaryData);
  return typedObject('ConfigMap', 'v1', typedMeta({ name, namespace: input.namespace }), rest);
}
