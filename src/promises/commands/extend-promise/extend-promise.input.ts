import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate, IsText } from '../../../shared/graphql/input-validators';
import { PlannedActivityInput } from '../planned-activity.input';

@InputType()
export class ExtendPromiseInput extends CommandInput {
  @Field(() => ID) @IsEntityId() promiseId!: string;
  @Field({ description: 'Must be the day after the current period ends.' }) @IsLocalDate() newPeriodFrom!: string;
  @Field() @IsLocalDate() newPeriodTo!: string;
  @Field({ description: 'Why the promise is extended (förlängning).' }) @IsString() @IsNotEmpty() @IsText(10000) reason!: string;

  @Field(() => String, { nullable: true, description: 'Who decided the extension, e.g. "Kommunstyrelsen Habo kommun". With decidedOn.' })
  @IsOptional() @IsString() @IsText(500) decidedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day it was decided; the extension\'s business time. With decidedBy.' })
  @IsOptional() @IsLocalDate() decidedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the decision is minuted, e.g. "KS 2018-12-10 § 187".' })
  @IsOptional() @IsString() @IsText(500) decisionReference?: string | null;

  @Field(() => [PlannedActivityInput], { nullable: true, description: 'Omit to keep the current plan.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlannedActivityInput)
  revisedActivities?: PlannedActivityInput[] | null;
}
