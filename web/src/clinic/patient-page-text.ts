/**
 * The clinician's patient page in words: what the stored values (an event's action, the day's decision, a count of
 * other scores) read as, so no raw value ("hold", "regress", "same_day") reaches the screen. Pure, tested in Node.
 */
export { EVENT_TEXT } from '../progress/event-text.js';

/** The engine's decision of the day, for the clinician's "The program's decision today: ..." line. */
export const DECISION_TEXT: Record<'progress' | 'hold' | 'regress' | 'stop', string> = {
  progress: 'move up a stage', hold: 'stay at this stage', regress: 'step back a stage', stop: 'stop (a safety answer)',
};

/** Who changed the program, when it was not the daily review. */
export function eventActor(actor: 'engine' | 'person' | 'clinician'): string {
  return actor === 'clinician' ? 'by a clinician' : actor === 'person' ? 'by the patient' : '';
}

/** The line under the check-in table: the scores given around sessions, or nothing when there were none. */
export function otherScoresNote(count: number): string | null {
  if (count <= 0) return null;
  return `${count.toLocaleString('en')} more score${count === 1 ? ' was' : 's were'} given before or after sessions (not in this table).`;
}
