import type { AgreementCommand } from '../../agreements/domain';
import type { AssessmentCommand } from '../../assessments/domain';
import type { OrganisationCommand } from '../../organisations/domain';
import { entryKey, type PromiseCommand } from '../../promises/domain';
import type { Actor } from '../../shared/commands/command-context';
import { AppendOnlyIds, hasId } from '../../shared/domain/append-only-ids';
import { Role } from '../identity';

/** Why a command is refused, or null to let the domain decide. */
export type Refusal = string | null;

type AnyCommand = AgreementCommand | PromiseCommand | OrganisationCommand | AssessmentCommand;
type CommandType = AnyCommand['type'];
type CommandOf<T extends CommandType> = Extract<AnyCommand, { type: T }>;
/** The state is only read for its parties, so rules see it through that one lens. */
type Rule<T extends CommandType> = (actor: Actor, command: CommandOf<T>, state: PartyState) => Refusal;
type PartyState = {
  status: string;
  parties?: readonly { organisationId: string }[];
  /** An assessment's owners (its agreement's parties, or the organisation that started it); preferred over partyIds. */
  organisationIds?: readonly string[];
  partyIds?: readonly string[];
  /** A promise's activity entries with their responsible organisations. */
  entryOwners?: AppendOnlyIds;
  loggedEntryIds?: AppendOnlyIds;
};

const actsAs = (actor: Actor, roles: readonly Role[]): Refusal =>
  actor.roles.some((r) => (roles as readonly string[]).includes(r)) ? null : `needs the role ${roles.join(' or ')}`;

const ownOrganisation = (actor: Actor, organisationId: string, what: string): Refusal =>
  actor.organisationId === organisationId ? null : `${what} only for your own organisation (${actor.organisationId ?? 'none'})`;

const among = (actor: Actor, partyIds: readonly string[], what: string): Refusal =>
  actor.organisationId && partyIds.includes(actor.organisationId) ? null : `only people of its parties may ${what}`;

/**
 * Parties as the aggregate's own stream says (agreement `parties`, promise
 * `partyIds`, assessment `organisationIds`); null for a stream that does not
 * exist, where there is nothing to protect and the domain answers NOT_FOUND.
 * An empty list (an assessment recorded before it had an owner) lets nobody in.
 */
function partiesOf(state: PartyState): readonly string[] | null {
  if (state.status === 'None') return null;
  return state.parties?.map((p) => p.organisationId) ?? state.organisationIds ?? state.partyIds ?? [];
}

/**
 * A command that creates a stream, sent for one that exists (another party's
 * command id replayed, or its id chosen): only its own parties get past here,
 * so everyone else is refused before the "already applied" answer or the
 * domain's "already exists" can say anything about it.
 */
const notSomeoneElses = (actor: Actor, state: PartyState): Refusal => {
  const parties = partiesOf(state);
  return parties === null ? null : among(actor, parties, 'use this id: it belongs to another stream');
};

/** Only the organisation responsible for an entry corrects it (the correction is then theirs too, by ownOrganisation). */
const entryOfOwnOrganisation = (actor: Actor, entryId: string, state: PartyState): Refusal => {
  if (!hasId(state.loggedEntryIds ?? null, entryId)) return null; // no such entry: the domain says ACTIVITY_NOT_FOUND
  return actor.organisationId && hasId(state.entryOwners ?? null, entryKey(actor.organisationId, entryId))
    ? null
    : 'only the organisation responsible for an entry may correct it';
};

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
        return parties ? among(actor, parties, what) : null;
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
  DraftAgreement: (actor, { data }, state) =>
    first(() => actsAs(actor, COORDINATOR), () => notSomeoneElses(actor, state), () => among(actor, data.parties.map((p) => p.organisationId), 'draft an agreement (your organisation must be a party)')),
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
  // Without an agreement, the assessment belongs to the starter's organisation, so there must be one.
  StartAssessment: (actor, { data }, state) =>
    first(
      () => actsAs(actor, COORDINATOR),
      () => notSomeoneElses(actor, state),
      () => (data.agreement ? among(actor, data.agreement.partyIds, 'assess under this agreement') : actor.organisationId ? null : 'an assessment without an agreement belongs to your organisation, and you have none'),
    ),
  AddAssessmentSource: (actor, command, state) =>
    first(
      () => byParty(COORDINATOR, 'add sources to this assessment')(actor, command, state),
      () => (command.data.providedByOrganisationId ? ownOrganisation(actor, command.data.providedByOrganisationId, 'sources are added') : null),
    ),
  IdentifyProblem: byParty(COORDINATOR, 'work on this assessment'),
  PrioritiseFocusAreas: byParty(COORDINATOR, 'work on this assessment'),
  CompleteAssessment: byParty(COORDINATOR, 'complete this assessment'),

  // Promises: planned and followed up by coordinators, adopted by signatories.
  DraftPromise: (actor, { data }, state) =>
    first(() => actsAs(actor, COORDINATOR), () => notSomeoneElses(actor, state), () => among(actor, data.agreement.partyIds, 'draft a promise under this agreement')),
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
      () => entryOfOwnOrganisation(actor, command.data.correctsEntryId, state),
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
