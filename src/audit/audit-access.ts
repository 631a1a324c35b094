import { GraphQLError } from 'graphql';
import { CommandContextFactory, RequestInfo } from '../shared/commands/command-context.factory';

/** The audit log, the read-access log and verification: auditors (and administrators). */
export const AUDITOR_ROLES = ['auditor', 'admin'] as const;
/** History and time travel: also the parties' own people (which things each may see is the access policy's business). */
export const HISTORY_ROLES = ['member', 'signatory', 'coordinator', 'auditor', 'admin'] as const;

/** Who is asking, from the same place commands take their actor; refuses anyone without one of `roles`. */
export function requireRole(contexts: CommandContextFactory, request: RequestInfo, roles: readonly string[]): void {
  const { actor } = contexts.create(request, null);
  const held = actor.roles ?? [actor.role];
  if (!held.some((role) => roles.includes(role))) {
    throw new GraphQLError(`This needs the role ${roles.join(' or ')}`, { extensions: { code: 'FORBIDDEN' } });
  }
}
