/**
 * The program taken from an imported FHIR file (issue 15, round trip; docs/clinic.md "Round trip"), as pure
 * functions: the person asked for it (the import's `adoptProgram`), their own program is open (they answered this
 * Footing's safety questions), and the file's CarePlan names a stage. The stage is set as a clinician's change sets
 * it (restarted today when it changes, so the next progression counts from here); a clinician's walking target or
 * cap from the file's Goal is stored in that clinician's name and date. Each change is a program event by the
 * person, naming the file, so the history says where the stage and the target came from.
 */
import type { Program } from './program-record.js';
import type { ProgramChange } from './program-transitions.js';
import { withStage } from './clinician-stage-change.js';
import { reason } from './program-engine.js';
import { programText } from './program-words.js';
import type { WalkingOverride } from './walking-override.js';

/** The program with the file's stage, and the event saying so ('hold' when the stage is the same). */
export function importedStageChange(
  prev: Program,
  stage: number,
  fileName: string,
  today: string,
): ProgramChange & { event: NonNullable<ProgramChange['event']> } {
  const { program, action } = withStage(prev, stage, today);
  return {
    program,
    event: {
      onDate: today,
      action,
      fromStage: prev.stage,
      toStage: stage,
      actor: 'person',
      reasons: [reason('imported-program', programText('import.stage', { stage, file: fileName }))],
    },
  };
}

/** The event of a clinician's walking setting taken from the file: a 'hold' at the current stage, as when a clinician sets it here. */
export function importedWalkingEvent(
  program: Program,
  o: WalkingOverride,
  fileName: string,
  today: string,
): NonNullable<ProgramChange['event']> {
  return {
    onDate: today,
    action: 'hold',
    fromStage: program.stage,
    toStage: program.stage,
    actor: 'person',
    reasons: [
      reason(
        'imported-walking-target',
        programText('import.walking', {
          clinician: o.setBy,
          kind: o.kind,
          steps: o.steps ?? null,
          minutes: o.minutes ?? null,
          setOn: o.setOn,
          reason: o.reason,
          file: fileName,
        }),
      ),
    ],
  };
}
