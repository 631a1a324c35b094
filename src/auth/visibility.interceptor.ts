import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import { from, mergeMap, Observable } from 'rxjs';
import { resolverOf } from './access-context';
import { RESOLVER_POLICIES } from './policy/resolver-policies';
import { ReadModelPartyLookup } from './party-lookup';

/**
 * The read-side half of authorization (APP_INTERCEPTOR): what a resolver
 * returned passes its policy's result filter, so drafts and notes reach only
 * the parties' people and auditors. Resolvers stay unaware of it.
 */
@Injectable()
export class VisibilityInterceptor implements NestInterceptor {
  constructor(private readonly parties: ReadModelPartyLookup) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const { coordinate, parent, access } = resolverOf(context);
    const filter = RESOLVER_POLICIES[coordinate]?.result;
    if (!filter) return next.handle();
    return next.handle().pipe(mergeMap((result) => from(Promise.resolve(filter(result, { viewer: access.viewer, parent, parties: this.parties })))));
  }
}
