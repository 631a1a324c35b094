import { GraphQLError } from 'graphql';
import { Clock } from '../../shared/clock';
import { isLocalDate } from '../../shared/domain/value-objects';
import { ErrorCode } from '../../shared/graphql/graphql-errors';

/**
 * "Today" for progress and deadlines: the caller's `today` argument (tests and
 * what-if questions), else the server clock's date (UTC; a Swedish evening
 * between 00:00 and 01:00/02:00 local time still counts as the day before).
 */
export function todayOr(argument: string | null | undefined, clock: Clock): string {
  if (argument === null || argument === undefined) return clock.now().toISOString().slice(0, 10);
  if (!isLocalDate(argument)) {
    throw new GraphQLError('today must be a date written YYYY-MM-DD', { extensions: { code: ErrorCode.BAD_USER_INPUT, fields: ['today'] } });
  }
  return argument;
}
