/**
 * The one error type the domain throws. `code` is stable: clients match on it
 * (it becomes GraphQL `extensions.code`), so never rename a code.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, string | number | boolean | null | readonly string[]>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
