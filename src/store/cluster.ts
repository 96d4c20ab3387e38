// The object store as the API server's storage layer: get/list/create/update/delete with uids,
// resourceVersions, generations, creation timestamps and generated names; plus Events. It does not
// validate or default (src/api/server.ts does, like the API server's REST handlers); controllers
// use it directly.
import type { KObject, ClusterView } from '../api/types.js';
import { byPluralName, resolveKind, type ResourceType } from '../api/registry.js';
import { Rand, SeededRandom, MathRandom } from '../util/rand.js';
import { objectKey, type State } from './state.js';
import { rfc3339 } from './clock.js';

/** Kinds whose spec changes bump metadata.generation. */
const GENERATION_KINDS = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'Ingress', 'NetworkPolicy', 'PodDisruptionBudget']);

/** Events kept in the state at most (oldest dropped first), so a long session stays small. */
export const MAX_EVENTS = 500;
/** Events allowed past the cap within one command before trimming. */
export const EVENT_SLACK = 100;
/** The API server's --event-ttl (1 h): older events are gone. */
export const EVENT_TTL_MS = 60 * 60 * 1000;

export class Cluster implements ClusterView {
  readonly rand: Rand;
  private seeded?: SeededRandom;
  /** The random stream's position when this command started. */
  readonly rngStart: number;

  constructor(
    public state: State,
    public now: number,
  ) {
    this.rngStart = state.rngCounter;
    if (state.seed !== null && state.seed !== undefined) {
      this.seeded = new SeededRandom(state.seed, state.rngCounter);
      this.rand = new Rand(this.seeded);
    } else {
      this.rand = new Rand(new MathRandom());
    }
  }

  /** Persist the position of the seeded random stream. */
  syncRng(): void {
    if (this.seeded) this.state.rngCounter = this.seeded.counter;
  }

  get timestamp(): string {
    return rfc3339(this.now);
  }

  typeOf(obj: KObject): ResourceType {
    const r = resolveKind(obj.apiVersion, obj.kind);
    if (!r) throw new Error(`internal: no resource type for ${obj.apiVersion} ${obj.kind}`);
    return r.type;
  }

  private bucket(plural: string): Record<string, KObject> {
    return (this.state.objects[plural] ??= {});
  }

  /**
   * Sorted keys per resource, and per namespace, built when first needed and dropped when an
   * object of that resource is added or removed (updates keep keys, so they keep the index).
   */
  private index = new Map<string, { all: string[]; byNs: Map<string, string[]> }>();

  private keysOf(plural: string): { all: string[]; byNs: Map<string, string[]> } {
    let ix = this.index.get(plural);
    if (!ix) {
      const all = Object.keys(this.state.objects[plural] ?? {}).sort();
      const byNs = new Map<string, string[]>();
      for (const k of all) {
        const slash = k.indexOf('/');
        if (slash < 0) continue;
        const ns = k.slice(0, slash);
        let arr = byNs.get(ns);
        if (!arr) byNs.set(ns, (arr = []));
        arr.push(k);
      }
      this.index.set(plural, (ix = { all, byNs }));
    }
    return ix;
  }

  /** How many writes this command made (creates, updates, deletes, events). */
  changes = 0;

  private revisions = new Map<string, number>();

  /** A number that changes whenever an object of `plural` is created, updated or removed. */
  revision(plural: string): number {
    return this.revisions.get(plural) ?? 0;
  }

  private touched(plural: string): void {
    this.revisions.set(plural, (this.revisions.get(plural) ?? 0) + 1);
  }

  /** Keep the sorted key index of `plural` (if built) with a new key in it. */
  private indexAdd(plural: string, key: string): void {
    const ix = this.index.get(plural);
    if (!ix) return;
    insertSorted(ix.all, key);
    const slash = key.indexOf('/');
    if (slash < 0) return;
    const ns = key.slice(0, slash);
    const arr = ix.byNs.get(ns);
    if (arr) insertSorted(arr, key);
    else ix.byNs.set(ns, [key]);
  }

