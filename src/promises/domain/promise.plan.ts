import { DomainError } from '../../shared/domain/domain-error';
import { isNonEmptyText } from '../../shared/domain/value-objects';
import type { PlannedActivityToAdopt } from './promise.commands';
import { ActivityTarget, Indicator, INDICATOR_KINDS, PlannedActivity, TARGET_PERIODS } from './promise.events';
import { requireParty } from './promise.rules';

const invalidPromise = (field: string, message: string) => new DomainError('INVALID_PROMISE', message, { field });
const isNumberOrNull = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value));

/** "at least three times a year": a positive whole quantity, per year or per period, and the words used. */
function validTarget(target: ActivityTarget | null | undefined, at: string): ActivityTarget | null {
  if (target === null || target === undefined) return null;
  if (!Number.isInteger(target.quantity) || target.quantity < 1) throw invalidPromise(`${at}.target.quantity`, 'A target is a positive whole number');
  if (!TARGET_PERIODS.includes(target.per)) throw invalidPromise(`${at}.target.per`, 'A target counts per Year or per Period');
  if (!isNonEmptyText(target.text)) throw invalidPromise(`${at}.target.text`, 'A target keeps the words the promise used');
  return { quantity: target.quantity, per: target.per, text: target.text };
}

function validIndicators(indicators: readonly Indicator[] | undefined, at: string, seen: Set<string>): Indicator[] {
  if (indicators === undefined) return [];
  if (!Array.isArray(indicators)) throw invalidPromise(`${at}.indicators`, 'indicators must be a list');
  return indicators.map((indicator, i) => {
    const here = `${at}.indicators[${i}]`;
    if (!isNonEmptyText(indicator?.indicatorId) || seen.has(indicator.indicatorId)) throw invalidPromise(`${here}.indicatorId`, 'Each indicator needs its own id');
    seen.add(indicator.indicatorId);
    if (!isNonEmptyText(indicator.name) || !isNonEmptyText(indicator.unit)) throw invalidPromise(here, 'An indicator has a name and a unit');
    if (!INDICATOR_KINDS.includes(indicator.kind)) throw invalidPromise(`${here}.kind`, 'An indicator is Output, Outcome or Process');
    if (!isNumberOrNull(indicator.baseline) || !isNumberOrNull(indicator.target)) throw invalidPromise(here, 'Baseline and target are numbers');
    const { indicatorId, name, kind, unit, baseline, target, source } = indicator;
    return { indicatorId, name, kind, unit, baseline, target, source: source ?? null };
  });
}

/**
 * A plan (at drafting, or revised at extension): ids unique, a description, one
 * or more responsible parties each, a valid target and indicators where given.
 * Returns a copy holding only the known fields, so nothing the caller added rides into the event.
 */
export function validPlan(activities: readonly PlannedActivityToAdopt[], partyIds: readonly string[], field: string): PlannedActivity[] {
  if (!Array.isArray(activities)) throw invalidPromise(field, `${field} must be a list`);
  const ids = new Set<string>();
  const indicatorIds = new Set<string>();
  return activities.map((activity, i) => {
    const at = `${field}[${i}]`;
    if (!isNonEmptyText(activity?.plannedActivityId) || ids.has(activity.plannedActivityId)) {
      throw invalidPromise(`${at}.plannedActivityId`, 'Each planned activity needs its own id');
    }
    ids.add(activity.plannedActivityId);
    if (!isNonEmptyText(activity.description)) throw invalidPromise(`${at}.description`, 'A planned activity needs a description');
    const responsible = activity.responsibleOrganisationIds;
    if (!Array.isArray(responsible) || responsible.length === 0 || new Set(responsible).size !== responsible.length) {
      throw invalidPromise(`${at}.responsibleOrganisationIds`, 'One or more distinct responsible organisations');
    }
    responsible.forEach((id) => requireParty(partyIds, id, `${at}.responsibleOrganisationIds`));
    return {
      plannedActivityId: activity.plannedActivityId,
      description: activity.description,
      responsibleOrganisationIds: [...responsible],
      target: validTarget(activity.target, at),
      indicators: validIndicators(activity.indicators, at, indicatorIds),
    };
  });
}
