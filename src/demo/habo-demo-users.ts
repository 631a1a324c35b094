import type { Identity } from '../auth/identity';
import { HABO_IDS, HABO_SIGNATORIES } from './habo-seed';

/**
 * The people of the Habo demo, one per role, for `npm run demo`'s printed
 * tokens and for loading the story through the API as the right person. The
 * signatories are the document's own; the other names are invented.
 */
export const HABO_USERS = {
  admin: { userId: 'admin', displayName: 'Samverkan Administratör', organisationId: null, roles: ['admin'] },
  auditor: { userId: 'revisor', displayName: 'Revisor Kommunrevisionen', organisationId: null, roles: ['auditor'] },
  municipalityCoordinator: { userId: 'habo-samordnare', displayName: 'Brottsförebyggande samordnare Habo', organisationId: HABO_IDS.municipality, roles: ['coordinator'] },
  municipalitySignatory: { userId: 'gunnar-pettersson', displayName: HABO_SIGNATORIES.municipality.name, organisationId: HABO_IDS.municipality, roles: ['signatory'] },
  municipalityMember: { userId: 'habo-handlaggare', displayName: 'Handläggare Habo kommun', organisationId: HABO_IDS.municipality, roles: ['member'] },
  policeCoordinator: { userId: 'kommunpolis-habo', displayName: 'Kommunpolis Habo', organisationId: HABO_IDS.police, roles: ['coordinator'] },
  policeSignatory: { userId: 'fredrik-lindfors', displayName: HABO_SIGNATORIES.police.name, organisationId: HABO_IDS.police, roles: ['signatory'] },
} as const satisfies Record<string, Identity>;

export type HaboUser = keyof typeof HABO_USERS;

/** Copies a user so callers get a mutable Identity (the table itself is frozen by `as const`). */
export const haboUser = (user: HaboUser): Identity => {
  const { roles, ...rest } = HABO_USERS[user];
  return { ...rest, roles: [...roles] };
};
