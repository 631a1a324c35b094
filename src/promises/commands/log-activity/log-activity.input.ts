import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate, IsText } from '../../../shared/graphql/input-validators';
import { ACTIVITY_KINDS } from '../../domain/promise.events';
import { ActivityKind } from '../../graphql/promise.types';

@InputType({ isAbstract: true })
export abstract class ActivityFieldsInput extends CommandInput {
  @Field(() => ID) @IsEntityId() promiseId!: string;

  @Field(() => ID, { nullable: true, description: 'Chosen by the caller, or derived from the command id.' })
  @IsOptional()
  @IsEntityId()
  entryId?: string;

  @Field({ description: 'When it was done, YYYY-MM-DD, inside the promise period.' }) @IsLocalDate() date!: string;
  @Field(() => ActivityKind) @IsIn(ACTIVITY_KINDS) kind!: ActivityKind;
  @Field(() => ID) @IsEntityId() responsibleOrganisationId!: string;

  @Field(() => Int, { description: 'How many (searches, walks, meetings ...), at least 1.' })
  @IsInt()
  @Min(1)
  @Max(100000)
  count!: number;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsText(300) place?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. "one dog search, no narcotics found"' })
  @IsOptional()
  @IsString()
  @IsText(5000)
  outcome?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsText(10000) notes?: string | null;

  @Field(() => ID, { nullable: true, description: 'The planned activity this realises.' })
  @IsOptional()
  @IsEntityId()
  plannedActivityId?: string | null;

  @Field(() => Float, { nullable: true, description: 'Hours spent, where known.' }) @IsOptional() @IsNumber() @Min(0) @Max(100000) hours?: number | null;
  @Field(() => Float, { nullable: true, description: 'Cost in SEK, where known.' }) @IsOptional() @IsNumber() @Min(0) @Max(1e9) cost?: number | null;
}

@InputType()
export class LogActivityInput extends ActivityFieldsInput {}

@InputType({ description: 'A new entry superseding an earlier one, with the reason; the original stays in the history.' })
export class CorrectActivityInput extends ActivityFieldsInput {
  @Field(() => ID, { description: 'The entry this one corrects.' }) @IsEntityId() correctsEntryId!: string;
  @Field() @IsString() @IsText(5000) reason!: string;
}
