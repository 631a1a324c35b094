import { HABO_IDS } from '../../src/demo/habo-seed';
import { loadHaboDemo } from '../../src/demo/load-habo-demo';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The README's time-travel example, on the demo as `npm run demo` loads it: the Habo promise of the 2016 document,
 * entered today. By business time it existed as a draft in mid-2016 and was adopted on 6 December 2016; by recorded
 * time the system knew nothing of it then.
 */
const AS_OF = `query($at: String!, $axis: TimeAxis) { asOf(of: PROMISE, id: "${HABO_IDS.promise}", at: $at, axis: $axis) { exists state activities { entryId } } }`;

describe('time travel on the Habo demo (README example)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await loadHaboDemo(t.app);
  });
  afterAll(() => t.close());

  it('at 2016-06-30 by business time (the default) the promise is a draft; by recorded time it does not exist yet', async () => {
    const business = (await t.as('auditor').ok(AS_OF, { at: '2016-06-30' })).asOf;
    expect(business).toMatchObject({ exists: true, state: expect.objectContaining({ status: 'Draft' }) });
    const recorded = (await t.as('auditor').ok(AS_OF, { at: '2016-06-30', axis: 'RECORDED' })).asOf;
    expect(recorded.exists).toBe(false);
  });

  it('on 10 December 2016 it is adopted; by mid-2017 it is extended into 2017, with only the activities carried out by then', async () => {
    const adopted = (await t.as('auditor').ok(AS_OF, { at: '2016-12-10' })).asOf;
    expect(adopted.state).toMatchObject({ status: 'Adopted', periods: [{ from: '2016-01-01', to: '2016-12-31' }] });
    const mid2017 = (await t.as('auditor').ok(AS_OF, { at: '2017-06-30' })).asOf;
    expect(mid2017.state).toMatchObject({ status: 'Extended', periods: [{ from: '2016-01-01' }, { from: '2017-01-01', to: '2017-12-31' }] });
    const now = (await t.as('auditor').ok(AS_OF, { at: new Date().toISOString() })).asOf;
    expect(mid2017.activities.length).toBeGreaterThan(0);
    expect(mid2017.activities.length).toBeLessThan(now.activities.length); // the September 2017 entry came later
  });
});
