import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { promiseStream } from '../../../shared/streams';
import { promiseDecider } from '../../domain/promise.decider';
import { CompletePromiseInput, PublishPromiseInput } from './change-promise.input';

export class PublishPromiseCommand {
  constructor(readonly input: PublishPromiseInput, readonly context: CommandContext) {}
}

export class CompletePromiseCommand {
  constructor(readonly input: CompletePromiseInput, readonly context: CommandContext) {}
}

@CommandHandler(PublishPromiseCommand)
export class PublishPromiseHandler implements ICommandHandler<PublishPromiseCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, context }: PublishPromiseCommand): Promise<string> {
    const { promiseId, publishedOn, channels } = input;
    await this.commands.run({ streamName: promiseStream(promiseId), decider: promiseDecider, command: { type: 'PublishPromise', data: { promiseId, publishedOn, channels } }, context });
    return promiseId;
  }
}

@CommandHandler(CompletePromiseCommand)
export class CompletePromiseHandler implements ICommandHandler<CompletePromiseCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, context }: CompletePromiseCommand): Promise<string> {
    const { promiseId, completedOn } = input;
    await this.commands.run({ streamName: promiseStream(promiseId), decider: promiseDecider, command: { type: 'CompletePromise', data: { promiseId, completedOn } }, context });
    return promiseId;
  }
}
