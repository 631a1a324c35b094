import { ActivityProgress, ProgressStatus } from '../graphql/follow-up.types';
import { LoggedCount } from './activity-log.queries';

type Target = { quantity: number; per: 'Year' | 'Period' } | null;
type Window = { from: string; to: string };

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
const clamp = (date: string, window: Window) => (date < window.from ? window.from : date > window.to ? window.to : date);

/** Where a target is counted: the whole period, or (per Year) the calendar year `today` falls in, within the period. */
export function targetWindow(per: 'Year' | 'Period' | null, period: Window, today: string): Window {
  if (per !== 'Year') return period;
  const year = clamp(today, period).slice(0, 4);
  return { from: clamp(`${year}-01-01`, period), to: clamp(`${year}-12-31`, period) };
}

/**
 * Target vs logged count as of `today`. The target is spread evenly over its
 * window: half way through a year, "at least four" expects two. Behind when
 * fewer than the whole entries expected so far have been logged.
 */
export function activityProgress(
  plannedActivityId: string,
  target: Target,
  period: Window,
  today: string,
  counts: readonly LoggedCount[],
): ActivityProgress {
  const window = targetWindow(target?.per ?? null, period, today);
  const logged = counts
    .filter((c) => c.plannedActivityId === plannedActivityId && c.date >= window.from && c.date <= window.to)
    .reduce((sum, c) => sum + c.count, 0);
  const elapsed = today < window.from ? 0 : days(window.from, clamp(today, window)) / days(window.from, window.to);
  const expectedByNow = target ? Math.round(target.quantity * elapsed * 100) / 100 : 0;
  const status = !target
    ? ProgressStatus.NoTarget
    : logged >= target.quantity
      ? ProgressStatus.Done
      : logged >= Math.floor(expectedByNow)
        ? ProgressStatus.OnTrack
        : ProgressStatus.Behind;
  return { plannedActivityId, target: target?.quantity ?? null, logged, expectedByNow, windowFrom: window.from, windowTo: window.to, status };
}
