import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { promiseStream } from '../../../shared/streams';
import { promiseDecider } from '../../domain/promise.decider';
import { AdoptPromiseInput } from './adopt-promise.input';

export class AdoptPromiseCommand {
  constructor(
    readonly input: AdoptPromiseInput,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(AdoptPromiseCommand)
export class AdoptPromiseHandler implements ICommandHandler<AdoptPromiseCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, context }: AdoptPromiseCommand): Promise<string> {
    const { promiseId, adoptedOn, place, signatories } = input;
    await this.commands.run({
      streamName: promiseStream(promiseId),
      decider: promiseDecider,
      command: {
        type: 'AdoptPromise',
        data: {
          promiseId,
          adoptedOn,
          place: place ?? null,
          signatories: signatories.map(({ name, title, organisationId }) => ({ name, title, organisationId })),
        },
      },
      context,
    });
    return promiseId;
  }
}
