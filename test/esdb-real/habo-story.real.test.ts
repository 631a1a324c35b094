import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp, waitForProjections } from '../support/test-app';
import { walkHaboStory } from '../e2e/habo-story';
import { realConnectionString } from './real-server';

describe('the Habo story against a real EventStoreDB', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: realConnectionString() });
    await waitForProjections(t);
  }, 120_000);
  afterAll(() => t?.close());

  it('walks the story (with ids unique to this run: the server keeps earlier runs)', async () => {
    await walkHaboStory(t, `-${randomUUID().slice(0, 8)}`);
  }, 120_000);
});
