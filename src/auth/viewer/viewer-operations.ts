import { Viewer } from '../identity';
import { ANYONE, RESOLVER_POLICIES } from '../policy/resolver-policies';
import { OperationKind, ViewerOperation } from './viewer.types';

const KINDS: Record<string, OperationKind> = { Query: OperationKind.QUERY, Mutation: OperationKind.MUTATION, Subscription: OperationKind.SUBSCRIPTION };
/** Roles whose grants reach only their own organisation's agreements and promises (see the README's role table). */
const PARTY_ROLES = new Set(['member', 'signatory', 'coordinator']);

/** The root operations the access table lets this viewer run, read from the same table the guard enforces. */
export function operationsOf(viewer: Viewer): ViewerOperation[] {
  const operations: ViewerOperation[] = [];
  for (const [coordinate, policy] of Object.entries(RESOLVER_POLICIES)) {
    const kind = KINDS[coordinate.split('.')[0]];
    if (!kind) continue;
    if (policy.allow === ANYONE) {
      // Public, but a party's people (and auditors) see more of it: that is visibility, not permission.
      operations.push({ coordinate, kind, partiesOnly: false });
      continue;
    }
    const granting = (viewer?.roles ?? []).filter((role) => policy.allow.includes(role));
    if (granting.length === 0) continue;
    operations.push({ coordinate, kind, partiesOnly: granting.every((role) => PARTY_ROLES.has(role)) });
  }
  return operations.sort((a, b) => a.coordinate.localeCompare(b.coordinate));
}
