import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandExecutor } from '../../../shared/commands/command-executor';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { deterministicUuid } from '../../../shared/commands/deterministic-id';
import { DomainError } from '../../../shared/domain/domain-error';
import { agreementStream, promiseStream } from '../../../shared/streams';
import { agreementDecider } from '../../../agreements/domain/agreement.decider';
import { promiseDecider } from '../../domain/promise.decider';
import { AgreementSnapshot } from '../../domain/promise.commands';
import { toPlannedActivities } from '../planned-activities';
import { DraftPromiseInput } from './draft-promise.input';

export class DraftPromiseCommand {
  constructor(
    readonly input: DraftPromiseInput,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(DraftPromiseCommand)
export class DraftPromiseHandler implements ICommandHandler<DraftPromiseCommand, string> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly executor: CommandExecutor,
  ) {}

  async execute({ input, context }: DraftPromiseCommand): Promise<string> {
    const promiseId = input.promiseId ?? deterministicUuid('promise', context.commandId);
    await this.commands.run({
      streamName: promiseStream(promiseId),
      decider: promiseDecider,
      command: {
        type: 'DraftPromise',
        data: {
          promiseId,
          title: input.title,
          agreement: await this.agreementSnapshot(input.agreementId),
          period: { from: input.periodFrom, to: input.periodTo },
          rationale: input.rationale ?? null,
          focusAreas: input.focusAreas,
          plannedActivities: toPlannedActivities(input.plannedActivities, context.commandId),
        },
      },
      context,
    });
    return promiseId;
  }

  /** The agreement as its own stream says it is now (never a read model). */
  private async agreementSnapshot(agreementId: string): Promise<AgreementSnapshot> {
    const { state } = await this.executor.load(agreementStream(agreementId), agreementDecider);
    if (state.status === 'None') {
      throw new DomainError('AGREEMENT_NOT_FOUND', `No agreement ${agreementId}`, { field: 'agreementId', agreementId });
    }
    return {
      agreementId,
      status: state.status,
      partyIds: state.parties.map((p) => p.organisationId),
      validFrom: state.validFrom,
      validTo: state.validTo,
    };
  }
}
