// printEndpointSlice / formatDiscoveryPorts / formatDiscoveryEndpoints (reference §3.4).
import type { EndpointSlice } from 'kubernetes-types/discovery/v1.js';
import { listWithMore, since } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

const MAX = 3;

export function formatSlicePorts(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of slice.ports ?? []) {
    if (list.length < MAX) list.push(p.port != null ? String(p.port) : p.name != null ? p.name : '*');
    else if (list.length === MAX) more = true;
    count++;
  }
  return listWithMore(list, more, count, MAX);
}

export function formatSliceEndpoints(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ep of slice.endpoints ?? []) {
    for (const addr of ep.addresses ?? []) {
      if (list.length < MAX) list.push(addr);
      else if (list.length === MAX) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, MAX);
}

export const endpointslices: TablePrinter = {
  columns: [nameCol, col('AddressType'), col('Ports'), col('Endpoints'), ageCol],
  row(obj, view) {
    const slice = obj as EndpointSlice;
    return [
      obj.metadata.name,
      slice.addressType ?? '',
      formatSlicePorts(slice),
      formatSliceEndpoints(slice),
      since(obj.metadata.creationTimestamp, view.now),
    ];
  },
};
