export * from './organisation-roles';
export * from './organisation.commands';
export * from './organisation.decider';
export * from './organisation.events';
export * from './organisation.state';
