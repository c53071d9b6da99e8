import type { VisitLocation as Location } from '@loket/sdk';
import { describe, expect, it } from 'vitest';
import { canSortByDistance, distanceKm, nearestFirst } from './nearest';

const at = (id: string, coordinates: { lat: number; lng: number } | null) =>
  ({ id, coordinates: coordinates && { ...coordinates, sources: ['uji'] } }) as Location;

// Test points only (not locations of real MPPs).
const a = at('a', { lat: -7.25, lng: 112.74 });
const b = at('b', { lat: -7.3, lng: 112.7 });
const none = at('none', null);

describe('nearest first', () => {
  it('measures about 111 km per degree of latitude', () => {
    expect(distanceKm({ lat: 0, lng: 110 }, { lat: 1, lng: 110 })).toBeCloseTo(111.2, 0);
  });

  it('keeps the API’s order without a position', () => {
    expect(nearestFirst([none, b, a], null).map((p) => [p.location.id, p.km])).toEqual([
      ['none', null],
      ['b', null],
      ['a', null],
    ]);
  });

  it('sorts the located ones by distance and puts those without coordinates last, in order', () => {
    const sorted = nearestFirst([none, b, a], { lat: -7.26, lng: 112.74 });
    expect(sorted.map((p) => p.location.id)).toEqual(['a', 'b', 'none']);
    expect(sorted[0]?.km).toBeCloseTo(1.1, 1);
    expect(sorted[2]?.km).toBeNull();
  });

  it('offers sorting only when some location has coordinates', () => {
    expect(canSortByDistance([none])).toBe(false);
    expect(canSortByDistance([none, a])).toBe(true);
  });
});
