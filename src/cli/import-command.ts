/**
 * `footing import FILE...`: walking data from the devices people own (Apple Health export.xml/.zip, FIT, GPX, TCX,
 * Fitbit daily CSV, a FHIR R4 Bundle or NDJSON of step and pain Observations). Each file is one transaction; a progress bar on a terminal; --json prints one object per file.
 * The exit code says how the files went (EXIT_CODES): a lenient import that met bad records is not a clean one.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { importOutcomeText } from '../core/import-record.js';
import { skippedText } from '../core/walking-activity.js';
import { formatLocation } from '../importers/import-error.js';
import { importJson, storedCount } from '../importers/import-report.js';
import type { importWalkingFile as ImportWalkingFile } from '../services/import-walking.js';
import { usageError } from './cli-error.js';
import { DB_OPTION, type Command } from './command.js';
import { openCliStore } from './open-store.js';
import { EMAIL_OPTION, personForCommand } from './cli-person.js';
import { formatBytes, progressBar } from './progress-bar.js';

/** Exit codes of `footing import` (README, --help): the worst outcome among the files. */
export const IMPORT_EXIT = {
  /** Every file imported cleanly (or held nothing new). */
  ok: 0,
  /** At least one file was not imported (unreadable, damaged in --strict mode, several people). */
  notImported: 1,
  /** A mistake on the command line. */
  usage: 2,
  /** Every file was imported, but some records were bad and left out (lenient mode): the rest is stored. */
  importedWithErrors: 3,
} as const;

