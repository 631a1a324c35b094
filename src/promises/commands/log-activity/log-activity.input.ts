import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate, IsText } from '../../../shared/graphql/input-validators';
import { ACTIVITY_KINDS } from '../../domain/promise.events';
import { ActivityKind } from '../../graphql/promise.types';

@InputType()
export class LogActivityInput extends CommandInput {
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
}
