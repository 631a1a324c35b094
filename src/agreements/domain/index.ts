export * from './agreement.commands';
export * from './agreement.decider';
export * from './agreement.events';
