import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { PERSON_ROLES } from '../../../organisations/domain/organisation-roles';
import { PersonRole } from '../../../organisations/commands/appoint-person/appoint-person.input';
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
  @Field(() => PersonRole, { nullable: true, description: 'The role signed through; required when the party has a signatory set.' })
  @IsOptional()
  @IsIn(PERSON_ROLES)
  signatoryRole?: PersonRole | null;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() signedOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsText(200) place?: string | null;
}
