import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsText } from '../../../shared/graphql/input-validators';

@InputType()
export class RegisterLocalPoliceAreaInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Chosen by the caller, or derived from the command id.' })
  @IsOptional()
  @IsEntityId()
  organisationId?: string;

  @Field() @IsString() @IsNotEmpty() @IsText(200) name!: string;
  @Field({ description: 'Police district (polisområde), e.g. Jönköping.' }) @IsString() @IsNotEmpty() @IsText(200) policeDistrict!: string;
  @Field({ description: 'Police region, e.g. Öst.' }) @IsString() @IsNotEmpty() @IsText(200) policeRegion!: string;

  @Field(() => ID, { nullable: true, description: 'The registered police district (polisområde) it belongs to, when there is one.' })
  @IsOptional()
  @IsEntityId()
  policeDistrictId?: string | null;
}
