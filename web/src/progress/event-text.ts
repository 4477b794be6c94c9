/** A program event's heading: the patient's Progress history and the clinician's patient page say it alike. */
import type { ProgramEventAction } from '../../../src/core/program-event-record.js';

export const EVENT_TEXT: Record<ProgramEventAction, string> = {
  start: 'Program started', progress: 'Moved up a stage', regress: 'Stepped back a stage', hold: 'Held at this stage', stop: 'Program paused', resume: 'Program restarted',
};
