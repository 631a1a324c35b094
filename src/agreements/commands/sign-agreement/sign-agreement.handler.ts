import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { agreementStream } from '../../../shared/streams';
import { agreementDecider } from '../../domain/agreement.decider';
import { SignAgreementInput } from './sign-agreement.input';

export class SignAgreementCommand {
  constructor(
    readonly input: SignAgreementInput,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(SignAgreementCommand)
export class SignAgreementHandler implements ICommandHandler<SignAgreementCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, context }: SignAgreementCommand): Promise<string> {
    const { agreementId, partyOrganisationId, signatoryName, signatoryTitle, signedOn, place } = input;
    await this.commands.run({
      streamName: agreementStream(agreementId),
      decider: agreementDecider,
      command: {
        type: 'SignAgreement',
        data: { agreementId, partyOrganisationId, signatory: { name: signatoryName, title: signatoryTitle, role: input.signatoryRole ?? null }, signedOn, place: place ?? null },
      },
      context,
    });
    return agreementId;
  }
}
