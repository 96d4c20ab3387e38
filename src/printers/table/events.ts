// printEvent (core/v1 Event): LAST SEEN  TYPE  REASON  OBJECT  MESSAGE, wide adds SUBOBJECT and
// SOURCE before MESSAGE and FIRST SEEN, COUNT, NAME after it. NAME (the `name`-format column that
// gets the kind/ prefix) is wide-only.
import type { Event } from 'kubernetes-types/core/v1.js';
import { since } from './format.js';
import { col, type TablePrinter } from './types.js';

const firstNonEmpty = (...ss: (string | undefined)[]): string => ss.find((s) => s) ?? '';

export function eventSource(ev: Event): string {
  const component = firstNonEmpty(ev.source?.component, ev.reportingComponent);
  const instance = firstNonEmpty(ev.source?.host, ev.reportingInstance);
  return instance ? `${component}, ${instance}` : component;
}

export const events: TablePrinter = {
  columns: [
    col('Last Seen'),
    col('Type'),
    col('Reason'),
    col('Object'),
    col('Subobject', 1),
    col('Source', 1),
    col('Message'),
    col('First Seen', 1),
    col('Count', 1),
    { name: 'Name', priority: 1, format: 'name' },
  ],
  row(obj, view) {
    const ev = obj as Event;
    const first = ev.firstTimestamp ? since(ev.firstTimestamp, view.now) : since(ev.eventTime, view.now);
    let last = ev.lastTimestamp ? since(ev.lastTimestamp, view.now) : first;
    let count = ev.count ?? 0;
    if (ev.series) {
      last = since(ev.series.lastObservedTime, view.now);
      count = ev.series.count ?? 0;
    } else if (count === 0) {
      count = 1; // singleton events of the new API have no count
    }
    const io = ev.involvedObject ?? {};
    const kind = (io.kind ?? '').toLowerCase();
    const target = io.name ? `${kind}/${io.name}` : kind;
    return [
      last,
      ev.type ?? '',
      ev.reason ?? '',
      target,
      io.fieldPath ?? '',
      eventSource(ev),
      (ev.message ?? '').trim(),
      first,
      String(count),
      obj.metadata.name,
    ];
  },
};
