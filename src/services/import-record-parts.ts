/**
 * What an imported FHIR file gives of the record itself (src/importers/fhir-record.ts), stored in the same
 * transaction as its walking, pain and assessments (import-walking.ts): the Patient's birth year into a record that
 * has none; with `adoptProgram`, the CarePlan's stage and the Goal's clinician walking setting (src/core/imported-program.ts).
 * What was changed is reported; a value the record already holds is "already stored", so importing again changes nothing.
 */
import type { Kysely } from 'kysely';
import { importedStageChange, importedWalkingEvent } from '../core/imported-program.js';
import { newWalkingOverride } from '../core/walking-override.js';
import type { ImportedRecordParts } from '../importers/fhir-record.js';
import type { Database } from '../store/schema.js';
import { getPerson, setBirthYear } from '../store/repos/people.js';
import { addProgramEvent, getProgram, setWalkingOverride, upsertProgram } from '../store/repos/program.js';
import { assertOpenProgram } from './clinician-service.js';

/** What the import did to the record: each part changed, already as the file has it, or not in the file (absent). */
export interface RecordFigures {
  birthYear?: 'set' | 'same';
  stage?: 'set' | 'same';
  walkingTarget?: 'set' | 'same';
}

export async function storeImportedRecord(
  db: Kysely<Database>,
  personId: string,
  parts: ImportedRecordParts,
  context: { fileName: string; today: string },
): Promise<RecordFigures> {
  const out: RecordFigures = {};
  if (parts.birthYear !== null) {
    // A different year never gets here: the importer refused the file (fhir.ts).
    const own = (await getPerson(db, personId))?.birthYear ?? null;
    if (own === null) await setBirthYear(db, personId, parts.birthYear);
    out.birthYear = own === null ? 'set' : 'same';
  }
  if (parts.program) {
    const prev = await getProgram(db, personId);
    assertOpenProgram(prev);
    if (prev.stage === parts.program.stage) out.stage = 'same';
    else {
      const { program, event } = importedStageChange(prev, parts.program.stage, context.fileName, context.today);
      await upsertProgram(db, personId, program);
      await addProgramEvent(db, personId, { at: new Date().toISOString(), ...event });
      out.stage = 'set';
    }
    const w = parts.program.walking;
    if (w) {
      const o = newWalkingOverride(w.input, w.setBy, w.setOn);
      const had = prev.walkingOverride;
      const same = (a: typeof o, b: typeof o) =>
        a.kind === b.kind &&
        a.steps === b.steps &&
        a.minutes === b.minutes &&
        a.reason === b.reason &&
        a.setBy === b.setBy &&
        a.setOn === b.setOn;
      if (had && same(had, o)) out.walkingTarget = 'same';
      else {
        await setWalkingOverride(db, personId, o);
        // The stage is the file's by now (set above, or already the same): no need to read the program again.
        await addProgramEvent(db, personId, {
          at: new Date().toISOString(),
          ...importedWalkingEvent({ ...prev, stage: parts.program.stage }, o, context.fileName, context.today),
        });
        out.walkingTarget = 'set';
      }
    }
  }
  return out;
}
