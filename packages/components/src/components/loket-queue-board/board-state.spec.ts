import type { BoardCall } from '@loket/sdk';
import { describe, expect, it } from 'vitest';
import { after, BoardState } from './board-state';

const call = (id: string, counter: string, number: string): BoardCall => ({
  id,
  counter: { id: counter, label: counter.replace('dukcapil-', 'Loket ') },
  number,
  service_id: 'ktp-el-hilang',
  at: '2027-01-12T02:31:05Z',
});

describe('BoardState', () => {
  it('shows the latest number per counter and the latest calls first', () => {
    const board = new BoardState(3);
    expect(board.apply(call('1', 'dukcapil-2', 'A-001'))).toBe(true);
    expect(board.apply(call('2', 'dukcapil-10', 'B-001'))).toBe(true);
    expect(board.apply(call('3', 'dukcapil-2', 'A-002'))).toBe(true);
    expect(board.counters().map((c) => [c.counter.label, c.number])).toEqual([
      ['Loket 2', 'A-002'],
      ['Loket 10', 'B-001'],
    ]);
    expect(board.recent.map((c) => c.number)).toEqual(['A-002', 'B-001', 'A-001']);
    expect(board.lastId).toBe('3');
  });

  it('ignores a call seen before (a replay after reconnecting), so nothing is announced twice', () => {
    const board = new BoardState();
    board.apply(call('8', 'dukcapil-1', 'A-008'));
    board.apply(call('9', 'dukcapil-1', 'A-009'));
    expect(board.apply(call('9', 'dukcapil-1', 'A-009'))).toBe(false);
    expect(board.apply(call('7', 'dukcapil-1', 'A-007'))).toBe(false);
    expect(board.apply(call('10', 'dukcapil-1', 'A-010'))).toBe(true);
    expect(board.recent.map((c) => c.number)).toEqual(['A-010', 'A-009', 'A-008']);
  });

  it('compares ids as numbers of any length', () => {
    expect(after('10', '9')).toBe(true);
    expect(after('9', '10')).toBe(false);
    expect(after('123456789012345678', '123456789012345677')).toBe(true);
    expect(after('5', '5')).toBe(false);
  });
});
