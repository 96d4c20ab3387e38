// DescribeEvents (reference §16.1): `Events:  <none>`, or a flushed sub-table sorted like
// kubectl's event.SortableEvents, with the Age column `<age>` or `<last> (x<n> over <first>)`.
import type { KObject } from '../../api/types.js';
import { goSort } from './gosort.js';
import { type Any, since, timeKey } from './format.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './writer.js';

/** The time kubectl sorts an event by: series.lastObservedTime, lastTimestamp, eventTime. */
function eventTime(e: Any): number {
  if (e.series) return timeKey(e.series.lastObservedTime);
  if (e.lastTimestamp) return timeKey(e.lastTimestamp);
  return timeKey(e.eventTime);
}

/** The events of a view built for `--show-events=false`: kubectl then prints no Events section. */
export const NO_EVENTS: readonly KObject[] = Object.freeze([]);

export function describeEvents(events: readonly KObject[], w: PrefixWriter, now: number): void {
  if (events === NO_EVENTS) return;
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const items: Any[] = [...events];
  goSort(items, (a, b) => eventTime(a) < eventTime(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of items) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${String(e.message ?? '').trim()}\n`);
  }
}
