import { Decider } from './decider';

/** Current state of a stream: its events folded through `evolve`, from `initialState`. */
export function fold<C, E, S>(decider: Decider<C, E, S>, events: readonly E[]): S {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