export const importCommand: Command = {
  name: 'import',
  summary: 'Import walking data from a phone or watch export',
  usage: 'footing import FILE... [--strict] [--offset +HH:MM] [--fitbit-id ID] [--adopt-program] [--db PATH] [--json]',
  options: {
    db: DB_OPTION,
    email: EMAIL_OPTION,
    strict: {
      type: 'boolean',
      description: 'Import nothing from a file with any bad record (default: import the good ones, report the bad)',
    },
    offset: {
      type: 'string',
      description: 'Your UTC offset for GPX/TCX files, whose times are in UTC (e.g. +01:00), for local days',
    },
    'fitbit-id': {
      type: 'string',
      description: 'Whose rows to import from a Fitbit CSV that holds several people (their Id)',
    },
    'adopt-program': {
      type: 'boolean',
      description:
        "FHIR files: take the program's stage and a clinician's walking target from the file's CarePlan and Goal (after your own safety check)",
    },
    json: { type: 'boolean', description: 'Print one JSON object per file' },
  },
  positionals: { min: 1, name: 'FILE' },
  notes: [
    'Exit codes:',
    `  ${IMPORT_EXIT.ok}  every file was imported (or held nothing new)`,
    `  ${IMPORT_EXIT.importedWithErrors}  imported with errors: bad records were left out (listed), the rest was stored`,
    `  ${IMPORT_EXIT.notImported}  a file was not imported (unreadable, damaged with --strict, several people)`,
    `  ${IMPORT_EXIT.usage}  a mistake on the command line`,
  ],
  async run({ values, positionals, out }) {
    let offsetMinutes: number | undefined;
    if (typeof values.offset === 'string') {
      const m = /^([+-])(\d{2}):?(\d{2})$/.exec(values.offset);
      if (!m) throw usageError(`--offset must look like +01:00 or -05:00 (got "${values.offset}")`);
      offsetMinutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
    }
    const fitbitId = typeof values['fitbit-id'] === 'string' ? values['fitbit-id'].trim() : undefined;
    if (fitbitId !== undefined && !/^\d+$/.test(fitbitId))
      throw usageError(`--fitbit-id must be the digits of a Fitbit Id (got "${fitbitId}")`);
    // The importers (~1 s of CPU to load: every file format's parser) on use, so that the other commands start
    // without them (commands.ts loads every command's module).
    const { importWalkingFile } = await import('../services/import-walking.js');
    const store = await openCliStore(typeof values.db === 'string' ? values.db : undefined);
    let failed = 0;
    let withErrors = 0;
    try {
      const meId = await personForCommand(store, values.email);
      for (const file of positionals) {
        let samples = 0;
        let bytesTotal: number | null = null;
        let lastBytes = 0;
        const bar = progressBar({
          label: basename(file),
          total: null,
          unit: 'MB',
          format: (n) => (n / 1e6).toFixed(1),
        });
        const barWithTotal = { current: bar };
        const result = await importWalkingFile(store, meId, file, {
          mode: values.strict ? 'strict' : 'lenient',
          fileName: basename(file),
          ...(offsetMinutes !== undefined ? { offsetMinutes } : {}),
          ...(fitbitId !== undefined ? { id: fitbitId } : {}),
          ...(values['adopt-program'] ? { adoptProgram: true } : {}),
          onBytes: (bytes, total) => {
            if (total !== null && bytesTotal === null) {
              bytesTotal = total;
              barWithTotal.current = progressBar({
                label: basename(file),
                total,
                unit: 'MB',
                format: (n) => (n / 1e6).toFixed(1),
              });
            }
            lastBytes = bytes;
            barWithTotal.current.update(bytes, `${samples.toLocaleString('en')} samples`);
          },
          onSamples: (n) => {
            samples = n;
          },
        } as Parameters<typeof ImportWalkingFile>[3]);
        barWithTotal.current.update(lastBytes, `${result.summary.recordsSeen.toLocaleString('en')} records`);
        barWithTotal.current.finish();
        const s = result.summary;
        if (!s.ok) failed++;
        else if (s.errorCount > 0) withErrors++;
        if (values.json) {
          out.write(`${JSON.stringify(importJson(file, s, result))}\n`);
          continue;
        }
        const status = !s.ok
          ? 'NOT imported'
          : s.errorCount > 0
            ? 'imported with errors'
            : storedCount(result) > 0
              ? 'imported'
              : 'nothing new';
        // The size from the file itself: a small file is read before its first progress report.
        const size = bytesTotal ?? sizeOf(file);
        const figures = {
          ok: s.ok,
          mode: s.mode,
          samples: s.ok ? s.samples : 0,
          added: result.added,
          duplicates: result.duplicates,
          errorCount: s.errorCount,
        };
        const lines = [
          `${file} (${s.format}${size ? `, ${formatBytes(size)}` : ''}): ${status}`,
          `  ${importOutcomeText(figures, s.skippedBy)}`,
          `  ${s.recordsSeen.toLocaleString('en')} records read, giving ${figures.samples.toLocaleString('en')} walking measurements: ${result.added.toLocaleString('en')} added, ${result.duplicates.toLocaleString('en')} already stored or repeated in the file`,
        ];
        if (result.checkins)
          lines.push(
            `  ${(result.checkins.added + result.checkins.duplicates).toLocaleString('en')} pain check-ins: ${result.checkins.added.toLocaleString('en')} added, ${result.checkins.duplicates.toLocaleString('en')} already stored`,
          );
        if (result.assessments)
          lines.push(
            `  ${(result.assessments.added + result.assessments.duplicates).toLocaleString('en')} screening results and outcome scores: ${result.assessments.added.toLocaleString('en')} added, ${result.assessments.duplicates.toLocaleString('en')} already stored`,
          );
        if (result.gait) {
          const total = result.gait.added + result.gait.duplicates;
          lines.push(
            `  ${total.toLocaleString('en')} ${total === 1 ? 'gait analysis' : 'gait analyses'} (measurements only): ${result.gait.added.toLocaleString('en')} added, ${result.gait.duplicates.toLocaleString('en')} already stored`,
          );
        }
        if (result.record) {
          const words = {
            birthYear: 'birth year',
            stage: 'program stage',
            walkingTarget: "clinician's walking target",
          } as const;
          const parts = (Object.keys(words) as (keyof typeof words)[])
            .filter((k) => result.record![k])
            .map((k) => `${words[k]} ${result.record![k] === 'set' ? 'taken from the file' : 'already the same'}`);
          lines.push(`  Record: ${parts.join('; ')}`);
        }
        const left = skippedText(s.skippedBy);
        if (left) lines.push(`  ${left}`);
        const days = Object.keys(result.days);
        if (days.length)
          lines.push(
            days.length === 1 ? `  1 day: ${days[0]}` : `  ${days.length} days from ${days[0]} to ${days.at(-1)}`,
          );
        for (const i of s.issues.slice(0, 10))
          lines.push(
            `  ${i.severity === 'error' ? 'error' : 'warning'} at ${formatLocation(i.location)}: ${i.message}`,
          );
        if (s.errorCount + s.warningCount > 10)
          lines.push(`  ... ${s.errorCount + s.warningCount - 10} more (use --json for all that were kept)`);
        if (!s.ok && s.mode === 'strict')
          lines.push(
            '  Nothing from this file was stored (strict mode). Run without --strict to import the good records.',
          );
        const people = s.issues.find((i) => i.code === 'several-people')?.choices;
        if (people) {
          lines.push(`  The Ids in this file: ${people.join(', ')}`);
          lines.push(
            "  Nothing from this file was stored. Run again with --fitbit-id ID (one of these Ids) to import that person's rows.",
          );
        }
        out.write(`${lines.join('\n')}\n`);
      }
    } finally {
      await store.close();
    }
    return failed ? IMPORT_EXIT.notImported : withErrors ? IMPORT_EXIT.importedWithErrors : IMPORT_EXIT.ok;
  },
};

/** The file's size in bytes, or null when it cannot be read (the import has said why). */
function sizeOf(file: string): number | null {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}
