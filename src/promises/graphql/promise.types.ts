import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IndicatorKind, TargetPer } from '../commands/planned-activity.input';
import { ConnectionType } from '../../shared/graphql/connection';
import { ACTIVITY_KINDS } from '../domain/promise.events';

export enum PromiseStatus {
  Draft = 'Draft',
  Adopted = 'Adopted',
  Published = 'Published',
  Extended = 'Extended',
  Completed = 'Completed',
  Withdrawn = 'Withdrawn',
}
registerEnumType(PromiseStatus, { name: 'PromiseStatus', description: 'Draft → Adopted → Published → Extended / Completed / Withdrawn.' });

/** The GraphQL enum is built from the domain's list, so the two cannot drift apart. */
export const ActivityKind = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, k])) as { [K in (typeof ACTIVITY_KINDS)[number]]: K };
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
registerEnumType(ActivityKind, { name: 'ActivityKind', description: 'Kinds of logged activity (hundsök, trygghetsvandring, SSPF, SIG, ...).' });

@ObjectType({ description: 'Who decided an extension, on which day, and where it is minuted.' })
export class ExtensionDecision {
  @Field({ description: 'e.g. "Kommunstyrelsen Habo kommun"' }) decidedBy!: string;
  @Field({ description: 'YYYY-MM-DD' }) decidedOn!: string;
  @Field(() => String, { nullable: true, description: 'e.g. "KS 2018-12-10 § 187"' }) reference!: string | null;
}

@ObjectType()
export class PromisePeriod {
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => String, { nullable: true, description: 'Why the promise was extended into this period (förlängning).' })
  extensionReason!: string | null;
  @Field(() => ExtensionDecision, { nullable: true, description: 'The decision that extended the promise into this period, where one was recorded.' })
  extensionDecision?: ExtensionDecision | null;
}

@ObjectType({ description: '"at least three times a year": quantity 3 per Year, with the words used.' })
export class ActivityTarget {
  @Field(() => Int) quantity!: number;
  @Field(() => TargetPer) per!: TargetPer;
  @Field() text!: string;
}

@ObjectType()
export class Indicator {
  @Field(() => ID) indicatorId!: string;
  @Field() name!: string;
  @Field(() => IndicatorKind) kind!: IndicatorKind;
  @Field() unit!: string;
  @Field(() => Float, { nullable: true }) baseline!: number | null;
  @Field(() => Float, { nullable: true }) target!: number | null;
  @Field(() => String, { nullable: true }) source!: string | null;
}

@ObjectType()
export class PlannedActivity {
  @Field(() => ID) id!: string;
  @Field() description!: string;
  @Field(() => [ID], { description: 'One or more parties; several means a joint activity.' })
  responsibleOrganisationIds!: string[];
  @Field(() => ActivityTarget, { nullable: true }) target!: ActivityTarget | null;
  @Field(() => [Indicator]) indicators!: Indicator[];
  /** Not in the schema: what progress needs to know about the promise. */
  promiseId!: string;
  currentPeriod!: { from: string; to: string };
}

@ObjectType()
export class PromiseSignatory {
  @Field() name!: string;
  @Field() title!: string;
  @Field(() => ID) organisationId!: string;
}

@ObjectType({ description: 'Adoption of the promise, e.g. "Habo 2016-12-06" with its signatories.' })
export class Adoption {
  @Field() adoptedOn!: string;
  @Field(() => String, { nullable: true }) place!: string | null;
  @Field(() => [PromiseSignatory]) signatories!: PromiseSignatory[];
}

@ObjectType()
export class Withdrawal {
  @Field() withdrawnOn!: string;
  @Field() reason!: string;
}

@ObjectType({ description: 'Medborgarlöfte: a public promise by the parties of an agreement for a period.' })
export class CitizenPromise {
  @Field(() => ID) id!: string;
  @Field(() => ID) agreementId!: string;
  @Field() title!: string;
  @Field(() => PromiseStatus) status!: PromiseStatus;
  @Field(() => String, { nullable: true }) rationale!: string | null;
  @Field(() => PromisePeriod, { description: 'The current period.' }) period!: PromisePeriod;
  @Field(() => [PromisePeriod], { description: 'Every period, the first and one per extension.' }) periods!: PromisePeriod[];
  @Field(() => [String]) focusAreas!: string[];
  @Field(() => [PlannedActivity], { description: 'The current plan.' }) plannedActivities!: PlannedActivity[];
  @Field(() => [ID]) partyIds!: string[];
  @Field(() => Adoption, { nullable: true }) adoption!: Adoption | null;
  @Field(() => Withdrawal, { nullable: true }) withdrawal!: Withdrawal | null;
  @Field(() => String, { nullable: true, description: 'When it was made public; null until then.' }) publishedOn!: string | null;
  @Field(() => [String], { description: 'Where it was published.' }) publicationChannels!: string[];
  @Field(() => String, { nullable: true }) completedOn!: string | null;
  @Field(() => ID, { nullable: true, description: 'The situation assessment whose focus areas it answers.' }) assessmentId!: string | null;
  @Field(() => [ID]) focusAreaIds!: string[];
}

@ObjectType({ description: 'One logged activity (an entry is corrected by a later event, never deleted).' })
export class ActivityLogEntry {
  @Field(() => ID) id!: string;
  @Field(() => ID) promiseId!: string;
  @Field() date!: string;
  @Field(() => ActivityKind) kind!: ActivityKind;
  @Field(() => ID) responsibleOrganisationId!: string;
  @Field(() => Int) count!: number;
  @Field(() => String, { nullable: true }) place!: string | null;
  @Field(() => String, { nullable: true }) outcome!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => ID, { nullable: true }) plannedActivityId!: string | null;
  @Field(() => Float, { nullable: true }) hours!: number | null;
  @Field(() => Float, { nullable: true, description: 'SEK' }) cost!: number | null;
  @Field(() => ID, { nullable: true, description: 'On a correction: the entry it supersedes.' }) correctsEntryId!: string | null;
  @Field(() => String, { nullable: true }) correctionReason!: string | null;
  @Field(() => ID, { nullable: true, description: 'Set when a later correction superseded this entry (it no longer counts).' })
  supersededBy!: string | null;
}

@ObjectType()
export class CitizenPromiseConnection extends ConnectionType(CitizenPromise, 'CitizenPromise') {}

@ObjectType()
export class ActivityLogEntryConnection extends ConnectionType(ActivityLogEntry, 'ActivityLogEntry') {}
