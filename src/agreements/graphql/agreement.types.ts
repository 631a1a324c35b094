import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganisationKind } from '../../organisations/graphql/organisation.type';
import { PersonRole } from '../../organisations/commands/appoint-person/appoint-person.input';
import { ConnectionType } from '../../shared/graphql/connection';

export enum AgreementStatus {
  Draft = 'Draft',
  Active = 'Active',
  Terminated = 'Terminated',
  Superseded = 'Superseded',
}
registerEnumType(AgreementStatus, { name: 'AgreementStatus', description: 'Active once every required signature is in; later terminated or superseded.' });

@ObjectType({ description: 'A signature on behalf of one party (undertecknande).' })
export class Signature {
  @Field() signatoryName!: string;
  @Field() signatoryTitle!: string;
  @Field(() => PersonRole, { nullable: true, description: 'The role signed through (null on signatures made before roles were recorded).' })
  role?: PersonRole | null;
  @Field() signedOn!: string;
  @Field(() => String, { nullable: true }) place!: string | null;
}

@ObjectType()
export class AgreementParty {
  @Field(() => ID) organisationId!: string;
  @Field(() => OrganisationKind) kind!: OrganisationKind;
  @Field({ description: 'Name as it stood when the agreement was drafted.' }) name!: string;
  @Field(() => Signature, { nullable: true, description: 'The first signature; null until this party has signed.' })
  signature!: Signature | null;
  @Field(() => [PersonRole], { description: 'The signatory set this party must supply ([]: one signature, any role).' })
  requiredSignatoryRoles!: PersonRole[];
  @Field(() => [Signature], { description: 'Every signature for this party, in order.' })
  signatures!: Signature[];
}

@ObjectType({ description: 'One version of an agreement: as drafted, then one per revision.' })
export class AgreementVersion {
  @Field(() => Int) version!: number;
  @Field() title!: string;
  @Field() validFrom!: string;
  @Field(() => String, { nullable: true }) validTo!: string | null;
  @Field(() => String, { nullable: true, description: 'Null for the version as drafted.' }) revisedOn!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType({ description: 'Samverkansöverenskommelse between municipalities (or city districts) and the police.' })
export class CollaborationAgreement {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => AgreementStatus) status!: AgreementStatus;
  @Field() validFrom!: string;
  @Field(() => String, { nullable: true, description: 'Null: valid until further notice (tills vidare).' })
  validTo!: string | null;
  @Field(() => String, { nullable: true }) activatedOn!: string | null;
  @Field(() => [AgreementParty]) parties!: AgreementParty[];
  @Field(() => Int, { description: 'The current version: 1 as drafted, +1 per revision.' }) version!: number;
  @Field(() => String, { nullable: true }) extendedOn!: string | null;
  @Field(() => String, { nullable: true }) extensionReason!: string | null;
  @Field(() => String, { nullable: true, description: 'When it was terminated or superseded.' }) endedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was terminated.' }) endReason!: string | null;
  @Field(() => ID, { nullable: true, description: 'The newer agreement that superseded it.' }) supersededBy!: string | null;
}

@ObjectType()
export class CollaborationAgreementConnection extends ConnectionType(CollaborationAgreement, 'CollaborationAgreement') {}
