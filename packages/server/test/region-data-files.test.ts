import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OverrideRecord } from '../src/catalogue/overrides.js';
import type { ServiceRecord } from '../src/catalogue/record.js';
import { loadBundledServices } from '../src/catalogue/seed.js';

// A region's own data (data/regions/<code>/: services.json, overrides.json, service-ids.txt), held
// to the bundled catalogue's rules: every local fact cited by the address it comes from, every
// unknown null with the reason, both languages, ids that never change.

const regionsDir = new URL('../data/regions/', import.meta.url);
const codes = readdirSync(regionsDir).filter((name) => /^\d{2}(\.\d{2})?$/.test(name));
const read = (code: string, file: string) => readFileSync(new URL(`${code}/${file}`, regionsDir), 'utf8');
const has = (code: string, file: string) => readdirSync(new URL(`${code}/`, regionsDir)).includes(file);
const servicesOf = (code: string): ServiceRecord[] =>
  has(code, 'services.json') ? JSON.parse(read(code, 'services.json')).services : [];
const overridesOf = (code: string): OverrideRecord[] =>
  has(code, 'overrides.json') ? JSON.parse(read(code, 'overrides.json')).overrides : [];
const isUrl = (source: string) => /^https?:\/\/\S+$/.test(source);
const bilingual = (text: string | null | undefined) => {
  const at = (text ?? '').lastIndexOf(' / ');
  return at > 0 && (text ?? '').slice(at + 3).trim().length > 0;
};

describe.each(codes)('the data of region %s', (code) => {
  const services = servicesOf(code);
  const overrides = overridesOf(code);

  it('holds only its own region, with ids that never change (service-ids.txt only grows)', () => {
    expect(services.length + overrides.length).toBeGreaterThan(0);
    for (const r of [...services, ...overrides]) expect(r.region, JSON.stringify(r).slice(0, 80)).toBe(code);
    const published = has(code, 'service-ids.txt')
      ? read(code, 'service-ids.txt')
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line && !line.startsWith('#'))
      : [];
    expect(services.map((s) => s.id).filter((id) => !published.includes(id))).toEqual([]);
    expect(published.filter((id) => !services.some((s) => s.id === id))).toEqual([]);
  });

  it('cites every override by the address of the page it comes from', () => {
    for (const o of overrides) {
      expect(o.sources?.length, o.service).toBeGreaterThan(0);
      for (const source of o.sources ?? []) expect(isUrl(source), `${o.service}: ${source}`).toBe(true);
    }
  });

  it('gives every local text in both languages', () => {
    for (const o of overrides) {
      if (o.duration_days != null || o.duration_text != null)
        expect(bilingual(o.duration_text), `${o.service}: ${o.duration_text}`).toBe(true);
      for (const item of [...(o.requirements ?? []), ...(o.procedure ?? [])])
        expect(item.en.trim(), o.service).toBeTruthy();
      if (o.agency_name) expect(o.agency_name.en.trim(), o.service).toBeTruthy();
      // Override notes have one language only: a region writes its local facts into fields that have two.
      expect(o.notes ?? null, `${o.service}: notes`).toBeNull();
    }
  });

  it('names each agency the same way on every service it serves there', async () => {
    const agencyOf = new Map((await loadBundledServices()).map((s) => [s.id, s.agency.id]));
    const names = new Map<string, string>();
    for (const o of overrides.filter((o) => o.agency_name)) {
      const agency = agencyOf.get(o.service) ?? o.service;
      const name = JSON.stringify(o.agency_name);
      expect(names.get(agency) ?? name, `${o.service} (${agency})`).toBe(name);
      names.set(agency, name);
    }
  });

  it('links an online address only where the online channel is listed', async () => {
    const bundled = new Map((await loadBundledServices()).map((s) => [s.id, s]));
    for (const o of overrides.filter((o) => o.online_url)) {
      expect(o.channels ?? bundled.get(o.service)?.channels, o.service).toContain('online');
    }
  });

  it("states its own services' sources, confidence, duration and fee, or why they are unknown", () => {
    for (const s of services) {
      expect(s.sources.length, s.id).toBeGreaterThan(0);
      for (const source of s.sources) expect(isUrl(source), `${s.id}: ${source}`).toBe(true);
      expect(['high', 'medium', 'low'], s.id).toContain(s.confidence);
      expect(bilingual(s.duration_text), `${s.id}: ${s.duration_text}`).toBe(true);
      expect(s.fee.legal_basis?.trim(), `${s.id}: fee without a basis or a reason`).toBeTruthy();
      expect(s.fee.legal_basis_en?.trim(), `${s.id}: fee basis without English`).toBeTruthy();
      expect(s.name.en.trim() && s.output.en.trim(), s.id).toBeTruthy();
      for (const item of [...s.requirements, ...s.procedure]) expect(item.en.trim(), s.id).toBeTruthy();
      if (s.notes) expect(s.notes_en?.trim(), `${s.id}: notes without English`).toBeTruthy();
      if (s.online_url) expect(s.channels, s.id).toContain('online');
    }
  });
});

it('has the demo region, Kota Surabaya (35.78)', () => {
  expect(codes).toContain('35.78');
});
