import { Role } from '../identity';
import { ArgumentCheck, historyOfOwnParty } from './argument-checks';
import { assessmentOrNull, ownDeadlines, peopleOfOwnOrganisation, visibleAssessments } from './working-material-filters';
import {
  agreementOrNull, entriesOfAnyPromise, entriesOfParentPromise, followUpsOfParentPromise, promiseOrNull, ResultFilter, visibleAgreements,
  visiblePromises,
} from './result-filters';
import { eachEvent } from './subscription-filters';

/** Anyone, signed in or not: the public view. */
export const ANYONE = 'anyone' as const;

export interface ResolverPolicy {
  /** Who may call the resolver at all. Finer, per-object rules: `result` here, and the command rules for writes. */
  allow: typeof ANYONE | readonly Role[];
  /** Checks the arguments before the resolver runs (e.g. is the viewer a party of the stream asked about?). */
  args?: ArgumentCheck;
  /** Filters or checks what the resolver returned (drafts, notes). */
  result?: ResultFilter;
  /** Counts against the per-user budget for expensive queries (mutations always count against theirs). */
  expensive?: boolean;
}

const PARTY_PEOPLE: readonly Role[] = ['member', 'signatory', 'coordinator'];
/** Reads of non-public data: the parties' people (which parties: `args`/`result`) and auditors. */
export const PARTIES_AND_AUDITORS: readonly Role[] = [...PARTY_PEOPLE, 'auditor'];

/**
 * Every GraphQL resolver, by its schema coordinate, and who may call it. The
 * guard denies anything not listed here, and test/auth/policy-coverage.test.ts
 * fails when the schema has a resolver this table does not name: add new
 * resolvers here (and, for commands, a rule in command-rules.ts).
 *
 * Mutations list roles only; whether the caller's organisation is a party of
 * that agreement or promise is decided by command-rules.ts from the streams.
 */
