import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../shared/graphql/connection';
import { ActivityKind, ActivityTarget, Indicator, PromisePeriod, PromiseSignatory, PromiseStatus } from '../graphql/promise.types';
import { FollowUpStatus } from '../commands/follow-up/follow-up.input';

/*
 * The public view's own types. They are separate from the partners' types on
 * purpose: a field added to CitizenPromise or ActivityLogEntry (signatory names,
 * notes, hours) can never appear here by accident. The only names here are the
 * signatories of the published promise, which are public as the document is.
 */

@ObjectType('PublicPlannedActivity')
export class PublicPlannedActivity {
  @Field(() => ID) id!: string;
  @Field() description!: string;
  @Field(() => [ID]) responsibleOrganisationIds!: string[];
  @Field(() => ActivityTarget, { nullable: true }) target!: ActivityTarget | null;
  @Field(() => [Indicator]) indicators!: Indicator[];
}

@ObjectType({ description: 'A published citizen promise as citizens see it: its signatories (public, as on the signed document), no officers, no notes.' })
export class PublicPromise {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => PromiseStatus) status!: PromiseStatus;
  @Field(() => String, { nullable: true }) rationale!: string | null;
  @Field(() => PromisePeriod) period!: PromisePeriod;
  @Field(() => [PromisePeriod]) periods!: PromisePeriod[];
  @Field(() => [String]) focusAreas!: string[];
  @Field(() => [ID], { description: 'The municipalities and police area behind it.' }) partyIds!: string[];
  @Field(() => String, { nullable: true, description: 'e.g. "2016-12-06"' }) adoptedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. "Habo"' }) adoptedPlace!: string | null;
  @Field(() => [PromiseSignatory], { description: 'Who signed it, as `promise.adoption.signatories` (public: reading them is not logged).' })
  signatories!: PromiseSignatory[];
  @Field() publishedOn!: string;
  @Field(() => [String]) publicationChannels!: string[];
  @Field(() => String, { nullable: true }) completedOn!: string | null;
  @Field(() => [PublicPlannedActivity]) plannedActivities!: PublicPlannedActivity[];
}

@ObjectType({ description: 'A carried-out activity: what, when, where, how many, with what result (no notes).' })
export class PublicActivity {
  @Field(() => ID) id!: string;
  @Field() date!: string;
  @Field(() => ActivityKind) kind!: ActivityKind;
  @Field(() => Int) count!: number;
  @Field(() => String, { nullable: true }) place!: string | null;
  @Field(() => String, { nullable: true }) outcome!: string | null;
  @Field(() => ID, { nullable: true }) plannedActivityId!: string | null;
}

@ObjectType()
export class PublicActivityStatus {
  @Field(() => ID) plannedActivityId!: string;
  @Field(() => FollowUpStatus) status!: FollowUpStatus;
}

@ObjectType()
export class PublicMeasurement {
  @Field(() => ID) indicatorId!: string;
  @Field() value!: number;
  @Field() measuredOn!: string;
}

@ObjectType({ description: 'A recorded follow-up as reported to citizens.' })
export class PublicFollowUp {
  @Field() label!: string;
  @Field() dueOn!: string;
  @Field(() => String, { nullable: true }) reportedOn!: string | null;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => [PublicActivityStatus]) activityStatuses!: PublicActivityStatus[];
  @Field(() => [PublicMeasurement]) measurements!: PublicMeasurement[];
  @Field(() => String, { nullable: true }) communicatedToCitizens!: string | null;
  @Field(() => [String]) communicationChannels!: string[];
}

@ObjectType()
export class PublicFinalReport {
  @Field() periodFrom!: string;
  @Field() periodTo!: string;
  @Field(() => String, { nullable: true }) submittedOn!: string | null;
  @Field(() => String, { nullable: true }) summary!: string | null;
}

@ObjectType()
export class PublicPromiseConnection extends ConnectionType(PublicPromise, 'PublicPromise') {}

@ObjectType()
export class PublicActivityConnection extends ConnectionType(PublicActivity, 'PublicActivity') {}
