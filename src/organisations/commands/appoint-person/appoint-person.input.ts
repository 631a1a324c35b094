import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate, IsText } from '../../../shared/graphql/input-validators';
import { PERSON_ROLES } from '../../domain/organisation-roles';

/** The GraphQL enum is built from the domain's list, so the two cannot drift apart. */
export const PersonRole = Object.fromEntries(PERSON_ROLES.map((r) => [r, r])) as { [K in (typeof PERSON_ROLES)[number]]: K };
export type PersonRole = (typeof PERSON_ROLES)[number];
registerEnumType(PersonRole, { name: 'PersonRole', description: 'Police roles in police organisations, municipal roles in municipal ones; Other anywhere.' });

@InputType()
export class AppointPersonInput extends CommandInput {
  @Field(() => ID) @IsEntityId() organisationId!: string;
  @Field(() => ID, { nullable: true, description: 'Chosen by the caller, or derived from the command id.' })
  @IsOptional()
  @IsEntityId()
  personId?: string;
  @Field() @IsString() @IsNotEmpty() @IsText(200) name!: string;
  @Field(() => PersonRole) @IsIn(PERSON_ROLES) role!: PersonRole;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() appointedOn!: string;
}

@InputType()
export class RemovePersonInput extends CommandInput {
  @Field(() => ID) @IsEntityId() organisationId!: string;
  @Field(() => ID) @IsEntityId() personId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() removedOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsText(2000) reason?: string | null;
}
