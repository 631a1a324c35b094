import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { createErrorFormatter } from '../../src/shared/graphql/error-formatter';

/** What the operator gets: the real message in the log, under the correlation id the client was given. */
describe('error masking', () => {
  afterAll(() => Logger.overrideLogger(false));
  const run = (maskInternals: boolean, error: GraphQLError) => {
    const logged: object[] = [];
    // The application's logger (pino in the service) receives what the formatter logs.
    Logger.overrideLogger({ error: (entry: object) => logged.push(entry), log: () => undefined, warn: () => undefined });
    const reply = { log: { info: () => undefined }, request: { id: 'req-1' } };
    const context = { correlationId: 'corr-9', reply };
    const { response } = createErrorFormatter({ maskInternals })({ data: null, errors: [error] } as never, context as never);
    return { error: (response.errors as { message: string; extensions: Record<string, unknown> }[])[0], logged };
  };
  const internal = () => new GraphQLError('SQLITE_CORRUPT: database disk image is malformed at /var/lib/x', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });

  it('in production, hides the message and keeps only the code and the correlation id; the log keeps the message', () => {
    const { error, logged } = run(true, internal());
    expect(error).toMatchObject({ message: 'Internal server error (correlation id corr-9)', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'corr-9' } });
    expect(Object.keys(error.extensions)).toEqual(['code', 'correlationId']);
    expect(logged).toEqual([expect.objectContaining({ correlationId: 'corr-9', error: expect.stringContaining('SQLITE_CORRUPT') })]);
  });

  it('outside production, shows the message, still with the correlation id', () => {
    expect(run(false, internal()).error).toMatchObject({ message: expect.stringContaining('SQLITE_CORRUPT'), extensions: { correlationId: 'corr-9' } });
  });

  it('leaves errors written for clients alone', () => {
    const { error, logged } = run(true, new GraphQLError('Only a draft can be adopted', { extensions: { code: 'PROMISE_NOT_DRAFT' } }));
    expect(error).toMatchObject({ message: 'Only a draft can be adopted', extensions: { code: 'PROMISE_NOT_DRAFT' } });
    expect(logged).toEqual([]);
  });
});
