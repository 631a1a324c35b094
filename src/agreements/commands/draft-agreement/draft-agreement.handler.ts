import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandExecutor } from '../../../shared/commands/command-executor';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { deterministicUuid } from '../../../shared/commands/deterministic-id';
import { DomainError } from '../../../shared/domain/domain-error';
import { agreementStream, organisationStream } from '../../../shared/streams';
import { organisationDecider } from '../../../organisations/domain/organisation.decider';
import { agreementDecider } from '../../domain/agreement.decider';
import { PartyToDraft } from '../../domain/agreement.commands';
import { PartyKind } from '../../domain/agreement.events';
import { DraftAgreementInput } from './draft-agreement.input';

export class DraftAgreementCommand {
  constructor(
    readonly input: DraftAgreementInput,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(DraftAgreementCommand)
export class DraftAgreementHandler implements ICommandHandler<DraftAgreementCommand, string> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly executor: CommandExecutor,
  ) {}

  async execute({ input, context }: DraftAgreementCommand): Promise<string> {
    const agreementId = input.agreementId ?? deterministicUuid('agreement', context.commandId);
    const parties = await Promise.all(input.partyIds.map((id) => this.party(id, input)));
    await this.commands.run({
      streamName: agreementStream(agreementId),
      decider: agreementDecider,
      command: {
        type: 'DraftAgreement',
        data: { agreementId, title: input.title, parties, validFrom: input.validFrom, validTo: input.validTo ?? null },
      },
      context,
    });
    return agreementId;
  }

  /** Parties are checked against their own streams, never against a read model. */
  private async party(organisationId: string, input: DraftAgreementInput): Promise<PartyToDraft> {
    const { state } = await this.executor.load(organisationStream(organisationId), organisationDecider);
    if (!state.registered) {
      throw new DomainError('UNKNOWN_ORGANISATION', `No registered organisation ${organisationId}`, {
        field: 'partyIds',
        organisationId,
      });
    }
    const requiredSignatoryRoles = input.signatorySets?.find((set) => set.organisationId === organisationId)?.roles ?? [];
    // A region cannot be a party: the domain refuses the kind and says so.
    return { organisationId, kind: state.kind as PartyKind, name: state.name, requiredSignatoryRoles };
  }
}
