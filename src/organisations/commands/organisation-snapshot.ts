import { CommandExecutor } from '../../shared/commands/command-executor';
import { organisationStream } from '../../shared/streams';
import { OrganisationSnapshot } from '../domain/organisation.commands';
import { organisationDecider } from '../domain/organisation.decider';

/** What an organisation's own stream says it is (never a read model): its kind, or null when unregistered. */
export async function organisationSnapshot(executor: CommandExecutor, organisationId: string): Promise<OrganisationSnapshot> {
  const { state } = await executor.load(organisationStream(organisationId), organisationDecider);
  return { organisationId, kind: state.registered ? state.kind : null };
}
