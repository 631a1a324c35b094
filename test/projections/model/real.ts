import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../../src/event-store/event-store.port';
import { positionToString } from '../../../src/event-store/position';
import { GraphQLResponse, TestApp } from '../../support/test-app';
import { Caller, Model, SentCommand } from './model';

/** The service under test, reached only over its GraphQL HTTP API, plus its event store to see what was stored. */
export class Real {
  readonly store: EventStore;

  constructor(readonly t: TestApp) {
    this.store = t.app.get<EventStore>(EVENT_STORE);
  }

  async head(): Promise<string | null> {
    const head = await this.store.headPosition();
    return head ? positionToString(head) : null;
  }

  send(caller: Caller, mutation: string, input: Record<string, unknown>): Promise<GraphQLResponse> {
    const client = caller.role === 'admin' ? this.t : this.t.as(caller.role, caller.organisationId);
    return client.gql(`mutation($i: ${inputTypeOf(mutation)}!) { ${mutation}(input: $i) { id } }`, { i: input });
  }

  /** A command the model says the domain accepts: it must succeed, and is remembered for retries. */
  async accept(model: Model, caller: Caller, mutation: string, input: Record<string, unknown>, changed: (i: Record<string, unknown>) => Record<string, unknown>): Promise<unknown> {
    const withId = { ...input, commandId: randomUUID() };
    const response = await this.send(caller, mutation, withId);
    if (response.errors?.length) throw new Error(`${mutation} ${JSON.stringify(withId)} was refused: ${JSON.stringify(response.errors)}`);
    const sent: SentCommand = { caller, mutation, input: withId, answer: response.data, changed: changed(withId) };
    model.sent.push(sent);
    return response.data;
  }

  /** A command the model says the domain refuses: this code, and nothing stored. */
  async refuse(caller: Caller, mutation: string, input: Record<string, unknown>, code: string): Promise<void> {
    const before = await this.head();
    const response = await this.send(caller, mutation, { ...input, commandId: randomUUID() });
    const codes = response.errors?.map((e) => e.extensions?.code);
    if (JSON.stringify(codes) !== JSON.stringify([code])) {
      throw new Error(`${mutation} ${JSON.stringify(input)}: expected [${code}], got ${JSON.stringify(response.errors ?? response.data)}`);
    }
    const after = await this.head();
    if (after !== before) throw new Error(`${mutation} was refused with ${code} but stored events (${before} → ${after})`);
  }
}

const INPUT_TYPES: Record<string, string> = {
  registerCityDistrict: 'RegisterChildOrganisationInput',
  registerPoliceDistrict: 'RegisterChildOrganisationInput',
};

function inputTypeOf(mutation: string): string {
  return INPUT_TYPES[mutation] ?? `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
}
