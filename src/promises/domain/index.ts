// Test/demo data (promise.fixtures) is deliberately not re-exported.
export * from './promise.commands';
export * from './promise.decider';
export * from './promise.events';
export * from './promise.state';
