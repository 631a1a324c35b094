import { hasRole, Viewer } from '../identity';
import { PartyLookup } from './result-filters';

/** Decides from a resolver's arguments (before it runs) whether this viewer may read what they name. */
export type ArgumentCheck = (viewer: Viewer, args: Record<string, unknown>, parties: PartyLookup) => boolean | Promise<boolean>;

/**
 * History and time travel of one agreement, promise or organisation (issue 5):
 * auditors read any; otherwise only people of its parties (of that
 * organisation, for an organisation's own history).
 */
export const historyOfOwnParty: ArgumentCheck = async (viewer, args, parties) => {
  if (hasRole(viewer, 'auditor')) return true;
  const organisationId = viewer?.organisationId;
  if (!organisationId) return false;
  const id = String(args.id ?? '');
  switch (String(args.of ?? '').toLowerCase()) {
    case 'agreement':
      return (await parties.agreementParties(id))?.includes(organisationId) ?? false;
    case 'promise':
      return (await parties.promiseParties([id])).get(id)?.includes(organisationId) ?? false;
    case 'organisation':
      return id === organisationId;
    default:
      return false; // a kind added later is closed until someone decides who may read it
  }
};
