// Forward migrations of older state files: one function per schema version step, applied in
// order until the state reaches the current SCHEMA_VERSION. Schema 1 is the first published
// format, so the table is empty until the format changes; a file too old to migrate is refused.
import { SCHEMA_VERSION, type State } from './state.js';

export type Migration = (s: State) => State;

/** steps[n] turns a schema-n state into a schema-(n+1) one. */
export const steps: Record<number, Migration> = {};

export class MigrationError extends Error {}

export function migrate(s: State, table: Record<number, Migration> = steps, target = SCHEMA_VERSION): State {
  let cur = s;
  while (cur.schemaVersion < target) {
    const step = table[cur.schemaVersion];
    if (!step) throw new MigrationError(`schema version ${cur.schemaVersion} is older than any this kubesim can migrate`);
    const from = cur.schemaVersion;
    cur = step(cur);
    if (cur.schemaVersion !== from + 1) cur.schemaVersion = from + 1;
  }
  return cur;
}