  list(plural: string, namespace?: string): KObject[] {
    const b = this.state.objects[plural];
    if (!b) return [];
    const ix = this.keysOf(plural);
    const keys = namespace === undefined ? ix.all : (ix.byNs.get(namespace) ?? []);
    const out: KObject[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = b[keys[i]];
    return out;
  }

  get(plural: string, namespace: string | undefined, name: string): KObject | undefined {
    const t = byPluralName(plural);
    return this.state.objects[plural]?.[objectKey(t?.namespaced ? namespace : undefined, name)];
  }

  exists(plural: string, namespace: string | undefined, name: string): boolean {
    return this.get(plural, namespace, name) !== undefined;
  }

  /** Find an object by uid among a resource's objects in a namespace. */
  byUid(plural: string, namespace: string | undefined, uid: string): KObject | undefined {
    return this.list(plural, namespace).find((o) => o.metadata.uid === uid);
  }

  /** A free name `<base><5 chars>` (base cut to 58 characters), as generateName gives. */
  generateName(plural: string, namespace: string | undefined, generateName: string): string {
    const base = generateName.slice(0, 58);
    let name: string;
    do name = base + this.rand.suffix(5);
    while (this.exists(plural, namespace, name));
    return name;
  }

  nextResourceVersion(): string {
    this.changes++;
    return String(++this.state.resourceVersion);
  }

  /**
   * Store a new object. `metadata.generateName` without a name gets a 5-char suffix. Fills uid,
   * resourceVersion, creationTimestamp (and generation for workloads). Returns the stored object.
   */
  create(obj: KObject): KObject {
    const t = this.typeOf(obj);
    const md = obj.metadata;
    if (!md.name && md.generateName) md.name = this.generateName(t.plural, md.namespace, md.generateName);
    if (!t.namespaced) delete md.namespace;
    md.uid = this.rand.uuid();
    md.resourceVersion = this.nextResourceVersion();
    md.creationTimestamp = this.timestamp;
    if (GENERATION_KINDS.has(obj.kind)) md.generation = 1;
    const key = objectKey(md.namespace, md.name);
    const b = this.bucket(t.plural);
    if (!(key in b)) this.indexAdd(t.plural, key);
    b[key] = obj;
    this.touched(t.plural);
    return obj;
  }

  /** Replace a stored object; bumps resourceVersion, and generation when the spec changed. */
  update(obj: KObject, opts: { specChanged?: boolean } = {}): KObject {
    const t = this.typeOf(obj);
    const key = objectKey(t.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name);
    const old = this.bucket(t.plural)[key];
    if (old && GENERATION_KINDS.has(obj.kind)) {
      const changed = opts.specChanged ?? JSON.stringify(old.spec) !== JSON.stringify(obj.spec);
      obj.metadata.generation = (old.metadata.generation ?? 1) + (changed ? 1 : 0);
    }
    obj.metadata.resourceVersion = this.nextResourceVersion();
    const b = this.bucket(t.plural);
    if (!(key in b)) this.indexAdd(t.plural, key);
    b[key] = obj;
    this.touched(t.plural);
    return obj;
  }

  remove(plural: string, namespace: string | undefined, name: string): KObject | undefined {
    const t = byPluralName(plural);
    const b = this.state.objects[plural];
    if (!b) return undefined;
    const key = objectKey(t?.namespaced ? namespace : undefined, name);
    const old = b[key];
    if (old) {
      delete b[key];
      this.index.delete(plural);
      this.touched(plural);
      this.changes++;
    }
    return old;
  }

  // ---- events ----

  eventsFor(obj: KObject): KObject[] {
    const uid = obj.metadata.uid;
    // No Event about it (as saved; none recorded by this command): the Events stay unread.
    const about = this.state.eventsAbout;
    if (this.eventIndex === undefined && about && !(uid && about.includes(uid)) && !about.includes(`${obj.kind}/${obj.metadata.name}`)) return [];
    return this.list('events', obj.metadata.namespace ?? 'default')
      .filter((e) => e.involvedObject?.uid === uid || (!e.involvedObject?.uid && e.involvedObject?.name === obj.metadata.name && e.involvedObject?.kind === obj.kind))
      .sort((a, b) => (a.lastTimestamp < b.lastTimestamp ? -1 : a.lastTimestamp > b.lastTimestamp ? 1 : Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion)));
  }

