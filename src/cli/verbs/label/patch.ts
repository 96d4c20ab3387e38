// The server side of label/annotate: a merge patch of metadata.labels or metadata.annotations,
// with the optimistic-concurrency check of a resourceVersion sent in the patch.
import type { KObject } from '../../../api/types.js';
import type { Cluster } from '../../../store/cluster.js';
import type { ResourceType } from '../../../api/registry.js';
import { updateObject } from '../../../api/server.js';
import { conflictError } from './targets.js';

function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {}).sort();
  const kb = Object.keys(b ?? {}).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a![k] === b![k]);
}

/**
 * Replace one metadata map of a live object; returns what the server returns (the stored object,
 * or the would-be object for a server dry run). A patch that changes nothing stores nothing.
 */
export function patchMetadataMap(
  cluster: Cluster,
  type: ResourceType,
  live: KObject,
  field: 'labels' | 'annotations',
  next: Record<string, string>,
  opts: { resourceVersion?: string; dryRun?: boolean } = {},
): KObject {
  if (opts.resourceVersion && opts.resourceVersion !== live.metadata.resourceVersion) throw conflictError(type, live.metadata.name);
  if (sameMap(live.metadata[field], next)) return live;
  const input = structuredClone(live);
  if (Object.keys(next).length) input.metadata[field] = { ...next };
  else delete input.metadata[field];
  return updateObject(cluster, input, live, { dryRun: opts.dryRun });
}
