/**
 * A program event's heading: the patient's Progress history and the clinician's patient page say it alike, read from
 * the catalogue (progress:events.<action>) with the screen's own t, so it follows the language on screen.
 */
import type { TFunction } from 'i18next';
import type { ProgramEventAction } from '../../../src/core/program-event-record.js';

export function eventHeading(t: TFunction, action: ProgramEventAction): string {
  return t(`progress:events.${action}`);
}
