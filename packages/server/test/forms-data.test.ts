import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBundledForms, type StoredForm } from '../src/applications/forms.js';

// The bundled form definitions (data/forms/<service>.json) checked against the contract and
// against the catalogue they describe: every uploaded document must be one the service's data
// lists as a requirement, and the form must cite the service's sources.

type Field = StoredForm['steps'][number]['fields'][number];
type Condition = NonNullable<Field['visible_if']>;
type Localized = { id: string; en: string };
interface Service {
  id: string;
  requirements: Localized[];
  sources: string[];
}

const formsDir = new URL('../data/forms/', import.meta.url);
const catalogueDir = new URL('../data/catalogue/', import.meta.url);
const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as unknown;

const files = readdirSync(formsDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const forms = files.map((file) => ({ file, form: readJson(new URL(file, formsDir)) as StoredForm }));
const services = new Map<string, Service>(
  ['services.json', 'services-more.json']
    .flatMap((f) => readJson(new URL(f, catalogueDir)) as Service[])
    .map((s) => [s.id, s]),
);

const contract = parse(readFileSync(new URL('../../../openapi/loket.yaml', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema(contract, 'loket');
const validateFormDefinition = ajv.compile({ $ref: 'loket#/components/schemas/FormDefinition' });

const fieldsOf = (form: StoredForm): Field[] => form.steps.flatMap((s) => s.fields);
const isDeclaration = (f: Field) => f.type === 'checkbox' && !f.options && f.required;
const hasOptions = (f: Field) => f.type === 'select' || f.type === 'radio' || f.type === 'checkbox';

// --- Matching a document field to a requirement of the service -------------------------------

/** Words that say nothing about which document is meant (function words, generic nouns). */
const stopWords = new Set(
  `dan atau dari yang untuk bila ada mis dll di ke pada dengan sesuai telah sudah belum tidak oleh
   dalam sebagai atas bawah juga serta tiap per
   surat keterangan dokumen fotokopi foto kutipan salinan asli lama baru data nomor berkas bukti
   el anak orang tua usia tahun kedua pemohon pelapor wali lain lainnya khusus pendukung tertentu
   sebagian wilayah setempat cek ketentuan berlaku sejak diberitakan dibuat dibuatkan`.split(/\s+/),
);

/** The words of an Indonesian text that can identify a document ("KTP-el" → "ktp"). */
function significantWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 2 && !/^[0-9]+$/.test(w) && !stopWords.has(w)),
  );
}

/** Whether the text names one of the requirements (shares a significant word with it). */
function mentionsRequirement(text: string, requirements: Localized[]): boolean {
  const words = significantWords(text);
  return requirements.some((r) => [...significantWords(r.id)].some((w) => words.has(w)));
}

/** The file fields whose Indonesian label and help name none of the service's requirements. */
function unmatchedFileFields(form: StoredForm, requirements: Localized[]): string[] {
  return fieldsOf(form)
    .filter((f) => f.type === 'file')
    .filter((f) => !mentionsRequirement(`${f.label.id} ${f.help?.id ?? ''}`, requirements))
    .map((f) => f.id);
}

/** All Indonesian text a citizen reads in a form. */
function formText(form: StoredForm): string {
  return form.steps
    .flatMap((s) => [
      s.title.id,
      s.description?.id ?? '',
      ...s.fields.flatMap((f) => [f.label.id, f.help?.id ?? '', ...(f.options ?? []).map((o) => o.label.id)]),
    ])
    .join(' ');
}

/** Problems of a condition: it must point at an earlier single-answer field and its values. */
function conditionProblems(where: string, cond: Condition, earlier: Map<string, Field>): string[] {
  const target = earlier.get(cond.field);
  if (!target) return [`${where}: visible_if.field "${cond.field}" is not an earlier field`];
  const problems: string[] = [];
  if ((cond.equals === undefined) === (cond.one_of === undefined))
    problems.push(`${where}: needs exactly one of equals / one_of`);
  if (target.type === 'checkbox' && !target.options) {
    if (typeof cond.equals !== 'boolean')
      problems.push(`${where}: a yes/no checkbox is compared with a boolean`);
  } else if (target.type === 'select' || target.type === 'radio') {
    const values = new Set((target.options ?? []).map((o) => o.value));
    for (const v of cond.one_of ?? [cond.equals]) {
      if (typeof v !== 'string' || !values.has(v))
        problems.push(`${where}: ${JSON.stringify(v)} is not an option of "${target.id}"`);
    }
  } else {
    problems.push(`${where}: "${target.id}" (${target.type}) has no fixed answers to compare with`);
  }
  return problems;
}

function localizedProblems(node: unknown, path: string): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => localizedProblems(n, `${path}/${i}`));
  if (!node || typeof node !== 'object') return [];
  const obj = node as Record<string, unknown>;
  if (typeof obj.en === 'string' && typeof obj.id === 'string') {
    return obj.id.trim() && obj.en.trim() ? [] : [`${path}: empty text`];
  }
  return Object.entries(obj).flatMap(([k, v]) => localizedProblems(v, `${path}/${k}`));
}

