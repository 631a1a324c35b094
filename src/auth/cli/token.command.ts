import { loadConfig } from '../../config/app-config';
import { authSettings } from '../auth-settings';
import { DevTokenIssuer } from '../dev-token-issuer';
import { isRole, ROLES } from '../identity';

export interface TokenOptions {
  user: string;
  name?: string;
  organisation?: string;
  role: string[];
  expiresIn: string;
}

/**
 * `samverkan token`: prints a development token signed with the configured
 * HS256 secret (or the built-in development one outside production), for the
 * same configuration the service runs with.
 */
export async function tokenCommand(options: TokenOptions): Promise<void> {
  const roles = options.role.flatMap((r) => r.split(','));
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0 || roles.length === 0) {
    throw new Error(`--role must be one or more of ${ROLES.join(', ')}${unknown.length ? ` (not ${unknown.join(', ')})` : ''}`);
  }
  const issuer = new DevTokenIssuer(authSettings(loadConfig()));
  const token = await issuer.issue(
    { userId: options.user, displayName: options.name ?? options.user, organisationId: options.organisation ?? null, roles: roles.filter(isRole) },
    { expiresIn: options.expiresIn },
  );
  console.log(token);
}

export const collectRoles = (value: string, previous: string[] = []) => [...previous, value];
