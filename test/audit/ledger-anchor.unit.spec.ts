import {
  anchorCheck,
  groupedHash,
  parseTypedAnchor,
  printedAnchor,
  typedAnchor,
} from '../../src/audit/ledger-anchor.js';
import { InvalidRequestError } from '../../src/shared/errors.js';
import { seededRandom } from '../support/seeded-random.js';

const HEX = '0123456789abcdef';

describe('an anchor, as printed and typed back', () => {
  const random = seededRandom(21);
  const anchors = Array.from({ length: 40 }, () => ({
    position: BigInt(random.int(1, 10_000_000)),
    hash: Array.from({ length: 64 }, () => HEX[random.int(0, 15)]).join(''),
  }));

  it('prints the hash in sixteen groups of four and reads every way it is typed back', () => {
    const anchor = anchors[0]!;
    const typed = typedAnchor(anchor);
    expect(groupedHash(anchor.hash).split(' ')).toHaveLength(16);
    expect(typed).toMatch(/^\d+:(?:[0-9a-f]{4} ){15}[0-9a-f]{4}:\d{2}$/);
    for (const form of [
      typed,
      typed.toUpperCase(),
      `${anchor.position}:${anchor.hash}`,
      `${anchor.position} : ${groupedHash(anchor.hash).replace(/ /g, '-')} : ${anchorCheck(anchor)}`,
    ])
      expect(parseTypedAnchor(form, '--anchor')).toEqual(anchor);
    expect(printedAnchor(anchor)).toEqual({
      position: anchor.position.toString(),
      hash: anchor.hash,
      check: anchorCheck(anchor),
      typed,
    });
  });

  it('refuses every single mistyped digit and every swap of neighbouring digits, naming the field', () => {
    let tried = 0;
    for (const anchor of anchors.slice(0, 3)) {
      const typed = typedAnchor(anchor);
      const digits = [...typed].flatMap((char, index) => (/[0-9a-f]/.test(char) ? [index] : []));
      const variants: string[] = [];
      for (const index of digits) {
        const alphabet = index < typed.indexOf(':') || index > typed.lastIndexOf(':') ? '0123456789' : HEX;
        for (const other of alphabet)
          if (other !== typed[index]) variants.push(typed.slice(0, index) + other + typed.slice(index + 1));
      }
      for (const [i, j] of digits.slice(1).map((index, k) => [digits[k]!, index] as const))
        // Neighbours within the position, the hash (across a group's space too) or the code.
        if (typed[i] !== typed[j] && !typed.slice(i + 1, j).includes(':'))
          variants.push(typed.slice(0, i) + typed[j]! + typed.slice(i + 1, j) + typed[i]! + typed.slice(j + 1));
      for (const variant of variants) {
        let refused = false;
        try {
          parseTypedAnchor(variant, '--anchor');
        } catch (error) {
          refused = error instanceof InvalidRequestError && error.message.startsWith('--anchor: ');
        }
        if (!refused) throw new Error(`${variant} was taken for ${typed}`);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(3 * 64 * 15);
  });

  it('says what is wrong with an anchor that cannot be one', () => {
    const anchor = anchors[1]!;
    const refusal = (typed: string) => {
      try {
        parseTypedAnchor(typed, '--anchor');
      } catch (error) {
        return error instanceof InvalidRequestError ? error.message : String(error);
      }
      return 'accepted';
    };
    expect(refusal(anchor.hash)).toMatch(/^--anchor: must be position:hash/);
    expect(refusal(`${anchor.position}:${anchor.hash.slice(1)}`)).toMatch(/64 hex digits .* 63 given/);
    expect(refusal(`${anchor.position}:${anchor.hash.replace(/.$/, 'g')}`)).toMatch(/hex digits/);
    expect(refusal(`x1:${anchor.hash}`)).toMatch(/must be a log position/);
    expect(refusal(`${anchor.position}:${anchor.hash}:7`)).toMatch(/two-digit check code/);
    expect(refusal(`${anchor.position}:${anchor.hash}:${anchorCheck(anchor) === '42' ? '43' : '42'}`)).toMatch(
      /mistyped \(nothing was verified\)/,
    );
  });
});
