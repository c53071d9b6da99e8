import type { components } from '@loket/sdk/contract';
import type { RegionRow } from '../catalogue/regions.js';
import { safeUrl } from './html.js';

type Schemas = components['schemas'];

const governmentLevels = new Set(['central', 'provincial', 'regency']);

/**
 * schema.org `GovernmentService` for a service page (https://schema.org/GovernmentService), made
 * from the same presented `Service` the JSON API returns. Only facts the catalogue has: no fee,
 * no offer; no coordinates, no geo. Requirements and steps go in a `HowTo` the service is the
 * subject of (`supply`, `step`): schema.org's Service has no property for documents to bring.
 * A state company or a private one (PLN, a bank) is an `Organization`, not a
 * `GovernmentOrganization`.
 */
export function governmentService(
  service: Schemas['Service'],
  region: RegionRow,
  locations: Schemas['Location'][],
  url: string,
): Record<string, unknown> {
  const agency = {
    '@type': governmentLevels.has(service.agency.level) ? 'GovernmentOrganization' : 'Organization',
    name: service.agency.name,
  };
  const online = safeUrl(service.online_url);
  const channels = [
    ...locations.map((location) => ({
      '@type': 'ServiceChannel',
      name: location.name,
      serviceLocation: {
        '@type': 'Place',
        name: location.name,
        ...(location.address ? { address: location.address } : {}),
        ...(location.coordinates
          ? {
              geo: {
                '@type': 'GeoCoordinates',
                latitude: location.coordinates.lat,
                longitude: location.coordinates.lng,
              },
            }
          : {}),
      },
    })),
    ...(online ? [{ '@type': 'ServiceChannel', name: service.name, serviceUrl: online }] : []),
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    '@id': `${url}#layanan`,
    url,
    name: service.name,
    ...(service.aliases.length ? { alternateName: service.aliases } : {}),
    category: service.category.name,
    provider: agency,
    areaServed: { '@type': 'AdministrativeArea', name: region.name, identifier: region.code },
    ...offersOf(service),
    serviceOutput: { '@type': 'Thing', name: service.output },
    ...(channels.length ? { availableChannel: channels } : {}),
    ...(service.requirements.length || service.procedure.length
      ? {
          subjectOf: {
            '@type': 'HowTo',
            name: service.name,
            supply: service.requirements.map((name) => ({ '@type': 'HowToSupply', name })),
            step: service.procedure.map((text, i) => ({ '@type': 'HowToStep', position: i + 1, text })),
          },
        }
      : {}),
  };
}

/** The fee as offers in rupiah: the known amount and each variant whose amount is known. */
function offersOf(service: Schemas['Service']): Record<string, unknown> {
  const { fee } = service;
  const offer = (name: string, price: number) => ({ '@type': 'Offer', name, price, priceCurrency: 'IDR' });
  const offers = [
    ...(fee.amount_idr !== null ? [offer(service.name, fee.amount_idr)] : []),
    ...fee.variants.flatMap((v) => (v.amount_idr === null ? [] : [offer(v.label, v.amount_idr)])),
  ];
  return offers.length ? { offers } : {};
}
