// describe.go's EndpointSlice (v1), IngressClass and NetworkPolicy describers.
import type { ClusterView, KObject } from '../../api/types.js';
import { describeEvents } from './events.js';
import { type Any, printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { formatLabelSelector } from './podtemplate.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter, tabbedString } from './writer.js';

export function describeEndpointSlice(obj: KObject, view: ClusterView): string {
  const eps: Any = obj;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${eps.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', eps.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', eps.metadata.annotations);
    w.write(LEVEL_0, `AddressType:\t${eps.addressType ?? ''}\n`);
    const ports: Any[] = eps.ports ?? [];
    if (ports.length === 0) {
      w.write(LEVEL_0, 'Ports: <unset>\n');
    } else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of ports) {
        const port = p.port === undefined || p.port === null ? '<unset>' : String(p.port);
        w.write(LEVEL_1, `${p.name ? p.name : '<unset>'}\t${port}\t${p.protocol ?? ''}\n`);
      }
    }
    const endpoints: Any[] = eps.endpoints ?? [];
    if (endpoints.length === 0) {
      w.write(LEVEL_0, 'Endpoints: <none>\n');
    } else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const ep of endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${(ep.addresses ?? []).join(', ') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        const ready = ep.conditions?.ready;
        w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${ep.hostname ?? '<unset>'}\n`);
        if (ep.targetRef) w.write(LEVEL_2, `TargetRef:\t${ep.targetRef.kind ?? ''}/${ep.targetRef.name ?? ''}\n`);
        w.write(LEVEL_2, `NodeName:\t${ep.nodeName ?? '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${ep.zone ?? '<unset>'}\n`);
      }
    }
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}

export function describeIngressClass(obj: KObject, view: ClusterView): string {
  const ic: Any = obj;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ic.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ic.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ic.metadata.annotations);
    w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`);
    const p = ic.spec?.parameters;
    if (p) {
      w.write(LEVEL_0, 'Parameters:\n');
      if (p.apiGroup !== undefined && p.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${p.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${p.kind ?? ''}\n`);
      w.write(LEVEL_1, `Name:\t${p.name ?? ''}\n`);
    }
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}

/** metav1.Time's %s: time.Time.String() in UTC. */
function goTimeString(ts: string | undefined): string {
  if (!ts) return '0001-01-01 00:00:00 +0000 UTC';
  const d = new Date(ts);
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

/** %s of a *intstr.IntOrString. */
const portText = (p: unknown): string => (p === undefined || p === null ? '<nil>' : String(p));

function printPeers(w: PrefixWriter, indent: string, peers: Any[], title: 'From' | 'To'): void {
  for (const peer of peers) {
    w.write(LEVEL_0, `${indent}${title}:\n`);
    if (peer.podSelector && peer.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
    } else if (peer.podSelector) {
      w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
    } else if (peer.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
    } else if (peer.ipBlock) {
      w.write(LEVEL_1, `${indent}IPBlock:\n`);
      w.write(LEVEL_2, `${indent}CIDR: ${peer.ipBlock.cidr ?? ''}\n`);
      w.write(LEVEL_2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
    }
  }
}

function printRules(w: PrefixWriter, rules: Any[], egress: boolean): void {
  const indent = '    ';
  if (rules.length === 0) {
    w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ${egress ? 'egress' : 'ingress'} connectivity)\n`);
    return;
  }
  rules.forEach((rule, i) => {
    const ports: Any[] = rule.ports ?? [];
    if (ports.length === 0) {
      w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    } else {
      for (const p of ports) {
        const proto = p.protocol ?? 'TCP';
        if (p.endPort === undefined || p.endPort === null) w.write(LEVEL_0, `${indent}To Port: ${portText(p.port)}/${proto}\n`);
        else w.write(LEVEL_0, `${indent}To Port Range: ${portText(p.port)}-${p.endPort}/${proto}\n`);
      }
    }
    const peers: Any[] = (egress ? rule.to : rule.from) ?? [];
    if (peers.length === 0) {
      w.write(LEVEL_0, egress ? `${indent}To: <any> (traffic not restricted by destination)\n` : `${indent}From: <any> (traffic not restricted by source)\n`);
    } else {
      printPeers(w, indent, peers, egress ? 'To' : 'From');
    }
    if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
  });
}

export function describeNetworkPolicy(obj: KObject): string {
  const np: Any = obj;
  const spec = np.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${np.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${np.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', np.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', np.metadata.annotations);
    w.write(LEVEL_0, 'Spec:\n');
    w.write(LEVEL_1, 'PodSelector: ');
    const ps = spec.podSelector ?? {};
    if (Object.keys(ps.matchLabels ?? {}).length === 0 && (ps.matchExpressions ?? []).length === 0) {
      w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
    } else {
      w.write(LEVEL_2, `${formatLabelSelector(ps)}\n`);
    }
    const types: string[] = spec.policyTypes ?? [];
    if (types.includes('Ingress')) {
      w.write(LEVEL_1, 'Allowing ingress traffic:\n');
      printRules(w, spec.ingress ?? [], false);
    } else {
      w.write(LEVEL_1, 'Not affecting ingress traffic\n');
    }
    if (types.includes('Egress')) {
      w.write(LEVEL_1, 'Allowing egress traffic:\n');
      printRules(w, spec.egress ?? [], true);
    } else {
      w.write(LEVEL_1, 'Not affecting egress traffic\n');
    }
    w.write(LEVEL_1, `Policy Types: ${types.length > 0 ? types.join(', ') : '<none>'}\n`);
  });
}
