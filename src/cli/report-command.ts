/**
 * `footing report --out FILE.pdf`: a printable PDF report of the person's record (issue 15, Reports): the
 * clinician report (the chain with evidence levels, gait against references, pain and outcomes against the MCID,
 * adherence, every program change with its reason, red-flag screens, references) or, with --kind patient, the
 * person's own report in plain words. The report is written to a file, never to the terminal (it is binary).
 */
import { writeFile } from 'node:fs/promises';
import { isIsoDate, localCalendarDate } from '../core/dates.js';
import { CliError, usageError } from './cli-error.js';
import { DB_OPTION, type Command } from './command.js';
import { EMAIL_OPTION, personForCommand } from './cli-person.js';
import { openCliStore } from './open-store.js';

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write a printable PDF report: for a clinician, or for the patient in plain words',
  usage:
    'footing report --out FILE.pdf [--kind clinician|patient] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--db PATH] [--email EMAIL]',
  options: {
    out: { type: 'string', description: 'The PDF file to write (required)' },
    kind: {
      type: 'string',
      description:
        'clinician (default: the chain, gait, pain and outcomes with the MCID, adherence, program changes, screens, references) or patient (plain words)',
      default: 'clinician',
    },
    from: {
      type: 'string',
      description: 'The first day of the period the report covers (default: the start of the record)',
    },
    to: {
      type: 'string',
      description:
        'The last day of the period: the day the report is made for, its program and the weeks up to it (default: today)',
    },
    date: { type: 'string', description: 'The same as --to' },
    db: DB_OPTION,
    email: EMAIL_OPTION,
  },
  async run({ values, out }) {
    const file = str(values.out);
    if (!file) throw usageError('--out FILE.pdf is required (a PDF is not written to the terminal)');
    const kind = str(values.kind) ?? 'clinician';
    if (kind !== 'clinician' && kind !== 'patient')
      throw usageError(`--kind must be clinician or patient (got "${kind}")`);
    for (const name of ['from', 'to', 'date'] as const) {
      const v = str(values[name]);
      if (v !== undefined && !isIsoDate(v))
        throw usageError(`--${name} must be a calendar date like 2026-11-25 (got "${v}")`);
    }
    if (values.to !== undefined && values.date !== undefined)
      throw usageError('--to and --date name the same day: give one');
    const from = str(values.from);
    const date = str(values.to) ?? str(values.date);
    const today = date ?? localCalendarDate(new Date());
    if (from !== undefined && from > today)
      throw usageError(`--from ${from} is after the period's last day (${today})`);
    const store = await openCliStore(str(values.db));
    try {
      const personId = await personForCommand(store, values.email);
      // Loaded here: pdfkit and its fonts are needed by this command only.
      const { reportPdf } = await import('../services/report-service.js');
      const pdf = await reportPdf(store.db, personId, { kind, today, ...(from !== undefined ? { from } : {}) });
      try {
        await writeFile(file, pdf);
      } catch (e) {
        throw new CliError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      out.write(
        `${kind === 'clinician' ? 'Clinician' : 'Patient'} report written to ${file} (${Math.ceil(pdf.length / 1024)} KB)\n`,
      );
    } finally {
      await store.close();
    }
  },
};
