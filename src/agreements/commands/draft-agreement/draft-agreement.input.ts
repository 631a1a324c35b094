import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate, IsText } from '../../../shared/graphql/input-validators';

@InputType()
export class DraftAgreementInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Chosen by the caller, or derived from the command id.' })
  @IsOptional()
  @IsEntityId()
  agreementId?: string;

  @Field() @IsString() @IsNotEmpty() @IsText(300) title!: string;

  @Field(() => [ID], { description: 'Registered organisations: one or more municipalities and one local police area.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsEntityId({ each: true })
  partyIds!: string[];

  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() validFrom!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; omit for "until further notice" (tills vidare).' })
  @IsOptional()
  @IsLocalDate()
  validTo?: string | null;
}
