// `-o` for every verb that prints objects (get, apply, create, run, expose, label, …): the
// format parsed once, then json, yaml, name, jsonpath, jsonpath-as-json, custom-columns.
import { readFileSync, existsSync } from 'node:fs';
import type { KObject } from '../api/types.js';
import { kindPrefix, resolveKind } from '../api/registry.js';
import { CliError } from '../util/errors.js';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'custom-columns'; spec: string };

const ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

export function parseOutputFormat(o: string | undefined, allowTable = true): OutputFormat {
  if (o === undefined || o === '') return { kind: 'table', wide: false };
  const eq = o.indexOf('=');
  const name = eq < 0 ? o : o.slice(0, eq);
  const arg = eq < 0 ? '' : o.slice(eq + 1);
  const readFile = (p: string): string => {
    if (!existsSync(p)) throw new CliError(`open ${p}: no such file or directory`);
    return readFileSync(p, 'utf8');
  };
  switch (name) {
    case 'wide':
      if (allowTable) return { kind: 'table', wide: true };
      break;
    case 'json':
      return { kind: 'json' };
    case 'yaml':
      return { kind: 'yaml' };
    case 'name':
      return { kind: 'name' };
    case 'jsonpath':
    case 'jsonpath-as-json':
      if (!arg) throw new CliError('template format specified but no template given');
      return { kind: 'jsonpath', template: arg, asJson: name === 'jsonpath-as-json' };
    case 'jsonpath-file':
      return { kind: 'jsonpath', template: readFile(arg), asJson: false };
    case 'custom-columns':
      if (!arg) throw new CliError('custom-columns format specified but no custom columns given');
      return { kind: 'custom-columns', spec: arg };
    case 'custom-columns-file':
      return { kind: 'custom-columns', spec: `file:${arg}` };
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
      throw new CliError(`kubesim does not support the ${name} output format; use -o jsonpath=… instead`);
  }
  throw new CliError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}`);
}

export function nameOf(obj: KObject): string {
  const r = resolveKind(obj.apiVersion, obj.kind);
  const prefix = r ? kindPrefix(r.type) : obj.kind.toLowerCase();
  return `${prefix}/${obj.metadata?.name || '<unknown>'}`;
}

/**
 * Print objects in a machine format. `single` = the request named exactly one object, so json/yaml
 * print it bare instead of in a List.
 */
export async function printMachine(format: OutputFormat, objects: KObject[], single: boolean, opts: { noHeaders?: boolean; allowMissingKeys?: boolean } = {}): Promise<string> {
  switch (format.kind) {
    case 'name':
      return objects.map((o) => nameOf(o) + '\n').join('');
    case 'json': {
      const { toKubectlJson } = await import('./json.js');
      const { listWrapper } = await import('./yaml.js');
      return toKubectlJson(single ? objects[0] : listWrapper(objects));
    }
    case 'yaml': {
      const { toKubectlYaml, listWrapper } = await import('./yaml.js');
      return toKubectlYaml(single ? objects[0] : listWrapper(objects));
    }
    case 'jsonpath': {
      const { printJsonPath } = await import('./jsonpath.js');
      const { listWrapper } = await import('./yaml.js');
      return printJsonPath(format.template, JSON.parse(JSON.stringify(single ? objects[0] : listWrapper(objects))), {
        asJson: format.asJson,
        allowMissingKeys: opts.allowMissingKeys ?? true,
      });
    }
    case 'custom-columns': {
      const { printCustomColumns, parseCustomColumnsFile } = await import('./custom-columns.js');
      let spec = format.spec;
      if (spec.startsWith('file:')) {
        const p = spec.slice(5);
        if (!existsSync(p)) throw new CliError(`open ${p}: no such file or directory`);
        spec = parseCustomColumnsFile(readFileSync(p, 'utf8'));
      }
      return printCustomColumns(spec, objects, { noHeaders: opts.noHeaders });
    }
    case 'table':
      throw new Error('internal: table format is printed by the verb');
  }
}
