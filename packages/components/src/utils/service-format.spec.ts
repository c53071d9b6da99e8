import type { Fee, FeeSummary } from '@loket/sdk';
import { describe, expect, it } from 'vitest';
import { finderText } from '../components/loket-service-finder/messages';
import { durationText, feeText } from './service-format';

const id = finderText.get('id');
const spaced = (text: string) => text.replace(/\u00a0/g, ' ');

const summary = (fee: Partial<FeeSummary>): FeeSummary => ({
  amount_idr: null,
  free: false,
  has_variants: false,
  ...fee,
});
const full = (fee: Partial<Fee>): Fee => ({ ...(summary({}) as object), variants: [], ...fee }) as Fee;

describe('feeText', () => {
  it('says free, or the amount in rupiah', () => {
    expect(feeText('id', id, summary({ free: true, amount_idr: 0 }))).toBe('Gratis');
    expect(spaced(feeText('id', id, summary({ amount_idr: 30_000 })))).toBe('Rp 30.000');
  });

  it('gives the lowest known variant as "mulai …"', () => {
    const fee = full({
      variants: [
        { label: 'Baru', amount_idr: 350_000 },
        { label: 'Elektronik', amount_idr: 650_000 },
        { label: 'Lainnya', amount_idr: null },
      ] as Fee['variants'],
    });
    expect(spaced(feeText('id', id, fee))).toBe('mulai Rp 350.000');
  });

  it('says "depends on the type" for a summary with variants, and unknown when nothing is known', async () => {
    expect(feeText('id', id, summary({ has_variants: true }))).toBe('Tergantung jenis');
    expect(feeText('id', id, summary({}))).toBe('Biaya belum diketahui');
    expect(feeText('en', await finderText.load('en'), summary({}))).toBe('Fee not known yet');
  });
});

describe('durationText', () => {
  it('counts working days, says "same day" for 0 and never guesses an unknown time', async () => {
    expect(durationText('id', id, 14)).toBe('14 hari kerja');
    expect(durationText('id', id, 0)).toBe('Selesai di hari yang sama');
    expect(durationText('id', id, null)).toBe('Waktu belum diketahui');
    const en = await finderText.load('en');
    expect(durationText('en', en, 1)).toBe('1 working day');
    expect(durationText('en', en, 3)).toBe('3 working days');
  });
});
