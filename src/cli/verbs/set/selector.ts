// metav1.ParseToLabelSelector as `kubectl set selector` uses it: a `-l`-style expression turned
// into matchLabels (`=`, `==`) and matchExpressions (in, notin, exists, !), with its errors.
import { parseSelector, SelectorParseError, type Requirement } from '../../../api/labels.js';
import { CliError } from '../../../util/errors.js';

export interface LabelSelectorSpec {
  matchLabels: Record<string, string>;
  matchExpressions: { key: string; operator: string; values: string[] }[];
}

/** Add the key to a `values[i]: Invalid value` path, as the apimachinery parser reports it. */
function withKey(message: string, text: string): string {
  const m = /^unable to parse requirement: values\[(\d+)\]: Invalid value: "((?:[^"\\]|\\.)*)"/.exec(message);
  if (!m) return message;
  const bad = JSON.parse(`"${m[2]}"`) as string;
  // Find the requirement whose value list holds the bad value at that index.
  for (const part of splitRequirements(text)) {
    const r = /^\s*!?\s*([^\s=!<>(),]+)\s*(==|=|!=|\s+in\s+|\s+notin\s+)\s*(.*)$/.exec(part);
    if (!r) continue;
    const values = r[3].replace(/^\(|\)\s*$/g, '').split(',').map((v) => v.trim());
    if (values[Number(m[1])] === bad) return message.replace(`values[${m[1]}]:`, `values[${m[1]}][${r[1]}]:`);
  }
  return message;
}

function splitRequirements(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

function toSpec(reqs: Requirement[]): LabelSelectorSpec {
  const spec: LabelSelectorSpec = { matchLabels: {}, matchExpressions: [] };
  const sorted = [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const r of sorted) {
    switch (r.op) {
      case '=':
        spec.matchLabels[r.key] = r.values[0];
        break;
      case 'in':
        spec.matchExpressions.push({ key: r.key, operator: 'In', values: [...new Set(r.values)].sort() });
        break;
      case 'notin':
        spec.matchExpressions.push({ key: r.key, operator: 'NotIn', values: [...new Set(r.values)].sort() });
        break;
      case 'exists':
        spec.matchExpressions.push({ key: r.key, operator: 'Exists', values: [] });
        break;
      case '!':
        spec.matchExpressions.push({ key: r.key, operator: 'DoesNotExist', values: [] });
        break;
      case '!=':
        throw new CliError(`"!=" is not a valid label selector operator`);
      case 'gt':
      case 'lt':
        throw new CliError(`"${r.op}" isn't supported in label selectors`);
    }
  }
  return spec;
}

/** ParseToLabelSelector; throws kubectl's message as a CliError. */
export function parseToLabelSelector(text: string): LabelSelectorSpec {
  let reqs: Requirement[];
  try {
    reqs = parseSelector(text);
  } catch (e) {
    if (e instanceof SelectorParseError) {
      const msg = /values\[\d+\]\[/.test(e.message) ? e.message : withKey(e.message, text);
      throw new CliError(`couldn't parse the selector string "${text}": ${msg}`);
    }
    throw e;
  }
  return toSpec(reqs);
}

/** Go's %v of []LabelSelectorRequirement: `[{app In [a b]}]`. */
export function formatExpressions(exprs: LabelSelectorSpec['matchExpressions']): string {
  return `[${exprs.map((e) => `{${e.key} ${e.operator} [${e.values.join(' ')}]}`).join(' ')}]`;
}
