import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DevTokenIssuer } from '../auth/dev-token-issuer';
import type { Identity } from '../auth/identity';
import { deterministicUuid } from '../shared/commands/deterministic-id';
import { graphqlInject } from './graphql-client';

export type DemoPerson = Identity;

/** People of a demo case, one per organisation and role; tokens are issued for them like for anyone. */
export const person = (organisationId: string | null, role: string, displayName: string): DemoPerson =>
  ({ userId: `${organisationId ?? 'samverkan'}-${role}`, displayName, organisationId, roles: [role] }) as DemoPerson;

export const ADMIN = person(null, 'admin', 'Samverkan Administratör');

/**
 * Sends a demo case's steps through the public GraphQL API as the person who
 * would take each one, with fixed command ids (`case` + step number), so the
 * data passes the same validation and rules as any client's and loading twice is harmless.
 */
export function demoSender(app: NestFastifyApplication, demoCase: string) {
  const issuer = app.get(DevTokenIssuer);
  let step = 0;
  return async (as: DemoPerson, mutation: string, inputType: string, input: Record<string, unknown>) => {
    const query = `mutation($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`;
    const commandId = deterministicUuid(demoCase, String(step++));
    return graphqlInject(app, query, { input: { ...input, commandId } }, await issuer.issue(as));
  };
}
