import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { featureKeys, messages } from './messages';

describe('the message catalogues', () => {
  it('have the same keys in French and Dutch', () => {
    expect(Object.keys(messages.nl).sort()).toEqual(Object.keys(messages.fr).sort());
  });

  it('are valid ICU messages in both languages', () => {
    for (const catalogue of [messages.fr, messages.nl])
      for (const [id, text] of Object.entries(catalogue)) expect(() => parse(text), id).not.toThrow();
  });

  it('give each key to one feature only', () => {
    const all = featureKeys.flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it('are never empty', () => {
    for (const text of [...Object.values(messages.fr), ...Object.values(messages.nl)]) expect(text.trim()).not.toBe('');
  });
});
