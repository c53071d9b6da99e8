import type { Coordinates } from '@loket/sdk';

/** Anything with sourced coordinates or none (a visit location). */
type Located = { coordinates: Coordinates | null };

/** Where the citizen is, as the browser's Geolocation API gives it. */
export interface Position {
  lat: number;
  lng: number;
}

/** Great-circle distance in kilometres (haversine; a few metres off at MPP distances is fine). */
export function distanceKm(a: Position, b: Pick<Coordinates, 'lat' | 'lng'>): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

export interface Placed<L extends Located = Located> {
  location: L;
  /** Kilometres from the citizen; null without a position or without sourced coordinates. */
  km: number | null;
}

/**
 * The locations nearest first when the citizen shared a position: those with sourced coordinates
 * by distance, then those without (no coordinate is ever guessed from an address), in the
 * API's order. Without a position, the API's order.
 */
export function nearestFirst<L extends Located>(locations: L[], here: Position | null): Placed<L>[] {
  const placed = locations.map((location) => ({
    location,
    km: here && location.coordinates ? distanceKm(here, location.coordinates) : null,
  }));
  if (!here) return placed;
  return placed
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.km ?? Number.POSITIVE_INFINITY) - (b.p.km ?? Number.POSITIVE_INFINITY) || a.i - b.i)
    .map(({ p }) => p);
}

/** Whether sorting by distance can do anything: at least one location has coordinates. */
export const canSortByDistance = (locations: Located[]) => locations.some((l) => l.coordinates !== null);

/** The browser's position, or null when the citizen refuses, the page may not ask, or it takes too long. */
export function currentPosition(timeout = 10_000): Promise<Position | null> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { timeout, maximumAge: 600_000, enableHighAccuracy: false },
    );
  });
}
