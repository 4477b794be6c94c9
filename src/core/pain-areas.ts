/**
 * Pain areas in words: the body-map regions and sides as a person reads them ("Left heel (back)"), for every screen
 * and the command line alike, so a stored value such as `low-back` or `centre` never reaches a person.
 */
import type { BodyRegion } from './pain.js';

/** Region names in plain words. */
export const REGION_NAMES: Record<BodyRegion, string> = {
  'foot-sole': 'sole of the foot', heel: 'heel', ankle: 'ankle', knee: 'knee', hip: 'hip', pelvis: 'pelvis and groin',
  'low-back': 'lower back', 'mid-back': 'middle of the back', neck: 'neck', shoulder: 'shoulder',
};

/** "Left heel (back)", "Lower back": the side when it is one side, the view when given. */
export function painAreaLabel(m: { region: BodyRegion; side: string; view?: 'front' | 'back' }): string {
  const side = m.side === 'left' || m.side === 'right' ? `${m.side} ` : '';
  const text = `${side}${REGION_NAMES[m.region]}${m.view ? ` (${m.view})` : ''}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
