import { Context, Query, Resolver } from '@nestjs/graphql';
import { AccessContext } from '../access-context';
import { operationsOf } from './viewer-operations';
import { ViewerInfo } from './viewer.types';

@Resolver(() => ViewerInfo)
export class ViewerResolver {
  @Query(() => ViewerInfo, { description: 'Who the caller is (from the token) and which operations they may run.' })
  viewer(@Context() context: AccessContext): ViewerInfo {
    const viewer = context.viewer;
    return {
      signedIn: viewer !== null,
      userId: viewer?.userId ?? null,
      displayName: viewer?.displayName ?? null,
      organisationId: viewer?.organisationId ?? null,
      roles: viewer?.roles ?? [],
      operations: operationsOf(viewer),
    };
  }
}
