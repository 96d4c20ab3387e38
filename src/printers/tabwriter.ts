// Go's text/tabwriter as kubectl configures it (reference §2.2, §17.1). Cells are separated by
// tabs; the text after a line's last tab is not part of a column and is never padded. Columns are
// aligned in blocks of consecutive lines that have a cell in that column.

export interface TabWriterOptions {
  minwidth: number;
  padding: number;
}

/** kubectl get / custom-columns settings. */
export const GET_TABS: TabWriterOptions = { minwidth: 6, padding: 3 };
/** kubectl describe settings. */
export const DESCRIBE_TABS: TabWriterOptions = { minwidth: 0, padding: 2 };

const runeLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

export function tabwrite(text: string, opts: TabWriterOptions): string {
  if (text === '') return '';
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const cells = lines.map((l) => l.split('\t'));
  const widths: number[][] = cells.map(() => []);
  const layout = (lo: number, hi: number, col: number): void => {
    let i = lo;
    while (i < hi) {
      if (col >= cells[i].length - 1) {
        i++;
        continue;
      }
      let j = i;
      let w = opts.minwidth;
      while (j < hi && col < cells[j].length - 1) {
        w = Math.max(w, runeLength(cells[j][col]) + opts.padding);
        j++;
      }
      for (let k = i; k < j; k++) widths[k][col] = w;
      layout(i, j, col + 1);
      i = j;
    }
  };
  layout(0, lines.length, 0);
  const out = cells.map((row, li) =>
    row.map((cell, ci) => (ci < row.length - 1 ? cell + ' '.repeat(Math.max(0, widths[li][ci] - runeLength(cell))) : cell)).join(''),
  );
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}
