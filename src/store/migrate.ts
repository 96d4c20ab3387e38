// Forward migrations of older state files: one function per schema version step.
import { SCHEMA_VERSION, type State } from './state.js';

const steps: Record<number, (s: State) => State> = {
  // 1 → 2 goes here when schema 2 exists.
};

export function migrate(s: State): State {
  let cur = s;
  while (cur.schemaVersion < SCHEMA_VERSION) {
    const step = steps[cur.schemaVersion];
    if (!step) break;
    cur = step(cur);
  }
  return cur;
}
