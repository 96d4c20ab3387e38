// describe.go's PrefixWriter on top of a tab-writer (reference §16.1). Describers write text
// with tabs between cells exactly as describe.go does; the tab-writer (DESCRIBE_TABS) aligns the
// cells in blocks, so nothing is padded by hand. `flush()` ends every alignment block, as
// tabwriter.Writer.Flush does in DescribeEvents.
import { DESCRIBE_TABS, tabwrite } from '../tabwriter.js';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** printers.WriteEscaped: terminal escape and carriage return are made visible. */
const escapeTerminal = (s: string): string => s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');

export class PrefixWriter {
  private done = '';
  private pending = '';

  /** `raw`: describe.NewPrefixWriter on a plain buffer (no tab alignment), as `rollout history --revision` prints. */
  constructor(private readonly raw = false) {}

  /** Write `text` preceded by two spaces per level (the text is already formatted). */
  write(level: number, text: string): void {
    this.pending += escapeTerminal('  '.repeat(level) + text);
  }

  /** fmt.Sprintln of one value: the value and a newline, no indentation. */
  writeLine(text = ''): void {
    this.pending += escapeTerminal(text + '\n');
  }

  /** Format everything written so far; later lines start new alignment blocks. */
  flush(): void {
    this.done += this.raw ? this.pending : tabwrite(this.pending, DESCRIBE_TABS);
    this.pending = '';
  }

  toString(): string {
    this.flush();
    return this.done;
  }
}

/** describe.go's tabbedString: run a describer against a fresh writer and return the text. */
export function tabbedString(fn: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  fn(w);
  return w.toString();
}

/** nestedPrefixWriter: every write is indented `indent` more levels. */
export class NestedPrefixWriter extends PrefixWriter {
  constructor(
    private readonly inner: PrefixWriter,
    private readonly indent: number,
  ) {
    super();
  }
  override write(level: number, text: string): void {
    this.inner.write(level + this.indent, text);
  }
  override writeLine(text = ''): void {
    this.inner.write(this.indent, text + '\n');
  }
  override flush(): void {
    this.inner.flush();
  }
}
