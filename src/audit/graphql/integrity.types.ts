import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class IntegrityFailure {
  @Field({ description: 'EDITED, DELETED, INSERTED, REORDERED, CHECKPOINT_MISMATCH, BAD_SIGNATURE, UNKNOWN_KEY, ...' }) kind!: string;
  @Field({ description: 'Position of the first event that fails.' }) position!: string;
  @Field(() => String, { nullable: true }) count!: string | null;
  @Field(() => String, { nullable: true }) eventId!: string | null;
  @Field() reason!: string;
}

@ObjectType({ description: 'The hash chain recomputed from the events and compared with recorded links and signed checkpoints.' })
export class IntegrityReport {
  @Field() intact!: boolean;
  @Field() summary!: string;
  @Field(() => String, { nullable: true }) intactUpTo!: string | null;
  @Field(() => Int) eventsChecked!: number;
  @Field(() => Int) linksCompared!: number;
  @Field(() => Int) checkpointsChecked!: number;
  @Field(() => Int) unchainedEvents!: number;
  @Field() head!: string;
  @Field(() => IntegrityFailure, { nullable: true }) failure!: IntegrityFailure | null;
}

@ObjectType({ description: 'The key that signs integrity checkpoints: verify exports and checkpoints with it.' })
export class IntegrityPublicKey {
  @Field() keyId!: string;
  @Field() algorithm!: string;
  @Field({ description: 'SPKI, PEM.' }) pem!: string;
}
