import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { loggerParams } from './logging/logger-options';
import { ServiceLogger } from './logging/service-logger';
import { LagMetricsWiring } from './metrics/lag-wiring';
import { MetricsEndpoint } from './metrics/metrics-endpoint';
import { ShutdownState } from './shutdown/shutdown-state';

/** Logs, metrics and the shutdown flag readiness reads: how an operator sees the service. */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [LoggerModule.forRoot(loggerParams(config))],
      providers: [ServiceLogger, ShutdownState, MetricsEndpoint, LagMetricsWiring],
      exports: [ServiceLogger, ShutdownState],
    };
  }
}
