import { DomainError } from './domain-error';
import {
  isLocalDate, isNonEmptyText, isValidPeriod, nextDay, periodContains, periodFollows, periodWithin, requireLocalDate,
  requireText, requireValidPeriod, yearPeriod,
} from './value-objects';

describe('LocalDate', () => {
  it.each(['2016-12-06', '2016-02-29', '2000-02-29', '2017-12-31', '0001-01-01'])('accepts %s', (date) => {
    expect(isLocalDate(date)).toBe(true);
  });

  it.each(['2017-02-29', '1900-02-29', '2016-04-31', '2016-13-01', '2016-00-10', '2016-01-00', '2016-1-6', '16-12-06', '2016-12-06T00:00', '', null, 20161206])(
    'rejects %p',
    (value) => expect(isLocalDate(value)).toBe(false),
  );

  it.each([
    ['2016-12-31', '2017-01-01'],
    ['2016-02-28', '2016-02-29'],
    ['2017-02-28', '2017-03-01'],
    ['2016-04-30', '2016-05-01'],
    ['2016-12-06', '2016-12-07'],
  ])('the day after %s is %s', (date, next) => expect(nextDay(date)).toBe(next));

  it('requireLocalDate throws INVALID_DATE naming the field', () => {
    expect(() => requireLocalDate('2017-02-29', 'signedOn')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', details: { field: 'signedOn', value: '2017-02-29' } }),
    );
    expect(() => requireLocalDate('2017-02-28', 'signedOn')).not.toThrow();
  });
});

describe('Period', () => {
  it('turns a year into Jan 1..Dec 31', () => {
    expect(yearPeriod(2017)).toEqual({ from: '2017-01-01', to: '2017-12-31' });
    expect(() => yearPeriod(2017.5)).toThrow(RangeError);
  });

  it('is valid when both ends are dates and to is not before from; null to is open-ended', () => {
    expect(isValidPeriod({ from: '2016-01-01', to: '2016-01-01' })).toBe(true);
    expect(isValidPeriod({ from: '2016-01-01', to: null })).toBe(true);
    expect(isValidPeriod({ from: '2016-01-02', to: '2016-01-01' })).toBe(false);
    expect(isValidPeriod({ from: '2016-01-01', to: '2016-02-30' })).toBe(false);
    expect(() => requireValidPeriod({ from: '2016-01-02', to: '2016-01-01' }, 'period')).toThrow(DomainError);
  });

  it('contains its end days', () => {
    const y2016 = yearPeriod(2016);
    expect(['2016-01-01', '2016-12-31'].map((d) => periodContains(y2016, d))).toEqual([true, true]);
    expect(['2015-12-31', '2017-01-01'].map((d) => periodContains(y2016, d))).toEqual([false, false]);
    expect(periodContains({ from: '2016-01-01', to: null }, '2099-01-01')).toBe(true);
  });

  it('lies within an outer period, open-ended or not', () => {
    expect(periodWithin(yearPeriod(2017), { from: '2016-01-01', to: null })).toBe(true);
    expect(periodWithin(yearPeriod(2017), { from: '2016-01-01', to: '2017-06-30' })).toBe(false);
  });

  it('follows the previous period only when it starts the next day', () => {
    expect(periodFollows(yearPeriod(2017), yearPeriod(2016))).toBe(true);
    expect(periodFollows({ from: '2017-01-02', to: '2017-12-31' }, yearPeriod(2016))).toBe(false);
    expect(periodFollows(yearPeriod(2016), yearPeriod(2016))).toBe(false);
  });
});

describe('text', () => {
  it('is non-empty when something other than whitespace is there', () => {
    expect([' x ', 'Habo'].every(isNonEmptyText)).toBe(true);
    expect(['', '  \n', null, undefined, 3].some(isNonEmptyText)).toBe(false);
    expect(() => requireText('', 'INVALID_NAME', 'name')).toThrow(expect.objectContaining({ code: 'INVALID_NAME' }));
  });
});
