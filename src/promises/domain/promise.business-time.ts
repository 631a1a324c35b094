import { valueOfId } from '../../shared/domain/append-only-ids';
import { BusinessTimeClaim, ownBusinessDate, startOfDay } from '../../shared/domain/business-time';
import type { PromiseCommand } from './promise.commands';
import type { PromiseState } from './promise.state';

/** The commands that name the day they happened. The others happen when the client says (`occurredAt`), or now. */
const BUSINESS_DATES: Partial<Record<PromiseCommand['type'], string>> = {
  AdoptPromise: 'adoptedOn',
  PublishPromise: 'publishedOn',
  WithdrawPromise: 'withdrawnOn',
  CompletePromise: 'completedOn',
  LogActivity: 'date',
  RecordFollowUp: 'reportedOn',
  SubmitFinalReport: 'submittedOn',
};

/**
 * A correction happens when it is made (its `date` is the corrected activity's
 * day, a fact in its data, not when the correcting took place), and never
 * before the day of the entry it corrects.
 */
export function promiseBusinessTime(command: PromiseCommand, state: PromiseState): BusinessTimeClaim {
  if (command.type === 'ExtendPromise') {
    const decidedOn = command.data.decision?.decidedOn;
    return { date: typeof decidedOn === 'string' ? { field: 'decidedOn', value: decidedOn } : null }; // the day it was decided
  }
  if (command.type !== 'CorrectActivity') return { date: ownBusinessDate(BUSINESS_DATES, command) };
  const corrected = state.status === 'None' ? undefined : valueOfId(state.loggedEntryIds, command.data.correctsEntryId);
  return {
    notBefore: corrected ? { instant: startOfDay(corrected), what: `entry ${command.data.correctsEntryId} of ${corrected}` } : null,
  };
}
