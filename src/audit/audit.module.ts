import { Module } from '@nestjs/common';
import { AuditLogQueries } from './audit-log/audit-log.queries';
import { AuditLogResolver } from './graphql/audit-log.resolver';
import { HistoryResolver } from './graphql/history.resolver';
import { IntegrityResolver } from './graphql/integrity.resolver';
import { HistoryService } from './history/history.service';
import { TimeTravelService } from './history/time-travel.service';
import { IntegrityService } from './integrity/integrity.service';
import { INTEGRITY_RECORDS, openIntegrityRecords } from './integrity/integrity.providers';
import { AppConfig } from '../config/app-config';
import { READ_MODEL_DB } from '../projections/read-model-db.token';
import { ReadModelDb } from '../projections/read-model-database';
import { PersonalDataReadsQueries } from './read-access/personal-data-reads.queries';
import { PersonalDataReadRecorder } from './read-access/read-access.recorder';

/** History, time travel, the audit and read-access logs, and the integrity proof (issue 5). */
@Module({
  providers: [
    AuditLogQueries,
    PersonalDataReadsQueries,
    PersonalDataReadRecorder,
    HistoryService,
    TimeTravelService,
    {
      provide: INTEGRITY_RECORDS,
      inject: [AppConfig, READ_MODEL_DB],
      useFactory: (config: AppConfig, db: ReadModelDb) => openIntegrityRecords(config, db as never),
    },
    IntegrityService,
    AuditLogResolver,
    HistoryResolver,
    IntegrityResolver,
  ],
  exports: [IntegrityService],
})
export class AuditModule {}
