/**
 * The paging rule the push notification service and the outbox share: after `after`, oldest first, `last` the last
 * entry's seq or `after` itself. A page breaking it names what it listed.
 */
import { describe, expect, it } from 'vitest';
import { seqPageProblem } from '../../../../../conformance/suites/two-factor/common/seq-pages.js';

describe('a page of entries after a seq', () => {
  it('holds when it lists what came after, oldest first, and says where to go on from', () => {
    expect(seqPageProblem([4, 5, 9], 3, 9)).toBeUndefined();
    expect(seqPageProblem([], 7, 7)).toBeUndefined();
  });

  it('breaks when it lists an entry at or before `after`', () => {
    expect(seqPageProblem([2, 3, 4], 2, 4)).toBe('the page after 2 lists seq 2 ([2, 3, 4])');
  });

  it('breaks when it is not oldest first', () => {
    expect(seqPageProblem([5, 4], 3, 4)).toBe('the page is not oldest first: seq 4 follows 5 ([5, 4])');
  });

  it('breaks when `last` is not the last entry, or `after` on an empty page', () => {
    expect(seqPageProblem([4, 5], 3, 4)).toBe('the page after 3 ([4, 5]) says last 4, not 5');
    expect(seqPageProblem([], 7, 0)).toBe('the page after 7 ([]) says last 0, not 7');
  });
});
