import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum OrganisationKind {
  Municipality = 'Municipality',
  LocalPoliceArea = 'LocalPoliceArea',
}
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });

@ObjectType({ description: 'A municipality (kommun) or a local police area (lokalpolisområde).' })
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
}
