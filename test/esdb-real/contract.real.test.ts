import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { describeEventStoreContract } from '../event-store.contract';
import { realConnectionString } from './real-server';

const strict = process.env.EVENTSTORE_STRICT_EVENT_IDS === 'true';

describeEventStoreContract(
  `a real EventStoreDB${strict ? ' (strict event ids)' : ''}`,
  async () => {
    const store = await EsdbEventStore.connect(realConnectionString(), { uniqueEventIds: strict });
    return { store, dispose: () => store.close() };
  },
  { uniqueEventIdsAcrossStreams: strict },
);
