/**
 * Pain areas: the body-map regions and sides in words as a person reads them ("Left heel (back)"), for every screen
 * and the command line alike, so a stored value such as `low-back` or `centre` never reaches a person; and the
 * latest areas a person marked, whichever screen they marked them on (a daily check-in or the pain map).
 */
import type { BodyRegion, PainType, Side } from './pain.js';
import type { Language } from './language.js';
import { painAreaLabelEs } from './i18n/pain-area-texts.js';

/** Region names in plain words. */
export const REGION_NAMES: Record<BodyRegion, string> = {
  'foot-sole': 'sole of the foot',
  heel: 'heel',
  ankle: 'ankle',
  knee: 'knee',
  hip: 'hip',
  pelvis: 'pelvis and groin',
  'low-back': 'lower back',
  'mid-back': 'middle of the back',
  neck: 'neck',
  shoulder: 'shoulder',
  'upper-arm': 'upper arm',
  forearm: 'forearm',
  hand: 'hand',
};

/** "Left heel (back)", "Lower back": the side when it is one side, the view when given; in `language` (English by default). */
export function painAreaLabel(
  m: { region: BodyRegion; side: string; view?: 'front' | 'back' },
  language: Language = 'en',
): string {
  if (language === 'es') return painAreaLabelEs(m);
  const side = m.side === 'left' || m.side === 'right' ? `${m.side} ` : '';
  const text = `${side}${REGION_NAMES[m.region]}${m.view ? ` (${m.view})` : ''}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One marked area, as the check-in's regions and the pain map's marks store it. */
export interface PainAreaMark {
  region: BodyRegion;
  side: Side;
  intensity: number;
  view?: 'front' | 'back';
  type?: PainType;
}

/** The areas of one record, with where and when they were marked. */
export interface PainAreas {
  marks: PainAreaMark[];
  /** The screen that recorded them: the daily check-in's body map, or the pain map. */
  source: 'checkin' | 'pain-map';
  recordedAt: string;
  recordedBy: string;
}

/**
 * The latest areas marked, from whichever screen recorded them: the pain maps and the check-ins that marked any area,
 * the newest by time (ISO date-times with offsets are compared as instants). A check-in without marked areas says
 * nothing about where it hurts (marking is optional), so it does not hide an earlier map. Same time: the pain map.
 * Check-ins are the person's own (recorded by 'me').
 */
export function latestPainAreas(input: {
  painMaps: readonly { marks: readonly PainAreaMark[]; recordedAt: string; recordedBy: string }[];
  checkins: readonly { at: string; regions: readonly PainAreaMark[] }[];
}): PainAreas | null {
  const candidates: PainAreas[] = [
    ...input.painMaps.map((m) => ({
      marks: [...m.marks],
      source: 'pain-map' as const,
      recordedAt: m.recordedAt,
      recordedBy: m.recordedBy,
    })),
    ...input.checkins.map((c) => ({
      marks: [...c.regions],
      source: 'checkin' as const,
      recordedAt: c.at,
      recordedBy: 'me',
    })),
  ].filter((c) => c.marks.length > 0);
  let latest: PainAreas | null = null;
  for (const c of candidates) {
    const d = latest ? Date.parse(c.recordedAt) - Date.parse(latest.recordedAt) : 1;
    if (d > 0 || (d === 0 && c.source === 'pain-map')) latest = c;
  }
  return latest;
}
