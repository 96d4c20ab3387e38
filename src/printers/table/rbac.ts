// RBAC. Roles and ClusterRoles have no printer in printers.go: the API server uses its default
// table convertor (NAME, CREATED AT as UTC RFC 3339). (Cluster)RoleBindings: printRoleBinding.
import type { RoleBinding, Subject } from 'kubernetes-types/rbac/v1.js';
import { since } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

/** metav1.Time .UTC().Format(time.RFC3339); Go's zero time for a missing timestamp. */
export function createdAt(ts: string | undefined): string {
  if (!ts) return '0001-01-01T00:00:00Z';
  const ms = Date.parse(ts);
  if (Number.isNaN(ms)) return ts;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** rest.NewDefaultTableConvertor: used by roles, clusterroles, limitranges. */
export const defaultConvertor: TablePrinter = {
  columns: [nameCol, col('Created At')],
  row(obj) {
    return [obj.metadata.name, createdAt(obj.metadata.creationTimestamp)];
  },
};

/** rbac.SubjectsStrings: users, groups, `ns/name` service accounts. */
function subjects(list: Subject[] | undefined): [string[], string[], string[]] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of list ?? []) {
    if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return [users, groups, sas];
}

export const rolebindings: TablePrinter = {
  columns: [nameCol, col('Role'), ageCol, col('Users', 1), col('Groups', 1), col('ServiceAccounts', 1)],
  row(obj, view) {
    const rb = obj as RoleBinding;
    const [users, groups, sas] = subjects(rb.subjects);
    return [
      obj.metadata.name,
      `${rb.roleRef?.kind ?? ''}/${rb.roleRef?.name ?? ''}`,
      since(obj.metadata.creationTimestamp, view.now),
      users.join(', '),
      groups.join(', '),
      sas.join(', '),
    ];
  },
};
