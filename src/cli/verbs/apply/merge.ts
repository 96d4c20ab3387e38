// The client-side three-way merge of `kubectl apply`: fields in the new manifest win, fields the
// last applied manifest had but the new one drops are removed, everything else on the live
// object (what the server and controllers set) stays. Lists are replaced whole.
type Json = unknown;

const isMap = (v: Json): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);

export function threeWayMerge(live: Json, last: Json, desired: Json): Json {
  if (isMap(desired) && isMap(live)) {
    const out: Record<string, Json> = { ...live };
    for (const [k, v] of Object.entries(desired)) {
      if (v === null) delete out[k];
      else out[k] = threeWayMerge(live[k], isMap(last) ? last[k] : undefined, v);
    }
    if (isMap(last)) for (const k of Object.keys(last)) if (!(k in desired)) delete out[k];
    return out;
  }
  return structuredClone(desired);
}

/** The last-applied-configuration annotation text: compact JSON, keys sorted, trailing newline. */
export function lastAppliedText(manifest: Record<string, Json>): string {
  const sortKeys = (v: Json): Json =>
    Array.isArray(v) ? v.map(sortKeys) : isMap(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v;
  return JSON.stringify(sortKeys(manifest)) + '\n';
}
