import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate, IsText } from '../../../shared/graphql/input-validators';
import { PlannedActivityInput } from '../planned-activity.input';

@InputType()
export class DraftPromiseInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Chosen by the caller, or derived from the command id.' })
  @IsOptional()
  @IsEntityId()
  promiseId?: string;

  @Field(() => ID, { description: 'An active agreement.' }) @IsEntityId() agreementId!: string;
  @Field() @IsString() @IsNotEmpty() @IsText(300) title!: string;
  @Field({ description: 'First day of the period, YYYY-MM-DD (a year: YYYY-01-01).' }) @IsLocalDate() periodFrom!: string;
  @Field({ description: 'Last day of the period, YYYY-MM-DD (a year: YYYY-12-31).' }) @IsLocalDate() periodTo!: string;

  @Field(() => String, { nullable: true, description: 'What the situation assessment showed.' })
  @IsOptional()
  @IsString()
  @IsText(10000)
  rationale?: string | null;

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(300, { each: true })
  focusAreas!: string[];

  @Field(() => [PlannedActivityInput])
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlannedActivityInput)
  plannedActivities!: PlannedActivityInput[];
}
