import { describe, expect, it } from 'vitest';
import { PostingList } from '@search/embedded/postings.ts';
import { fieldCount } from '@search/embedded/ranking.ts';

function entries(list: PostingList): Array<[number, number, number[]]> {
  return Array.from({ length: list.length }, (_, i) => {
    const at = list.start + i;
    return [list.docs[at]!, list.masks[at]!, Array.from(list.tfs.subarray(at * fieldCount, (at + 1) * fieldCount))];
  });
}

describe('PostingList', () => {
  // Two lists over one pool, as a loaded index has them: docs [1, 4] then [2, 3, 7].
  const docs = () => Int32Array.from([1, 4, 2, 3, 7]);
  const masks = () => Int32Array.from([1, 2, 4, 8, 16]);
  const tfs = () => Uint16Array.from({ length: 5 * fieldCount }, (_, i) => i);
  const tfsOf = (entry: number) => Array.from({ length: fieldCount }, (_, f) => entry * fieldCount + f);

  it('reads its own entries out of the shared arrays', () => {
    const pool = { docs: docs(), masks: masks(), tfs: tfs() };
    const a = PostingList.view(pool.docs, pool.masks, pool.tfs, 0, 2);
    const b = PostingList.view(pool.docs, pool.masks, pool.tfs, 2, 3);
    expect(entries(a)).toEqual([[1, 1, tfsOf(0)], [4, 2, tfsOf(1)]]);
    expect(b.indexOf(3)).toBe(1);
    expect(b.indexOf(4)).toBe(-1);
  });

  it('copies itself before a change, so the pool and the lists beside it stay as they were', () => {
    const pool = { docs: docs(), masks: masks(), tfs: tfs() };
    const a = PostingList.view(pool.docs, pool.masks, pool.tfs, 0, 2);
    const b = PostingList.view(pool.docs, pool.masks, pool.tfs, 2, 3);
    b.remove(3);
    a.add(9, Array.from({ length: fieldCount }, () => 1), 32);
    expect(entries(b)).toEqual([[2, 4, tfsOf(2)], [7, 16, tfsOf(4)]]);
    expect(entries(a)).toEqual([[1, 1, tfsOf(0)], [4, 2, tfsOf(1)], [9, 32, Array(fieldCount).fill(1)]]);
    expect(pool).toEqual({ docs: docs(), masks: masks(), tfs: tfs() });
  });
});
