/** What a client reads of an answer: the keys its schema declares, or nothing when the answer does not match. */
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { declaredPartOf, NOT_MATCHING } from '../../../conformance/spec/open-answers.js';

const Entry = Type.Object({ name: Type.String(), size: Type.Integer() });

describe('the declared part of an answer', () => {
  it('is the answer itself when it has no keys of its own', () => {
    const answer = { name: 'a.jpg', size: 3 };
    expect(declaredPartOf(Entry, answer)).toBe(answer);
  });

  it("drops a server's own keys, at every depth", () => {
    const Listing = Type.Object({ items: Type.Array(Entry) });
    const answer = { items: [{ name: 'a.jpg', size: 3, vendor: 'x' }], page: 1 };
    expect(declaredPartOf(Listing, answer)).toEqual({ items: [{ name: 'a.jpg', size: 3 }] });
  });

  it('is NOT_MATCHING for an answer the schema refuses, with or without keys of its own', () => {
    expect(declaredPartOf(Entry, { name: 'a.jpg' })).toBe(NOT_MATCHING);
    expect(declaredPartOf(Entry, { name: 'a.jpg', size: '3', vendor: 'x' })).toBe(NOT_MATCHING);
    expect(declaredPartOf(Entry, null)).toBe(NOT_MATCHING);
  });

  it('checks a schema with a negated part as it is: closing what is negated would take what it refuses', () => {
    const NotAnEntry = Type.Unsafe({
      not: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
    });
    // An object with a name is refused by the schema; its closed copy would take it for its key of its own.
    expect(declaredPartOf(NotAnEntry, { name: 'a.jpg', vendor: 'x' })).toBe(NOT_MATCHING);
    expect(declaredPartOf(NotAnEntry, { size: 3 })).toEqual({ size: 3 });
  });

  it('checks a schema that counts its matching items as it is: closing them would count fewer', () => {
    const AtMostOneNamed = Type.Unsafe({
      type: 'array',
      contains: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      maxContains: 1,
    });
    // Two named items are one too many; the closed copy would not count the one with a key of its own.
    expect(declaredPartOf(AtMostOneNamed, [{ name: 'a' }, { name: 'b', vendor: 'x' }])).toBe(NOT_MATCHING);
  });

  it('checks a refined schema as it is: its closed copy leaves the refinement out', () => {
    const EvenSize = Type.Refine(Entry, (entry) => entry.size % 2 === 0);
    expect(declaredPartOf(EvenSize, { name: 'a.jpg', size: 3 })).toBe(NOT_MATCHING);
    expect(declaredPartOf(EvenSize, { name: 'a.jpg', size: 4 })).toEqual({ name: 'a.jpg', size: 4 });
  });
});
