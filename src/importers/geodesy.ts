/**
 * Distance between track points: the haversine great-circle formula on a sphere of the IUGG mean Earth radius.
 *
 * Why haversine and not Vincenty: between consecutive GPS fixes (metres apart) the sphere-vs-WGS84-ellipsoid
 * difference is at most ~0.5 % (flattening 1/298), well under GPS noise (several metres per fix), while
 * haversine is closed-form (no iteration that can fail to converge near antipodes), numerically stable at small
 * distances, and cheap for millions of points. The TCX test checks it against Garmin's own lap totals.
 */

/** IUGG mean Earth radius R1 = (2a + b) / 3 for WGS84, in metres. */
export const MEAN_EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/** Great-circle distance in metres between two points given in decimal degrees. */
export function haversineMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * MEAN_EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** True for a latitude/longitude pair inside the valid ranges. */
export function isValidPosition(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}
