import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { AppConfig } from '../../config/app-config';
import { ProjectionService } from '../../projections/projection-service';
import { CommandOutcome } from './command-executor';
import { readYourWritesWait } from '../../observability/metrics/metrics';
import { ReadModelUnavailableError } from '../../projections/read-model-unavailable';
import { ErrorCode } from '../graphql/graphql-errors';

/**
 * Lets a mutation return only once the read models its events go to include
 * them, so the client's next query sees what it just wrote. Only those: a
 * stopped projection elsewhere does not hold up commands that never touch it.
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly projections: ProjectionService,
    private readonly config: AppConfig,
  ) {}

  async waitFor(outcome: CommandOutcome): Promise<void> {
    if (!outcome.position) return;
    const stopTimer = readYourWritesWait.startTimer();
    const needed = this.projections.projectionsHandling(outcome.eventTypes);
    let waited: Awaited<ReturnType<ProjectionService['waitForProjections']>>;
    try {
      waited = await this.projections.waitForProjections(outcome.position, this.config.READ_YOUR_WRITES_TIMEOUT_MS, needed);
    } catch (error) {
      stopTimer({ outcome: 'unavailable' });
      if (!(error instanceof ReadModelUnavailableError)) throw error;
      // Stored, but whether the read models have it cannot be told: the database is away.
      throw new GraphQLError('The command was stored, but the read models are unavailable', {
        extensions: { code: ErrorCode.READ_MODEL_UNAVAILABLE, stored: true },
      });
    }
    stopTimer({ outcome: waited.reached ? 'reached' : waited.failing ? 'failing' : 'timed_out' });
    if (waited.reached) return;
    // The command IS stored; only the read side is behind. Say so rather than pretend it failed.
    if (waited.failing) {
      throw new GraphQLError(`The command was stored, but the ${waited.failing} read model is stopped at an event it cannot apply; it shows the change once an operator has fixed that`, {
        extensions: { code: 'READ_MODEL_FAILING', stored: true, projection: waited.failing },
      });
    }
    throw new GraphQLError('The command was stored, but the read models did not catch up in time', {
      extensions: { code: 'READ_MODEL_LAGGING', stored: true },
    });
  }
}
