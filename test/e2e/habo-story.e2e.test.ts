import { startTestApp, TestApp } from '../support/test-app';
import { walkHaboStory } from './habo-story';

describe('the Habo story over GraphQL/HTTP (embedded store)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers, signs, drafts, adopts, extends and logs, and every step reads back', async () => {
    await walkHaboStory(t);
  });
});
