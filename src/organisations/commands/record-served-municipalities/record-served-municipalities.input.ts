import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId } from '../../../shared/graphql/input-validators';

@InputType()
export class RecordServedMunicipalitiesInput extends CommandInput {
  @Field(() => ID, { description: 'The local police area.' }) @IsEntityId() organisationId!: string;
  @Field(() => [ID], { description: 'Every municipality it serves (replaces the previous list).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsEntityId({ each: true })
  municipalityIds!: string[];
}
