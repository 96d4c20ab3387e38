// Writing a command's output straight to file descriptors 1 and 2 with fs.writeSync. Touching
// process.stdout or process.stderr makes Node build a stream (and load its stream modules), which
// costs a one-shot command more start-up time than the whole `get` it prints. A pipe that the
// parent made non-blocking answers EAGAIN when full: wait for it and go on. A reader that went
// away (EPIPE: `kubesim get pods | head -1`) ends the output quietly, as SIGPIPE ends kubectl.
import { writeSync } from 'node:fs';

type Sink = (fd: 1 | 2, text: string) => void;
let sink: Sink | undefined;
let closed = [false, false, false];

/**
 * Send what the CLI writes to `to` instead of the descriptors (the build's warm-up run drops it;
 * in-process tests collect it); undefined restores the descriptors.
 */
export function redirectStdio(to: Sink | undefined): void {
  sink = to;
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function writeFd(fd: 1 | 2, text: string): void {
  if (sink) return sink(fd, text);
  if (closed[fd] || !text) return;
  let buf = Buffer.from(text, 'utf8');
  while (buf.length) {
    try {
      const n = writeSync(fd, buf);
      buf = buf.subarray(n);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        sleepMs(1);
        continue;
      }
      if (code === 'EPIPE') {
        closed[fd] = true;
        return;
      }
      throw e;
    }
  }
}

export const writeOut = (text: string): void => writeFd(1, text);
export const writeErr = (text: string): void => writeFd(2, text);
