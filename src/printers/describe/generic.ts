// describe.go's genericDescriber, used for kinds without a dedicated describer: Name,
// Namespace, Labels, Annotations, then every other field of the object (sorted, nested maps
// indented, field names turned into "smart labels": apiVersion → API Version), then Events.
import type { ClusterView, KObject } from '../../api/types.js';
import { describeEvents } from './events.js';
import { type Any, byteCompare, printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { LEVEL_0, type PrefixWriter, tabbedString } from './writer.js';

const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

/** github.com/fatih/camelcase Split. */
export function camelcaseSplit(src: string): string[] {
  const cls = (r: string): number => (/\p{Ll}/u.test(r) ? 1 : /\p{Lu}/u.test(r) ? 2 : /\p{Nd}/u.test(r) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const r of src) {
    const c = cls(r);
    if (c === last && runs.length > 0) runs[runs.length - 1].push(r);
    else runs.push([r]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (/\p{Lu}/u.test(runs[i][0]) && /\p{Ll}/u.test(runs[i + 1][0])) {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** smartLabelFor (kubectl 1.32). */
export function smartLabelFor(field: string): string {
  if ([...field].some((r) => !/\p{L}/u.test(r) && r !== '-')) return field;
  const result: string[] = [];
  for (let part of camelcaseSplit(field)) {
    if (part === '_') continue;
    if (ACRONYMS.includes(part.toUpperCase())) part = part.toUpperCase();
    else part = part.charAt(0).toUpperCase() + part.slice(1);
    result.push(part);
  }
  return result.join(' ');
}

/** Go's %v of a decoded JSON value. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    const exp = Math.floor(Math.log10(Math.abs(v)));
    if (exp < -4 || exp >= 6) {
      return v.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
    }
    return String(v);
  }
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o)
      .sort(byteCompare)
      .map((k) => `${k}:${goValue(o[k])}`)
      .join(' ')}]`;
  }
  return String(v);
}

function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, Any>, skipPrefix: string): void {
  for (const field of Object.keys(content).sort(byteCompare)) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (SKIP.includes(skipExpr)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value, skipExpr);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printUnstructuredContent(w, level + 1, child, skipExpr);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

export function describeGeneric(obj: KObject, view: ClusterView): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels as Record<string, string>);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations as Record<string, string>);
    printUnstructuredContent(w, LEVEL_0, obj, '');
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}
