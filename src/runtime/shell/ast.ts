// The syntax tree of the simulated in-container shell (a POSIX sh subset plus the bash bits
// learners type). Produced by parser.ts, run by interp.ts. Nothing here touches the host.

/** One piece of a word: text, a parameter, a command substitution or an arithmetic expansion. */
export type WordPart =
  | { t: 'lit'; v: string; q: boolean } // q: quoted (no field splitting, no globbing)
  | { t: 'param'; name: string; op?: string; arg?: Word; q: boolean; length?: boolean }
  | { t: 'cmd'; body: Node; q: boolean }
  | { t: 'arith'; expr: string; q: boolean }
  | { t: 'tilde'; user: string };

export type Word = WordPart[];

export interface Redir {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<&' | '<<' | '&>' | '&>>' | '>|' | '<>' | '<<<';
  target: Word;
  /** Here-document body (raw text) and whether it undergoes expansion. */
  heredoc?: { body: string; expand: boolean; strip: boolean };
}

export type Node =
  | { t: 'simple'; assigns: { name: string; value: Word; append?: boolean }[]; words: Word[]; redirs: Redir[]; line: number }
  | { t: 'pipeline'; cmds: Node[]; bang: boolean }
  | { t: 'andor'; first: Node; rest: { op: '&&' | '||'; node: Node }[] }
  | { t: 'list'; items: { node: Node; bg: boolean }[] }
  | { t: 'subshell'; body: Node; redirs: Redir[] }
  | { t: 'group'; body: Node; redirs: Redir[] }
  | { t: 'if'; clauses: { cond: Node; body: Node }[]; otherwise?: Node; redirs: Redir[] }
  | { t: 'loop'; until: boolean; cond: Node; body: Node; redirs: Redir[] }
  | { t: 'for'; name: string; items?: Word[]; body: Node; redirs: Redir[] }
  | { t: 'case'; word: Word; arms: { patterns: Word[]; body?: Node }[]; redirs: Redir[] }
  | { t: 'func'; name: string; body: Node };

export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    public token: string,
    public line: number,
  ) {
    super(message);
  }
}
