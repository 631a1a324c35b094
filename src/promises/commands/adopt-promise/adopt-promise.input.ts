import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate, IsText } from '../../../shared/graphql/input-validators';

@InputType()
export class PromiseSignatoryInput {
  @Field() @IsString() @IsNotEmpty() @IsText(200) name!: string;
  @Field() @IsString() @IsNotEmpty() @IsText(200) title!: string;
  @Field(() => ID, { description: 'The party signed for.' }) @IsEntityId() organisationId!: string;
}

@InputType()
export class AdoptPromiseInput extends CommandInput {
  @Field(() => ID) @IsEntityId() promiseId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() adoptedOn!: string;
  @Field(() => String, { nullable: true, description: 'Where it was signed, e.g. "Habo".' })
  @IsOptional()
  @IsString()
  @IsText(200)
  place?: string | null;

  @Field(() => [PromiseSignatoryInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PromiseSignatoryInput)
  signatories!: PromiseSignatoryInput[];
}
