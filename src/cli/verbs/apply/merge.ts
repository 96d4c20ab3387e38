// The client-side three-way merge of `kubectl apply`, with the strategic-merge rules of the
// Kubernetes types that matter in practice: fields in the new manifest win; fields the last
// applied manifest had but the new one drops are removed; everything else on the live object
// (what the server, admission and controllers set) stays. Lists with a merge key (containers by
// name, ports by port number, env by name, volumeMounts by mountPath, …) are merged item by item;
// other lists are replaced. Maps marked retainKeys (Deployment strategy, volume sources) keep only
// the keys the manifest gives.
type Json = unknown;
type Map = Record<string, Json>;

const isMap = (v: Json): v is Map => !!v && typeof v === 'object' && !Array.isArray(v);

/** patchMergeKey of list fields, by field name. `ports` depends on what the items hold. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
};

/** Fields whose maps use patchStrategy retainKeys. */
const RETAIN_KEYS = new Set(['strategy', 'updateStrategy']);

function mergeKeyFor(field: string, items: Json[]): string | undefined {
  if (field === 'ports') return items.some((i) => isMap(i) && 'containerPort' in i) ? 'containerPort' : 'port';
  return MERGE_KEYS[field];
}

function mergeList(field: string, live: Json, last: Json, desired: Json[]): Json[] {
  const key = mergeKeyFor(field, desired);
  if (!key || !Array.isArray(live) || !desired.every(isMap)) return structuredClone(desired);
  const liveItems = live.filter(isMap);
  const lastItems = Array.isArray(last) ? last.filter(isMap) : [];
  const find = (items: Map[], k: Json) => items.find((i) => i[key] === k);
  const out: Json[] = desired.map((d) => {
    const dm = d as Map;
    const l = find(liveItems, dm[key]);
    return l ? mergeValue(field === 'volumes' ? 'volume' : '', l, find(lastItems, dm[key]), dm) : structuredClone(dm);
  });
  // Items only on the live object stay unless the last applied manifest had them (then the
  // user removed them).
  for (const l of liveItems) {
    if (desired.some((d) => (d as Map)[key] === l[key])) continue;
    if (find(lastItems, l[key])) continue;
    out.push(structuredClone(l));
  }
  return out;
}

function mergeValue(field: string, live: Json, last: Json, desired: Json): Json {
  if (Array.isArray(desired)) return mergeList(field, live, last, desired);
  if (isMap(desired) && isMap(live)) {
    const out: Map = RETAIN_KEYS.has(field) || field === 'volume' ? {} : { ...live };
    if (field === 'volume') {
      // A volume keeps only the source the manifest names (plus the name).
      for (const [k, v] of Object.entries(live)) if (k in desired) out[k] = v;
    } else if (RETAIN_KEYS.has(field)) {
      for (const [k, v] of Object.entries(live)) if (k in desired) out[k] = v;
    }
    for (const [k, v] of Object.entries(desired)) {
      if (v === null) delete out[k];
      else out[k] = mergeValue(k, live[k], isMap(last) ? last[k] : undefined, v);
    }
    if (isMap(last)) for (const k of Object.keys(last)) if (!(k in desired)) delete out[k];
    return out;
  }
  return structuredClone(desired);
}

export function threeWayMerge(live: Json, last: Json, desired: Json): Json {
  return mergeValue('', live, last, desired);
}

/** The last-applied-configuration annotation text: compact JSON, keys sorted, trailing newline. */
export function lastAppliedText(manifest: Record<string, Json>): string {
  const sortKeys = (v: Json): Json =>
    Array.isArray(v) ? v.map(sortKeys) : isMap(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v;
  return JSON.stringify(sortKeys(manifest)) + '\n';
}
