import { fold } from '../../shared/domain/fold';
import { given } from '../../shared/domain/given-when-then';
import type { AssessmentCommand } from './assessment.commands';
import { assessmentDecider } from './assessment.decider';
import type { AssessmentEvent } from './assessment.events';

const ID = 'lagesbild-habo-2017';
const agreement = { agreementId: 'so-habo', status: 'Active', partyIds: ['lpo', 'habo'] };
const start = (data: Partial<Extract<AssessmentCommand, { type: 'StartAssessment' }>['data']> = {}): AssessmentCommand => ({
  type: 'StartAssessment',
  data: { assessmentId: ID, title: 'Gemensam lägesbild Habo 2017', agreement, period: { from: '2017-01-01', to: '2017-12-31' }, ...data },
});
const started: AssessmentEvent = {
  type: 'AssessmentStarted',
  data: { assessmentId: ID, title: 'Gemensam lägesbild Habo 2017', agreementId: 'so-habo', period: { from: '2017-01-01', to: '2017-12-31' }, partyIds: ['lpo', 'habo'] },
};
const source = (data: Record<string, unknown> = {}): AssessmentCommand => ({
  type: 'AddAssessmentSource',
  data: { assessmentId: ID, sourceId: 's-1', kind: 'SafetySurvey', summary: 'Trygghetsmätningen: oro för droger bland unga', providedByOrganisationId: 'habo', ...data } as never,
});
const sourceAdded: AssessmentEvent = { type: 'AssessmentSourceAdded', data: source().data as never };
const problem: AssessmentCommand = {
  type: 'IdentifyProblem',
  data: { assessmentId: ID, problemId: 'p-narkotika', description: 'Ungdomar och narkotika', causeAnalysis: 'Tillgång via sociala medier; få vuxna ute kvällstid' },
};
const problemIdentified: AssessmentEvent = { type: 'ProblemIdentified', data: problem.data as never };
const prioritise = (focusAreas: unknown[]): AssessmentCommand => ({ type: 'PrioritiseFocusAreas', data: { assessmentId: ID, focusAreas } as never });
const focus = { focusAreaId: 'fa-droger', name: 'Drogfri miljö för barn och ungdomar', problemIds: ['p-narkotika'] };
const prioritised: AssessmentEvent = { type: 'FocusAreasPrioritised', data: { assessmentId: ID, focusAreas: [focus] } };
const complete: AssessmentCommand = { type: 'CompleteAssessment', data: { assessmentId: ID, completedOn: '2016-11-15' } };
const completed: AssessmentEvent = { type: 'AssessmentCompleted', data: complete.data as never };

describe('situation assessment decider', () => {
  it('starts for an agreement and a period, or for either alone', () => {
    given(assessmentDecider, []).when(start()).then([started]);
    given(assessmentDecider, []).when(start({ agreement: null })).then([{ ...started, data: { ...started.data, agreementId: null, partyIds: [] } } as AssessmentEvent]);
    given(assessmentDecider, []).when(start({ period: null })).then([{ ...started, data: { ...started.data, period: null } } as AssessmentEvent]);
  });

  it('refuses no subject, an unknown agreement, a bad period, an empty title and a second start', () => {
    given(assessmentDecider, []).when(start({ agreement: null, period: null })).thenThrows('ASSESSMENT_NEEDS_SUBJECT');
    given(assessmentDecider, []).when(start({ agreement: { ...agreement, status: 'None' } })).thenThrows('AGREEMENT_NOT_FOUND');
    given(assessmentDecider, []).when(start({ period: { from: '2017-12-31', to: '2017-01-01' } })).thenThrows('INVALID_PERIOD');
    given(assessmentDecider, []).when(start({ title: '' })).thenThrows('INVALID_ASSESSMENT');
    given(assessmentDecider, [started]).when(start()).thenThrows('ASSESSMENT_ALREADY_EXISTS');
  });

  it.each(['ReportedCrime', 'SafetySurvey', 'CitizenDialogue', 'StaffDialogue', 'OtherLocalData'])('adds a %s source with its summary', (kind) => {
    given(assessmentDecider, [started]).when(source({ kind })).then([{ type: 'AssessmentSourceAdded', data: source({ kind }).data as never }]);
  });

  it('refuses an unknown kind, an empty summary, a repeated id, a non-party provider, and an unknown assessment', () => {
    given(assessmentDecider, [started]).when(source({ kind: 'Rumour' })).thenThrows('INVALID_SOURCE');
    given(assessmentDecider, [started]).when(source({ summary: ' ' })).thenThrows('INVALID_SOURCE');
    given(assessmentDecider, [started, sourceAdded]).when(source()).thenThrows('SOURCE_ALREADY_ADDED');
    given(assessmentDecider, [started]).when(source({ providedByOrganisationId: 'mullsjo' })).thenThrows('NOT_A_PARTY');
    given(assessmentDecider, []).when(source()).thenThrows('ASSESSMENT_NOT_FOUND');
  });

  it('records a problem with its cause analysis; both are required, ids unique', () => {
    given(assessmentDecider, [started]).when(problem).then([problemIdentified]);
    given(assessmentDecider, [started]).when({ ...problem, data: { ...problem.data, causeAnalysis: '' } } as AssessmentCommand).thenThrows('INVALID_PROBLEM');
    given(assessmentDecider, [started, problemIdentified]).when(problem).thenThrows('PROBLEM_ALREADY_IDENTIFIED');
  });

  it('prioritises focus areas that address identified problems', () => {
    given(assessmentDecider, [started, problemIdentified]).when(prioritise([focus])).then([prioritised]);
    given(assessmentDecider, [started, problemIdentified]).when(prioritise([{ ...focus, problemIds: ['p-x'] }])).thenThrows('UNKNOWN_PROBLEM');
    given(assessmentDecider, [started, problemIdentified]).when(prioritise([])).thenThrows('INVALID_FOCUS_AREAS');
    given(assessmentDecider, [started, problemIdentified]).when(prioritise([focus, focus])).thenThrows('INVALID_FOCUS_AREAS');
    given(assessmentDecider, [started, problemIdentified]).when(prioritise([{ ...focus, problemIds: [] }])).thenThrows('INVALID_FOCUS_AREAS');
  });

  it('completes only with sources, problems and focus areas; then nothing changes', () => {
    const full = [started, sourceAdded, problemIdentified, prioritised];
    given(assessmentDecider, full).when(complete).then([completed]);
    given(assessmentDecider, [started, sourceAdded]).when(complete).thenThrows('ASSESSMENT_INCOMPLETE');
    given(assessmentDecider, [...full, completed]).when(source({ sourceId: 's-2' })).thenThrows('ASSESSMENT_COMPLETED');
    given(assessmentDecider, [...full, completed]).when(complete).thenThrows('ASSESSMENT_COMPLETED');
    expect(fold(assessmentDecider, [...full, completed])).toMatchObject({ status: 'Completed', focusAreas: [focus], completedOn: '2016-11-15' });
  });
});
