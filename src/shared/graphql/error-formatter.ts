import mercurius from 'mercurius';
import { ErrorCode } from './graphql-errors';

type JsonError = { message: string; extensions?: Record<string, unknown> };

/**
 * Errors graphql-js raises before a resolver runs (a missing required field, a
 * string where a number belongs, an unknown enum value) carry no code. Give
 * them one: input problems become BAD_USER_INPUT naming the field, the rest
 * GRAPHQL_VALIDATION_FAILED, so every error a client sees is typed.
 */
export const errorFormatter: typeof mercurius.defaultErrorFormatter = (execution, context) => {
  const formatted = mercurius.defaultErrorFormatter(execution, context);
  const errors = (formatted.response.errors ?? []) as JsonError[];
  for (const error of errors) {
    if (error.extensions?.code) continue;
    const field = inputFieldOf(error.message);
    error.extensions = field
      ? { ...error.extensions, code: ErrorCode.BAD_USER_INPUT, fields: [field] }
      : { ...error.extensions, code: isInputProblem(error.message) ? ErrorCode.BAD_USER_INPUT : 'GRAPHQL_VALIDATION_FAILED' };
  }
  return formatted;
};

const INPUT_PROBLEMS = [
  /cannot represent/i,
  /of required type .* was not provided/i,
  /is not defined by type/i,
  /Variable "\$\w+" got invalid value/i,
  /Expected value of type/i,
  /Expected type/i,
  /does not exist in ".*" enum/i,
];

function isInputProblem(message: string): boolean {
  return INPUT_PROBLEMS.some((pattern) => pattern.test(message));
}

/** Picks the field name out of graphql-js messages such as `Field "Input.name" of required type ...`. */
function inputFieldOf(message: string): string | null {
  if (!isInputProblem(message)) return null;
  const qualified = /Field "(?:\w+\.)?(\w+)"/.exec(message) ?? /at "\w+\.([\w.[\]]+)"/.exec(message);
  if (qualified) return qualified[1];
  const variable = /Variable "\$(\w+)"/.exec(message);
  return variable ? variable[1] : null;
}
