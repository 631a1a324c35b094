import { ownBusinessDate } from '../../shared/domain/business-time';
import { assertNever, Decider } from '../../shared/domain/decider';
import { DomainError } from '../../shared/domain/domain-error';
import { isNonEmptyText, requireLocalDate, requireText, requireValidPeriod } from '../../shared/domain/value-objects';
import type {
  AddAssessmentSource, AssessmentCommand, CompleteAssessment, IdentifyProblem, PrioritiseFocusAreas, StartAssessment,
} from './assessment.commands';
import { AssessmentEvent, SOURCE_KINDS } from './assessment.events';
import { AssessmentState, evolveAssessment, ExistingAssessment } from './assessment.state';
import { upcastAssessmentEvent } from './assessment.upcast';

/** Sources, problems and priorities change only while the assessment is being made. */
function requireInProgress(state: AssessmentState, assessmentId: string): ExistingAssessment {
  if (state.status === 'None') throw new DomainError('ASSESSMENT_NOT_FOUND', `No assessment ${assessmentId}`, { assessmentId });
  if (state.status === 'Completed') throw new DomainError('ASSESSMENT_COMPLETED', 'A completed assessment is not changed; start a new one');
  return state;
}

function start({ data }: StartAssessment, state: AssessmentState): AssessmentEvent[] {
  if (state.status !== 'None') throw new DomainError('ASSESSMENT_ALREADY_EXISTS', `Assessment ${data.assessmentId} already exists`);
  requireText(data.title, 'INVALID_ASSESSMENT', 'title');
  if (!data.agreement && !data.period) {
    throw new DomainError('ASSESSMENT_NEEDS_SUBJECT', 'An assessment belongs to an agreement, a period, or both', { field: 'agreementId' });
  }
  if (data.agreement && data.agreement.status === 'None') {
    throw new DomainError('AGREEMENT_NOT_FOUND', `No agreement ${data.agreement.agreementId}`, { field: 'agreementId' });
  }
  if (data.period) requireValidPeriod(data.period, 'period');
  const { assessmentId, title } = data;
  const period = data.period ? { from: data.period.from, to: data.period.to } : null;
  return [{
    type: 'AssessmentStarted',
    data: {
      assessmentId, title, agreementId: data.agreement?.agreementId ?? null, period, partyIds: [...(data.agreement?.partyIds ?? [])],
      ...(data.startedByOrganisationId ? { startedByOrganisationId: data.startedByOrganisationId } : {}),
    },
  }];
}

function addSource({ data }: AddAssessmentSource, state: AssessmentState): AssessmentEvent[] {
  const assessment = requireInProgress(state, data.assessmentId);
  if (!SOURCE_KINDS.includes(data.kind)) throw new DomainError('INVALID_SOURCE', `Unknown source kind ${String(data.kind)}`, { field: 'kind' });
  requireText(data.summary, 'INVALID_SOURCE', 'summary');
  if (assessment.sourceIds.includes(data.sourceId)) throw new DomainError('SOURCE_ALREADY_ADDED', `Source ${data.sourceId} is already there`);
  const by = data.providedByOrganisationId;
  if (by !== null && assessment.partyIds.length > 0 && !assessment.partyIds.includes(by)) {
    throw new DomainError('NOT_A_PARTY', `${by} is not a party to the assessed agreement`, { field: 'providedByOrganisationId' });
  }
  const { assessmentId, sourceId, kind, summary } = data;
  return [{ type: 'AssessmentSourceAdded', data: { assessmentId, sourceId, kind, summary, providedByOrganisationId: by } }];
}

function identifyProblem({ data }: IdentifyProblem, state: AssessmentState): AssessmentEvent[] {
  const assessment = requireInProgress(state, data.assessmentId);
  requireText(data.description, 'INVALID_PROBLEM', 'description');
  requireText(data.causeAnalysis, 'INVALID_PROBLEM', 'causeAnalysis');
  if (assessment.problemIds.includes(data.problemId)) throw new DomainError('PROBLEM_ALREADY_IDENTIFIED', `Problem ${data.problemId} is already there`);
  const { assessmentId, problemId, description, causeAnalysis } = data;
  return [{ type: 'ProblemIdentified', data: { assessmentId, problemId, description, causeAnalysis } }];
}

/** Every focus area is named, has its own id and addresses identified problems. */
function prioritise({ data }: PrioritiseFocusAreas, state: AssessmentState): AssessmentEvent[] {
  const assessment = requireInProgress(state, data.assessmentId);
  const invalid = (field: string, message: string) => new DomainError('INVALID_FOCUS_AREAS', message, { field });
  if (!Array.isArray(data.focusAreas) || data.focusAreas.length === 0) throw invalid('focusAreas', 'One or more focus areas, most important first');
  const ids = new Set<string>();
  const focusAreas = data.focusAreas.map(({ focusAreaId, name, problemIds }, i) => {
    if (!isNonEmptyText(focusAreaId) || ids.has(focusAreaId)) throw invalid(`focusAreas[${i}].focusAreaId`, 'Each focus area needs its own id');
    ids.add(focusAreaId);
    requireText(name, 'INVALID_FOCUS_AREAS', `focusAreas[${i}].name`);
    if (!Array.isArray(problemIds) || problemIds.length === 0) throw invalid(`focusAreas[${i}].problemIds`, 'A focus area addresses one or more problems');
    for (const problemId of problemIds) {
      if (!assessment.problemIds.includes(problemId)) {
        throw new DomainError('UNKNOWN_PROBLEM', `No problem ${problemId} in this assessment`, { field: `focusAreas[${i}].problemIds` });
      }
    }
    return { focusAreaId, name, problemIds: [...problemIds] };
  });
  return [{ type: 'FocusAreasPrioritised', data: { assessmentId: data.assessmentId, focusAreas } }];
}

/** Complete means: sources heard, problems analysed, priorities set. */
function complete({ data }: CompleteAssessment, state: AssessmentState): AssessmentEvent[] {
  const assessment = requireInProgress(state, data.assessmentId);
  requireLocalDate(data.completedOn, 'completedOn');
  const missing = [
    assessment.sourceIds.length === 0 && 'sources',
    assessment.problemIds.length === 0 && 'problems',
    assessment.focusAreas.length === 0 && 'focus areas',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new DomainError('ASSESSMENT_INCOMPLETE', `The assessment has no ${missing.join(', ')} yet`, { missing: missing.join(', ') });
  }
  return [{ type: 'AssessmentCompleted', data: { assessmentId: data.assessmentId, completedOn: data.completedOn } }];
}

/** The commands that name the day they happened; the others happen when the client says (`occurredAt`), or now. */
const BUSINESS_DATES: Partial<Record<AssessmentCommand['type'], string>> = { CompleteAssessment: 'completedOn' };

export const assessmentDecider: Decider<AssessmentCommand, AssessmentEvent, AssessmentState> = {
  initialState: () => ({ status: 'None' }),
  evolve: evolveAssessment,
  fromRecorded: upcastAssessmentEvent,
  businessTime: (command) => ({ date: ownBusinessDate(BUSINESS_DATES, command) }),
  decide(command, state) {
    switch (command.type) {
      case 'StartAssessment':
        return start(command, state);
      case 'AddAssessmentSource':
        return addSource(command, state);
      case 'IdentifyProblem':
        return identifyProblem(command, state);
      case 'PrioritiseFocusAreas':
        return prioritise(command, state);
      case 'CompleteAssessment':
        return complete(command, state);
      default:
        return assertNever(command);
    }
  },
};
