import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandExecutor } from '../../../shared/commands/command-executor';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { agreementStream } from '../../../shared/streams';
import { AgreementCommand } from '../../domain/agreement.commands';
import { agreementDecider } from '../../domain/agreement.decider';
import { ExtendAgreementInput, ReviseAgreementInput, SupersedeAgreementInput, TerminateAgreementInput } from './change-agreement.input';

/** Revise, extend, terminate or supersede: one command class, one handler, since each is a single decision on one stream. */
export class ChangeAgreementCommand {
  constructor(
    readonly input: ReviseAgreementInput | ExtendAgreementInput | TerminateAgreementInput | SupersedeAgreementInput,
    readonly kind: 'Revise' | 'Extend' | 'Terminate' | 'Supersede',
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ChangeAgreementCommand)
export class ChangeAgreementHandler implements ICommandHandler<ChangeAgreementCommand, string> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly executor: CommandExecutor,
  ) {}

  async execute({ input, kind, context }: ChangeAgreementCommand): Promise<string> {
    await this.commands.run({ streamName: agreementStream(input.agreementId), decider: agreementDecider, command: await this.command(input, kind), context });
    return input.agreementId;
  }

  private async command(input: ChangeAgreementCommand['input'], kind: ChangeAgreementCommand['kind']): Promise<AgreementCommand> {
    switch (kind) {
      case 'Revise': {
        const { agreementId, revisedOn, reason, title, validFrom, validTo } = input as ReviseAgreementInput;
        return { type: 'ReviseAgreement', data: { agreementId, revisedOn, reason, title, validFrom, validTo: validTo ?? null } };
      }
      case 'Extend': {
        const { agreementId, extendedOn, newValidTo, reason } = input as ExtendAgreementInput;
        return { type: 'ExtendAgreement', data: { agreementId, extendedOn, newValidTo, reason } };
      }
      case 'Terminate': {
        const { agreementId, terminatedOn, reason } = input as TerminateAgreementInput;
        return { type: 'TerminateAgreement', data: { agreementId, terminatedOn, reason } };
      }
      case 'Supersede': {
        const { agreementId, supersededBy, supersededOn } = input as SupersedeAgreementInput;
        // The successor is read from its own stream: the rule needs its status as it is now.
        const { state } = await this.executor.load(agreementStream(supersededBy), agreementDecider);
        return { type: 'SupersedeAgreement', data: { agreementId, successor: { agreementId: supersededBy, status: state.status }, supersededOn } };
      }
    }
  }
}
