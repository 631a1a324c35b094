import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate, IsText } from '../../../shared/graphql/input-validators';

@InputType({ description: 'A (joint) situation assessment for an agreement, a period, or both.' })
export class StartAssessmentInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Chosen by the caller, or derived from the command id.' })
  @IsOptional()
  @IsEntityId()
  assessmentId?: string;
  @Field() @IsString() @IsNotEmpty() @IsText(300) title!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsEntityId() agreementId?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) @IsOptional() @IsLocalDate() periodFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) @IsOptional() @IsLocalDate() periodTo?: string | null;
}
