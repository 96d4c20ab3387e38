// Errors carry the exact text kubectl prints for them (reference §1.1). The CLI's top level
// prints `formatError(err)` to stderr and exits with `exitCodeOf(err)`; nothing else prints errors.

/** One cause of an API "Invalid" error (apimachinery field.Error). */
export type FieldErrorType =
  | 'Invalid value'
  | 'Required value'
  | 'Duplicate value'
  | 'Unsupported value'
  | 'Forbidden'
  | 'Too long'
  | 'Too many'
  | 'Not found'
  | 'Internal error';

export interface FieldError {
  field: string;
  type: FieldErrorType;
  /** The offending value; rendered Go-style unless `valueText` is given. */
  value?: unknown;
  /** Pre-rendered value (Go %#v dumps such as `[]string{"10.96.0.99"}`). */
  valueText?: string;
  detail?: string;
}

const VALUELESS: FieldErrorType[] = ['Required value', 'Forbidden', 'Too long', 'Internal error'];

/** Go-quote a string the way %q does for the characters we meet. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/gi, (m, hex: string) => {
    const code = parseInt(hex, 16);
    return code < 0x20 || code === 0x7f ? `\\x${hex.slice(2)}` : String.fromCharCode(code);
  });
}

export function renderFieldValue(e: FieldError): string {
  if (e.valueText !== undefined) return e.valueText;
  const v = e.value;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export function formatFieldError(e: FieldError): string {
  let s = `${e.field}: ${e.type}`;
  const showValue = !VALUELESS.includes(e.type) && (e.value !== undefined || e.valueText !== undefined);
  if (showValue) s += `: ${renderFieldValue(e)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** A plain client-side error: printed as `error: <message>`. */
export class CliError extends Error {
  constructor(message: string, public exitCode = 1) {
    super(message);
  }
}

/** A usage error: message, then `See 'kubesim <verb> -h' for help and examples`. */
export class UsageError extends CliError {
  constructor(message: string, public verb: string) {
    super(message);
  }
}

/** An API status error: printed as `Error from server (<Reason>): <message>`. */
export class StatusError extends Error {
  constructor(public reason: string, message: string, public code = 400) {
    super(message);
  }
}

export class NotFoundError extends StatusError {
  constructor(resource: string, name: string) {
    super('NotFound', `${resource} "${name}" not found`, 404);
  }
}

export class AlreadyExistsError extends StatusError {
  constructor(resource: string, name: string) {
    super('AlreadyExists', `${resource} "${name}" already exists`, 409);
  }
}

/** HTTP 422: `The <Kind> "<name>" is invalid: <causes>`. */
export class InvalidError extends StatusError {
  constructor(public kind: string, public objName: string, public causes: FieldError[]) {
    super('Invalid', formatInvalid(kind, objName, causes), 422);
  }
}

export function formatInvalid(kind: string, name: string, causes: FieldError[]): string {
  const lines = [...new Set(causes.map(formatFieldError))];
  if (lines.length === 1) return `The ${kind} "${name}" is invalid: ${lines[0]}`;
  return `The ${kind} "${name}" is invalid: \n${lines.map((l) => `* ${l}`).join('\n')}`;
}

/** Exit with a code and no message of our own (exec's remote exit codes). */
export class ExitCode extends Error {
  constructor(public exitCode: number, message = '') {
    super(message);
  }
}

/** Text kubectl would print on stderr for this error (without the trailing newline). */
export function formatError(err: unknown): string {
  if (err instanceof ExitCode) return err.message;
  if (err instanceof InvalidError) return err.message;
  if (err instanceof StatusError) {
    return err.reason ? `Error from server (${err.reason}): ${err.message}` : `Error from server: ${err.message}`;
  }
  if (err instanceof UsageError) {
    return `error: ${err.message}\nSee 'kubesim ${err.verb} -h' for help and examples`;
  }
  if (err instanceof CliError) {
    return err.message.startsWith('error: ') || err.message.startsWith('Error from server') ? err.message : `error: ${err.message}`;
  }
  const msg = err instanceof Error ? err.message : String(err);
  return msg.startsWith('error: ') ? msg : `error: ${msg}`;
}

export function exitCodeOf(err: unknown): number {
  if (err instanceof ExitCode || err instanceof CliError) return err.exitCode;
  return 1;
}
