// `rollout history --revision=N`: the revision's pod template as kubectl prints it
// (describe.DescribePodTemplate on a plain prefix writer: tabs are left as they are).
import type { KObject } from '../../../api/types.js';
import { describePodTemplate } from '../../../printers/describe/podtemplate.js';
import { PrefixWriter } from '../../../printers/describe/writer.js';

export function describeRevisionTemplate(template: KObject['spec'], rs: KObject): string {
  const t = structuredClone(template ?? {});
  // kubectl shows the ReplicaSet's change-cause among the template's annotations.
  const cause = rs.metadata.annotations?.['kubernetes.io/change-cause'];
  if (cause) t.metadata = { ...(t.metadata ?? {}), annotations: { ...(t.metadata?.annotations ?? {}), 'kubernetes.io/change-cause': cause } };
  const w = new PrefixWriter(true);
  describePodTemplate(t, w);
  return w.toString();
}
