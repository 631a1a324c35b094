import { Injectable } from '@nestjs/common';
import { DomainEvent } from '../domain/decider';
import { CommandExecutor, CommandOutcome, ExecuteRequest } from './command-executor';
import { ReadYourWrites } from './read-your-writes';

/** The write path as handlers use it: execute, then wait until the read models show the result. */
@Injectable()
export class CommandRunner {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async run<C, E extends DomainEvent, S>(request: ExecuteRequest<C, E, S>): Promise<CommandOutcome> {
    const outcome = await this.executor.execute(request);
    await this.readYourWrites.waitFor(outcome);
    return outcome;
  }
}
