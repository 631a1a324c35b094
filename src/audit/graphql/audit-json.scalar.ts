import { GraphQLScalarType } from 'graphql';

/** Event data and folded state, as plain JSON: their shapes belong to each context's decider, not to this API. */
export const AuditJSON = new GraphQLScalarType({
  name: 'AuditJSON',
  description: 'Any JSON value: event data or a state folded from events.',
  serialize: (value) => value,
  parseValue: (value) => value,
});
