// `kubectl get -o custom-columns=SPEC` / `-o custom-columns-file=FILE`: a port of kubectl's
// cmd/get/customcolumn.go (reference §5). Cells are jsonpath results printed with Go's `%v`
// (several joined by `,`, none → `<none>`), laid out by the tab-writer with get's settings.

import { CliError } from '../util/errors.js';
import { goSprintV } from './gofmt.js';
import { JsonPathError, checkJsonPathSyntax, findJsonPathResults } from './jsonpath.js';
import { GET_TABS, tabwrite } from './tabwriter.js';

export interface CustomColumn {
  header: string;
  /** Relaxed jsonpath template, e.g. `{.metadata.name}`. */
  fieldSpec: string;
}

/**
 * An error kubectl reports after it has already written part of its output: `stdout` is what
 * kubectl printed before failing (the header and any earlier rows).
 */
export class PartialOutputError extends CliError {
  constructor(
    message: string,
    public readonly stdout: string,
  ) {
    super(message);
  }
}

const JSON_REGEXP = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: `metadata.name`, `.metadata.name`, `{metadata.name}` → `{.metadata.name}`. */
export function relaxedJsonPathExpression(pathExpression: string): string {
  if (pathExpression.length === 0) return pathExpression;
  const m = JSON_REGEXP.exec(pathExpression);
  if (!m) {
    throw new CliError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] ?? m[2]}}`;
}

/** NewCustomColumnsPrinterFromSpec's parsing of `HEADER:path,HEADER2:path2`. */
export function parseCustomColumnsSpec(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new CliError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0) throw new CliError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), fieldSpec: relaxedJsonPathExpression(part.slice(i + 1)) };
  });
}

const TEMPLATE_HELP = 'Expected format is one line of space separated headers, one line of space separated column specs.';

/** Lines as bufio.Scanner(ScanLines) yields them (a final `\r` is dropped). */
function scanLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** bufio.ScanWords: split on Unicode white space. */
const splitOnWhitespace = (line: string): string[] => line.split(/[\s\u0085]+/u).filter((w) => w !== '');

/**
 * NewCustomColumnsPrinterFromTemplate: the two-line `-o custom-columns-file` format (headers,
 * then field specs, whitespace-separated). Note kubectl ignores --no-headers for this format.
 */
export function customColumnsFromFile(text: string): CustomColumn[] {
  const lines = scanLines(text);
  if (lines.length < 1) throw new CliError(`invalid template, missing header line. ${TEMPLATE_HELP}`);
  const headers = splitOnWhitespace(lines[0]);
  if (lines.length < 2) throw new CliError(`invalid template, missing spec line. ${TEMPLATE_HELP}`);
  const specs = splitOnWhitespace(lines[1]);
  if (headers.length !== specs.length) {
    throw new CliError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPathExpression(specs[i]) }));
}

/**
 * The custom-columns file converted to an equivalent `-o custom-columns=` spec string
 * (`NAME:{.metadata.name},...`). Exact for specs without `,` and headers without `:`; use
 * customColumnsFromFile + printColumns otherwise.
 */
export function parseCustomColumnsFile(text: string): string {
  return customColumnsFromFile(text)
    .map((c) => `${c.header}:${c.fieldSpec}`)
    .join(',');
}

/** printers.EscapeTerminal. */
const escapeTerminal = (s: string): string => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

/** Print objects (each item of the list, or the single object) under the given columns. */
export function printColumns(columns: CustomColumn[], objects: object[], opts: { noHeaders?: boolean } = {}): string {
  const lines: string[] = [];
  const flush = (): string => tabwrite(lines.map((l) => l + '\n').join(''), GET_TABS);
  if (!opts.noHeaders) lines.push(columns.map((c) => c.header).join('\t'));
  try {
    for (const c of columns) checkJsonPathSyntax(c.fieldSpec);
    for (const obj of objects) {
      const cells = columns.map((c) => {
        const values = findJsonPathResults(c.fieldSpec, obj);
        const strings: string[] = [];
        if (values.length === 0 || values[0].length === 0) strings.push('<none>');
        for (const arr of values) for (const v of arr) strings.push(escapeTerminal(goSprintV(v)));
        return strings.join(',');
      });
      lines.push(cells.join('\t'));
    }
  } catch (e) {
    if (e instanceof JsonPathError) throw new PartialOutputError(e.message, flush());
    throw e;
  }
  return flush();
}

/**
 * What `kubectl get -o custom-columns=SPEC` prints. `objects` are the objects listed (the items
 * of the List kubectl builds, or the single object fetched by name). Errors are thrown as
 * CliError (kubectl's text); an error met while printing is a PartialOutputError carrying the
 * stdout kubectl had already written.
 */
export function printCustomColumns(spec: string, objects: object[], opts: { noHeaders?: boolean } = {}): string {
  return printColumns(parseCustomColumnsSpec(spec), objects, opts);
}
