import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import { PERSON_ROLES } from '../../../organisations/domain/organisation-roles';
import { PersonRole } from '../../../organisations/commands/appoint-person/appoint-person.input';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate, IsText } from '../../../shared/graphql/input-validators';

/** The signatures a party must supply, e.g. Stenungsund: [MunicipalChiefExecutive]; the police: [LocalPoliceAreaChief]. */
@InputType()
export class SignatorySetInput {
  @Field(() => ID) @IsEntityId() organisationId!: string;
  @Field(() => [PersonRole]) @IsArray() @ArrayMaxSize(10) @IsIn(PERSON_ROLES, { each: true }) roles!: PersonRole[];
}

@InputType()
export class DraftAgreementInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Chosen by the caller, or derived from the command id.' })
  @IsOptional()
  @IsEntityId()
  agreementId?: string;

  @Field() @IsString() @IsNotEmpty() @IsText(300) title!: string;

  @Field(() => [ID], { description: 'Registered organisations: one police party (local police area or district) and any municipalities or city districts.' })
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

  @Field(() => [SignatorySetInput], { nullable: true, description: 'Per party, the roles that must sign; a party left out signs once, through anyone.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SignatorySetInput)
  signatorySets?: SignatorySetInput[] | null;
}
