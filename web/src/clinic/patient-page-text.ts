/**
 * The clinician's patient page in words: what the stored values (an event's action, the day's decision, a count of
 * other scores) read as, so no raw value ("hold", "regress", "same_day") reaches the screen. Pure, tested in Node.
 */
import type { TFunction } from 'i18next';
import { formatNumber } from '../i18n/format.js';
import type { Urgency } from '../../../src/core/red-flags.js';

export { eventHeading } from '../progress/event-text.js';

export type Decision = 'progress' | 'hold' | 'regress' | 'stop';
export const DECISIONS: readonly Decision[] = ['progress', 'hold', 'regress', 'stop'];

/** The engine's decision of the day, for the clinician's "The program's decision today: ..." line. */
export function decisionText(t: TFunction, decision: Decision): string {
  return t(`clinic:decision.${decision}`);
}

/** The heading of a patient's stop: why the program stopped and the care their answer called for, in the screen's words. */
export function stoppedLine(t: TFunction, urgency: Urgency): string {
  return `${t('clinic:patient.stopped')}: ${t(`safety:urgency.${urgency}`)}.`;
}

/** Who changed the program, when it was not the daily review. */
export function eventActor(actor: 'engine' | 'person' | 'clinician', t: TFunction): string {
  return actor === 'clinician'
    ? t('clinic:patient.byClinician')
    : actor === 'person'
      ? t('clinic:patient.byPatient')
      : '';
}

/** The line under the check-in table: the scores given around sessions, or nothing when there were none. */
export function otherScoresNote(count: number, t: TFunction): string | null {
  if (count <= 0) return null;
  return t('clinic:patient.otherScores', { count, n: formatNumber(count) });
}
