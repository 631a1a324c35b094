import { JsonObject } from '../../event-store/event-store.port';

/** The who/when/why every command writes (src/shared/commands), read defensively: old or foreign events may lack parts. */
export interface AuditMetadata {
  occurredAt: string | null;
  actor: { userId: string | null; displayName: string | null; organisationId: string | null; role: string | null };
  commandId: string | null;
  commandType: string | null;
  correlationId: string | null;
  causationId: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function readAuditMetadata(metadata: JsonObject): AuditMetadata {
  const actor = (metadata.actor && typeof metadata.actor === 'object' && !Array.isArray(metadata.actor) ? metadata.actor : {}) as JsonObject;
  return {
    occurredAt: text(metadata.occurredAt),
    actor: {
      userId: text(actor.userId),
      displayName: text(actor.displayName),
      organisationId: text(actor.organisationId),
      role: text(actor.role),
    },
    commandId: text(metadata.commandId),
    commandType: text(metadata.commandType),
    correlationId: text(metadata.correlationId),
    causationId: text(metadata.causationId),
  };
}

export const categoryOf = (streamName: string): string => {
  const dash = streamName.indexOf('-');
  return dash < 0 ? streamName : streamName.slice(0, dash);
};
