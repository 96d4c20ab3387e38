// printEndpoints / formatEndpoints (reference §3.3).
import type { Endpoints } from 'kubernetes-types/core/v1.js';
import { NONE, joinHostPort, since } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

const MAX = 3;

export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return NONE;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      // Headless services without ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX} more...` : ret;
}

export const endpoints: TablePrinter = {
  columns: [nameCol, col('Endpoints'), ageCol],
  row(obj, view) {
    return [obj.metadata.name, formatEndpoints(obj as Endpoints), since(obj.metadata.creationTimestamp, view.now)];
  },
};
