import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { promiseStream } from '../../../shared/streams';
import { promiseDecider } from '../../domain/promise.decider';
import { WithdrawPromiseInput } from './withdraw-promise.input';

export class WithdrawPromiseCommand {
  constructor(
    readonly input: WithdrawPromiseInput,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(WithdrawPromiseCommand)
export class WithdrawPromiseHandler implements ICommandHandler<WithdrawPromiseCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, context }: WithdrawPromiseCommand): Promise<string> {
    const { promiseId, withdrawnOn, reason } = input;
    await this.commands.run({
      streamName: promiseStream(promiseId),
      decider: promiseDecider,
      command: { type: 'WithdrawPromise', data: { promiseId, withdrawnOn, reason } },
      context,
    });
    return promiseId;
  }
}
