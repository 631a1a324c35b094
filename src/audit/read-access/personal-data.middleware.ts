import { FieldMiddleware } from '@nestjs/graphql';
import { MercuriusContext } from 'mercurius';
import { PERSONAL_DATA_FIELDS } from './personal-data-fields';
import { notePersonalDataRead, noteSubject, takePendingReads } from './pending-reads';
import { recorderFor } from './read-access.recorder';

/**
 * A global field middleware (GraphQLModule `buildSchemaOptions.fieldMiddleware`):
 * notes every personal-data field that actually returned a value, whichever
 * type or resolver it belongs to, and whom it is about (src/audit/read-access/read-subjects.ts). The type files stay as their owners wrote them.
 */
export const notePersonalDataReads: FieldMiddleware = async ({ info, context, source }, next) => {
  noteSubject(context as object, info, source);
  const value: unknown = await next();
  const field = `${info.parentType.name}.${info.fieldName}`;
  if (value !== null && value !== undefined && PERSONAL_DATA_FIELDS.has(field)) {
    notePersonalDataRead(context as object, field, info, source);
  }
  return value;
};

/**
 * Mercurius `onResolution` hook: writes what the operation read, as events,
 * before the response leaves. If the log cannot be written the request fails:
 * no consultation without its log entry.
 */
export async function writePersonalDataReads(_execution: unknown, context: MercuriusContext): Promise<void> {
  const pending = takePendingReads(context);
  if (!pending || pending.counts.size === 0) return;
  await recorderFor(context.app).record(context, pending);
}
