import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

/** Every mutation input may carry the client's own command id: sending it again never applies twice. */
@InputType({ isAbstract: true })
export abstract class CommandInput {
  @Field(() => ID, { nullable: true, description: 'Client-chosen UUID; a retry with the same id is applied once.' })
  @IsOptional()
  @IsUUID()
  commandId?: string;
}
