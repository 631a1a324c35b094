import type { AgreementCommand } from '../../agreements/domain';
import type { AssessmentCommand } from '../../assessments/domain';
import type { OrganisationCommand } from '../../organisations/domain';
import type { PromiseCommand } from '../../promises/domain';
import type { Actor } from '../../shared/commands/command-context';
import { Role } from '../identity';

/** Why a command is refused, or null to let the domain decide. */
export type Refusal = string | null;

type AnyCommand = AgreementCommand | PromiseCommand | OrganisationCommand | AssessmentCommand;
type CommandType = AnyCommand['type'];
type CommandOf<T extends CommandType> = Extract<AnyCommand, { type: T }>;
/** The state is only read for its parties, so rules see it through that one lens. */
type Rule<T extends CommandType> = (actor: Actor, command: CommandOf<T>, state: PartyState) => Refusal;
type PartyState = { status: string; parties?: readonly { organisationId: string }[]; partyIds?: readonly string[] };

const actsAs = (actor: Actor, roles: readonly Role[]): Refusal =>
  actor.roles.some((r) => (roles as readonly string[]).includes(r)) ? null : `needs the role ${roles.join(' or ')}`;

const ownOrganisation = (actor: Actor, organisationId: string, what: string): Refusal =>
  actor.organisationId === organisationId ? null : `${what} only for your own organisation (${actor.organisationId ?? 'none'})`;

const among = (actor: Actor, partyIds: readonly string[], what: string): Refusal =>
  actor.organisationId && partyIds.includes(actor.organisationId) ? null : `only people of its parties may ${what}`;

/**
 * Parties as the aggregate's own stream says (agreement `parties`, promise and
 * assessment `partyIds`); null for a stream that does not exist, where there is
 * nothing to protect and the domain answers NOT_FOUND.
 */
function partiesOf(state: PartyState): readonly string[] | null {
  if (state.status === 'None') return null;
  return state.parties?.map((p) => p.organisationId) ?? state.partyIds ?? [];
}

const first = (...checks: (() => Refusal)[]): Refusal => {
  for (const check of checks) {
    const refusal = check();
    if (refusal) return refusal;
  }
  return null;
};

/** A command on an existing agreement, promise or assessment: the right role, and a party's person. */
const byParty =
  (roles: readonly Role[], what: string) =>
  (actor: Actor, _command: unknown, state: PartyState): Refusal =>
    first(
      () => actsAs(actor, roles),
      () => {
        const parties = partiesOf(state);
        // An assessment started without an agreement has no parties yet: any coordinator may work on it (see README).
        return parties && parties.length > 0 ? among(actor, parties, what) : null;
      },
    );

const ADMIN: readonly Role[] = ['admin'];
const COORDINATOR: readonly Role[] = ['coordinator'];
const SIGNATORY: readonly Role[] = ['signatory'];
const DECIDERS: readonly Role[] = ['coordinator', 'signatory'];

/**
 * Object-level rules for every command, checked on the write side against the
 * state folded from the stream and data the handler read from other streams
 * (agreement parties from organisation streams, a promise's agreement from its
 * stream) — never against a read model or the client's claims. Keyed by every
 * command type, so a new command does not compile until it has a rule here.
 */
