import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/shared/canonical-json';
import { chainLink, GENESIS_LINK } from '../../src/audit/integrity/chain-link';

describe('canonical encoding', () => {
  it('sorts keys at every depth, writes no whitespace, and bigint as decimal strings', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, big: 12345678901234567890n })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1,"big":"12345678901234567890"}',
    );
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });

  it('prints numbers as JSON does (RFC 8785), escapes strings, leaves undefined keys out', () => {
    expect(canonicalJson({ n: 1e21, f: 0.1, neg: -0, s: 'å "q"\n', u: undefined })).toBe('{"f":0.1,"n":1e+21,"neg":0,"s":"å \\"q\\"\\n"}');
    expect(() => canonicalJson({ n: NaN })).toThrow('NaN');
  });

  it('a chain link is SHA-256 over the canonical encoding of the event and the previous link', () => {
    const event = {
      streamName: 'agreement-1', revision: 3n, id: 'e-1', type: 'AgreementSigned',
      data: { signatory: { title: 'Chef', name: 'Fredrik' } }, metadata: { actor: { userId: 'u' } }, recordedAt: new Date('2016-01-01T00:00:00Z'),
    };
    const { streamName, recordedAt, ...rest } = event;
    const expected = createHash('sha256')
      .update(canonicalJson({ ...rest, stream: streamName, recordedAt, previous: GENESIS_LINK, v: 1 }))
      .digest('hex');
    expect(chainLink(event, GENESIS_LINK)).toBe(expected);
    expect(chainLink(event, 'f'.repeat(64))).not.toBe(expected);
  });
});
