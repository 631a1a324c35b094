import { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { OperationCost } from '../shared/graphql/hardening/query-limits.rule';
import { RequestIdentity } from './request-identity';

/** The GraphQL context as the access layer sees it. */
export type AccessContext = RequestIdentity & OperationCost & { correlationId: string };

/** A resolver's schema coordinate, e.g. `Mutation.signAgreement` or `CitizenPromise.activities`. */
export function resolverOf(context: ExecutionContext) {
  const gql = GqlExecutionContext.create(context);
  const info = gql.getInfo<GraphQLResolveInfo>();
  return {
    coordinate: `${info.parentType.name}.${info.fieldName}`,
    rootType: info.operation.operation,
    isRootField: info.path.prev === undefined,
    parent: gql.getRoot<unknown>(),
    args: gql.getArgs<Record<string, unknown>>(),
    access: gql.getContext<AccessContext>(),
  };
}
