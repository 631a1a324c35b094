import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate, IsText } from '../../../shared/graphql/input-validators';

@InputType()
export class SignAgreementInput extends CommandInput {
  @Field(() => ID) @IsEntityId() agreementId!: string;
  @Field(() => ID, { description: 'The party the signatory signs for.' }) @IsEntityId() partyOrganisationId!: string;
  @Field() @IsString() @IsNotEmpty() @IsText(200) signatoryName!: string;
  @Field({ description: 'e.g. "Chef Lokalpolisområde", "Ordf. kommunstyrelsen"' })
  @IsString()
  @IsNotEmpty()
  @IsText(200)
  signatoryTitle!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() signedOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsText(200) place?: string | null;
}
