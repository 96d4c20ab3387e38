// Go's strconv parsing as kubectl's generators and flags use it, with Go's error texts
// (`strconv.Atoi: parsing "http": invalid syntax`).
import { CliError, goQuote } from '../../../util/errors.js';

class NumError extends CliError {
  constructor(fn: string, s: string, reason: 'invalid syntax' | 'value out of range') {
    super(`strconv.${fn}: parsing ${goQuote(s)}: ${reason}`);
  }
}

function parseSigned(fn: string, s: string, bits: number): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new NumError(fn, s, 'invalid syntax');
  const n = BigInt(s);
  const max = (1n << BigInt(bits - 1)) - 1n;
  if (n > max || n < -max - 1n) throw new NumError(fn, s, 'value out of range');
  return Number(n);
}

/** strconv.Atoi (int is 64-bit). */
export function atoi(s: string): number {
  return parseSigned('Atoi', s, 64);
}

/** strconv.ParseInt(s, 10, bits). */
export function parseInt(s: string, bits: number): number {
  return parseSigned('ParseInt', s, bits);
}

/** strconv.ParseUint(s, 10, 16): what k8s.io/utils/net.ParsePort does. */
export function parsePort(s: string): number {
  if (!/^[0-9]+$/.test(s)) throw new NumError('ParseUint', s, 'invalid syntax');
  const n = BigInt(s);
  if (n > 65535n) throw new NumError('ParseUint', s, 'value out of range');
  return Number(n);
}

/** pflag's error for a flag value it cannot parse. */
export function flagValueError(value: string, flag: string, err: Error, verbPath: string): CliError {
  return new CliError(`invalid argument ${goQuote(value)} for ${goQuote(flag)} flag: ${err.message}\nSee 'kubesim ${verbPath} --help' for usage.`);
}

/** An int32/int flag: `--replicas=3` → 3, with pflag's error for anything else. */
export function intFlag(value: string | undefined, flag: string, bits: number, verbPath: string): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseInt(value, bits);
  } catch (e) {
    throw flagValueError(value, flag, e as Error, verbPath);
  }
}
