export * from './assessment.commands';
export * from './assessment.decider';
export * from './assessment.events';
export * from './assessment.state';
