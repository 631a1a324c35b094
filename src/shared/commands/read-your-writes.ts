import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { AppConfig } from '../../config/app-config';
import { ProjectionService } from '../../projections/projection-service';
import { CommandOutcome } from './command-executor';
import { readYourWritesWait } from '../../observability/metrics/metrics';
import { ReadModelUnavailableError } from '../../projections/read-model-unavailable';
import { ErrorCode } from '../graphql/graphql-errors';

/**
 * Lets a mutation return only once the read models include its own events, so
 * the client's next query sees what it just wrote.
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
    let reached: boolean;
    try {
      reached = await this.projections.waitFor(outcome.position, this.config.READ_YOUR_WRITES_TIMEOUT_MS);
    } catch (error) {
      stopTimer({ outcome: 'unavailable' });
      if (!(error instanceof ReadModelUnavailableError)) throw error;
      // Stored, but whether the read models have it cannot be told: the database is away.
      throw new GraphQLError('The command was stored, but the read models are unavailable', {
        extensions: { code: ErrorCode.READ_MODEL_UNAVAILABLE, stored: true },
      });
    }
    stopTimer({ outcome: reached ? 'reached' : 'timed_out' });
    if (!reached) {
      // The command IS stored; only the read side lags. Say so rather than pretend it failed.
      throw new GraphQLError('The command was stored, but the read models did not catch up in time', {
        extensions: { code: 'READ_MODEL_LAGGING', stored: true },
      });
    }
  }
}
