/** Other writers kept changing the stream; the client may retry with the same command id. */
export class ConcurrencyConflictError extends Error {
  readonly code = 'CONFLICT';

  constructor(readonly streamName: string, attempts: number) {
    super(`Stream ${streamName} kept changing under this command (${attempts} attempts); retry with the same commandId`);
    this.name = 'ConcurrencyConflictError';
  }
}
