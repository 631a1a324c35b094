import { Injectable } from '@nestjs/common';
import { DomainEvent } from '../domain/decider';
import { CommandExecutor, CommandOutcome, ExecuteRequest } from './command-executor';
import { ReadYourWrites } from './read-your-writes';
import { CommandAuthorizer } from './command-authorizer';

/** The write path as handlers use it: authorize and execute, then wait until the read models show the result. */
@Injectable()
export class CommandRunner {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly readYourWrites: ReadYourWrites,
    private readonly authorizer: CommandAuthorizer,
  ) {}

  async run<C, E extends DomainEvent, S>(request: Omit<ExecuteRequest<C, E, S>, 'authorize'>): Promise<CommandOutcome> {
    const { streamName, command, context } = request;
    const authorize = (state: S) => this.authorizer.authorize({ streamName, command, state, actor: context.actor });
    const outcome = await this.executor.execute({ ...request, authorize });
    await this.readYourWrites.waitFor(outcome);
    return outcome;
  }
}
