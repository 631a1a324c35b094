import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../shared/graphql/connection';
import { SourceKind } from '../commands/build-assessment/build-assessment.input';

@ObjectType()
export class AssessmentSource {
  @Field(() => ID) id!: string;
  @Field(() => SourceKind) kind!: SourceKind;
  @Field() summary!: string;
  @Field(() => ID, { nullable: true }) providedByOrganisationId!: string | null;
}

@ObjectType({ description: 'A problem with its cause analysis (orsaksanalys).' })
export class AssessmentProblem {
  @Field(() => ID) id!: string;
  @Field() description!: string;
  @Field() causeAnalysis!: string;
}

@ObjectType({ description: 'A prioritised focus area (fokusområde).' })
export class FocusArea {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '1 = most important.' }) priority!: number;
  @Field() name!: string;
  @Field(() => [ID]) problemIds!: string[];
}

@ObjectType({ description: 'A (joint) situation assessment (lägesbild) for an agreement or a period.' })
export class SituationAssessment {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => ID, { nullable: true }) agreementId!: string | null;
  /** Not in the schema: who owns one without an agreement, for the read policy (src/auth/policy/working-material-filters.ts). */
  startedByOrganisationId!: string | null;
  @Field(() => String, { nullable: true }) periodFrom!: string | null;
  @Field(() => String, { nullable: true }) periodTo!: string | null;
  @Field({ description: 'InProgress or Completed.' }) status!: string;
  @Field(() => String, { nullable: true }) completedOn!: string | null;
  @Field(() => [AssessmentSource]) sources!: AssessmentSource[];
  @Field(() => [AssessmentProblem]) problems!: AssessmentProblem[];
  @Field(() => [FocusArea], { description: 'Most important first.' }) focusAreas!: FocusArea[];
}

@ObjectType()
export class SituationAssessmentConnection extends ConnectionType(SituationAssessment, 'SituationAssessment') {}
