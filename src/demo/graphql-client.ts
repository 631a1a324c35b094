import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Runs one GraphQL operation against the app in-process (no socket) and fails loudly on any error. */
export async function graphqlInject<T = Record<string, unknown>>(
  app: NestFastifyApplication,
  query: string,
  variables: Record<string, unknown> = {},
  bearerToken?: string,
): Promise<T> {
  const headers = bearerToken ? { authorization: `Bearer ${bearerToken}` } : {};
  const response = await app.inject({ method: 'POST', url: '/graphql', headers, payload: { query, variables } });
  const body = response.json() as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}
