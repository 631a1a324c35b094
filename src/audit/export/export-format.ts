import { JsonObject } from '../../event-store/event-store.port';

/**
 * NDJSON, one JSON object per line, in this order:
 *   header     — what was exported, when, and the public key checkpoints are signed with;
 *   event      — every event in scope, in `$all` order, with metadata and its chain link;
 *   checkpoint — (whole-log exports) each signed checkpoint, right after the event it covers;
 *   end        — counts, so a cut-off file is detected.
 * Bigints (revision, count) are decimal strings; positions are "commit/prepare".
 */
export const EXPORT_FORMAT = 'samverkan-audit-export';

export type ExportScope =
  | { readonly kind: 'all'; readonly afterPosition: string | null }
  | { readonly kind: 'stream'; readonly stream: string }
  | { readonly kind: 'category'; readonly category: string };

export interface HeaderLine {
  kind: 'header';
  format: typeof EXPORT_FORMAT;
  version: 1;
  scope: ExportScope;
  exportedAt: string;
  publicKey: { keyId: string; algorithm: string; pem: string };
}

export interface EventLine {
  kind: 'event';
  position: string;
  stream: string;
  revision: string;
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  recordedAt: string;
  chain: { count: string; previous: string; link: string };
}

export interface CheckpointLine extends JsonObject {
  kind: 'checkpoint';
}

export interface EndLine {
  kind: 'end';
  events: number;
  checkpoints: number;
}

export type ExportLine = HeaderLine | EventLine | CheckpointLine | EndLine;

/** Whole-log exports are one unbroken piece of the chain; stream and category exports are excerpts of it. */
export const isContinuous = (scope: ExportScope) => scope.kind === 'all';
