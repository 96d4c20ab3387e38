// Events live beside the state file, in `<state file>.events`: half of a fresh cluster's state is
// Events, which most commands never look at (get pods, apply of an unchanged file), so they are
// read only when something touches `state.objects.events` (describe, get events, a controller
// recording one). The state file keeps `eventsOldest`, enough to know when one reaches its TTL.
// Both files are written atomically under the same lock, the Events first; a crash between the
// two leaves newer Events beside an older state, which only shows as extra Events.
import { readFileSync } from 'node:fs';
import type { KObject } from '../api/types.js';
import type { State } from './state.js';

export const eventsPath = (statePath: string): string => `${statePath}.events`;

export interface EventsHandle {
  /** Whether the Events are in memory (read, or never stored apart: a fresh or older state). */
  loaded(): boolean;
  /** The sidecar's text as read (to know whether it must be written again). */
  original?: string;
}

type Bucket = Record<string, KObject>;

function readEvents(statePath: string): { events: Bucket; text?: string } {
  let text: string;
  try {
    text = readFileSync(eventsPath(statePath), 'utf8');
  } catch {
    return { events: {} };
  }
  try {
    const events = JSON.parse(text) as unknown;
    if (events && typeof events === 'object' && !Array.isArray(events)) return { events: events as Bucket, text };
  } catch {
    /* an unreadable sidecar holds nothing we can show: start again with no Events */
  }
  return { events: {} };
}

/** Give `state.objects` an `events` bucket that is read from the sidecar when first touched. */
export function attachEvents(state: State, statePath: string): EventsHandle {
  if (Object.prototype.hasOwnProperty.call(state.objects, 'events')) return { loaded: () => true };
  let value: Bucket | undefined;
  const handle: EventsHandle = { loaded: () => value !== undefined };
  Object.defineProperty(state.objects, 'events', {
    configurable: true,
    enumerable: true,
    get() {
      if (value === undefined) {
        const r = readEvents(statePath);
        value = r.events;
        handle.original = r.text;
      }
      return value;
    },
    set(v: Bucket) {
      value = v;
    },
  });
  return handle;
}

/** What an Event is about, as the state lists it (eventsAbout): the object's uid, else kind/name. */
export function eventSubject(e: KObject): string {
  const o = e.involvedObject ?? {};
  return o.uid || `${o.kind}/${o.name}`;
}

/** The earliest lastTimestamp among the Events (ms), or undefined when there are none. */
export function oldestEvent(events: Bucket): number | undefined {
  let oldest: number | undefined;
  for (const e of Object.values(events)) {
    const t = Date.parse(e.lastTimestamp ?? '');
    if (!Number.isNaN(t) && (oldest === undefined || t < oldest)) oldest = t;
  }
  return oldest;
}

/** The two texts to store: the state without its Events, and the Events when they were in memory. */
export function serializeState(state: State, handle: EventsHandle): { main: string; events?: string } {
  const objects: Record<string, Bucket> = {};
  for (const k of Object.keys(state.objects)) if (k !== 'events') objects[k] = state.objects[k];
  let events: string | undefined;
  if (handle.loaded()) {
    const bucket = state.objects.events ?? {};
    events = JSON.stringify(bucket);
    const oldest = oldestEvent(bucket);
    if (oldest === undefined) delete state.eventsOldest;
    else state.eventsOldest = oldest;
    state.eventsAbout = [...new Set(Object.values(bucket).map(eventSubject))].sort();
  }
  return { main: JSON.stringify({ ...state, objects }), events };
}
