import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DevTokenIssuer } from '../auth/dev-token-issuer';
import { HABO_USERS, haboUser, HaboUser } from './habo-demo-users';

/** `npm run demo` prints one ready token per demo role, with a curl line that uses one. */
export async function printDemoTokens(app: NestFastifyApplication, url: string): Promise<void> {
  const issuer = app.get(DevTokenIssuer);
  console.log('Tokens for the demo people (valid 12 h; send as "Authorization: Bearer <token>"):\n');
  const tokens: Partial<Record<HaboUser, string>> = {};
  for (const user of Object.keys(HABO_USERS) as HaboUser[]) {
    const { displayName, organisationId, roles } = haboUser(user);
    tokens[user] = await issuer.issue(haboUser(user));
    console.log(`  ${roles.join(',').padEnd(11)} ${displayName}${organisationId ? ` (${organisationId})` : ''}\n  ${tokens[user]}\n`);
  }
  console.log(`For example, the audit history of the promise as the auditor:\n  curl -s ${url} -H 'content-type: application/json' \\
    -H 'authorization: Bearer ${tokens.auditor}' \\
    -d '{"query":"{ history(of: PROMISE, id: \\"ml-habo-drogfri-miljo\\") { type actor { displayName } } }"}'\n`);
  console.log('Without a token you get the public view. Other tokens: npm run cli -- token --user <id> --organisation <id> --role coordinator\n');
}
