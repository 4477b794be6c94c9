/**
 * What a restored backup added, in words of the language on screen: "3 sessions, 12 walking measurements". The
 * counts are POST /api/import-backup's (src/store/backup.ts RestoreCounts), named here in the order a person reads
 * them; a count a newer server adds that this list does not know yet is still shown, by its field name.
 */
import type { TFunction } from 'i18next';
import { formatNumber } from '../i18n/format.js';

export const RESTORED_ITEMS = [
  'sessions',
  'checkins',
  'walkingSamples',
  'imports',
  'screens',
  'programEvents',
  'painMaps',
  'screeningResults',
  'outcomeScores',
  'gaitAnalyses',
  'messages',
  'monitoringMinutes',
  'messagesLeftOut',
  'monitoringMinutesLeftOut',
] as const;

export function restoredItems(restored: Readonly<Record<string, number>>, t: TFunction<'account'>): string[] {
  const known = new Set<string>(RESTORED_ITEMS);
  const named = RESTORED_ITEMS.filter((k) => (restored[k] ?? 0) > 0).map((k) =>
    t(`account:backup.items.${k}`, { count: restored[k], n: formatNumber(restored[k]!) }),
  );
  const other = Object.entries(restored)
    .filter(([k, v]) => !known.has(k) && v > 0)
    .map(([k, v]) => `${formatNumber(v)} ${k}`);
  return [...named, ...other];
}
