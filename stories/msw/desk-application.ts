import { HttpResponse, http } from 'msw';
import { applicationForm } from './applications';
import { queued } from './desk';
import { API_BASE } from './handlers';

// One application at the desk for the stories: its answers and two files (a PDF the viewer draws,
// a PNG), opened with its ETag; a transition sent with an older If-Match is refused with 412 and
// nothing moves, as the server does (officer-desk.ts). The form is the recorded one (ktp-el-hilang).

/** A one-page PDF with a line of text, its cross-reference table counted (what pdf.js expects). */
export function onePagePdf(text: string): Uint8Array {
  const stream = `BT /F1 18 Tf 20 40 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

export const CODE = 'LKT-7Q4M-2K9P';
const pdfId = '6a1f0d2e-3b4c-4d5e-8f90-a1b2c3d4e5f6';

const application = {
  ...queued(CODE, 'submitted', '2026-03-13', true),
  answers: {
    nama_lengkap: 'Siti Aminah',
    nik: '3578015505900001',
    telepon: '081234567890',
    tanggal_kehilangan: '2026-03-01',
    pernyataan_benar: true,
  },
  attachments: [
    {
      id: pdfId,
      field: 'surat_keterangan_kehilangan',
      filename: 'surat-polisi.pdf',
      content_type: 'application/pdf',
      size: 612,
      sha256: 'a'.repeat(64),
      created_at: '2026-03-09T02:10:00.000Z',
    },
  ],
  history: [
    {
      from: null,
      to: 'draft',
      at: '2026-03-09T02:00:00.000Z',
      actor: 'citizen',
      note: null,
      public_note: null,
      fields: [],
    },
    {
      from: 'draft',
      to: 'submitted',
      at: '2026-03-09T02:15:00.000Z',
      actor: 'citizen',
      note: null,
      public_note: null,
      fields: [],
    },
  ],
};

/** The application's API; `changedElsewhere` makes another officer's change land first (412). */
export function applicationApi(options: { changedElsewhere: boolean }) {
  return [
    ...applicationForm(),
    http.get(`${API_BASE}/v1/officer/applications/${CODE}`, () =>
      HttpResponse.json(application, { headers: { etag: '"v1"' } }),
    ),
    http.get(`${API_BASE}/v1/officer/applications/${CODE}/attachments/${pdfId}`, () =>
      HttpResponse.arrayBuffer(onePagePdf('Surat keterangan kehilangan').buffer as ArrayBuffer, {
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': 'attachment; filename="surat-polisi.pdf"',
        },
      }),
    ),
    http.post(`${API_BASE}/v1/officer/applications/${CODE}/transitions`, ({ request }) =>
      options.changedElsewhere || request.headers.get('if-match') !== '"v1"'
        ? HttpResponse.json(
            {
              type: 'urn:loket:problem:precondition-failed',
              title: 'Permohonan sudah berubah',
              status: 412,
              detail: 'Permohonan ini sudah diubah sejak Anda membukanya.',
            },
            { status: 412, headers: { 'content-type': 'application/problem+json' } },
          )
        : HttpResponse.json({ ...application, status: 'in_review' }, { headers: { etag: '"v2"' } }),
    ),
  ];
}
