import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganisationKind } from '../../organisations/graphql/organisation.type';
import { ConnectionType } from '../../shared/graphql/connection';

export enum AgreementStatus {
  Draft = 'Draft',
  Active = 'Active',
}
registerEnumType(AgreementStatus, { name: 'AgreementStatus', description: 'Active once every party has signed.' });

@ObjectType({ description: 'A signature on behalf of one party (undertecknande).' })
export class Signature {
  @Field() signatoryName!: string;
  @Field() signatoryTitle!: string;
  @Field() signedOn!: string;
  @Field(() => String, { nullable: true }) place!: string | null;
}

@ObjectType()
export class AgreementParty {
  @Field(() => ID) organisationId!: string;
  @Field(() => OrganisationKind) kind!: OrganisationKind;
  @Field({ description: 'Name as it stood when the agreement was drafted.' }) name!: string;
  @Field(() => Signature, { nullable: true, description: 'Null until this party has signed.' })
  signature!: Signature | null;
}

@ObjectType({ description: 'Samverkansöverenskommelse between municipalities and a local police area.' })
export class CollaborationAgreement {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => AgreementStatus) status!: AgreementStatus;
  @Field() validFrom!: string;
  @Field(() => String, { nullable: true, description: 'Null: valid until further notice (tills vidare).' })
  validTo!: string | null;
  @Field(() => String, { nullable: true }) activatedOn!: string | null;
  @Field(() => [AgreementParty]) parties!: AgreementParty[];
}

@ObjectType()
export class CollaborationAgreementConnection extends ConnectionType(CollaborationAgreement, 'CollaborationAgreement') {}
