import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsText } from '../../../shared/graphql/input-validators';

@InputType()
export class RegisterMunicipalityInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Chosen by the caller, or derived from the command id.' })
  @IsOptional()
  @IsEntityId()
  organisationId?: string;

  @Field() @IsString() @IsNotEmpty() @IsText(200) name!: string;

  @Field({ description: 'Four-digit municipality code (kommunkod), e.g. 0643.' })
  @IsString()
  @Matches(/^\d{4}$/, { message: 'municipalityCode must be four digits, e.g. 0643' })
  municipalityCode!: string;
}
