// describe.go's ConfigMap, Secret and ServiceAccount describers. Go iterates the data maps in
// random order; we print the keys sorted.
import type { ClusterView, KObject } from '../../api/types.js';
import { describeEvents } from './events.js';
import { type Any, byteCompare, printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from './format.js';
import { LEVEL_0, tabbedString } from './writer.js';

const header = (w: Parameters<Parameters<typeof tabbedString>[0]>[0], o: Any): void => {
  w.write(LEVEL_0, `Name:\t${o.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${o.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', o.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', o.metadata.annotations);
};

const base64Len = (s: string): number => Buffer.from(s, 'base64').length;

export function describeConfigMap(obj: KObject, view: ClusterView): string {
  const cm: Any = obj;
  return tabbedString((w) => {
    header(w, cm);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(cm.data)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data[k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of sortedKeys(cm.binaryData)) w.write(LEVEL_0, `${k}: ${base64Len(cm.binaryData[k])} bytes\n`);
    w.write(LEVEL_0, '\n');
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}

export function describeSecret(obj: KObject): string {
  const s: Any = obj;
  return tabbedString((w) => {
    header(w, s);
    w.write(LEVEL_0, `\nType:\t${s.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(s.data)) {
      if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${Buffer.from(s.data[k], 'base64').toString('utf8')}\n`);
      else w.write(LEVEL_0, `${k}:\t${base64Len(s.data[k])} bytes\n`);
    }
  });
}

export function describeServiceAccount(obj: KObject, view: ClusterView): string {
  const sa: Any = obj;
  const secrets: Any[] = view.list('secrets', sa.metadata.namespace);
  const existing = new Set(secrets.map((s) => s.metadata.name));
  const tokens = secrets.filter(
    (s) =>
      s.type === 'kubernetes.io/service-account-token' &&
      s.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name &&
      (s.metadata.annotations?.['kubernetes.io/service-account.uid'] ?? '') === (sa.metadata.uid ?? ''),
  );
  const missing = new Set<string>();
  for (const s of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) if (!existing.has(s.name)) missing.add(s.name);
  const types: Record<string, string[]> = {
    'Image pull secrets:': (sa.imagePullSecrets ?? []).map((s: Any) => s.name),
    'Mountable secrets: ': (sa.secrets ?? []).map((s: Any) => s.name),
    'Tokens:            ': tokens.map((s) => s.metadata.name),
  };
  return tabbedString((w) => {
    header(w, sa);
    for (const h of Object.keys(types).sort(byteCompare)) {
      const names = types[h];
      if (names.length === 0) {
        w.write(LEVEL_0, `${h}\t<none>\n`);
        continue;
      }
      let prefix = h;
      for (const name of names) {
        w.write(LEVEL_0, `${prefix}\t${name}${missing.has(name) ? ' (not found)' : ''}\n`);
        prefix = '                   ';
      }
    }
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}
