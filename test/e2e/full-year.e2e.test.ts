import { startTestApp, TestApp } from '../support/test-app';
import { adoptAndPublish, assess, carryOutTheYear, reportAndExtend, reviseTheAgreement, setUpOrganisations, signAgreement } from './full-year-story';

describe('a full year over GraphQL/HTTP: assessment → agreement → promise → activities → two follow-ups → final report → extension', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers the police hierarchy, the municipality and people with roles', () => setUpOrganisations(t));
  it('signs an agreement with a signatory set per party', () => signAgreement(t));
  it('makes a situation assessment: sources, a problem with its cause analysis, a prioritised focus area', () => assess(t));
  it('drafts, links, plans, adopts and publishes a promise with a quantified target and an indicator', () => adoptAndPublish(t));
  it('logs and corrects activities, shows progress, and records the May and September follow-ups', () => carryOutTheYear(t));
  it('shows deadlines, takes the final report after the period, and extends with revised activities', () => reportAndExtend(t));
  it('revises the agreement (earlier versions stay readable) and extends it', () => reviseTheAgreement(t));
});
