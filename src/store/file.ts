// Reading and writing the state file. Every command runs inside `withState`: an exclusive lock
// (proper-lockfile: a lock directory beside the file, refreshed while held, broken when stale
// after a crash), a read, the command, and an atomic write (write-file-atomic: temp file +
// rename), so concurrent processes never lose each other's update and a killed process leaves
// either the old state or the new one. Most commands first run without the lock (optimistic, see
// withState): one that changes nothing — a read, an apply of an unchanged file — never takes it.
import { readFileSync, existsSync, mkdirSync, renameSync, openSync, fstatSync, closeSync, statSync } from 'node:fs';
import { dirname, resolve, join } from 'node:path';
import { homedir } from 'node:os';
import { CliError } from '../util/errors.js';
import { SCHEMA_VERSION, STATE_KIND, type State } from './state.js';
import { migrate, MigrationError } from './migrate.js';
import { attachEvents, eventsPath, serializeState, type EventsHandle } from './events-file.js';

export function defaultStatePath(): string {
  return join(homedir(), '.kubesim', 'state.json');
}

export function resolveStatePath(flag?: string): string {
  return resolve(flag || process.env.KUBESIM_STATE || defaultStatePath());
}

const LOCK_TIMEOUT_MS = Number(process.env.KUBESIM_LOCK_TIMEOUT_MS || 30_000);
/** A lock not refreshed for this long belongs to a dead process and is broken (proper-lockfile's minimum is 2 s). */
const LOCK_STALE_MS = Math.max(2_000, Number(process.env.KUBESIM_LOCK_STALE_MS || 10_000));

