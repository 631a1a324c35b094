import { loadConfig } from '../../src/config/app-config';
import { authSettings } from '../../src/auth/auth-settings';
import { DevTokenIssuer } from '../../src/auth/dev-token-issuer';
import { HABO_IDS } from '../../src/demo/habo-seed';
import { GraphQLResponse } from './test-app';

/** Sends GraphQL over HTTP to any instance (a URL), signed with the test secret that every service process shares. */
export function scaleOutClient() {
  const issuer = new DevTokenIssuer(authSettings(loadConfig({ NODE_ENV: 'test' })));
  const tokens = new Map<string, Promise<string>>();
  const token = (role: string, organisationId: string | null) => {
    const key = `${role}/${organisationId}`;
    if (!tokens.has(key)) tokens.set(key, issuer.issue({ userId: `${role}-${organisationId}`, displayName: role, organisationId, roles: [role as 'admin'] }));
    return tokens.get(key)!;
  };
  /** The raw answer; throws only when the transport fails (a killed instance). */
  async function gql(url: string, query: string, variables: object, role = 'admin', organisationId: string | null = null): Promise<GraphQLResponse> {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await token(role, organisationId)}` };
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return { status: response.status, ...((await response.json()) as object) };
  }
  /** Fails on any GraphQL error. */
  async function ok(url: string, query: string, variables: object, role = 'admin', organisationId: string | null = null) {
    const body = await gql(url, query, variables, role, organisationId);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }
  return { gql, ok };
}

export type ScaleOutClient = ReturnType<typeof scaleOutClient>;

/** Habo's two organisations, their signed agreement and adopted promises (the ids given, the first is Habo's own). */
export async function seedHabo(client: ScaleOutClient, url: string, promiseIds: readonly string[] = [HABO_IDS.promise]): Promise<void> {
  const { police, municipality, agreement } = HABO_IDS;
  const { ok } = client;
  await ok(url, 'mutation($i: RegisterLocalPoliceAreaInput!) { registerLocalPoliceArea(input: $i) { id } }', { i: { organisationId: police, name: 'LPO Södra Vätterbygden', policeDistrict: 'Jönköping', policeRegion: 'Öst' } });
  await ok(url, 'mutation($i: RegisterMunicipalityInput!) { registerMunicipality(input: $i) { id } }', { i: { organisationId: municipality, name: 'Habo kommun', municipalityCode: '0643' } });
  await ok(url, 'mutation($i: DraftAgreementInput!) { draftAgreement(input: $i) { id } }', { i: { agreementId: agreement, title: 'SÖ', partyIds: [police, municipality], validFrom: '2016-01-01' } }, 'coordinator', municipality);
  for (const party of [police, municipality]) {
    await ok(url, 'mutation($i: SignAgreementInput!) { signAgreement(input: $i) { id } }', { i: { agreementId: agreement, partyOrganisationId: party, signatoryName: 'N', signatoryTitle: 'T', signedOn: '2016-01-01' } }, 'signatory', party);
  }
  for (const promiseId of promiseIds) {
    await ok(url, 'mutation($i: DraftPromiseInput!) { draftPromise(input: $i) { id } }', { i: { promiseId, agreementId: agreement, title: 'Drogfri miljö', periodFrom: '2017-01-01', periodTo: '2017-12-31', focusAreas: ['Narkotika'], plannedActivities: [] } }, 'coordinator', municipality);
    await ok(url, 'mutation($i: AdoptPromiseInput!) { adoptPromise(input: $i) { id } }', { i: { promiseId, adoptedOn: '2016-12-06', place: 'Habo', signatories: [{ name: 'N', title: 'T', organisationId: municipality }] } }, 'signatory', municipality);
  }
}
