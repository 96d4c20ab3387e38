// The `--trace` sink: the network simulation writes one line per step of a packet's path (DNS
// queries along the search list, kube-proxy's choice of endpoint, DNAT, who answered); they go
// to stderr, coloured only on a terminal and never with NO_COLOR.
import { Chalk } from 'chalk';

export function traceEnabled(flag: boolean | undefined): boolean {
  return !!flag || process.env.KUBESIM_TRACE === '1' || process.env.KUBESIM_TRACE === 'true';
}

export function colourTrace(line: string): string {
  const useColour = !!process.stderr.isTTY && !process.env.NO_COLOR;
  if (!useColour) return `${line}\n`;
  const c = new Chalk({ level: 1 });
  const m = /^([\w.-]+:)(.*)$/.exec(line);
  if (m) return `${c.cyan(m[1])}${/fail|refused|timeout|NXDOMAIN|no endpoints|dropped|unreachable/i.test(m[2]) ? c.red(m[2]) : c.dim(m[2])}\n`;
  return `${c.dim(line)}\n`;
}

/** A trace function that writes through `write` (or undefined when tracing is off). */
export function traceSink(enabled: boolean, write: (text: string) => void): ((line: string) => void) | undefined {
  if (!enabled) return undefined;
  return (line: string) => write(colourTrace(line));
}
