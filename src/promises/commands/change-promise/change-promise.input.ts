import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate } from '../../../shared/graphql/input-validators';

@InputType({ description: 'Makes an adopted promise public.' })
export class PublishPromiseInput extends CommandInput {
  @Field(() => ID) @IsEntityId() promiseId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() publishedOn!: string;
  @Field(() => [String], { description: 'Where, e.g. "habo.se", "lokaltidningen".' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  channels!: string[];
}

@InputType({ description: 'Closes a promise whose current period has its final report.' })
export class CompletePromiseInput extends CommandInput {
  @Field(() => ID) @IsEntityId() promiseId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() completedOn!: string;
}
