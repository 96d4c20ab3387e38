// The error texts of the three shells an image may have: busybox ash (alpine, busybox), dash
// (`sh` on debian/ubuntu) and bash. Each prints its own words for the same mistake.
export type Flavour = 'ash' | 'dash' | 'bash';

export interface Where {
  flavour: Flavour;
  /** $0 as the shell prints it in messages (`sh`, `/bin/sh`, `bash`). */
  arg0: string;
  line: number;
  interactive: boolean;
}

/** The prefix of a shell's error message: `sh: `, `sh: 1: `, `bash: line 1: `. */
export function prefix(w: Where): string {
  if (w.flavour === 'ash') return `${w.arg0}: `;
  if (w.flavour === 'dash') return `${w.arg0}: ${w.line}: `;
  return w.interactive ? 'bash: ' : `${w.arg0}: line ${w.line}: `;
}

export function notFound(w: Where, name: string): string {
  if (w.flavour === 'bash') return `${prefix(w)}${name}: command not found\n`;
  return `${prefix(w)}${name}: not found\n`;
}

export function noSuchFile(w: Where, name: string): string {
  return `${prefix(w)}${name}: No such file or directory\n`;
}

export function permissionDenied(w: Where, name: string): string {
  return `${prefix(w)}${name}: Permission denied\n`;
}

export function cantCreate(w: Where, file: string, reason: 'ENOENT' | 'EISDIR' | 'EROFS' | 'ENOSPC' | 'ENOTDIR'): string {
  const text = { ENOENT: 'No such file or directory', EISDIR: 'Is a directory', EROFS: 'Read-only file system', ENOSPC: 'No space left on device', ENOTDIR: 'Not a directory' }[reason];
  if (w.flavour === 'ash') return `${prefix(w)}can't create ${file}: ${reason === 'ENOENT' ? 'nonexistent directory' : text}\n`;
  if (w.flavour === 'dash') return `${prefix(w)}cannot create ${file}: ${reason === 'ENOENT' ? 'Directory nonexistent' : text}\n`;
  return `${prefix(w)}${file}: ${text}\n`;
}

export function cantOpen(w: Where, file: string, reason: 'ENOENT' | 'EISDIR' = 'ENOENT'): string {
  const text = reason === 'EISDIR' ? 'Is a directory' : 'No such file or directory';
  if (w.flavour === 'ash') return `${prefix(w)}can't open '${file}': ${text}\n`;
  if (w.flavour === 'dash') return `${prefix(w)}cannot open ${file}: ${reason === 'EISDIR' ? 'Is a directory' : 'No such file'}\n`;
  return `${prefix(w)}${file}: ${text}\n`;
}

export function cdError(w: Where, dir: string, reason: 'ENOENT' | 'ENOTDIR' = 'ENOENT'): string {
  const text = reason === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory';
  if (w.flavour === 'ash') return `${prefix(w)}cd: can't cd to ${dir}: ${text}\n`;
  if (w.flavour === 'dash') return `${prefix(w)}cd: can't cd to ${dir}\n`;
  return `${prefix(w)}cd: ${dir}: ${text}\n`;
}

/** A syntax error, as each shell reports it (exit status 2). */
export function syntaxError(w: Where, token: string, isEof: boolean): string {
  if (w.flavour === 'ash') return `${w.arg0}: syntax error: ${isEof ? 'unexpected end of file' : `unexpected "${token}"`}\n`;
  if (w.flavour === 'dash') return `${w.arg0}: ${w.line}: Syntax error: ${isEof ? 'end of file unexpected' : `"${token}" unexpected`}\n`;
  const where = w.interactive ? 'bash: ' : `${w.arg0}: -c: line ${w.line}: `;
  if (isEof) return `${where}syntax error: unexpected end of file\n`;
  return `${where}syntax error near unexpected token \`${token}'\n`;
}

export function badSubstitution(w: Where, text: string): string {
  return `${prefix(w)}${text}\n`;
}