export const COMMAND_RULES: { [T in CommandType]: Rule<T> } = {
  // Organisations and the people in them are registered by administrators.
  RegisterPoliceRegion: (actor) => actsAs(actor, ADMIN),
  RegisterPoliceDistrict: (actor) => actsAs(actor, ADMIN),
  RegisterLocalPoliceArea: (actor) => actsAs(actor, ADMIN),
  RegisterMunicipality: (actor) => actsAs(actor, ADMIN),
  RegisterCityDistrict: (actor) => actsAs(actor, ADMIN),
  RecordServedMunicipalities: (actor) => actsAs(actor, ADMIN),
  AppointPerson: (actor) => actsAs(actor, ADMIN),
  RemovePerson: (actor) => actsAs(actor, ADMIN),

  // Agreements: drafted by a party's coordinator, signed by each party's signatory for that party.
  DraftAgreement: (actor, { data }) =>
    first(() => actsAs(actor, COORDINATOR), () => among(actor, data.parties.map((p) => p.organisationId), 'draft an agreement (your organisation must be a party)')),
  SignAgreement: (actor, command, state) =>
    first(
      () => actsAs(actor, SIGNATORY),
      () => ownOrganisation(actor, command.data.partyOrganisationId, 'a signatory signs'),
      () => byParty(SIGNATORY, 'sign this agreement')(actor, command, state),
    ),
  ReviseAgreement: byParty(DECIDERS, 'revise this agreement'),
  ExtendAgreement: byParty(DECIDERS, 'extend this agreement'),
  TerminateAgreement: byParty(DECIDERS, 'terminate this agreement'),
  SupersedeAgreement: byParty(DECIDERS, 'supersede this agreement'),

  // Situation assessments: the parties' coordinators.
  StartAssessment: (actor, { data }) =>
    first(() => actsAs(actor, COORDINATOR), () => (data.agreement ? among(actor, data.agreement.partyIds, 'assess under this agreement') : null)),
  AddAssessmentSource: (actor, command, state) =>
    first(
      () => byParty(COORDINATOR, 'add sources to this assessment')(actor, command, state),
      () => (command.data.providedByOrganisationId ? ownOrganisation(actor, command.data.providedByOrganisationId, 'sources are added') : null),
    ),
  IdentifyProblem: byParty(COORDINATOR, 'work on this assessment'),
  PrioritiseFocusAreas: byParty(COORDINATOR, 'work on this assessment'),
  CompleteAssessment: byParty(COORDINATOR, 'complete this assessment'),

  // Promises: planned and followed up by coordinators, adopted by signatories.
  DraftPromise: (actor, { data }) =>
    first(() => actsAs(actor, COORDINATOR), () => among(actor, data.agreement.partyIds, 'draft a promise under this agreement')),
  AdoptPromise: (actor, command, state) =>
    first(
      () => byParty(SIGNATORY, 'adopt this promise')(actor, command, state),
      // One adoption records the joint signing; whoever records it must be one of those signing, for their own organisation.
      () => (command.data.signatories.some((s) => s.organisationId === actor.organisationId) ? null : 'a signatory adopts only a promise they sign for their own organisation'),
    ),
  PublishPromise: byParty(COORDINATOR, 'publish this promise'),
  ExtendPromise: byParty(DECIDERS, 'extend this promise'),
  WithdrawPromise: byParty(DECIDERS, 'withdraw this promise'),
  CompletePromise: byParty(DECIDERS, 'complete this promise'),
  LinkFocusAreas: byParty(COORDINATOR, 'link focus areas to this promise'),
  LogActivity: (actor, command, state) =>
    first(
      () => byParty(COORDINATOR, 'log activities on this promise')(actor, command, state),
      () => ownOrganisation(actor, command.data.responsibleOrganisationId, 'activities are logged'),
    ),
  CorrectActivity: (actor, command, state) =>
    first(
      () => byParty(COORDINATOR, 'correct activities on this promise')(actor, command, state),
      () => ownOrganisation(actor, command.data.responsibleOrganisationId, 'activities are corrected'),
    ),
  PlanFollowUps: byParty(COORDINATOR, 'plan follow-ups of this promise'),
  RecordFollowUp: byParty(COORDINATOR, 'follow up this promise'),
  SubmitFinalReport: byParty(DECIDERS, 'submit the final report of this promise'),
};

export function commandRefusal(actor: Actor, command: { type: string; data?: unknown }, state: unknown): Refusal {
  const rule = (COMMAND_RULES as Record<string, Rule<CommandType> | undefined>)[command.type];
  if (!rule) return `no authorization rule for ${command.type} (add one in src/auth/policy/command-rules.ts)`;
  return rule(actor, command as CommandOf<CommandType>, state as PartyState);
}
