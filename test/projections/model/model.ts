/**
 * What exists, as the domain should see it: enough to generate commands the
 * domain must accept, and to say which code it must refuse a bad one with.
 */
export type AgreementStatus = 'Draft' | 'Active' | 'Terminated' | 'Superseded';
export type PromiseStatus = 'Draft' | 'Adopted' | 'Published' | 'Extended' | 'Withdrawn' | 'Completed';

export interface AgreementModel {
  id: string;
  status: AgreementStatus;
  partyIds: string[];
  signed: string[];
  validTo: string;
}

export interface EntryModel {
  id: string;
  responsible: string;
  superseded: boolean;
}

export interface PromiseModel {
  id: string;
  agreementId: string;
  status: PromiseStatus;
  /** Start years of the periods (calendar years), the current one last. */
  years: number[];
  /** Every planned-activity id ever in the plan (an entry may still name last year's). */
  plannedActivityIds: string[];
  /** The current plan: follow-ups report on these. */
  currentActivityIds: string[];
  /** Bumped by each revision, so a kept activity gets new texts, targets and indicators. */
  planVersion: number;
  entries: EntryModel[];
  /** The follow-up plan of each period that has one, by start year. */
  plans: Map<number, string[]>;
  recorded: string[];
  finalReportsFor: number[];
}

/** A command the service accepted, kept so it can be sent again (a retry) or its id reused for something else. */
export interface SentCommand {
  caller: Caller;
  mutation: string;
  input: Record<string, unknown>;
  answer: unknown;
  /** The same command id with a different payload: must be IDEMPOTENCY_KEY_REUSED. */
  changed: Record<string, unknown>;
}

export interface AssessmentModel {
  id: string;
  agreementId: string;
  completed: boolean;
  sources: number;
  problems: string[];
  focusAreas: string[];
}

export type Caller = { role: 'admin' | 'coordinator' | 'signatory'; organisationId: string | null };

export const ORGS = { region: 'mb-region', district: 'mb-po', police: 'mb-lpo', municipalityA: 'mb-kommun-a', municipalityB: 'mb-kommun-b' } as const;
/** Follow-up ids come from a small pool on purpose, so the same id is planned again in a later period. */
export const FOLLOW_UP_POOL = [
  { id: 'maj', due: '05-31', label: 'Maj' },
  { id: 'sep', due: '09-30', label: 'September' },
  { id: 'dec', due: '12-15', label: 'December' },
] as const;
export const FIRST_YEAR = 2017;

export class Model {
  readonly agreements: AgreementModel[] = [];
  readonly promises: PromiseModel[] = [];
  readonly sent: SentCommand[] = [];
  readonly assessments: AssessmentModel[] = [];
  readonly people: { organisationId: string; personId: string; removed: boolean }[] = [];
  private counter = 0;

  constructor(readonly prefix: string) {}

  nextId(kind: string): string {
    return `${this.prefix}-${kind}${++this.counter}`;
  }

  agreement(id: string): AgreementModel {
    return this.agreements.find((a) => a.id === id)!;
  }

  withStatus(...statuses: PromiseStatus[]): PromiseModel[] {
    return this.promises.filter((p) => statuses.includes(p.status));
  }

  /** Adopted, published or extended: being carried out. */
  running(): PromiseModel[] {
    return this.withStatus('Adopted', 'Published', 'Extended');
  }

  open(): PromiseModel[] {
    return this.withStatus('Draft', 'Adopted', 'Published', 'Extended');
  }
}

export const currentYear = (p: PromiseModel) => p.years[p.years.length - 1]!;
export const currentPlan = (p: PromiseModel) => p.plans.get(currentYear(p)) ?? [];
export const planLocked = (p: PromiseModel) => currentPlan(p).some((id) => p.recorded.includes(id));
/** Ids a new plan of the current period may not use: planned for an earlier period, or recorded. */
export const usedFollowUpIds = (p: PromiseModel) => [
  ...[...p.plans.entries()].filter(([year]) => year !== currentYear(p)).flatMap(([, ids]) => ids),
  ...p.recorded,
];
export const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]!;
