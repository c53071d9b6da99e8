import { readdir, readFile } from 'node:fs/promises';
import type { components } from '@loket/sdk/contract';
import type { Queryable } from '../db/index.js';

/** A form definition as stored (both languages; `lang` is added when it is served). */
export type StoredForm = Omit<components['schemas']['FormDefinition'], 'lang'>;

export async function loadForm(db: Queryable, serviceId: string): Promise<StoredForm | null> {
  const rows = await db.query<{ definition: StoredForm; version: number }>(
    'select definition, version from form_definition where service_id = $1',
    [serviceId],
  );
  const row = rows[0];
  return row ? { ...row.definition, service: serviceId, version: row.version } : null;
}

const formsDir = new URL('../../data/forms/', import.meta.url);

/** The bundled form definitions (data/forms/<service>.json), one per service that can be applied for online. */
export async function loadBundledForms(): Promise<StoredForm[]> {
  const files = (await readdir(formsDir).catch(() => [])).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (f) => JSON.parse(await readFile(new URL(f, formsDir), 'utf8')) as StoredForm),
  );
}

/** Upserts form definitions; a changed definition gets a new version. */
export async function seedForms(tx: Queryable, forms: StoredForm[]): Promise<number> {
  for (const form of forms) {
    const { service, version, ...definition } = form;
    await tx.query(
      `insert into form_definition (service_id, version, definition) values ($1, $2, $3::text::jsonb)
       on conflict (service_id) do update set
         version = case when form_definition.definition = excluded.definition then form_definition.version
                        else greatest(form_definition.version + 1, excluded.version) end,
         definition = excluded.definition, updated_at = now()`,
      [service, version, JSON.stringify(definition)],
    );
  }
  return forms.length;
}
