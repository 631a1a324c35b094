import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { EventStore } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite';
import { CommandContext } from '../../src/shared/commands/command-context';
import { CommandExecutor } from '../../src/shared/commands/command-executor';
import { Decider } from '../../src/shared/domain/decider';
import { EsdbTestServer } from '../esdb/esdb-test-server';

/**
 * A log that remembers which command each entry followed: `Note` records the
 * command id of the entry before it. Whatever interleaving, a stored entry must
 * follow the entry its command was decided on.
 */
type NoteCommand = { type: 'Note'; data: { text: string } };
type Noted = { type: 'Noted'; data: { text: string; follows: string | null } };
type NoteState = { last: string | null };
const noteDecider: Decider<NoteCommand, Noted, NoteState> = {
  initialState: () => ({ last: null }),
  decide: (command, state) => [{ type: 'Noted', data: { text: command.data.text, follows: state.last } }],
  evolve: (_state, event) => ({ last: event.data.text }),
};

const contextFor = (commandId: string): CommandContext => ({
  commandId,
  correlationId: commandId,
  causationId: commandId,
  actor: { userId: 'u', displayName: 'U', organisationId: null, role: 'coordinator', roles: ['coordinator'] },
  receivedAt: new Date('2024-01-01T00:00:00Z'),
});

/**
 * Two instances (two executors) over one store. Instance A decides X1 and,
 * while X1 is still on its way to the store, X2 on top of it (pipelining).
 * Instance B appends its own command Y at the same revision X1 expected, and
 * gets there first: X1 fails. X2's exact expected revision (X1's revision) now
 * matches B's event, so today X2 commits on top of Y although it was decided on
 * top of X1.
 */
function describePipelining(name: string, open: () => Promise<{ a: EventStore; b: EventStore; dispose(): Promise<void> }>) {
  describe(`pipelined appends (${name})`, () => {
    let stores: Awaited<ReturnType<typeof open>>;
    beforeEach(async () => (stores = await open()));
    afterEach(() => stores.dispose());

    async function race(yCommandId: (x2: string) => string) {
      const stream = `note-${randomUUID()}`;
      // A's appends wait at this gate, so that they are decided before B writes and arrive after it.
      let openGate = () => undefined as void;
      const gate = new Promise<void>((resolve) => (openGate = resolve));
      let arrived = 0;
      const gated: EventStore = Object.assign(Object.create(stores.a) as EventStore, {
        append: async (...args: Parameters<EventStore['append']>) => {
          arrived++;
          await gate;
          return stores.a.append(...args);
        },
      });
      const a = new CommandExecutor(gated);
      const b = new CommandExecutor(stores.b);
      const note = (executor: CommandExecutor, text: string, commandId: string) =>
        executor.execute({ streamName: stream, decider: noteDecider, command: { type: 'Note', data: { text } }, context: contextFor(commandId), authorize: () => undefined });
      await note(b, 'seed', randomUUID());
      const [x1, x2] = [randomUUID(), randomUUID()];
      const y = yCommandId(x2);
      const byA = [note(a, 'x1', x1), note(a, 'x2', x2)];
      while (arrived < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      await note(b, y === x2 ? 'x2' : 'y', y);
      openGate();
      await Promise.all(byA);
      return { events: await stores.b.readStream(stream), x2 };
    }

    it('an append decided on top of an append that failed never commits: every entry follows what it was decided on', async () => {
      const { events } = await race(() => randomUUID());
      const texts = events.map((e) => e.data.text);
      expect([...texts].sort()).toEqual(['seed', 'x1', 'x2', 'y'].sort());
      events.forEach((event, i) => expect(event.data.follows).toBe(i === 0 ? null : events[i - 1].data.text));
    });

    it('a command retried on the other instance meanwhile is stored once', async () => {
      const { events, x2 } = await race((x2) => x2);
      expect(events.filter((e) => e.metadata.commandId === x2)).toHaveLength(1);
      expect(events.map((e) => e.data.text).sort()).toEqual(['seed', 'x1', 'x2'].sort());
    });
  });
}

describePipelining('embedded store, two executors', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-pipelining-'));
  const store = await SqliteEventStore.open({ dataDir });
  return { a: store, b: store, dispose: async () => (await store.close(), rmSync(dataDir, { recursive: true, force: true })) };
});

for (const uniqueEventIds of [false, true]) {
  describePipelining(`EventStoreDB, two clients${uniqueEventIds ? ', strict event ids' : ''}`, async () => {
    const server = await new EsdbTestServer().start();
    const connect = () => EsdbEventStore.connect(server.connectionString, { uniqueEventIds });
    const [a, b] = await Promise.all([connect(), connect()]);
    return { a, b, dispose: async () => (await Promise.all([a.close(), b.close()]), await server.stop()) };
  });
}
