import { Field, ID, InputType } from '@nestjs/graphql';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

/** Every mutation input may carry the client's own command id: sending it again never applies twice. */
@InputType({ isAbstract: true })
export abstract class CommandInput {
  @Field(() => ID, { nullable: true, description: 'Client-chosen UUID; a retry with the same id is applied once.' })
  @IsOptional()
  @IsUUID()
  commandId?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'When it happened in the world (ISO instant), for a command without a date of its own, or its instant within that date; ' +
      'defaults to that date, or now. Not in the future; a correction not before what it corrects.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}
