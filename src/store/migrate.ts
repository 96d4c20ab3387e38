// Forward migrations of older state files: one function per schema version step, applied in
// order until the state reaches the current SCHEMA_VERSION; a file too old to migrate is refused.
import { SCHEMA_VERSION, type State } from './state.js';
import { oldestEvent } from './events-file.js';

export type Migration = (s: State) => State;

/** steps[n] turns a schema-n state into a schema-(n+1) one. */
export const steps: Record<number, Migration> = {
  // 1 → 2: Events move to the sidecar file (events-file.ts) at the next save; until then they
  // are in memory, and the state says when the oldest of them was last seen.
  1: (s) => {
    const oldest = s.objects.events ? oldestEvent(s.objects.events) : undefined;
    return { ...s, schemaVersion: 2, ...(oldest !== undefined ? { eventsOldest: oldest } : {}) };
  },
};

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
