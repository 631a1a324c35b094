import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { CommandContextFactory, RequestInfo } from '../../shared/commands/command-context.factory';
import { ErrorCode } from '../../shared/graphql/graphql-errors';
import { AUDITOR_ROLES, requireRole } from '../audit-access';
import { keptCheckpointToJson, parseSavedCheckpoint } from '../integrity/checkpoint';
import { IntegrityService } from '../integrity/integrity.service';
import { ExpectedCheckpoint } from '../integrity/verify-store';
import { describeReport } from '../integrity/verify-report';
import { IntegrityCheckpoint, IntegrityPublicKey, IntegrityReport } from './integrity.types';

@Resolver()
export class IntegrityResolver {
  constructor(
    private readonly contexts: CommandContextFactory,
    private readonly integrity: IntegrityService,
  ) {}

  @Query(() => IntegrityPublicKey, { description: 'Public: the key that signs integrity checkpoints.' })
  integrityPublicKey(): IntegrityPublicKey {
    const { keyId, algorithm, pem } = this.integrity.publicKey;
    return { keyId, algorithm, pem };
  }

  @Query(() => IntegrityReport, { description: 'Recomputes the hash chain over every event and checks links, signed checkpoints and authenticators (auditors).' })
  async verifyIntegrity(
    @Context() request: RequestInfo,
    @Args('expectCheckpoint', { nullable: true, description: 'A checkpoint saved earlier (integrityCheckpoint.json): the store must still hold the chain it signs.' })
    expectCheckpoint?: string,
  ): Promise<IntegrityReport> {
    requireRole(this.contexts, request, AUDITOR_ROLES);
    const report = await this.integrity.verify(expectCheckpoint === undefined ? [] : [parseCheckpoint(expectCheckpoint)]);
    const failure = report.failure && { ...report.failure, count: report.failure.count?.toString() ?? null };
    return { ...report, summary: describeReport(report), failure };
  }

  @Query(() => IntegrityCheckpoint, { nullable: true, description: 'The latest signed checkpoint the service verified, to save outside the service (auditors).' })
  async integrityCheckpoint(@Context() request: RequestInfo): Promise<IntegrityCheckpoint | null> {
    requireRole(this.contexts, request, AUDITOR_ROLES);
    const kept = await this.integrity.latestCheckpoint();
    if (!kept) return null;
    const { position, head, signedAt, keyId, eventPosition } = kept;
    return { count: kept.count.toString(), position, head, signedAt, keyId, eventPosition, json: JSON.stringify(keptCheckpointToJson(kept)) };
  }
}

function parseCheckpoint(text: string): ExpectedCheckpoint {
  try {
    return { checkpoint: parseSavedCheckpoint(text), source: 'the expected checkpoint' };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new GraphQLError(`expectCheckpoint is not a saved checkpoint: ${why}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, fields: ['expectCheckpoint'] } });
  }
}
