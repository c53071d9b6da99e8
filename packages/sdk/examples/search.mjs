// Searches "bikin ktp" in Kota Semarang (33.74), prints the top 3, then the first one's
// requirements and fee.
//   pnpm --filter @loket/sdk build
//   LOKET_API=http://localhost:8080 node packages/sdk/examples/search.mjs
import { createLoketClient, isLoketApiError } from '@loket/sdk';

const client = createLoketClient({
  baseUrl: process.env.LOKET_API ?? 'http://localhost:8080',
  region: '33.74',
  locale: 'id',
});

const rupiah = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});

/** The fee in words: free by law, an amount, per option, or unknown (`null` is never a guess). */
function describeFee(fee) {
  const basis = fee.legal_basis ? ` (${fee.legal_basis})` : '';
  if (fee.free) return `Gratis${basis}`;
  if (fee.amount_idr !== null) return `${rupiah.format(fee.amount_idr)}${basis}`;
  if (fee.variants.length === 0) return 'Belum diketahui — tanyakan ke petugas';
  const variants = fee.variants.map(
    (v) => `${v.label}: ${v.amount_idr === null ? '?' : rupiah.format(v.amount_idr)}`,
  );
  return `${variants.join('; ')}${basis}`;
}

try {
  const { data, total } = await client.listServices({ q: 'bikin ktp', limit: 3 });
  console.log(`${total} layanan cocok dengan "bikin ktp" di Kota Semarang. Tiga teratas:`);
  for (const [index, service] of data.entries()) {
    console.log(`  ${index + 1}. ${service.name} — ${service.agency.name}`);
  }

  const [first] = data;
  if (first) {
    const service = await client.getService(first.id);
    console.log(`\n${service.name}\nPersyaratan:`);
    for (const requirement of service.requirements) console.log(`  - ${requirement}`);
    console.log(`Biaya: ${describeFee(service.fee)}`);
  }
} catch (error) {
  if (!isLoketApiError(error)) throw error;
  // status 0: no usable answer (urn:loket:problem:network, :timeout, :invalid-response).
  console.error(`Loket API error ${error.status} ${error.type}: ${error.message}`);
  process.exitCode = 1;
}
