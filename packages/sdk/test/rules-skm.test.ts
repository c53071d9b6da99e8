import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { krejcieMorgan, SKM_UNSUR, skmBand, skmIndex } from '../src/rules/index.js';

const reference = JSON.parse(
  readFileSync(new URL('../../server/data/research/skm-reference.json', import.meta.url), 'utf8'),
) as {
  unsur: { no: number; name: string; labels: string[] }[];
  sample_size: { table_excerpt: Record<string, number> };
};

describe('SKM (PermenPANRB 14/2017)', () => {
  it('asks the nine unsur by their names with their own labels, worst first', () => {
    expect(SKM_UNSUR.map((u) => ({ no: u.no, name: u.name.id, labels: [...u.labels.id] }))).toEqual(
      reference.unsur.map(({ no, name, labels }) => ({ no, name, labels })),
    );
    for (const u of SKM_UNSUR) expect(u.labels.en).toHaveLength(4);
  });

  it('computes the IKM as Σ NRR × 0,111 × 25', () => {
    // 10 respondents; unsur 1 sums to 35 (NRR 3.5), the others to 30 (NRR 3.0).
    const index = skmIndex([35, 30, 30, 30, 30, 30, 30, 30, 30], 10);
    expect(index?.nrr[0]).toBe(3.5);
    expect(index?.raw).toBe(3.0525); // (3.5 + 8 × 3.0) × 0.111
    expect(index?.score).toBe(76.31);
    expect(index?.band).toEqual({ mutu: 'C', kinerja: 'Kurang Baik' });
    expect(skmIndex([40, 40, 40, 40, 40, 40, 40, 40, 40], 10)?.score).toBe(99.9);
    expect(skmIndex([1, 1, 1, 1, 1, 1, 1, 1, 1], 0)).toBeNull();
  });

  it('bands the converted score at the regulation’s limits', () => {
    expect(skmBand(88.31).mutu).toBe('A');
    expect(skmBand(88.3).mutu).toBe('B');
    expect(skmBand(88.304).mutu).toBe('B');
    expect(skmBand(76.61).mutu).toBe('B');
    expect(skmBand(76.6).mutu).toBe('C');
    expect(skmBand(65).mutu).toBe('C');
    expect(skmBand(64.99)).toEqual({ mutu: 'D', kinerja: 'Tidak Baik' });
  });

  it('gives the Krejcie & Morgan table’s sample sizes', () => {
    for (const [population, sample] of Object.entries(reference.sample_size.table_excerpt)) {
      expect(krejcieMorgan(Number(population)), population).toBe(sample);
    }
    expect(krejcieMorgan(0)).toBe(0);
  });
});
