import { commandRefusal } from '../../src/auth/policy/command-rules';
import type { Actor } from '../../src/shared/commands/command-context';

/**
 * The write-side rules on their own: role, own organisation, party of the
 * aggregate — the last read from the state the stream folds to. (The same
 * rules over HTTP, with real streams: access-matrix.e2e.test.ts.)
 */
const actor = (role: string, organisationId: string | null): Actor => ({ userId: `${role}@${organisationId}`, displayName: role, organisationId, role, roles: [role] });
const HABO = 'habo-kommun';
const POLICE = 'lpo-sodra-vatterbygden';
const VADSTENA = 'vadstena-kommun';

const agreement = { status: 'Draft', parties: [{ organisationId: POLICE }, { organisationId: HABO }] };
const promise = { status: 'Adopted', partyIds: [POLICE, HABO] };
const none = { status: 'None' };

const cases: [string, { type: string; data: unknown }, unknown, Actor, boolean][] = [
  ['admin registers a municipality', { type: 'RegisterMunicipality', data: {} }, none, actor('admin', null), true],
  ['a coordinator cannot register one', { type: 'RegisterMunicipality', data: {} }, none, actor('coordinator', HABO), false],
  ['a party coordinator drafts an agreement', { type: 'DraftAgreement', data: { parties: agreement.parties } }, none, actor('coordinator', HABO), true],
  ["another municipality's coordinator cannot draft one between others", { type: 'DraftAgreement', data: { parties: agreement.parties } }, none, actor('coordinator', VADSTENA), false],
  ["a party's signatory signs for their own organisation", { type: 'SignAgreement', data: { partyOrganisationId: HABO } }, agreement, actor('signatory', HABO), true],
  ["a signatory of org A cannot sign for org B", { type: 'SignAgreement', data: { partyOrganisationId: POLICE } }, agreement, actor('signatory', HABO), false],
  ['a non-party signatory cannot sign for their own organisation either', { type: 'SignAgreement', data: { partyOrganisationId: VADSTENA } }, agreement, actor('signatory', VADSTENA), false],
  ['a coordinator cannot sign', { type: 'SignAgreement', data: { partyOrganisationId: HABO } }, agreement, actor('coordinator', HABO), false],
  ['a party coordinator drafts a promise under the agreement', { type: 'DraftPromise', data: { agreement: { partyIds: [POLICE, HABO] } } }, none, actor('coordinator', POLICE), true],
  ['a non-party coordinator cannot', { type: 'DraftPromise', data: { agreement: { partyIds: [POLICE, HABO] } } }, none, actor('coordinator', VADSTENA), false],
  ['a party signatory adopts, signing for their organisation', { type: 'AdoptPromise', data: { signatories: [{ organisationId: HABO }, { organisationId: POLICE }] } }, promise, actor('signatory', HABO), true],
  ['a party signatory cannot adopt in the name of the other party alone', { type: 'AdoptPromise', data: { signatories: [{ organisationId: POLICE }] } }, promise, actor('signatory', HABO), false],
  ['a non-party signatory cannot adopt', { type: 'AdoptPromise', data: { signatories: [{ organisationId: VADSTENA }] } }, promise, actor('signatory', VADSTENA), false],
  ['a party coordinator extends', { type: 'ExtendPromise', data: {} }, promise, actor('coordinator', HABO), true],
  ['a non-party coordinator cannot extend', { type: 'ExtendPromise', data: {} }, promise, actor('coordinator', VADSTENA), false],
  ['a member cannot withdraw', { type: 'WithdrawPromise', data: {} }, promise, actor('member', HABO), false],
  ['a party coordinator logs for their own organisation', { type: 'LogActivity', data: { responsibleOrganisationId: HABO } }, promise, actor('coordinator', HABO), true],
  ['a party coordinator cannot log for the other party', { type: 'LogActivity', data: { responsibleOrganisationId: POLICE } }, promise, actor('coordinator', HABO), false],
  ["Vadstena's coordinator cannot log on Habo's promise", { type: 'LogActivity', data: { responsibleOrganisationId: VADSTENA } }, promise, actor('coordinator', VADSTENA), false],
  ['an auditor writes nothing', { type: 'LogActivity', data: { responsibleOrganisationId: HABO } }, promise, { ...actor('auditor', HABO) }, false],
  ['a stream that does not exist is left to the domain (NOT_FOUND)', { type: 'LogActivity', data: { responsibleOrganisationId: HABO } }, none, actor('coordinator', HABO), true],
  ['a command type without a rule is refused', { type: 'SomethingNew', data: {} }, none, actor('admin', null), false],
];

describe('command rules (write side, from the stream state)', () => {
  it.each(cases)('%s', (_case, command, state, who, allowed) => {
    const refusal = commandRefusal(who, command, state);
    if (allowed) expect(refusal).toBeNull();
    else expect(refusal).toEqual(expect.any(String));
  });
});
