import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { deterministicUuid } from '../shared/commands/deterministic-id';
import { DevTokenIssuer } from '../auth/dev-token-issuer';
import { graphqlInject } from './graphql-client';
import { haboUser, HaboUser } from './habo-demo-users';
import {
  HABO_ACTIVITIES, HABO_EXTENSION_REASON, HABO_FOCUS_AREAS, HABO_IDS, HABO_LOGGED_ACTIVITIES,
  HABO_PROMISE_TITLE, HABO_RATIONALE, HABO_SIGNATORIES,
} from './habo-seed';

const mutation = (name: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { __typename } }`;

/**
 * Loads the Habo story through the public GraphQL API, so the demo data passes
 * the same validation and command handlers as any client's. Command ids are
 * fixed, which makes loading twice harmless.
 */
export async function loadHaboDemo(app: NestFastifyApplication): Promise<void> {
  let step = 0;
  // Each step is sent by the person who would do it, with a development token (see habo-demo-users.ts).
  const issuer = app.get(DevTokenIssuer);
  const send = async (as: HaboUser, name: string, inputType: string, input: Record<string, unknown>) =>
    graphqlInject(app, mutation(name, inputType), { input: { ...input, commandId: deterministicUuid('habo-demo', String(step++)) } }, await issuer.issue(haboUser(as)));
  const { police, municipality, agreement, promise } = HABO_IDS;

  await send('admin', 'registerLocalPoliceArea', 'RegisterLocalPoliceAreaInput', {
    organisationId: police, name: 'Lokalpolisområde Södra Vätterbygden', policeDistrict: 'Jönköping', policeRegion: 'Öst',
  });
  await send('admin', 'registerMunicipality', 'RegisterMunicipalityInput', { organisationId: municipality, name: 'Habo kommun', municipalityCode: '0643' });
  // "... teckna en ny samverkansöverenskommelse inför 2016. Denna överenskommelse kommer att gälla tills vidare."
  await send('municipalityCoordinator', 'draftAgreement', 'DraftAgreementInput', {
    agreementId: agreement,
    title: 'Samverkansöverenskommelse mellan Habo kommun och Lokalpolisområde Södra Vätterbygden',
    partyIds: [police, municipality],
    validFrom: '2016-01-01',
    validTo: null,
    // Imported years later, so each step carries when it happened (business time). The document dates only the
    // adoption (6 December 2016); the draft and extension dates here are assumptions that fit it.
    occurredAt: '2015-11-02T09:00:00Z',
  });
  // The document gives no signing date for the agreement; "inför 2016" is all it says.
  for (const [signer, signatory] of [['policeSignatory', HABO_SIGNATORIES.police], ['municipalitySignatory', HABO_SIGNATORIES.municipality]] as const) {
    await send(signer, 'signAgreement', 'SignAgreementInput', {
      agreementId: agreement, partyOrganisationId: signatory.organisationId,
      signatoryName: signatory.name, signatoryTitle: signatory.title, signedOn: '2015-12-15', place: 'Habo',
    });
  }
  await send('municipalityCoordinator', 'draftPromise', 'DraftPromiseInput', {
    promiseId: promise, agreementId: agreement, title: HABO_PROMISE_TITLE, periodFrom: '2016-01-01', periodTo: '2016-12-31',
    rationale: HABO_RATIONALE, focusAreas: HABO_FOCUS_AREAS, plannedActivities: HABO_ACTIVITIES,
    occurredAt: '2016-01-11T09:00:00Z',
  });
  // The municipality's signatory records the joint signing in Habo, where both signed.
  await send('municipalitySignatory', 'adoptPromise', 'AdoptPromiseInput', {
    promiseId: promise, adoptedOn: '2016-12-06', place: 'Habo', signatories: [HABO_SIGNATORIES.police, HABO_SIGNATORIES.municipality],
  });
  await send('municipalityCoordinator', 'extendPromise', 'ExtendPromiseInput', {
    promiseId: promise, newPeriodFrom: '2017-01-01', newPeriodTo: '2017-12-31', reason: HABO_EXTENSION_REASON,
    occurredAt: '2016-12-20T09:00:00Z',
  });
  for (const entry of HABO_LOGGED_ACTIVITIES) {
    await send(entry.responsibleOrganisationId === police ? 'policeCoordinator' : 'municipalityCoordinator', 'logActivity', 'LogActivityInput', { promiseId: promise, ...entry });
  }
}

export const FIRST_QUERY = `{
  promises(municipalityId: "${HABO_IDS.municipality}") {
    edges { node {
      title status
      period { from to extensionReason }
      focusAreas
      plannedActivities { description }
      adoption { adoptedOn place signatories { name title } }
      activities { edges { node { date kind place outcome } } }
    } }
  }
}`;
