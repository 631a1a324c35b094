import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsText } from '../../../shared/graphql/input-validators';

@InputType()
export class RegisterPoliceRegionInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Chosen by the caller, or derived from the command id.' })
  @IsOptional()
  @IsEntityId()
  organisationId?: string;

  @Field({ description: 'e.g. "Polisregion Öst"' }) @IsString() @IsNotEmpty() @IsText(200) name!: string;
}

/** A registration under a registered parent (police district under a region, city district under a municipality). */
@InputType()
export class RegisterChildOrganisationInput extends RegisterPoliceRegionInput {
  @Field(() => ID, { description: 'The registered parent organisation.' }) @IsEntityId() parentId!: string;
}
