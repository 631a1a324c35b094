import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { IsEntityId, IsText } from '../../shared/graphql/input-validators';

/** A planned activity as drafted or revised; shared by DraftPromise and ExtendPromise. */
@InputType()
export class PlannedActivityInput {
  @Field(() => ID, { nullable: true, description: 'Keep an id to carry an activity over an extension.' })
  @IsOptional()
  @IsEntityId()
  plannedActivityId?: string;

  @Field() @IsString() @IsNotEmpty() @IsText(2000) description!: string;

  @Field(() => [ID], { description: 'Responsible parties; several means joint.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsEntityId({ each: true })
  responsibleOrganisationIds!: string[];
}
