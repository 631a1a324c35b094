import { GraphQLError } from 'graphql';

/** An auditor's time argument: an ISO instant, or a bare date standing for its end (or, opening a range, its start), UTC. */
export function instant(text: string | undefined | null, field: string, dayEnd: 'start' | 'end' = 'end'): Date | undefined {
  if (text === undefined || text === null) return undefined;
  // A bare date means the end of that day (UTC): "as it stood on 2016-06-30" (or its start, for the start of a range).
  const time = dayEnd === 'end' ? 'T23:59:59.999Z' : 'T00:00:00.000Z';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}${time}` : text);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError(`${field} must be an ISO date or instant`, { extensions: { code: 'BAD_USER_INPUT', fields: [field] } });
  }
  return date;
}
