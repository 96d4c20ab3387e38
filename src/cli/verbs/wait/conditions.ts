// What `kubectl wait --for=…` waits for (kubectl 1.32 wait.go, condition.go, json.go): parsing
// the --for value with kubectl's errors, and checking one object against it.
import type { KObject } from '../../../api/types.js';
import { CliError } from '../../../util/errors.js';
import { relaxedJsonPathExpression } from '../../../printers/custom-columns.js';
import { checkJsonPathSyntax, findJsonPathResults, JsonPathError } from '../../../printers/jsonpath.js';
import { goSprintV, GoNum } from '../../../printers/gofmt.js';

export type WaitFor =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; name: string; value: string }
  | { kind: 'jsonpath'; expr: string; value?: string };

/** splitJSONPathInput: split on single `=`, keeping `==` inside an element. */
export function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let el = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (i < input.length - 1 && input[i + 1] === '=') {
        el += '==';
        i++;
        continue;
      }
      out.push(el);
      el = '';
      continue;
    }
    el += input[i];
  }
  out.push(el);
  return out;
}

/** conditionFuncFor: the --for value, or kubectl's error for it. */
export function parseFor(condition: string): WaitFor {
  const lower = condition.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (condition.startsWith('condition=')) {
    let name = condition.slice('condition='.length);
    let value = 'true';
    const eq = name.indexOf('=');
    if (eq !== -1) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return { kind: 'condition', name, value };
  }
  if (condition.startsWith('jsonpath=')) {
    const parts = splitJsonPathInput(condition.slice('jsonpath='.length));
    if (parts.length < 1 || parts.length > 2) {
      throw new CliError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    }
    const expr = relaxedJsonPathExpression(parts[0]);
    let value: string | undefined;
    if (parts.length === 2) {
      value = parts[1].replace(/^['"]+|['"]+$/g, '');
      if (value === '') throw new CliError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    }
    if (expr === '') throw new CliError('jsonpath expression cannot be empty');
    try {
      checkJsonPathSyntax(expr);
    } catch (e) {
      if (e instanceof JsonPathError) throw new CliError(e.message);
      throw e;
    }
    return { kind: 'jsonpath', expr, value };
  }
  throw new CliError(`unrecognized condition: ${JSON.stringify(condition)}`);
}

/** Go's strings.EqualFold for the ASCII and simple-fold cases we meet. */
function equalFold(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();
}

/**
 * ConditionalWait.checkCondition: the first status condition of that type decides, unless its
 * observedGeneration (or status.observedGeneration) is older than metadata.generation.
 */
export function conditionMet(obj: KObject, name: string, value: string): boolean {
  const conditions = obj.status?.conditions;
  if (!Array.isArray(conditions)) return false;
  for (const c of conditions as Record<string, unknown>[]) {
    if (typeof c !== 'object' || c === null) return false;
    if (typeof c.type !== 'string' || !equalFold(c.type, name)) continue;
    if (typeof c.status !== 'string') continue;
    const generation = obj.metadata.generation;
    if (typeof generation === 'number') {
      const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : obj.status?.observedGeneration;
      if (typeof observed === 'number' && observed < generation) return false;
    }
    return equalFold(c.status, value);
  }
  return false;
}

/** JSONPathWait.checkCondition: exactly one value, a scalar, equal (trimmed) to the one wanted. */
export function jsonPathMet(obj: KObject, expr: string, value: string | undefined): boolean {
  let results: unknown[][];
  try {
    results = findJsonPathResults(expr, JSON.parse(JSON.stringify(obj)));
  } catch (e) {
    if (e instanceof JsonPathError) throw new CliError(e.message);
    throw e;
  }
  if (!results.length || !results[0].length) return false;
  if (results.length > 1) throw new CliError('given jsonpath expression matches more than one list');
  if (results[0].length > 1) throw new CliError('given jsonpath expression matches more than one value');
  if (value === undefined) return true;
  const r = results[0][0];
  if (Array.isArray(r) || (typeof r === 'object' && r !== null && !(r instanceof GoNum))) {
    throw new CliError('jsonpath leads to a nested object or list which is not supported');
  }
  return goSprintV(r).trim() === value.trim();
}
