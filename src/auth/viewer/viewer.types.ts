import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum OperationKind {
  QUERY = 'QUERY',
  MUTATION = 'MUTATION',
  SUBSCRIPTION = 'SUBSCRIPTION',
}
registerEnumType(OperationKind, { name: 'OperationKind' });

@ObjectType({ description: 'A root operation the viewer may run.' })
export class ViewerOperation {
  @Field({ description: 'Its schema coordinate, e.g. "Mutation.logActivity".' })
  coordinate!: string;

  @Field(() => OperationKind)
  kind!: OperationKind;

  @Field({ description: "True when the viewer may run it only for agreements and promises their organisation is party to (the service decides each call)." })
  partiesOnly!: boolean;
}

@ObjectType({ description: 'The caller, as their token says, and what they may run: what a UI needs without decoding the token.' })
export class ViewerInfo {
  @Field()
  signedIn!: boolean;

  @Field(() => ID, { nullable: true })
  userId!: string | null;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => ID, { nullable: true, description: 'The organisation they work for (query `organisation(id)` for it); null for auditors, admins and anonymous callers.' })
  organisationId!: string | null;

  @Field(() => [String], { description: 'member, signatory, coordinator, auditor, admin.' })
  roles!: string[];

  @Field(() => [ViewerOperation])
  operations!: ViewerOperation[];
}
