import { Module } from '@nestjs/common';
import { AssessmentsResolver } from './assessments.resolver';
import { AssessmentQueries } from './read-models/assessments.queries';
import { StartAssessmentHandler } from './commands/start-assessment/start-assessment.handler';
import { BuildAssessmentHandler } from './commands/build-assessment/build-assessment.handler';

@Module({
  providers: [AssessmentsResolver, AssessmentQueries, StartAssessmentHandler, BuildAssessmentHandler],
  exports: [AssessmentQueries],
})
export class AssessmentsModule {}
