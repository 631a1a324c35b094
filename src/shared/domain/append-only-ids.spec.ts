import { addId, emptyIds, hasId, valueOfId } from './append-only-ids';

describe('append-only ids', () => {
  it('finds what was added, and only that', () => {
    let ids = emptyIds;
    for (let i = 0; i < 1000; i++) ids = addId(ids, `id-${i}`);
    expect(hasId(ids, 'id-0')).toBe(true);
    expect(hasId(ids, 'id-999')).toBe(true);
    expect(hasId(ids, 'id-1000')).toBe(false);
    expect(ids?.size).toBe(1000);
  });

  it('an older list does not see ids added after it, even after the newer one was looked up', () => {
    const old = addId(addId(emptyIds, 'a'), 'b');
    expect(hasId(old, 'a')).toBe(true);
    const newer = addId(old, 'c');
    expect(hasId(newer, 'c')).toBe(true);
    expect(hasId(old, 'c')).toBe(false);
    expect(hasId(old, 'b')).toBe(true);
  });

  it('two lists grown from one parent stay apart', () => {
    const parent = addId(emptyIds, 'p');
    hasId(parent, 'p');
    const left = addId(parent, 'left');
    const right = addId(parent, 'right');
    expect([hasId(left, 'left'), hasId(left, 'right')]).toEqual([true, false]);
    expect([hasId(right, 'right'), hasId(right, 'left')]).toEqual([true, false]);
  });

  it('keeps a value with an id, found whether or not the list was looked up before', () => {
    const first = addId(addId(emptyIds, 'a', '2018-03-10'), 'b');
    expect(valueOfId(first, 'a')).toBe('2018-03-10');
    const next = addId(first, 'c', '2018-04-01');
    expect([valueOfId(next, 'a'), valueOfId(next, 'b'), valueOfId(next, 'c'), valueOfId(next, 'x')]).toEqual(['2018-03-10', undefined, '2018-04-01', undefined]);
    expect(valueOfId(addId(emptyIds, 'z', '2019-01-01'), 'z')).toBe('2019-01-01');
  });
});
