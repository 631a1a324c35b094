import fc from 'fast-check';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { GraphQLResponse, startTestApp, TestApp, TestClient } from '../support/test-app';
import { HABO_DRAFTS, HABO_IDS, loadAccessFixture, VADSTENA } from './support/access-fixture';

/**
 * Issue 13, "write-side checks hold on every path" and "draft vs missing":
 * each case is played by an outsider (a person of Vadstena, or nobody) over
 * HTTP against Habo's data, and every refusal stores nothing.
 */
const { municipality: HABO, police: POLICE } = HABO_IDS;
const m = (name: string, type: string, selection = '__typename') => `mutation($i: ${type}!) { ${name}(input: $i) { ${selection} } }`;

/** Habo's own material made in this test, each step with a known command id so an outsider can replay it. */
const HABO_OWN = {
  draftPromiseCommand: '6c1f6a52-0d7e-4a43-9d55-4f2b8a0c0001',
  draftAgreementCommand: '6c1f6a52-0d7e-4a43-9d55-4f2b8a0c0002',
  assessmentCommand: '6c1f6a52-0d7e-4a43-9d55-4f2b8a0c0003',
  assessment: 'la-habo-egen',
  followedPromise: 'ml-habo-uppfoljd',
  secretTitle: 'Hemligt utkast från Habo',
} as const;

const draftPromiseInput = {
  commandId: HABO_OWN.draftPromiseCommand, agreementId: HABO_IDS.agreement, title: HABO_OWN.secretTitle,
  periodFrom: '2018-01-01', periodTo: '2018-12-31', focusAreas: ['Trafik'], plannedActivities: [],
};
const draftAgreementInput = { commandId: HABO_OWN.draftAgreementCommand, title: HABO_OWN.secretTitle, partyIds: [POLICE, HABO], validFrom: '2019-01-01' };
const assessmentInput = { commandId: HABO_OWN.assessmentCommand, assessmentId: HABO_OWN.assessment, title: HABO_OWN.secretTitle, periodFrom: '2018-01-01', periodTo: '2018-12-31' };

