import type { TestApp } from '../support/test-app';
import { IDS, setUpOrganisations, signAgreement } from './full-year-story';

const m = (name: string, input: string) => `mutation($i: ${input}!) { ${name}(input: $i) { id } }`;

/** Police and municipality under a signed agreement, with a 2018 promise drafted in November 2017 and adopted on 12 December 2017. */
export async function adopted2018Promise(t: TestApp, promiseId: string): Promise<void> {
  const { police, municipality, agreement } = IDS;
  await setUpOrganisations(t);
  await signAgreement(t);
  await t.as('coordinator', municipality).ok(m('draftPromise', 'DraftPromiseInput'), {
    i: {
      promiseId, agreementId: agreement, title: 'Trygg skolväg', periodFrom: '2018-01-01', periodTo: '2018-12-31', focusAreas: ['Trygg skolväg'],
      plannedActivities: [{ plannedActivityId: 'pa-sok', description: 'Hundsök', responsibleOrganisationIds: [police] }], occurredAt: '2017-11-20T10:00:00Z',
    },
  });
  await t.as('signatory', municipality).ok(m('adoptPromise', 'AdoptPromiseInput'), {
    i: { promiseId, adoptedOn: '2017-12-12', place: 'Habo', signatories: [{ name: 'Gunnar Pettersson', title: 'KSO', organisationId: municipality }] },
  });
}
