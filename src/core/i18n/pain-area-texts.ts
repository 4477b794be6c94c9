/**
 * Pain area names in Spanish (issue 14 item 8), beside REGION_NAMES in src/core/pain-areas.ts (English, the source).
 * Spanish puts the side after the name and makes it agree with the word it describes ("Talón izquierdo", "Rodilla
 * derecha", "Planta del pie izquierdo": the foot is the left one), so each region carries that word's gender.
 */
import type { BodyRegion } from '../pain.js';

export const REGION_NAMES_ES: Record<BodyRegion, { name: string; gender: 'm' | 'f' }> = {
  'foot-sole': { name: 'planta del pie', gender: 'm' },
  heel: { name: 'talón', gender: 'm' },
  ankle: { name: 'tobillo', gender: 'm' },
  knee: { name: 'rodilla', gender: 'f' },
  hip: { name: 'cadera', gender: 'f' },
  pelvis: { name: 'zona de la pelvis y la ingle', gender: 'f' },
  'low-back': { name: 'zona lumbar', gender: 'f' },
  'mid-back': { name: 'zona media de la espalda', gender: 'f' },
  neck: { name: 'cuello', gender: 'm' },
  shoulder: { name: 'hombro', gender: 'm' },
  'upper-arm': { name: 'parte superior del brazo', gender: 'm' },
  forearm: { name: 'antebrazo', gender: 'm' },
  hand: { name: 'mano', gender: 'f' },
};

const SIDES_ES = { left: { m: 'izquierdo', f: 'izquierda' }, right: { m: 'derecho', f: 'derecha' } } as const;
const VIEWS_ES = { front: 'por delante', back: 'por detrás' } as const;

/** "Talón izquierdo (por detrás)", "Zona lumbar": painAreaLabel's Spanish. */
export function painAreaLabelEs(m: { region: BodyRegion; side: string; view?: 'front' | 'back' }): string {
  const r = REGION_NAMES_ES[m.region];
  const side = m.side === 'left' || m.side === 'right' ? ` ${SIDES_ES[m.side][r.gender]}` : '';
  const text = `${r.name}${side}${m.view ? ` (${VIEWS_ES[m.view]})` : ''}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