describe('write-side checks and draft-or-missing, as an outsider', () => {
  let t: TestApp;
  let store: EventStore;

  beforeAll(async () => {
    t = await startTestApp();
    await loadAccessFixture(t);
    store = t.app.get(EVENT_STORE);
    const habo = t.as('coordinator', HABO);
    await habo.ok(m('draftPromise', 'DraftPromiseInput'), { i: draftPromiseInput });
    await habo.ok(m('draftAgreement', 'DraftAgreementInput'), { i: draftAgreementInput });
    await habo.ok(m('startAssessment', 'StartAssessmentInput'), { i: assessmentInput });

    // An adopted Habo promise with a recorded follow-up whose comment and measurement note are internal.
    await habo.ok(m('draftPromise', 'DraftPromiseInput'), {
      i: {
        promiseId: HABO_OWN.followedPromise, agreementId: HABO_IDS.agreement, title: 'Uppföljt löfte', periodFrom: '2018-01-01', periodTo: '2018-12-31', focusAreas: ['Trafik'],
        plannedActivities: [{
          plannedActivityId: 'pa-trafik', description: 'Trafikkontroller', responsibleOrganisationIds: [HABO],
          indicators: [{ indicatorId: 'ind-trafik', name: 'Kontroller', kind: 'Output', unit: 'antal' }],
        }],
      },
    });
    await t.as('signatory', HABO).ok(m('adoptPromise', 'AdoptPromiseInput'), {
      i: { promiseId: HABO_OWN.followedPromise, adoptedOn: '2018-01-10', signatories: [{ name: 'KSO Habo', title: 'Ordf.', organisationId: HABO }] },
    });
    await habo.ok(m('planFollowUps', 'PlanFollowUpsInput'), {
      i: { promiseId: HABO_OWN.followedPromise, finalReportDueOn: '2019-01-31', followUps: [{ followUpId: 'fu-maj', dueOn: '2018-05-31', label: 'Maj' }, { followUpId: 'fu-sep', dueOn: '2018-09-30', label: 'Sep' }] },
    });
    await habo.ok(m('recordFollowUp', 'RecordFollowUpInput'), {
      i: {
        promiseId: HABO_OWN.followedPromise, followUpId: 'fu-maj', reportedOn: '2018-06-01', summary: 'Enligt plan',
        activityStatuses: [{ plannedActivityId: 'pa-trafik', status: 'OnTrack', comment: 'INTERN-KOMMENTAR' }],
        measurements: [{ indicatorId: 'ind-trafik', value: 3, measuredOn: '2018-05-30', note: 'INTERN-NOTERING' }],
      },
    });
  });
  afterAll(() => t.close());

  /** Refused with FORBIDDEN, nothing of Habo's in the answer, and nothing stored. */
  async function refusedWithNothing(client: TestClient, query: string, input: Record<string, unknown>): Promise<void> {
    const before = await store.headPosition();
    const response = await client.gql(query, { i: input });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(response)).not.toContain(HABO_OWN.secretTitle);
    expect(await store.headPosition()).toEqual(before);
  }

  describe('replaying a command id on a stream the caller is not party to', () => {
    const vadstena = () => t.as('coordinator', VADSTENA.municipality);
    const own = 'id title status';

    it('draftPromise: the same id and payload, or the same id under its own agreement, returns nothing of the draft', async () => {
      await refusedWithNothing(vadstena(), m('draftPromise', 'DraftPromiseInput', own), draftPromiseInput);
      await refusedWithNothing(vadstena(), m('draftPromise', 'DraftPromiseInput', own), { ...draftPromiseInput, agreementId: VADSTENA.agreement });
    });

    it('draftAgreement: the same id with its own parties returns nothing of the draft', async () => {
      await refusedWithNothing(vadstena(), m('draftAgreement', 'DraftAgreementInput', 'id title'), draftAgreementInput);
      await refusedWithNothing(vadstena(), m('draftAgreement', 'DraftAgreementInput', 'id title'), { ...draftAgreementInput, partyIds: [VADSTENA.police, VADSTENA.municipality] });
    });

    it('startAssessment: the same id and payload returns nothing of the assessment', async () => {
      await refusedWithNothing(vadstena(), m('startAssessment', 'StartAssessmentInput', 'id title'), assessmentInput);
    });

    it('the owner replaying their own command still gets the first answer', async () => {
      const data = await t.as('coordinator', HABO).ok<{ draftPromise: { title: string } }>(m('draftPromise', 'DraftPromiseInput', own), { i: draftPromiseInput });
      expect(data.draftPromise.title).toBe(HABO_OWN.secretTitle);
    });
  });

  describe('activity corrections keep the original entry’s organisation', () => {
    const correction = (responsibleOrganisationId: string, correctsEntryId: string) => ({
      promiseId: HABO_IDS.promise, correctsEntryId, reason: 'Fel datum', date: '2017-03-15', kind: 'DetectionDogSearch', responsibleOrganisationId, count: 1,
    });

    it("Habo's coordinator cannot correct the police's entry, in either organisation's name", async () => {
      await refusedWithNothing(t.as('coordinator', HABO), m('correctActivity', 'CorrectActivityInput'), correction(HABO, 'logg-2017-02'));
      await refusedWithNothing(t.as('coordinator', HABO), m('correctActivity', 'CorrectActivityInput'), correction(POLICE, 'logg-2017-02'));
    });

    it('the police coordinator corrects its own entry, but not into another organisation’s', async () => {
      await refusedWithNothing(t.as('coordinator', POLICE), m('correctActivity', 'CorrectActivityInput'), correction(HABO, 'logg-2017-05'));
      await t.as('coordinator', POLICE).ok(m('correctActivity', 'CorrectActivityInput'), { i: correction(POLICE, 'logg-2017-05') });
    });
  });

  describe('an assessment with no agreement belongs to the organisation that started it', () => {
    const read = `query($id: ID!) { assessment(id: $id) { id title } }`;

    it('its own people and auditors read it; people of another organisation get what a missing id gets', async () => {
      expect((await t.as('member', HABO).ok(read, { id: HABO_OWN.assessment })).assessment.title).toBe(HABO_OWN.secretTitle);
      expect((await t.as('auditor').ok(read, { id: HABO_OWN.assessment })).assessment.title).toBe(HABO_OWN.secretTitle);
      for (const outsider of [t.as('member', VADSTENA.municipality), t.as('coordinator', VADSTENA.municipality), t.as('member', POLICE)]) {
        const draft = await outsider.gql(read, { id: HABO_OWN.assessment });
        expect(draft).toEqual(await outsider.gql(read, { id: 'la-finns-inte' }));
        expect(JSON.stringify(draft)).not.toContain(HABO_OWN.secretTitle);
        const list = await outsider.ok(`{ assessments(first: 500) { edges { node { id } } } }`);
        expect(JSON.stringify(list)).not.toContain(HABO_OWN.assessment);
      }
    });

    it('coordinators of another organisation cannot work on it', async () => {
      const vadstena = t.as('coordinator', VADSTENA.municipality);
      await refusedWithNothing(vadstena, m('addAssessmentSource', 'AddAssessmentSourceInput'), { assessmentId: HABO_OWN.assessment, kind: 'ReportedCrime', summary: 'X' });
      await refusedWithNothing(vadstena, m('identifyProblem', 'IdentifyProblemInput'), { assessmentId: HABO_OWN.assessment, description: 'X', causeAnalysis: 'Y' });
      await refusedWithNothing(vadstena, m('completeAssessment', 'CompleteAssessmentInput'), { assessmentId: HABO_OWN.assessment, completedOn: '2018-06-01' });
      await t.as('coordinator', HABO).ok(m('addAssessmentSource', 'AddAssessmentSourceInput'), { i: { assessmentId: HABO_OWN.assessment, kind: 'ReportedCrime', summary: 'BRÅ' } });
    });
  });

  describe('follow-up comments and measurement notes read like activity notes', () => {
    const read = `query($id: ID!) { promise(id: $id) { followUps { id activityStatuses { comment status } measurements { note value } } activities(first: 10) { edges { node { notes } } } } }`;
    const followUp = (response: GraphQLResponse) => response.data.promise.followUps.find((f: { id: string }) => f.id === 'fu-maj');

    it('anonymous callers and people of other organisations get null, as for notes', async () => {
      for (const outsider of [t.anonymous, t.as('member', VADSTENA.municipality)]) {
        const response = await outsider.gql(read, { id: HABO_OWN.followedPromise });
        expect(response.errors).toBeUndefined();
        expect(followUp(response)).toMatchObject({ activityStatuses: [{ comment: null, status: 'OnTrack' }], measurements: [{ note: null, value: 3 }] });
      }
    });

    it('the parties and auditors read them', async () => {
      for (const entitled of [t.as('member', HABO), t.as('auditor')]) {
        const response = await entitled.gql(read, { id: HABO_OWN.followedPromise });
        expect(followUp(response)).toMatchObject({ activityStatuses: [{ comment: 'INTERN-KOMMENTAR' }], measurements: [{ note: 'INTERN-NOTERING' }] });
      }
    });
  });

  describe('a draft and a missing id look the same to an outsider', () => {
    const outsiders = (): [string, TestClient][] => [
      ['anonymous', t.anonymous],
      ['member of Vadstena', t.as('member', VADSTENA.municipality)],
      ['coordinator of Vadstena', t.as('coordinator', VADSTENA.municipality)],
      ['signatory of Vadstena', t.as('signatory', VADSTENA.municipality)],
    ];
    const reads = {
      promise: `query($id: ID!) { promise(id: $id) { id title status } }`,
      agreement: `query($id: ID!) { agreement(id: $id) { id title status } }`,
      assessment: `query($id: ID!) { assessment(id: $id) { id title } }`,
    };
    const drafts = { promise: [HABO_DRAFTS.promise, HABO_DRAFTS.promiseToAdopt], agreement: [HABO_DRAFTS.agreement], assessment: [HABO_OWN.assessment] };

    it('promise, agreement and assessment answer the same for a draft as for an id that does not exist (any outsider, any id)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...outsiders()), fc.constantFrom(...(Object.keys(reads) as (keyof typeof reads)[])), fc.nat(), fc.string({ minLength: 1, maxLength: 40 }),
          async ([, client], kind, pick, missing) => {
            const draftId = drafts[kind][pick % drafts[kind].length];
            fc.pre(!(Object.values(drafts).flat() as string[]).includes(missing) && !missing.startsWith('ml-') && !missing.startsWith('so-'));
            const draft = await client.gql(reads[kind], { id: draftId });
            const none = await client.gql(reads[kind], { id: missing });
            expect(JSON.stringify(draft)).not.toContain(draftId);
            expect(draft).toEqual(none);
          },
        ),
        { numRuns: 30 },
      );
    });

    const decoded = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');
    const cursorsOf = (connection: { edges: { cursor: string }[]; pageInfo: { endCursor: string | null } }) =>
      [...connection.edges.map((e) => e.cursor), connection.pageInfo.endCursor].filter((c): c is string => !!c).map(decoded);

    it('deadline cursors never name a promise or agreement the caller cannot read', async () => {
      const vadstena = t.as('coordinator', VADSTENA.municipality);
      let after: string | null = null;
      const seen: string[] = [];
      for (let pages = 0; pages < 20; pages++) {
        const data: { deadlines: { edges: { cursor: string; node: { promiseId: string | null } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } =
          await vadstena.ok(`query($after: String) { deadlines(first: 1, today: "2018-12-01", withinDays: 120, after: $after) { edges { cursor node { promiseId } } pageInfo { endCursor hasNextPage } } }`, { after });
        seen.push(...cursorsOf(data.deadlines), ...data.deadlines.edges.map((e) => String(e.node.promiseId)));
        if (!data.deadlines.pageInfo.hasNextPage) break;
        after = data.deadlines.pageInfo.endCursor;
      }
      expect(seen.join(' ')).not.toMatch(/habo/);
      // Habo's own coordinator does see the deadline there is, so the query above could have shown it.
      const own = await t.as('coordinator', HABO).ok(`{ deadlines(today: "2018-12-01", withinDays: 120) { edges { node { promiseId } } } }`);
      expect(JSON.stringify(own)).toContain(HABO_OWN.followedPromise);
    });

    it('list cursors of promises, agreements and assessments carry no ids', async () => {
      const outsider = t.as('coordinator', VADSTENA.municipality);
      const pageInfo = '{ edges { cursor } pageInfo { endCursor } }';
      const data = await outsider.ok(`{ promises(first: 2) ${pageInfo} agreements(first: 2) ${pageInfo} assessments(first: 2) ${pageInfo} }`);
      const all = [...cursorsOf(data.promises), ...cursorsOf(data.agreements), ...cursorsOf(data.assessments)];
      expect(all.length).toBeGreaterThan(0);
      for (const cursor of all) expect(cursor).toMatch(/^\[\d+\]$/);
    });
  });
});
