import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ServiceRecord } from '../src/catalogue/record.js';

// The bundled catalogue (data/catalogue/services*.json) as a region would publish it: every fact
// sourced or marked unknown with the reason, every citizen-facing text in both languages, and
// ids that never change once published (data/catalogue/service-ids.txt may only grow).

const catalogueDir = new URL('../data/catalogue/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, catalogueDir), 'utf8');
const services = ['services.json', 'services-more.json'].flatMap(
  (file) => JSON.parse(read(file)) as ServiceRecord[],
);
const byId = new Map(services.map((s) => [s.id, s]));
const publishedIds = read('service-ids.txt')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const formServices = readdirSync(new URL('../data/forms/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map(
    (f) =>
      (
        JSON.parse(readFileSync(new URL(`../data/forms/${f}`, import.meta.url), 'utf8')) as {
          service: string;
        }
      ).service,
  );

/** "Indonesian / English": both halves present (the record schema's convention for duration_text). */
const bilingual = (text: string | null | undefined) => {
  const at = (text ?? '').lastIndexOf(' / ');
  return at > 0 && (text ?? '').slice(at + 3).trim().length > 0;
};

describe('the bundled catalogue data', () => {
  it('has unique ids, and every id ever published is still there (the list only grows)', () => {
    expect(byId.size).toBe(services.length);
    expect(publishedIds.filter((id) => !byId.has(id))).toEqual([]);
    // A new service is added to service-ids.txt in the same change.
    expect(services.map((s) => s.id).filter((id) => !publishedIds.includes(id))).toEqual([]);
    expect(new Set(publishedIds).size).toBe(publishedIds.length);
  });

  it('gives every service its sources and an honest confidence', () => {
    for (const s of services) {
      expect(s.sources.length, s.id).toBeGreaterThan(0);
      expect(['high', 'medium', 'low'], s.id).toContain(s.confidence);
    }
  });

  it('states a duration with its basis, or says why it is unknown, in both languages', () => {
    for (const s of services) {
      // Known: the text says where the number comes from. Unknown: the text says why.
      expect(bilingual(s.duration_text), `${s.id}: ${s.duration_text}`).toBe(true);
      if (s.duration_days !== null) expect(Number.isInteger(s.duration_days), s.id).toBe(true);
    }
  });

  it('states a fee with its legal basis, or says why it is unknown, in both languages', () => {
    for (const s of services) {
      expect(s.fee.legal_basis?.trim(), `${s.id}: fee without a basis or a reason`).toBeTruthy();
      expect(s.fee.legal_basis_en?.trim(), `${s.id}: fee basis without English`).toBeTruthy();
      for (const v of s.fee.variants ?? []) expect(v.label_en?.trim(), `${s.id}: ${v.label}`).toBeTruthy();
    }
  });

  it('gives every other citizen-facing text an English version', () => {
    for (const s of services) {
      expect(s.name.en.trim(), s.id).toBeTruthy();
      expect(s.output.en.trim(), s.id).toBeTruthy();
      for (const item of [...s.requirements, ...s.procedure]) expect(item.en.trim(), s.id).toBeTruthy();
      if (s.notes) expect(s.notes_en?.trim(), `${s.id}: notes without English`).toBeTruthy();
    }
  });

  it('has a known duration for every service with an online form', () => {
    expect(formServices.length).toBeGreaterThan(0);
    for (const id of formServices) expect(byId.get(id)?.duration_days, id).not.toBeNull();
  });

  it('names each agency the same way in every service (the last one would win on import)', () => {
    const names = new Map<string, string>();
    for (const { agency } of services) {
      const name = `${agency.name_id} | ${agency.name_en} | ${agency.level}`;
      expect(names.get(agency.id) ?? name, agency.id).toBe(name);
      names.set(agency.id, name);
    }
  });

  it('links an online address only where the online channel is listed', () => {
    for (const s of services) {
      if (s.online_url) expect(s.channels, s.id).toContain('online');
    }
  });

  it('gives every online channel its address, or notes that say where the online path is', () => {
    // An app-only channel (M-Paspor, Digital Korlantas POLRI, PLN Mobile) or one each region runs
    // has no national address: the notes name the app or the regional service instead.
    for (const s of services.filter((x) => x.channels.includes('online') && !x.online_url)) {
      expect(s.notes_en ?? '', `${s.id}: online channel without an address or a reason`).toMatch(
        /\bonline\b|\bapp\b/i,
      );
    }
  });
});
