// The pure parts of `kubectl label` / `kubectl annotate` (kubectl 1.32): splitting the arguments
// into resources and `k=v` / `k-` changes, their checks, applying them to a map, and the
// labeled / unlabeled / not labeled decision.
import { CliError, goQuote } from '../../../util/errors.js';
import { isValidLabelValue } from '../../../api/validation/names.js';
import { goJsonMarshal } from '../../../printers/json.js';

/** cmdutil.GetResourcesAndPairs: resources first, then changes (`k=v`, `k-`). */
export function splitResourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) {
      resources.push(s);
    } else {
      throw new CliError(`all resources must be specified before ${pairType} changes: ${s}`);
    }
  }
  return { resources, pairs };
}

export interface Changes {
  /** Keys to set, in argument order (a repeated key keeps its first position, last value). */
  set: Map<string, string>;
  remove: string[];
}

/** label's parseLabels: `k=v` (exactly one `=`, valid value) or `k-`. */
export function parseLabelChanges(specs: string[]): Changes {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new CliError(`invalid label spec: ${spec}`);
      const errs = isValidLabelValue(parts[1]);
      if (errs.length) throw new CliError(`invalid label value: ${goQuote(spec)}: ${errs.join(';')}`);
      set.set(parts[0], parts[1]);
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new CliError(`unknown label spec: ${spec}`);
    }
  }
  if (remove.some((k) => set.has(k))) throw new CliError('can not both modify and remove a label in the same command');
  return { set, remove };
}

/** annotate's ParsePairs: `k=v` splits at the first `=`. */
export function parseAnnotationChanges(specs: string[]): Changes {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=') && spec[0] !== '=') {
      const i = spec.indexOf('=');
      set.set(spec.slice(0, i), spec.slice(i + 1));
    } else if (spec.endsWith('-') && spec !== '-') {
      remove.push(spec.slice(0, -1));
    } else {
      throw new CliError(`invalid annotation format: ${spec}`);
    }
  }
  return { set, remove };
}

/** annotate's validateAnnotations (run by Validate, after the other argument checks). */
export function checkAnnotationRemovals(changes: Changes): void {
  const both = changes.remove.filter((k) => changes.set.has(k));
  if (both.length) throw new CliError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
}

/** Label keys that would change an existing value without --overwrite (one error each). */
export function labelOverwriteErrors(current: Record<string, string> | undefined, changes: Changes): CliError[] {
  const errs: CliError[] = [];
  for (const [k, v] of changes.set) {
    const cur = current?.[k];
    if (cur !== undefined && cur !== v) errs.push(new CliError(`'${k}' already has a value (${cur}), and --overwrite is false`));
  }
  return errs;
}

/** Annotation keys that would change an existing value without --overwrite (one combined error). */
export function annotationOverwriteError(current: Record<string, string> | undefined, changes: Changes): CliError | undefined {
  const parts: string[] = [];
  for (const [k, v] of changes.set) {
    if (k === 'kubernetes.io/change-cause') continue;
    const cur = current?.[k];
    if (cur !== undefined && cur !== v) parts.push(`'${k}' already has a value (${cur})`);
  }
  return parts.length ? new CliError(`--overwrite is false but found the following declared annotation(s): ${parts.join('; ')}`) : undefined;
}

/** The map after the changes (never undefined: kubectl always sets the map, even to `{}`). */
export function applyChanges(current: Record<string, string> | undefined, changes: Changes): Record<string, string> {
  const out: Record<string, string> = { ...(current ?? {}) };
  for (const [k, v] of changes.set) out[k] = v;
  for (const k of changes.remove) delete out[k];
  return out;
}

/**
 * label's message: compare the object's JSON before and after. Different → `labeled`, or
 * `unlabeled` when it got shorter and --overwrite was not given; equal → `not labeled`.
 */
export function labelMessage(before: unknown, after: unknown, overwrite: boolean): 'labeled' | 'unlabeled' | 'not labeled' {
  const a = goJsonMarshal(before);
  const b = goJsonMarshal(after);
  if (a === b) return 'not labeled';
  if (!overwrite && Buffer.byteLength(b) < Buffer.byteLength(a)) return 'unlabeled';
  return 'labeled';
}
