import { readFileSync } from 'node:fs';
import { pointerSegment } from '@loket/sdk/rules';
import { Ajv, type ErrorObject } from 'ajv';

/** A service as kept in the data files and accepted by `loket-server import`. */
export interface Localized {
  id: string;
  en: string;
}

export interface ServiceRecord {
  id: string;
  region?: string | null;
  name: Localized;
  aliases?: string[];
  agency: { id: string; name_id: string; name_en: string; level: string };
  category: string;
  requirements: Localized[];
  procedure: Localized[];
  duration_days: number | null;
  duration_text?: string | null;
  fee: {
    amount_idr: number | null;
    legal_basis: string | null;
    legal_basis_en?: string | null;
    variants?: { label: string; label_en?: string; amount_idr: number | null }[];
  };
  output: Localized;
  channels: string[];
  online_url?: string | null;
  legal_basis: string[];
  life_events?: string[];
  complaint_channels?: { name: string; url: string | null; scope: string; legal_basis?: string[] }[];
  confidence: 'high' | 'medium' | 'low';
  sources: string[];
  notes?: string | null;
  notes_en?: string | null;
  synthetic?: boolean;
}

const schema = JSON.parse(
  readFileSync(new URL('../../schemas/service-record.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validateRecord = ajv.compile<ServiceRecord>(schema);

export interface RecordProblem {
  /** 1-based row (JSON array index + 1, or CSV line). */
  row: number;
  id: string | null;
  /** JSON pointer inside the record. */
  pointer: string;
  message: string;
}

/** Plain wording of a schema error, shared by every import. */
export function describeSchemaError(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return `missing field "${String(error.params.missingProperty)}"`;
    case 'additionalProperties':
      return `unknown field "${String(error.params.additionalProperty)}"`;
    case 'enum':
      return `must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    default:
      return error.message ?? error.keyword;
  }
}

/** Checks one record against the schema; returns its problems (empty when valid). */
export function checkRecord(value: unknown, row: number): RecordProblem[] {
  if (validateRecord(value)) return [];
  const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : null;
  return (validateRecord.errors ?? []).map((error) => ({
    row,
    id,
    pointer: error.instancePath || '/',
    message: describeSchemaError(error),
  }));
}

/** "Indonesian / English" (split at the last " / "), or Indonesian only (used for both). */
export function splitBilingual(text: string | null | undefined): Localized | null {
  if (!text) return null;
  const at = text.lastIndexOf(' / ');
  if (at < 0) return { id: text, en: text };
  return { id: text.slice(0, at).trim(), en: text.slice(at + 3).trim() };
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Text PostgreSQL cannot store (NUL characters), anywhere in a record, as problems with pointers. */
export function nulProblems(value: unknown, row: number, id: string | null): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const walk = (node: unknown, pointer: string) => {
    if (typeof node === 'string') {
      if (node.includes('\u0000'))
        problems.push({ row, id, pointer: pointer || '/', message: 'contains a NUL character (\\u0000)' });
    } else if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, `${pointer}/${i}`);
    } else if (isObject(node)) {
      for (const [key, item] of Object.entries(node)) walk(item, `${pointer}/${pointerSegment(key)}`);
    }
  };
  walk(value, '');
  return problems;
}
