import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId } from '../../../shared/graphql/input-validators';

@InputType({ description: 'Links a promise to prioritised focus areas of a situation assessment.' })
export class LinkFocusAreasInput extends CommandInput {
  @Field(() => ID) @IsEntityId() promiseId!: string;
  @Field(() => ID) @IsEntityId() assessmentId!: string;
  @Field(() => [ID]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @IsEntityId({ each: true }) focusAreaIds!: string[];
}
