import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import { CommandContext } from './command-context';

/**
 * What a command id stands for, as a hash: the command type, who sent it and
 * the client's input (without the command id). A retry repeats all three and
 * gets the first answer; the same id with any of them different is another
 * command and is refused (IDEMPOTENCY_KEY_REUSED). The stream is compared
 * beside it (the store records it with the id).
 *
 * The client's input, not the command's data: a handler may add facts read
 * from other streams (a party's name, a successor's status), which can change
 * between a first attempt and its retry without the retry being another command.
 * Absent keys and null are the same input: handlers treat them alike.
 */
export function commandDigest(command: { type: string; data?: unknown }, context: CommandContext): string {
  const input = context.input !== undefined ? context.input : (command.data ?? null);
  const described = canonicalJson({ type: command.type, actor: context.actor.userId, input: withoutNulls(input) });
  return createHash('sha256').update(described).digest('base64url');
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== null && entry !== undefined) kept[key] = withoutNulls(entry);
  return kept;
}
