import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class IntegrityFailure {
  @Field({ description: 'EDITED, FORGED, DELETED, INSERTED, REORDERED, TRUNCATED, LINK_ALTERED, CHECKPOINT_MISMATCH, BAD_SIGNATURE, UNKNOWN_KEY.' }) kind!: string;
  @Field({ description: 'Position of the first event that fails (for a checkpoint that fails, of the checkpoint event).' }) position!: string;
  @Field(() => String, { nullable: true, description: 'Its place in the chain (1-based).' }) count!: string | null;
  @Field(() => String, { nullable: true }) eventId!: string | null;
  @Field() reason!: string;
}

@ObjectType({ description: 'The hash chain recomputed from the events and weighed against recorded links, signed checkpoints and authenticators.' })
export class IntegrityReport {
  @Field() intact!: boolean;
  @Field() summary!: string;
  @Field(() => String, { nullable: true }) intactUpTo!: string | null;
  @Field(() => String, { nullable: true, description: 'The last position a signed checkpoint or an authenticator vouches for.' }) provenUpTo!: string | null;
  @Field(() => Int) eventsChecked!: number;
  @Field(() => Int) linksCompared!: number;
  @Field(() => Int) checkpointsChecked!: number;
  @Field(() => Int) authenticatorsChecked!: number;
  @Field(() => Int, { description: 'Events after provenUpTo.' }) unprovenEvents!: number;
  @Field() head!: string;
  @Field(() => IntegrityFailure, { nullable: true }) failure!: IntegrityFailure | null;
}

@ObjectType({ description: 'The key that signs integrity checkpoints: verify exports and checkpoints with it.' })
export class IntegrityPublicKey {
  @Field() keyId!: string;
  @Field() algorithm!: string;
  @Field({ description: 'SPKI, PEM.' }) pem!: string;
}

@ObjectType({ description: 'The latest signed checkpoint the service verified: save `json`, and pass it later to verify (--expect-checkpoint, or verifyIntegrity(expectCheckpoint:)).' })
export class IntegrityCheckpoint {
  @Field({ description: 'How many events of the chain it covers.' }) count!: string;
  @Field({ description: 'Position of the last event it covers.' }) position!: string;
  @Field() head!: string;
  @Field() signedAt!: string;
  @Field() keyId!: string;
  @Field({ description: 'Position of the checkpoint event itself.' }) eventPosition!: string;
  @Field({ description: 'The checkpoint as a JSON document, signature included.' }) json!: string;
}
