import { Viewer } from '../identity';
import { canSeeAgreement, canSeePromise } from './visibility';

/**
 * For `@Subscription({ filter })` (src/promises/live): the guard decides who may
 * subscribe, but each event must also be one the subscriber may see — a draft
 * reaches only its parties and auditors. Mercurius passes the connection's
 * context (with `viewer`, see app.module.ts) as the filter's third argument.
 */
type Context = { viewer?: Viewer };

export const mayReceivePromise = (promise: { status: string; partyIds: readonly string[] }, context: Context) =>
  canSeePromise(context.viewer ?? null, promise);

export const mayReceiveAgreement = (agreement: { status: string; parties: readonly { organisationId: string }[] }, context: Context) =>
  canSeeAgreement(context.viewer ?? null, agreement);