export const RESOLVER_POLICIES: Readonly<Record<string, ResolverPolicy>> = {
  // Public reads; drafts and notes are filtered out of what is returned (a draft one may not read answers as a missing id: null).
  'Query.viewer': { allow: ANYONE },
  'Query.organisation': { allow: ANYONE },
  'Query.organisations': { allow: ANYONE, expensive: true },
  'Query.agreement': { allow: ANYONE, result: agreementOrNull },
  'Query.agreements': { allow: ANYONE, result: visibleAgreements, expensive: true },
  'Query.promise': { allow: ANYONE, result: promiseOrNull },
  'Query.promises': { allow: ANYONE, result: visiblePromises, expensive: true },
  'Query.activityLog': { allow: ANYONE, result: entriesOfAnyPromise, expensive: true },
  'CitizenPromise.agreement': { allow: ANYONE, result: agreementOrNull },
  'CitizenPromise.activities': { allow: ANYONE, result: entriesOfParentPromise },
  // Follow-up comments and measurement notes: as activity notes, for the parties' people and auditors only.
  'CitizenPromise.followUps': { allow: ANYONE, result: followUpsOfParentPromise },

  // Parts of published documents: public wherever the document itself is visible (the parent was filtered already).
  'CollaborationAgreement.versions': { allow: ANYONE },
  'CitizenPromise.progress': { allow: ANYONE },
  'CitizenPromise.finalReports': { allow: ANYONE },
  'PlannedActivity.progress': { allow: ANYONE },
  'Organisation.servedMunicipalityIds': { allow: ANYONE },
  'Organisation.people': { allow: ANYONE, result: peopleOfOwnOrganisation },

  // The public view (src/promises/public): published promises only, in types that hold no personal data.
  'Query.publicPromises': { allow: ANYONE, expensive: true },
  'Query.publicPromise': { allow: ANYONE },
  'PublicPromise.activities': { allow: ANYONE },
  'PublicPromise.followUps': { allow: ANYONE },
  'PublicPromise.finalReports': { allow: ANYONE },

  // Working material: situation assessments and deadlines, for the parties' people and auditors.
  'Query.assessment': { allow: PARTIES_AND_AUDITORS, result: assessmentOrNull },
  'Query.assessments': { allow: PARTIES_AND_AUDITORS, result: visibleAssessments, expensive: true },
  'Query.deadlines': { allow: PARTIES_AND_AUDITORS, result: ownDeadlines, expensive: true },

  // Live updates: open as the list queries are, each event filtered by that list query's own filter (so a draft reaches
  // only its parties and auditors, notes only those who may read them). Subscribing counts as an expensive query.
  'Subscription.promiseChanged': { allow: ANYONE, result: eachEvent('promiseChanged', visiblePromises), expensive: true },
  'Subscription.agreementChanged': { allow: ANYONE, result: eachEvent('agreementChanged', visibleAgreements), expensive: true },
  'Subscription.activityLogged': { allow: ANYONE, result: eachEvent('activityLogged', entriesOfAnyPromise), expensive: true },

  // Audit (issue 5): who did what is non-public. History per stream for its parties and auditors; the rest for auditors.
  'Query.history': { allow: PARTIES_AND_AUDITORS, args: historyOfOwnParty, expensive: true },
  'Query.asOf': { allow: PARTIES_AND_AUDITORS, args: historyOfOwnParty, expensive: true },
  'Query.auditLog': { allow: ['auditor'], expensive: true },
  'Query.personalDataReads': { allow: ['auditor'], expensive: true },
  'Query.verifyIntegrity': { allow: ['auditor'], expensive: true },
  'Query.integrityPublicKey': { allow: ANYONE },
  'Query.integrityCheckpoint': { allow: ['auditor'] },

  // Registering organisations (and, later, people).
  'Mutation.registerPoliceRegion': { allow: ['admin'] },
  'Mutation.registerPoliceDistrict': { allow: ['admin'] },
  'Mutation.registerLocalPoliceArea': { allow: ['admin'] },
  'Mutation.registerMunicipality': { allow: ['admin'] },
  'Mutation.registerCityDistrict': { allow: ['admin'] },
  'Mutation.recordServedMunicipalities': { allow: ['admin'] },
  'Mutation.appointPerson': { allow: ['admin'] },
  'Mutation.removePerson': { allow: ['admin'] },

  // Agreements: coordinators of a party draft, each party's signatory signs for it.
  'Mutation.draftAgreement': { allow: ['coordinator'] },
  'Mutation.signAgreement': { allow: ['signatory'] },
  'Mutation.reviseAgreement': { allow: ['coordinator', 'signatory'] },
  'Mutation.extendAgreement': { allow: ['coordinator', 'signatory'] },
  'Mutation.terminateAgreement': { allow: ['coordinator', 'signatory'] },
  'Mutation.supersedeAgreement': { allow: ['coordinator', 'signatory'] },

  // Situation assessments: the parties' coordinators.
  'Mutation.startAssessment': { allow: ['coordinator'] },
  'Mutation.addAssessmentSource': { allow: ['coordinator'] },
  'Mutation.identifyProblem': { allow: ['coordinator'] },
  'Mutation.prioritiseFocusAreas': { allow: ['coordinator'] },
  'Mutation.completeAssessment': { allow: ['coordinator'] },

  // Promises: planned and followed up by coordinators, adopted by signatories.
  'Mutation.draftPromise': { allow: ['coordinator'] },
  'Mutation.adoptPromise': { allow: ['signatory'] },
  'Mutation.extendPromise': { allow: ['coordinator', 'signatory'] },
  'Mutation.withdrawPromise': { allow: ['coordinator', 'signatory'] },
  'Mutation.publishPromise': { allow: ['coordinator'] },
  'Mutation.completePromise': { allow: ['coordinator', 'signatory'] },
  'Mutation.linkFocusAreas': { allow: ['coordinator'] },
  'Mutation.logActivity': { allow: ['coordinator'] },
  'Mutation.correctActivity': { allow: ['coordinator'] },
  'Mutation.planFollowUps': { allow: ['coordinator'] },
  'Mutation.recordFollowUp': { allow: ['coordinator'] },
  'Mutation.submitFinalReport': { allow: ['coordinator', 'signatory'] },
};
