import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate, IsText } from '../../../shared/graphql/input-validators';

@InputType({ description: 'A new version (revidering); earlier versions stay readable.' })
export class ReviseAgreementInput extends CommandInput {
  @Field(() => ID) @IsEntityId() agreementId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() revisedOn!: string;
  @Field({ description: 'Why, e.g. the steering group\'s decision.' }) @IsString() @IsNotEmpty() @IsText(10000) reason!: string;
  @Field() @IsString() @IsNotEmpty() @IsText(300) title!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() validFrom!: string;
  @Field(() => String, { nullable: true, description: 'Omit for "until further notice".' }) @IsOptional() @IsLocalDate() validTo?: string | null;
}

@InputType()
export class ExtendAgreementInput extends CommandInput {
  @Field(() => ID) @IsEntityId() agreementId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() extendedOn!: string;
  @Field({ description: 'The new last day, after the current one.' }) @IsLocalDate() newValidTo!: string;
  @Field() @IsString() @IsNotEmpty() @IsText(10000) reason!: string;
}

@InputType()
export class TerminateAgreementInput extends CommandInput {
  @Field(() => ID) @IsEntityId() agreementId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() terminatedOn!: string;
  @Field() @IsString() @IsNotEmpty() @IsText(10000) reason!: string;
}

@InputType()
export class SupersedeAgreementInput extends CommandInput {
  @Field(() => ID) @IsEntityId() agreementId!: string;
  @Field(() => ID, { description: 'The newer, active agreement that replaces it.' }) @IsEntityId() supersededBy!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() supersededOn!: string;
}
