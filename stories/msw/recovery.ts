import { HttpResponse, http } from 'msw';
import { API_BASE } from './handlers';
import { applications } from './tracker';

/** The token of the recovery link in the stories; any other is used, expired or unknown. */
export const RECOVERY_TOKEN = 'contoh-token-pulih-0001';

const problem = { 'content-type': 'application/problem+json' };

/**
 * "Lupa kode rahasia?" as the API answers it: the request always the same `202` (whatever the
 * code and contact), and the link's token, once, a "new" secret. The new secret is the recorded
 * application's own, so that the recorded status answers it.
 */
export const recovery = () => {
  let used = false;
  return [
    http.post(`${API_BASE}/v1/applications/:code/secret-recovery`, () =>
      HttpResponse.json(
        {
          message:
            'Bila kode pelacakan dan kontak itu cocok dengan permohonan, tautan untuk kode rahasia baru sedang dikirim ke sana. Tautan berlaku 30 menit dan hanya sekali.',
        },
        { status: 202 },
      ),
    ),
    http.post(`${API_BASE}/v1/applications/:code/secret`, async ({ request }) => {
      const { token } = (await request.json()) as { token: string };
      if (token !== RECOVERY_TOKEN || used)
        return HttpResponse.json(
          { type: 'urn:loket:problem:not-found', title: 'Tidak ditemukan', status: 404 },
          { status: 404, headers: problem },
        );
      used = true;
      const { code, secret } = applications.in_review;
      return HttpResponse.json({ code, secret });
    }),
  ];
};
