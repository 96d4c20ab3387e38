// Streams of the simulated shell: output sinks with caps (nothing is unbounded), input that
// commands consume, and the limits that stop runaway scripts with a clear note.

/** Caps for one `exec` (or probe, or main-process run). */
export const LIMITS = {
  /** Commands (and loop rounds) one invocation may run. */
  steps: 10_000,
  /** Bytes a command may write to the terminal (stdout), and to stderr. */
  stdout: 1024 * 1024,
  stderr: 256 * 1024,
  /** A pipe buffer: a writer into a full pipe stops, as with SIGPIPE (`yes | head`). */
  pipe: 256 * 1024,
  /** Nested function calls / subshells / sourced files (fork bombs). */
  depth: 100,
  /** Simulated seconds `sleep` may add up to in one invocation. */
  sleepSeconds: 24 * 3600,
};

/** A runaway script was stopped: `note` goes to stderr, the invocation exits 137. */
export class ShellLimit extends Error {
  constructor(public note: string) {
    super(note);
  }
}

/** The reader of a pipe went away (or the pipe is full): the writer is stopped like SIGPIPE. */
export class PipeClosed extends Error {}

export class Sink {
  private parts: string[] = [];
  size = 0;
  constructor(
    public readonly kind: 'root' | 'pipe' | 'capture' | 'file' | 'null',
    private cap: number,
    private what = 'output',
    /** Called with every chunk as it is written (interactive sessions stream their output). */
    private live?: (s: string) => void,
  ) {}

  write(s: string): void {
    if (this.kind === 'null' || !s) return;
    if (this.size + s.length > this.cap) {
      const room = Math.max(0, this.cap - this.size);
      if (room) this.push(s.slice(0, room));
      if (this.kind === 'pipe') throw new PipeClosed();
      throw new ShellLimit(`kubesim: stopped after ${this.cap} bytes of ${this.what} (the limit of one command in a simulated container)`);
    }
    this.push(s);
  }

  private push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    this.live?.(s);
  }

  text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }
}

export function nullSink(): Sink {
  return new Sink('null', 0);
}

/** Standard input as a stream: `read` takes a line, other commands take the rest. */
export class Input {
  constructor(
    private data: string,
    private pos = 0,
  ) {}
  readAll(): string {
    const s = this.data.slice(this.pos);
    this.pos = this.data.length;
    return s;
  }
  readLine(): string | undefined {
    if (this.pos >= this.data.length) return undefined;
    const nl = this.data.indexOf('\n', this.pos);
    const end = nl < 0 ? this.data.length : nl;
    const line = this.data.slice(this.pos, end);
    this.pos = nl < 0 ? this.data.length : nl + 1;
    return line;
  }
  get eof(): boolean {
    return this.pos >= this.data.length;
  }
}

/** A main process simulated up to its horizon is still running (not an error). */
export class StillRunning extends Error {}