// --- Tests ------------------------------------------------------------------------------------

describe('bundled form definitions (data/forms)', () => {
  it('has at least 8 forms, and the server loads every one of them', async () => {
    expect(forms.length).toBeGreaterThanOrEqual(8);
    const loaded = await loadBundledForms();
    expect(loaded.map((f) => f.service).sort()).toEqual(forms.map((f) => f.form.service).sort());
  });

  describe.each(forms)('$file', ({ file, form }) => {
    const service = services.get(form.service);
    const fields = fieldsOf(form);

    it('conforms to the contract (FormDefinition, served with a lang)', () => {
      const ok = validateFormDefinition({ lang: 'id', ...form });
      expect(validateFormDefinition.errors ?? [], JSON.stringify(validateFormDefinition.errors)).toEqual([]);
      expect(ok).toBe(true);
      expect(form).not.toHaveProperty('lang');
      expect(form.version).toBe(1);
    });

    it('is named after a real service of the catalogue', () => {
      expect(file).toBe(`${form.service}.json`);
      expect(service, `${form.service} is not in services*.json`).toBeDefined();
    });

    it('has 2–5 steps, unique step and field ids, and text in both languages', () => {
      expect(form.steps.length).toBeGreaterThanOrEqual(2);
      expect(form.steps.length).toBeLessThanOrEqual(5);
      const stepIds = form.steps.map((s) => s.id);
      expect(new Set(stepIds).size).toBe(stepIds.length);
      const ids = fields.map((f) => f.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      expect(localizedProblems(form, '')).toEqual([]);
    });

    it('gives choices only to choice fields, and at least two distinct ones', () => {
      for (const f of fields) {
        if (f.type === 'select' || f.type === 'radio') {
          const values = (f.options ?? []).map((o) => o.value);
          expect(values.length, f.id).toBeGreaterThanOrEqual(2);
          expect(new Set(values).size, f.id).toBe(values.length);
        } else if (f.type !== 'checkbox') {
          expect(f.options, f.id).toBeUndefined();
        }
      }
    });

    it('shows conditional fields only after the answer they depend on, on one of its options', () => {
      const earlier = new Map<string, Field>();
      const problems: string[] = [];
      for (const step of form.steps) {
        if (step.visible_if) problems.push(...conditionProblems(`step ${step.id}`, step.visible_if, earlier));
        for (const f of step.fields) {
          if (f.visible_if) problems.push(...conditionProblems(f.id, f.visible_if, earlier));
          // same_as: an earlier field of the same type, taken when an earlier choice says so
          if (f.same_as) {
            problems.push(...conditionProblems(`${f.id} same_as`, f.same_as.when, earlier));
            if (earlier.get(f.same_as.field)?.type !== f.type)
              problems.push(`${f.id}: same_as no earlier ${f.type}`);
          }
          earlier.set(f.id, f);
        }
      }
      expect(problems).toEqual([]);
      // Every condition can be met and can fail: the field it depends on is a choice.
      for (const f of fields.filter((x) => x.visible_if)) {
        expect(hasOptions(earlier.get(f.visible_if?.field ?? '') as Field), f.id).toBe(true);
      }
    });

    it('uses the right types and browser hints for identity data, and valid rules', () => {
      for (const f of fields) {
        if (f.id === 'nik' || f.id.startsWith('nik_')) expect(f.type, f.id).toBe('nik');
        if (f.id === 'nomor_kk' || f.id.startsWith('nomor_kk_')) expect(f.type, f.id).toBe('kk');
        if (f.id === 'telepon') expect([f.type, f.autocomplete]).toEqual(['phone', 'tel']);
        if (f.id === 'email') expect([f.type, f.autocomplete]).toEqual(['email', 'email']);
        if (f.id === 'nama_lengkap') expect(f.autocomplete).toBe('name');
        if (f.pattern !== undefined) expect(() => new RegExp(f.pattern as string), f.id).not.toThrow();
        for (const d of [f.min_date, f.max_date]) {
          if (d !== undefined) expect(d, f.id).toMatch(/^(today|\d{4}-\d{2}-\d{2})$/);
        }
        if (f.type === 'date' && /tanggal_(lahir|kematian|kehilangan)/.test(f.id)) {
          expect(f.max_date, `${f.id} is a past event`).toBe('today');
        }
        expect(f.type === 'file', `${f.id}: file rule iff file field`).toBe(f.file !== undefined);
      }
      expect(fields.some((f) => f.id === 'nik' && f.required)).toBe(true);
      expect(fields.some((f) => f.id === 'telepon' && f.required)).toBe(true);
    });

    it('asks for at least one document, within the upload limits, photos as images', () => {
      const uploads = fields.filter((f) => f.type === 'file');
      expect(uploads.length).toBeGreaterThanOrEqual(1);
      for (const f of uploads) {
        const rule = f.file as NonNullable<Field['file']>;
        expect(rule.accept.length, f.id).toBeGreaterThan(0);
        expect(rule.max_bytes, f.id).toBeLessThanOrEqual(5 * 1024 * 1024);
        expect(rule.max_files ?? 1, f.id).toBeLessThanOrEqual(3);
        if (f.id.startsWith('pas_foto')) {
          expect([...rule.accept].sort(), f.id).toEqual(['image/jpeg', 'image/png']);
          expect(rule.max_bytes, f.id).toBeLessThanOrEqual(2 * 1024 * 1024);
        }
      }
    });

    it('ends with exactly one required declaration checkbox', () => {
      expect(fields.filter(isDeclaration).map((f) => f.id)).toHaveLength(1);
      const last = form.steps.at(-1)?.fields.at(-1) as Field;
      expect(isDeclaration(last)).toBe(true);
      expect(last.visible_if).toBeUndefined();
    });

    it('asks only for documents the service lists as requirements', () => {
      expect(unmatchedFileFields(form, service?.requirements ?? [])).toEqual([]);
    });

    it('covers every requirement of the service somewhere in the form', () => {
      const text = formText(form);
      const missing = (service?.requirements ?? []).filter((r) => !mentionsRequirement(text, [r]));
      expect(missing.map((r) => r.id)).toEqual([]);
    });

    it("repeats the service's sources", () => {
      expect(form.sources?.length ?? 0).toBeGreaterThan(0);
      expect(form.sources).toEqual(expect.arrayContaining(service?.sources ?? ['(no service)']));
    });
  });

  describe('the requirement check', () => {
    const ktpHilang = services.get('ktp-el-hilang') as Service;
    const base = forms.find((f) => f.form.service === 'ktp-el-hilang')?.form as StoredForm;

    it('rejects a document the service does not ask for, even in official-sounding words', () => {
      for (const label of [
        'Sertifikat tanah',
        'Surat keterangan domisili dari kelurahan',
        'Pas foto 3x4',
        'Ijazah terakhir',
      ]) {
        expect(mentionsRequirement(label, ktpHilang.requirements), label).toBe(false);
      }
      expect(mentionsRequirement('Surat keterangan kehilangan dari kepolisian', ktpHilang.requirements)).toBe(
        true,
      );
      expect(mentionsRequirement('Kartu Keluarga (KK)', ktpHilang.requirements)).toBe(true);
    });

    it('reports the field when a form asks for an unrelated document', () => {
      const extra: Field = {
        id: 'sertifikat_tanah',
        type: 'file',
        label: { id: 'Sertifikat tanah', en: 'Land certificate' },
        help: { id: 'Foto atau pindaian dokumen yang jelas.', en: 'A clear photo or scan.' },
        required: true,
        file: { accept: ['application/pdf'], max_bytes: 1024, max_files: 1 },
      };
      const steps = base.steps.map((s) => (s.id === 'dokumen' ? { ...s, fields: [...s.fields, extra] } : s));
      expect(unmatchedFileFields({ ...base, steps }, ktpHilang.requirements)).toEqual(['sertifikat_tanah']);
    });

    it('rejects a condition on a value the earlier field cannot take, or on a later field', () => {
      const radio = (id: string): Field => ({
        id,
        type: 'radio',
        label: { id: 'x', en: 'x' },
        required: true,
        options: [
          { value: 'ada', label: { id: 'Ada', en: 'Yes' } },
          { value: 'hilang', label: { id: 'Hilang', en: 'Lost' } },
        ],
      });
      const earlier = new Map([['kondisi', radio('kondisi')]]);
      expect(conditionProblems('f', { field: 'kondisi', equals: 'hilang' }, earlier)).toEqual([]);
      expect(conditionProblems('f', { field: 'kondisi', equals: 'rusak' }, earlier)).toHaveLength(1);
      expect(conditionProblems('f', { field: 'kondisi', one_of: ['ada', 'x'] }, earlier)).toHaveLength(1);
      expect(conditionProblems('f', { field: 'nanti', equals: 'ada' }, earlier)).toHaveLength(1);
    });
  });
});
