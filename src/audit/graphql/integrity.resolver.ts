import { Context, Query, Resolver } from '@nestjs/graphql';
import { CommandContextFactory, RequestInfo } from '../../shared/commands/command-context.factory';
import { AUDITOR_ROLES, requireRole } from '../audit-access';
import { IntegrityService } from '../integrity/integrity.service';
import { describeReport } from '../integrity/verify-report';
import { IntegrityPublicKey, IntegrityReport } from './integrity.types';

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

  @Query(() => IntegrityReport, { description: 'Recomputes the hash chain over every event and checks links and signed checkpoints (auditors).' })
  async verifyIntegrity(@Context() request: RequestInfo): Promise<IntegrityReport> {
    requireRole(this.contexts, request, AUDITOR_ROLES);
    const report = await this.integrity.verify();
    const failure = report.failure && { ...report.failure, count: report.failure.count?.toString() ?? null };
    return { ...report, summary: describeReport(report), failure };
  }
}
