import { describe, expect, it } from 'vitest';
import { declarationOf, type FormField, possibleSteps, visibleSteps } from '../src/forms/index.js';

// What a progress count reads ("Langkah 2 dari 3"): the steps that can still apply, and the
// declaration, asked once on check your answers rather than as a step.
const field = (f: Partial<FormField> & Pick<FormField, 'id' | 'type'>): FormField => ({
  label: { id: f.id, en: f.id },
  required: true,
  ...f,
});
const yesNo = [
  { value: 'ya', label: { id: 'Ya', en: 'Yes' } },
  { value: 'tidak', label: { id: 'Tidak', en: 'No' } },
];
const form = {
  steps: [
    {
      id: 'pemohon',
      title: { id: 'P', en: 'P' },
      fields: [field({ id: 'kk_ada', type: 'radio', options: yesNo })],
    },
    // every field conditional: the step applies only for some answers
    {
      id: 'dokumen',
      title: { id: 'D', en: 'D' },
      fields: [field({ id: 'kk_lama', type: 'file', visible_if: { field: 'kk_ada', equals: 'ya' } })],
    },
    {
      id: 'pernyataan',
      title: { id: 'Pernyataan', en: 'Declaration' },
      fields: [field({ id: 'pernyataan_benar', type: 'checkbox' })],
    },
  ],
};

describe('possibleSteps', () => {
  it('counts a step whose condition is not answered yet, and drops it once it cannot apply', () => {
    const ids = (answers: Record<string, unknown>) => possibleSteps(form, answers).map((s) => s.id);
    expect(visibleSteps(form, {}).length).toBe(3); // the step is shown, but holds no shown field
    expect(ids({})).toEqual(['pemohon', 'dokumen', 'pernyataan']);
    expect(ids({ kk_ada: 'ya' })).toEqual(['pemohon', 'dokumen', 'pernyataan']);
    expect(ids({ kk_ada: 'tidak' })).toEqual(['pemohon', 'pernyataan']);
  });

  it('never grows as questions are answered', () => {
    const none = possibleSteps(form, {}).length;
    for (const kk_ada of ['ya', 'tidak'])
      expect(possibleSteps(form, { kk_ada }).length).toBeLessThanOrEqual(none);
  });
});

describe('declarationOf', () => {
  it('is the last step’s one required yes/no box', () => {
    expect(declarationOf(form)?.id).toBe('pernyataan_benar');
  });

  it('is null when the last step is anything else', () => {
    const [first, second] = form.steps;
    expect(declarationOf({ steps: [first, second] as typeof form.steps })).toBeNull();
    const optional = { ...form.steps[2], fields: [field({ id: 'x', type: 'checkbox', required: false })] };
    expect(declarationOf({ steps: [first, optional] as typeof form.steps })).toBeNull();
    expect(declarationOf({ steps: [] })).toBeNull();
  });
});
