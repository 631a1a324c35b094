import { addId, emptyIds, hasId } from './append-only-ids';
import { assertNever, Decider } from './decider';
import { DomainError } from './domain-error';
import { given } from './given-when-then';

/** A toy decider: a counter that refuses to go above a limit. */
type Cmd = { type: 'Add'; data: { by: number } };
type Ev = { type: 'Added'; data: { by: number; at: unknown } };
const counter = (produce: (by: number) => Ev['data']['at'] = () => null): Decider<Cmd, Ev, { total: number }> => ({
  initialState: () => ({ total: 0 }),
  decide(command, state) {
    if (state.total + command.data.by > 3) throw new DomainError('TOO_MANY', 'limit is 3');
    return [{ type: 'Added', data: { by: command.data.by, at: produce(command.data.by) } }];
  },
  evolve(state, event) {
    switch (event.type) {
      case 'Added':
        return { total: state.total + event.data.by };
      default:
        return assertNever(event.type);
    }
  },
});
const add = (by: number): Cmd => ({ type: 'Add', data: { by } });
const added = (by: number): Ev => ({ type: 'Added', data: { by, at: null } });

describe('given/when/then', () => {
  it('passes when decide produces the expected events after folding the given ones', () => {
    expect(given(counter(), [added(2)]).when(add(1)).then([added(1)])).toEqual([added(1)]);
  });

  it('fails when the events differ', () => {
    expect(() => given(counter(), []).when(add(1)).then([added(2)])).toThrow();
  });

  it('thenThrows returns the DomainError with the expected code', () => {
    expect(given(counter(), [added(3)]).when(add(1)).thenThrows('TOO_MANY').message).toBe('limit is 3');
  });

  it('thenThrows fails on another code, or when events are produced', () => {
    expect(() => given(counter(), [added(3)]).when(add(1)).thenThrows('OTHER')).toThrow('Expected DomainError OTHER but got TOO_MANY');
    expect(() => given(counter(), []).when(add(1)).thenThrows('TOO_MANY')).toThrow('but decide produced');
  });

  it.each([
    ['a Date', () => new Date(0)],
    ['undefined', () => undefined],
    ['a Set', () => new Set()],
    ['NaN', () => Number.NaN],
  ])('rejects an event payload holding %s', (_case, produce) => {
    expect(() => given(counter(produce), []).when(add(1)).then([])).toThrow('is not plain JSON at $.data.at');
  });

  it('catches a decider that mutates its state', () => {
    const mutating: Decider<Cmd, Ev, { total: number }> = {
      ...counter(),
      decide(command, state) {
        state.total += command.data.by;
        return [];
      },
    };
    expect(() => given(mutating, []).when(add(1)).then([])).toThrow(TypeError);
  });

  it('refuses to be awaited by mistake', () => {
    const whenResult = given(counter(), []).when(add(1));
    expect(() => (whenResult.then as (x: unknown) => unknown)(() => undefined)).toThrow('do not await');
  });
});

describe('append-only ids', () => {
  it('adds without changing the earlier list', () => {
    const one = addId(emptyIds, 'a');
    const two = addId(one, 'b');
    expect([hasId(two, 'a'), hasId(two, 'b'), hasId(one, 'b'), hasId(emptyIds, 'a')]).toEqual([true, true, false, false]);
    expect(two?.size).toBe(2);
  });
});
