import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsString } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate, IsText } from '../../../shared/graphql/input-validators';

@InputType()
export class WithdrawPromiseInput extends CommandInput {
  @Field(() => ID) @IsEntityId() promiseId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() withdrawnOn!: string;
  @Field() @IsString() @IsNotEmpty() @IsText(10000) reason!: string;
}
