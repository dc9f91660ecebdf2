import { describe, expect, it } from '@jest/globals';
import { waitingText } from './waiting-text';

describe('a run waiting for an engine', () => {
  it('says its place in the queue when the API reports one', () => {
    expect(waitingText(undefined)).toBe('Waiting for an engine…');
    expect(waitingText(1)).toBe('Waiting for an engine… next in line');
    expect([2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map((n) => waitingText(n).split('… ')[1])).toEqual([
      '2nd in line',
      '3rd in line',
      '4th in line',
      '11th in line',
      '12th in line',
      '13th in line',
      '21st in line',
      '22nd in line',
      '101st in line',
      '111th in line',
    ]);
  });
});
