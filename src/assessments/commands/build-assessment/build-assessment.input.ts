import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate, IsText } from '../../../shared/graphql/input-validators';
import { SOURCE_KINDS } from '../../domain/assessment.events';

export const SourceKind = Object.fromEntries(SOURCE_KINDS.map((k) => [k, k])) as { [K in (typeof SOURCE_KINDS)[number]]: K };
export type SourceKind = (typeof SOURCE_KINDS)[number];
registerEnumType(SourceKind, { name: 'AssessmentSourceKind', description: 'Reported crime, safety survey, citizen or staff dialogue, other local data.' });

@InputType()
export class AddAssessmentSourceInput extends CommandInput {
  @Field(() => ID) @IsEntityId() assessmentId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsEntityId() sourceId?: string;
  @Field(() => SourceKind) @IsIn(SOURCE_KINDS) kind!: SourceKind;
  @Field() @IsString() @IsNotEmpty() @IsText(10000) summary!: string;
  @Field(() => ID, { nullable: true, description: 'The party that brought this source.' }) @IsOptional() @IsEntityId() providedByOrganisationId?: string | null;
}

@InputType()
export class IdentifyProblemInput extends CommandInput {
  @Field(() => ID) @IsEntityId() assessmentId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsEntityId() problemId?: string;
  @Field() @IsString() @IsNotEmpty() @IsText(2000) description!: string;
  @Field({ description: 'Orsaksanalys.' }) @IsString() @IsNotEmpty() @IsText(10000) causeAnalysis!: string;
}

@InputType()
export class FocusAreaInput {
  @Field(() => ID) @IsEntityId() focusAreaId!: string;
  @Field() @IsString() @IsNotEmpty() @IsText(300) name!: string;
  @Field(() => [ID]) @IsArray() @ArrayMinSize(1) @IsEntityId({ each: true }) problemIds!: string[];
}

@InputType({ description: 'The whole prioritised list, most important first.' })
export class PrioritiseFocusAreasInput extends CommandInput {
  @Field(() => ID) @IsEntityId() assessmentId!: string;
  @Field(() => [FocusAreaInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => FocusAreaInput)
  focusAreas!: FocusAreaInput[];
}

@InputType()
export class CompleteAssessmentInput extends CommandInput {
  @Field(() => ID) @IsEntityId() assessmentId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() completedOn!: string;
}
