import { ProgressStatus } from '../graphql/follow-up.types';
import { activityProgress, targetWindow } from './progress';

const year2017 = { from: '2017-01-01', to: '2017-12-31' };
const walks = (...dates: string[]) => dates.map((date) => ({ promiseId: 'p', plannedActivityId: 'pa', date, count: 1 }));

describe('progress of a planned activity', () => {
  it('counts "at least two night walks" over the period: behind, on track, done', () => {
    const target = { quantity: 2, per: 'Period' as const };
    expect(activityProgress('pa', target, year2017, '2017-09-01', []).status).toBe(ProgressStatus.Behind);
    expect(activityProgress('pa', target, year2017, '2017-09-01', walks('2017-05-01'))).toMatchObject({ logged: 1, status: ProgressStatus.OnTrack });
    expect(activityProgress('pa', target, year2017, '2017-03-01', [])).toMatchObject({ status: ProgressStatus.OnTrack });
    expect(activityProgress('pa', target, year2017, '2017-09-01', walks('2017-05-01', '2017-08-01'))).toMatchObject({ logged: 2, status: ProgressStatus.Done });
  });

  it('counts "three times a year" in the calendar year of today, within a longer period', () => {
    const period = { from: '2025-01-01', to: '2027-12-31' };
    expect(targetWindow('Year', period, '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    const result = activityProgress('pa', { quantity: 3, per: 'Year' }, period, '2026-12-31', walks('2025-03-01', '2025-04-01', '2025-05-01', '2026-02-01'));
    expect(result).toMatchObject({ logged: 1, expectedByNow: 3, status: ProgressStatus.Behind });
  });

  it('ignores other planned activities and reports NoTarget without a target', () => {
    const other = [{ promiseId: 'p', plannedActivityId: 'other', date: '2017-02-01', count: 5 }];
    expect(activityProgress('pa', null, year2017, '2017-12-31', other)).toMatchObject({ logged: 0, status: ProgressStatus.NoTarget });
  });
});
