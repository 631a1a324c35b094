import { Projection, ReadModelTransaction } from '../../projections/projection';
import { assertNever } from '../../shared/domain/decider';
import { AssessmentEvent } from '../domain/assessment.events';
import { upcastAssessmentEvent } from '../domain/assessment.upcast';

const none = { kind: null, detail: null, organisation_id: null, problem_ids: null };

async function apply(trx: ReadModelTransaction, event: AssessmentEvent, seq: number): Promise<void> {
  switch (event.type) {
    case 'AssessmentStarted': {
      const { assessmentId, title, agreementId, period, startedByOrganisationId } = event.data;
      await trx.insertInto('assessments')
        .values({ id: assessmentId, title, agreement_id: agreementId, started_by_organisation_id: agreementId ? null : startedByOrganisationId ?? null, period_from: period?.from ?? null, period_to: period?.to ?? null, status: 'InProgress', completed_on: null, seq })
        .execute();
      return;
    }
    case 'AssessmentSourceAdded': {
      const { assessmentId, sourceId, kind, summary, providedByOrganisationId } = event.data;
      await trx.insertInto('assessment_items')
        .values({ ...none, assessment_id: assessmentId, item_kind: 'Source', item_id: sourceId, item_order: seq, kind, title: summary, organisation_id: providedByOrganisationId })
        .execute();
      return;
    }
    case 'ProblemIdentified': {
      const { assessmentId, problemId, description, causeAnalysis } = event.data;
      await trx.insertInto('assessment_items')
        .values({ ...none, assessment_id: assessmentId, item_kind: 'Problem', item_id: problemId, item_order: seq, title: description, detail: causeAnalysis })
        .execute();
      return;
    }
    case 'FocusAreasPrioritised': {
      const { assessmentId, focusAreas } = event.data;
      await trx.deleteFrom('assessment_items').where('assessment_id', '=', assessmentId).where('item_kind', '=', 'FocusArea').execute();
      await trx.insertInto('assessment_items')
        .values(focusAreas.map((f, i) => ({ ...none, assessment_id: assessmentId, item_kind: 'FocusArea' as const, item_id: f.focusAreaId, item_order: i, title: f.name, problem_ids: JSON.stringify(f.problemIds) })))
        .execute();
      return;
    }
    case 'AssessmentCompleted':
      await trx.updateTable('assessments').set({ status: 'Completed', completed_on: event.data.completedOn }).where('id', '=', event.data.assessmentId).execute();
      return;
    default:
      assertNever(event);
  }
}

export const assessmentsProjection: Projection = {
  name: 'assessments',
  handles: ['AssessmentStarted', 'AssessmentSourceAdded', 'ProblemIdentified', 'FocusAreasPrioritised', 'AssessmentCompleted'],
  tables: ['assessments', 'assessment_items'],
  apply: (trx, recorded) => apply(trx, upcastAssessmentEvent(recorded), Number(recorded.position.prepare)),
};
