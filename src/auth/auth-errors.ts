import { GraphQLError } from 'graphql';

export const AuthErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
} as const;

/** No token, or one that failed verification, where a signed-in person is needed. */
export function unauthenticated(message = 'Sign in: send a valid Bearer token'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: AuthErrorCode.UNAUTHENTICATED } });
}

/** Signed in, but not allowed to do or see this. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: AuthErrorCode.FORBIDDEN } });
}

/** Anonymous callers are told to sign in; signed-in ones that they may not. */
export function denied(signedIn: boolean, message: string): GraphQLError {
  return signedIn ? forbidden(message) : unauthenticated(`Sign in first: ${message}`);
}

/** 429-style: the HTTP status is set to 429 by the error formatter when this is the only error. */
export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many requests; try again in ${retryAfterSeconds} s`, {
    extensions: { code: AuthErrorCode.RATE_LIMITED, retryAfterSeconds },
  });
}
