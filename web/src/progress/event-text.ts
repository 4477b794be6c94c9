/**
 * A program event's heading: the patient's Progress history and the clinician's patient page say it alike. Each
 * heading is read from the catalogue (progress:events.<action>) when it is shown, so it follows the language on
 * screen while callers keep indexing EVENT_TEXT[action].
 */
import type { ProgramEventAction } from '../../../src/core/program-event-record.js';
import { i18n } from '../i18n/i18n.js';

const ACTIONS: readonly ProgramEventAction[] = ['start', 'progress', 'regress', 'hold', 'stop', 'resume'];

export const EVENT_TEXT: Readonly<Record<ProgramEventAction, string>> = Object.defineProperties(
  {} as Record<ProgramEventAction, string>,
  Object.fromEntries(ACTIONS.map((a) => [a, { enumerable: true, get: () => i18n.t(`progress:events.${a}`) }])),
);
