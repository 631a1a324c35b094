import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ORGANISATION_KINDS } from '../domain/organisation-roles';
import { PersonRole } from '../commands/appoint-person/appoint-person.input';

/** The GraphQL enum is built from the domain's list, so the two cannot drift apart. */
export const OrganisationKind = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, k])) as { [K in (typeof ORGANISATION_KINDS)[number]]: K };
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
registerEnumType(OrganisationKind, { name: 'OrganisationKind', description: 'Police region > police district > local police area; municipality > city district.' });

@ObjectType({ description: 'Someone appointed to a role in an organisation.' })
export class OrganisationPerson {
  @Field(() => ID) personId!: string;
  @Field() name!: string;
  @Field(() => PersonRole) role!: PersonRole;
  @Field() appointedOn!: string;
  @Field(() => String, { nullable: true, description: 'Null while the appointment lasts.' }) removedOn!: string | null;
}

@ObjectType({ description: 'A police region, police district, local police area (lokalpolisområde), municipality (kommun) or city district.' })
export class Organisation {
  @Field(() => ID) id!: string;
  @Field(() => OrganisationKind) kind!: OrganisationKind;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'Four-digit municipality code (kommunkod), e.g. 0643 for Habo.' })
  municipalityCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Police district (polisområde) of a local police area.' })
  policeDistrict!: string | null;
  @Field(() => String, { nullable: true, description: 'Police region of a local police area.' })
  policeRegion!: string | null;
  @Field(() => ID, { nullable: true, description: 'The registered parent organisation.' })
  parentId!: string | null;
}