async function acquire(path: string): Promise<() => Promise<void>> {
  mkdirSync(dirname(path), { recursive: true });
  const { default: lockfile } = await import('proper-lockfile');
  const started = Date.now();
  let delay = 5;
  for (;;) {
    try {
      return await lockfile.lock(path, {
        realpath: false,
        stale: LOCK_STALE_MS,
        update: Math.min(2_000, LOCK_STALE_MS / 2),
        onCompromised: () => {
          /* another process broke our lock after we stalled for >10 s; our write is still atomic */
        },
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
      if (Date.now() - started > LOCK_TIMEOUT_MS) {
        throw new CliError(
          `timed out after ${Math.round(LOCK_TIMEOUT_MS / 1000)}s waiting for the lock on the state file ${path} (another kubesim command is still running; if none is, remove ${path}.lock)`,
        );
      }
      await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
      delay = Math.min(delay * 1.5, 100);
    }
  }
}

export class StateFileError extends CliError {}

/** Temp file + rename (write-file-atomic), loaded only by commands that write. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(path, text, { fsync: false });
}

/** Parse a state file's text; throws StateFileError saying what is wrong and how to fix it. */
export function parseState(text: string, path: string): State {
  const fix = `run "kubesim reset" to start a fresh cluster (the unreadable file will be kept as a backup)`;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = text.trim() === '' ? 'it is empty' : `it is not valid JSON (${(e as Error).message})`;
    throw new StateFileError(`cannot read the kubesim state file ${path}: ${why}; ${fix}`);
  }
  const d = data as Partial<State>;
  if (!d || typeof d !== 'object' || d.kind !== STATE_KIND || typeof d.schemaVersion !== 'number' || typeof d.objects !== 'object') {
    throw new StateFileError(`cannot read the kubesim state file ${path}: it is not a kubesim state file; ${fix}, or choose another file with --state or KUBESIM_STATE`);
  }
  if (d.schemaVersion > SCHEMA_VERSION) {
    throw new StateFileError(
      `the kubesim state file ${path} has schema version ${d.schemaVersion}, newer than this kubesim understands (${SCHEMA_VERSION}); upgrade kubesim, or ${fix}`,
    );
  }
  try {
    return migrate(d as State);
  } catch (e) {
    if (e instanceof MigrationError) throw new StateFileError(`cannot read the kubesim state file ${path}: ${e.message}; ${fix}`);
    throw e;
  }
}

export interface Session {
  path: string;
  state: State;
  /** True when the file did not exist and a fresh cluster was made. */
  created: boolean;
  /** Set when the command changed nothing worth keeping (it failed): the file is not written. */
  discard?: boolean;
}

/**
 * Run `fn` with the state under the lock, then save it if it changed. `fresh` builds the state of
 * a new cluster when the file does not exist.
 *
 * `optimistic`: first run `fn` without the lock, on the file as it is (it is only ever replaced
 * whole, so what is read is consistent). If that changes nothing, nothing is saved and the lock
 * is never taken; if it does, the lock is taken and, when the file is still the one that was read
 * (same inode, size and mtime: every write is a rename of a new file), the result is saved.
 * Otherwise `fn` runs again under the lock on the new state, so it must have no effect outside
 * the session's state (the caller drops what the first run buffered when `retry` is called).
 */
export async function withState<T>(
  path: string,
  fresh: () => State,
  fn: (s: Session) => Promise<T> | T,
  optimistic?: { retry: () => void },
): Promise<T> {
  let release: (() => Promise<void>) | undefined;
  try {
    if (optimistic) {
      const read = readWithIdentity(path);
      if (read) {
        const session: Session = { path, state: parseState(read.text, path), created: false };
        const events = attachEvents(session.state, path);
        const result = await fn(session);
        if (session.discard) return result;
        release = await acquire(path);
        if (sameFile(path, read.id)) {
          await save(path, session.state, events, read.text);
          return result;
        }
        optimistic.retry();
      }
    }
    release ??= await acquire(path);
    let text: string | undefined;
    if (existsSync(path)) text = readFileSync(path, 'utf8');
    const session: Session =
      text === undefined ? { path, state: fresh(), created: true } : { path, state: parseState(text, path), created: false };
    // A new cluster starts with no Events, whatever a sidecar left from an earlier one holds.
    if (session.created) session.state.objects.events ??= {};
    const events = attachEvents(session.state, path);
    const result = await fn(session);
    if (session.discard && !session.created) return result;
    await save(path, session.state, events, text);
    return result;
  } finally {
    if (release) await release().catch(() => undefined);
  }
}

type FileId = { ino: number; size: number; mtimeMs: number };

/** The state file's text and identity, read together (undefined when there is no file yet). */
function readWithIdentity(path: string): { text: string; id: FileId } | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined; // no file yet (or unreadable): the locked path creates it or says what is wrong
  }
  try {
    const st = fstatSync(fd);
    return { text: readFileSync(fd, 'utf8'), id: { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs } };
  } finally {
    closeSync(fd);
  }
}

function sameFile(path: string, id: FileId): boolean {
  try {
    const st = statSync(path);
    return st.ino === id.ino && st.size === id.size && st.mtimeMs === id.mtimeMs;
  } catch {
    return false;
  }
}

/** Write the Events (when in memory and changed), then the state (when changed). */
async function save(path: string, state: State, events: EventsHandle, oldText?: string): Promise<void> {
  const out = serializeState(state, events);
  if (out.events !== undefined && out.events !== events.original) await writeAtomic(eventsPath(path), out.events);
  if (out.main !== oldText) await writeAtomic(path, out.main);
}

/** Read the state without locking or writing (for watchers that poll). */
export function peekState(path: string): State | undefined {
  if (!existsSync(path)) return undefined;
  return parseState(readFileSync(path, 'utf8'), path);
}

/** Replace the state file with a fresh cluster, keeping an unreadable old file as a backup. */
export async function resetState(path: string, fresh: () => State): Promise<string | undefined> {
  const release = await acquire(path);
  try {
    let backup: string | undefined;
    if (existsSync(path)) {
      try {
        parseState(readFileSync(path, 'utf8'), path);
      } catch {
        backup = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        renameSync(path, backup);
      }
    }
    const state = fresh();
    state.objects.events ??= {};
    await save(path, state, { loaded: () => true });
    return backup;
  } finally {
    await release().catch(() => undefined);
  }
}