  /** Record an Event (deduplicated like the event recorder: same object, reason and message → count+1). */
  event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string, host?: string): void {
    const ns = obj.metadata.namespace ?? 'default';
    const dedupe = `${ns}\0${obj.metadata.uid}\0${reason}\0${message}`;
    const seen = this.eventKeys().get(dedupe);
    const existing = seen !== undefined ? this.state.objects.events?.[seen] : undefined;
    if (existing) {
      existing.count = (existing.count ?? 1) + 1;
      existing.lastTimestamp = this.timestamp;
      existing.metadata.resourceVersion = this.nextResourceVersion();
      return;
    }
    const ev: KObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${obj.metadata.name}.${this.eventSuffix()}`, namespace: ns },
      involvedObject: {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        name: obj.metadata.name,
        namespace: obj.metadata.namespace,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
      },
      reason,
      message,
      source: host ? { component, host } : { component },
      firstTimestamp: this.timestamp,
      lastTimestamp: this.timestamp,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: component,
      reportingInstance: host ?? '',
    };
    if (!obj.metadata.namespace) delete ev.involvedObject.namespace;
    this.create(ev);
    this.eventKeys().set(dedupe, objectKey(ns, ev.metadata.name));
    // Past the cap (with some slack, so that a big change does not trim at every event), the
    // oldest go; reconcile trims to the cap and the TTL before and after its rounds.
    if (++this.eventCount > MAX_EVENTS + EVENT_SLACK) this.trimEvents();
  }

  /** Events by what the recorder deduplicates on (namespace, object uid, reason, message). */
  private eventIndex?: Map<string, string>;
  private eventCount = 0;

  private eventKeys(): Map<string, string> {
    if (!this.eventIndex) {
      this.eventIndex = new Map();
      const b = this.state.objects.events ?? {};
      for (const [key, e] of Object.entries(b)) {
        this.eventIndex.set(`${e.metadata.namespace ?? 'default'}\0${e.involvedObject?.uid}\0${e.reason}\0${e.message}`, key);
      }
      this.eventCount = Object.keys(b).length;
    }
    return this.eventIndex;
  }

  /** Event names end in the hex of a nanosecond timestamp, so name order is creation order. */
  private eventSuffix(): string {
    return (BigInt(this.now) * 1_000_000n + BigInt(this.state.resourceVersion % 1_000_000)).toString(16);
  }

  /** Drop events past the TTL, and the oldest beyond the cap. */
  trimEvents(): void {
    // Nothing recorded by this command and nothing past its TTL: leave the Events unread.
    const oldest = this.state.eventsOldest;
    if (this.eventIndex === undefined && oldest !== undefined && oldest + EVENT_TTL_MS >= this.now) return;
    const b = this.state.objects.events;
    if (!b) return;
    const keys = Object.keys(b);
    const cutoff = this.now - EVENT_TTL_MS;
    const expired = keys.filter((k) => Date.parse(b[k].lastTimestamp ?? '') < cutoff);
    const live = keys.filter((k) => !(Date.parse(b[k].lastTimestamp ?? '') < cutoff));
    const surplus = live.length > MAX_EVENTS
      ? live.sort((x, y) => Number(b[x].metadata.resourceVersion) - Number(b[y].metadata.resourceVersion)).slice(0, live.length - MAX_EVENTS)
      : [];
    this.eventCount = live.length - surplus.length;
    if (!expired.length && !surplus.length) return;
    for (const k of [...expired, ...surplus]) delete b[k];
    this.index.delete('events');
    this.touched('events');
    this.changes++;
  }

}

/** Insert `key` into the sorted array `arr` (binary search: the order `sort()` gives). */
function insertSorted(arr: string[], key: string): void {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  if (arr[lo] !== key) arr.splice(lo, 0, key);
}
