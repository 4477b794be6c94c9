/**
 * A program event: one change of the program (it started, moved a stage up or down, stopped on a safety answer,
 * resumed after a clinician's check), when, by whom (the engine, the person, a clinician) and why, in the words
 * the person reads on Progress. Its type, the validator of its stored JSON and the version of its stored form, in
 * one place: the store, the backup, the API types and the web app import them from here.
 *
 * Stored in table `program_events` (migration 0001): one column per field, `reasons` as JSON, read back with
 * PROGRAM_EVENT_REASONS and written with storedReasons.
 *
 * Version 2 (issue 14 item 8): `reasons` is `{"version":2,"reasons":[{rule, said: {id, params}, refs}]}`, each
 * reason by message id and figures (program-words.ts); its English is made from the id on reading, so the screens
 * say it in the reader's language. Version 1 (before it) was a bare array of `{rule, text, refs}` with the English
 * sentence only; a version-1 row is upgraded when it is read (nothing is rewritten in the table): a sentence without
 * figures that is exactly one of Footing's fixed sentences gets its id back; any other (figures, a clinician's
 * words, an older wording) is kept as written under `older-english`, shown in English and said to be English on a
 * Spanish screen, never matched by pattern.
 */
import { z } from 'zod';
import type { ProgramAction, Reason } from './program-engine.js';
import {
  FIXED_PROGRAM_TEXTS,
  PROGRAM_TEXT_IDS,
  programEnglish,
  type ProgramText,
  type ProgramTextId,
} from './program-words.js';

export const PROGRAM_EVENT_RECORD_VERSION = 2;

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

/** A version-1 reason's sentence as an id: one of the fixed sentences, else kept as it was written. */
export function upgradedSentence(english: string): ProgramText {
  const id = FIXED_PROGRAM_TEXTS.get(english);
  return id ? ({ id, params: {} } as ProgramText) : { id: 'older-english', params: { english } };
}

const V1 = z.array(z.object({ rule: z.string(), text: z.string(), refs: z.array(z.string()) }));
const V2 = z.object({
  version: z.literal(2),
  reasons: z.array(
    z
      .object({
        rule: z.string(),
        said: z
          .object({
            id: z.enum(PROGRAM_TEXT_IDS as [ProgramTextId, ...ProgramTextId[]]),
            params: z.record(z.string(), z.unknown()),
          })
          .strict(),
        refs: z.array(z.string()),
      })
      .strict(),
  ),
});

/**
 * The stored JSON of `program_events.reasons` read back as the reasons with their English: version 2 as stored,
 * version 1 upgraded (see above). A version-2 reason whose parameters do not fit its id is refused, not shown half.
 */
export const PROGRAM_EVENT_REASONS: z.ZodType<Reason[], unknown> = z.union([
  V2.transform((stored, ctx) =>
    stored.reasons.flatMap((r, i) => {
      const said = r.said as ProgramText;
      try {
        // Every parameter the English reads must be there (a missing one would be written "undefined").
        const strict = new Proxy(said.params, {
          get: (o, key) => {
            if (typeof key === 'string' && !(key in o)) throw new Error(key);
            return (o as Record<string | symbol, unknown>)[key];
          },
        });
        return [{ rule: r.rule, text: programEnglish({ ...said, params: strict } as ProgramText), said, refs: r.refs }];
      } catch {
        // Reported below.
      }
      ctx.addIssue({ code: 'custom', path: ['reasons', i, 'said', 'params'], message: `do not fit ${said.id}` });
      return [];
    }),
  ),
  V1.transform((reasons) =>
    reasons.map((r) => ({ rule: r.rule, text: r.text, said: upgradedSentence(r.text), refs: r.refs })),
  ),
]);

/** The reasons as version 2 stores them: rule, id and figures, references (the English is made again on reading). */
export function storedReasons(reasons: readonly Reason[]): { version: 2; reasons: Omit<Reason, 'text'>[] } {
  return { version: 2, reasons: reasons.map((r) => ({ rule: r.rule, said: r.said, refs: r.refs })) };
}
