export * from './organisation.commands';
export * from './organisation.decider';
export * from './organisation.events';
