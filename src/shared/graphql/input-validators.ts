import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches, MaxLength } from 'class-validator';

/** Ids chosen by clients or the demo: lowercase slugs or UUIDs, safe inside a stream name. */
export const ENTITY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function IsEntityId(options: { each?: boolean } = {}) {
  return Matches(ENTITY_ID, { ...options, message: '$property must be 1–64 lowercase letters, digits or dashes (a UUID works)' });
}

/** A real calendar date written 'YYYY-MM-DD'. */
export function IsLocalDate() {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date written YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );
}

/** Free text with a sane upper bound, so nobody stores a novel in a title. */
export function IsText(max: number) {
  return MaxLength(max, { message: `$property must be at most ${max} characters` });
}
