// Applies online for "Penggantian KTP-el karena hilang" in Kota Semarang (33.74), from draft to
// completed: the citizen gets the form, starts a draft, saves answers, uploads the two documents
// and submits; an officer of Dukcapil Semarang then reviews and completes it.
//   pnpm --filter @loket/sdk build
//   LOKET_OFFICER_TOKEN=… LOKET_API=http://localhost:8080 node packages/sdk/examples/apply.mjs
import { createLoketClient, createLoketOfficerClient, isLoketApiError } from '@loket/sdk';

const baseUrl = process.env.LOKET_API ?? 'http://localhost:8080';
const officerToken = process.env.LOKET_OFFICER_TOKEN;
if (!officerToken) {
  console.error('Set LOKET_OFFICER_TOKEN (node packages/server/dist/cli.js officer create …).');
  process.exit(1);
}

const citizen = createLoketClient({ baseUrl, region: '33.74', locale: 'id' });
// A separate client: the officer's token never travels with the citizen's requests.
const officer = createLoketOfficerClient({ baseUrl, token: officerToken, locale: 'id' });

/** A valid, one-page PDF (the server checks the content, not the name), made on the spot. */
function pdf(text) {
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Blob([body], { type: 'application/pdf' });
}

// A structurally valid NIK: 33 74 01 (Kota Semarang, kecamatan Semarang Tengah), born
// 17-08-1990 as a woman (day + 40 = 57), serial 0001. Made up: it belongs to nobody.
const answers = {
  nama_lengkap: 'Siti Aminah',
  nik: '3374015708900001',
  telepon: '081234567890',
  email: 'siti.aminah@example.com',
  tanggal_kehilangan: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10),
  nomor_surat_kehilangan: 'LP/B/123/XI/2026/SPKT',
  pernyataan_benar: true,
};

const fieldsOf = (form) => form.steps.flatMap((step) => step.fields);

async function printStatus(code, secret) {
  const status = await citizen.getApplicationStatus(code, secret);
  console.log(`  ${status.code} [${status.status}] ${status.status_text}`);
  if (status.due.date) console.log(`    Selesai paling lambat: ${status.due.date}`);
  console.log(`    Selanjutnya: ${status.next_step}`);
}

try {
  // 1. The form: its fields decide what to answer and which files to upload.
  const form = await citizen.getServiceForm('ktp-el-hilang');
  const fields = fieldsOf(form);
  console.log(`Formulir "${form.title.id}" (versi ${form.version}): ${fields.length} kolom.`);
  const known = new Set(fields.map((field) => field.id));
  const unanswered = fields.filter((f) => f.required && f.type !== 'file' && !(f.id in answers));
  if (unanswered.length > 0) console.warn(`  (tidak dijawab: ${unanswered.map((f) => f.id).join(', ')})`);

  // 2. A draft. The secret comes only in this answer: a real page keeps it (e.g. in a resume link).
  const { application, etag } = await citizen.createApplication({
    service: 'ktp-el-hilang',
    answers: { nama_lengkap: answers.nama_lengkap },
  });
  const { code, secret } = application;
  console.log(`Draf dibuat: ${code} (status ${application.status}).`);

  // 3. The other answers, saved against the ETag (a 412 means another device saved first).
  const rest = Object.fromEntries(Object.entries(answers).filter(([id]) => known.has(id)));
  await citizen.saveAnswers(code, secret, rest, etag);
  console.log(`Jawaban disimpan: ${Object.keys(rest).join(', ')}.`);

  // 4. One small PDF for each required file field (the upload links it to the answer).
  for (const field of fields.filter((f) => f.type === 'file' && f.required)) {
    const file = pdf(`${field.label.id} - ${answers.nama_lengkap}`);
    const { attachment } = await citizen.uploadAttachment(code, secret, field.id, file, {
      filename: `${field.id}.pdf`,
    });
    console.log(`Diunggah: ${attachment.filename} (${attachment.size} bita) untuk ${field.id}.`);
  }

  // 5. Submit. Safe to retry: the SDK sends one Idempotency-Key for every attempt.
  const submitted = await citizen.submitApplication(code, secret, { declaration: true });
  console.log(`Diajukan${submitted.replayed ? ' (jawaban ulang)' : ''}:`);
  await printStatus(code, secret);

  // 6. The officer: review (and look at a document), then complete.
  const review = await officer.transition(code, {
    to: 'in_review',
    note: 'Diperiksa lewat examples/apply.mjs.',
  });
  const [first] = review.attachments;
  if (first) {
    const file = await officer.downloadAttachment(code, first.id);
    console.log(`Petugas mengunduh ${file.filename} (${file.contentType}, ${file.blob.size} bita).`);
  }
  const done = await officer.transition(code, {
    to: 'completed',
    public_note: 'KTP-el pengganti dapat diambil di MPP Kota Semarang.',
  });
  console.log(`Petugas: ${done.history.map((entry) => entry.to).join(' → ')}.`);
  await printStatus(code, secret);
} catch (error) {
  if (!isLoketApiError(error)) throw error;
  console.error(`Loket API error ${error.status} ${error.type}: ${error.message}`);
  for (const { pointer, detail } of error.errors) console.error(`  ${pointer}: ${detail}`);
  process.exitCode = 1;
}
