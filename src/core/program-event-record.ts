/**
 * A program event: one change of the program (it started, moved a stage up or down, stopped on a safety answer,
 * resumed after a clinician's check), when, by whom (the engine, the person, a clinician) and why, in the words
 * the person reads on Progress. Its type, the validator of its stored JSON and the version of its stored form, in
 * one place: the store, the backup, the API types and the web app import them from here.
 *
 * Stored in table `program_events` (migration 0001): one column per field, `reasons` as JSON (Reason[], read back
 * with PROGRAM_EVENT_REASONS). Version 1 is the only stored form so far; a change to it bumps the version and adds
 * here the reading of the older form, with a test that reads an old row.
 */
import { z } from 'zod';
import type { ProgramAction, Reason } from './program-engine.js';

export const PROGRAM_EVENT_RECORD_VERSION = 1;

/** What happened: the engine's actions (program-engine.ts), plus the program's first start and a resume after a stop. */
export const PROGRAM_EVENT_ACTIONS = [
  'start',
  'progress',
  'regress',
  'hold',
  'stop',
  'resume',
] as const satisfies readonly (ProgramAction | 'start' | 'resume')[];
export type ProgramEventAction = (typeof PROGRAM_EVENT_ACTIONS)[number];

/** Who made the change: the daily review, the person's own safety answers, or a clinician. */
export const PROGRAM_EVENT_ACTORS = ['engine', 'person', 'clinician'] as const;
export type ProgramEventActor = (typeof PROGRAM_EVENT_ACTORS)[number];

/** A stored program event, as the store reads it and the API returns it (GET /api/progress). */
export interface ProgramEvent {
  id: string;
  at: string;
  onDate: string;
  action: ProgramEventAction;
  fromStage: number | null;
  toStage: number | null;
  reasons: Reason[];
  actor: ProgramEventActor;
}

/** The stored JSON of `program_events.reasons`: the reasons as the person read them, with their references. */
export const PROGRAM_EVENT_REASONS: z.ZodType<Reason[]> = z.array(
  z.object({ rule: z.string(), text: z.string(), refs: z.array(z.string()) }),
);
