/**
 * Parts both reports share: the header lines, the weeks' pain chart with the MCID band, the program's changes in
 * words, and the references list. Pure.
 */
import { fullCitation, shortCitation } from '../citations.js';
import { addDays, dayMonthYear, dayMonthYearRange } from '../dates.js';
import { referenceById } from '../references.js';
import { stageByNumber } from '../stages.js';
import type { ReportBlock } from './report-document.js';
import { reportEnglish, reportText, type ReportText } from './report-words.js';
import { dailyPainSeries, type PainChange, type ReportWeek, type WeekRow } from './report-figures.js';
import type { ReportInput, ReportProgramEvent } from './report-input.js';

export const REPORT_FOOTER =
  'Footing report. Not a diagnosis: measurements next to what studies have found; the foot-to-neck chain is partly a hypothesis.';

export function personLine(input: ReportInput): string {
  const name = input.person.displayName?.trim() || 'Name not given';
  return `${name}${input.person.birthYear ? `, born ${input.person.birthYear}` : ''}. Report for ${input.from !== undefined ? longDateRange(input.from, input.today) : longDate(input.today)}.`;
}

/**
 * The one way a report writes a date a person reads, in its tables, its headings and its charts' axes (PDF and the
 * app's figures alike): "12 Nov 2026" (read on paper, so the year is kept; the screens write dates this way too).
 * The report's language is English for now. Dates stay YYYY-MM-DD only inside the document's data (a chart's points
 * and range), never in its words.
 */
export function longDate(date: string): string {
  return dayMonthYear(date);
}

/** A period in the same words: "2 Nov 2026 to 8 Nov 2026". */
export function longDateRange(from: string, to: string): string {
  return dayMonthYearRange(from, to);
}

/** The chart of daily pain over the weeks shown, with the baseline ± MCID band when there is a baseline. */
export function painChart(
  input: ReportInput,
  weeks: readonly ReportWeek[],
  change: PainChange | null,
  title: ReportText,
  band: 'band.baseline-mcid' | 'band.first-week' = 'band.baseline-mcid',
): ReportBlock | null {
  if (!weeks.length) return null;
  const from = weeks[0]!.from;
  const points = dailyPainSeries(input.checkins, from, input.today);
  if (!points.length) return null;
  const yLabel = reportText('axis.pain');
  const bandText = change ? reportText(band, { baseline: change.baseline, mcid: change.mcidPoints }) : null;
  return {
    kind: 'chart',
    title: reportEnglish(title),
    yLabel: reportEnglish(yLabel),
    yMin: 0,
    yMax: 10,
    from,
    to: input.today,
    series: [{ label: 'highest pain of the day', points }],
    ...(change && bandText
      ? {
          band: {
            low: Math.max(0, change.baseline - change.mcidPoints),
            high: Math.min(10, change.baseline + change.mcidPoints),
            label: reportEnglish(bandText),
          },
        }
      : {}),
    text: { title, yLabel, ...(bandText ? { band: bandText } : {}) },
  };
}

/** Steps a day over the weeks shown, with the day's walking target as a dashed line when it is in steps. */
export function stepsChart(input: ReportInput, weeks: readonly ReportWeek[], title: ReportText): ReportBlock | null {
  if (!weeks.length) return null;
  const from = weeks[0]!.from;
  const points = input.walkingDays
    .filter((d) => d.date >= from && d.date <= input.today && d.steps)
    .map((d) => ({ date: d.date, value: d.steps! }));
  if (!points.length) return null;
  const target = input.walkingTarget?.steps ?? null;
  const top = Math.max(...points.map((p) => p.value), target ?? 0);
  const yLabel = reportText('axis.steps');
  const line = target !== null ? reportText('line.steps-target', { steps: target }) : null;
  return {
    kind: 'chart',
    title: reportEnglish(title),
    yLabel: reportEnglish(yLabel),
    yMin: 0,
    yMax: Math.ceil((top * 1.1) / 1000) * 1000,
    from,
    to: input.today,
    series: [{ label: 'steps', points }],
    ...(target !== null && line ? { line: { value: target, label: reportEnglish(line) } } : {}),
    text: { title, yLabel, ...(line ? { line } : {}) },
  };
}

const ACTOR: Record<string, string> = { person: 'the person', engine: 'the program’s rules', clinician: 'a clinician' };

/** One program change in words: "Stage 1 (Start) → 2 (Build)", "Stopped", "Started at stage 1 (Start)". */
export function changeText(e: ReportProgramEvent): string {
  const stage = (n: number | null) => (n === null ? '–' : `${n} (${stageByNumber(n).name})`);
  switch (e.action) {
    case 'start':
      return `Started at stage ${stage(e.toStage)}`;
    case 'stop':
      return `Stopped at stage ${stage(e.fromStage)}`;
    case 'resume':
      return `Resumed at stage ${stage(e.toStage)}`;
    case 'progress':
      return `Moved up: stage ${stage(e.fromStage)} → ${stage(e.toStage)}`;
    case 'regress':
      return `Moved down: stage ${stage(e.fromStage)} → ${stage(e.toStage)}`;
    default:
      return `${e.action}: stage ${stage(e.fromStage)} → ${stage(e.toStage)}`;
  }
}

export function actorText(actor: string): string {
  return ACTOR[actor] ?? actor;
}

/** The References section: each cited source once, in the order first cited, as a readable citation. */
export function referencesBlocks(ids: readonly string[]): ReportBlock[] {
  const unique = [...new Set(ids)].filter((id) => referenceById(id));
  if (!unique.length) return [];
  return [
    { kind: 'heading', text: 'References' },
    {
      kind: 'bullets',
      items: unique.map((id) => {
        const r = referenceById(id)!;
        return `${shortCitation(r)}. ${fullCitation(r)}`;
      }),
    },
  ];
}

/** Sessions done each week as a share of those prescribed (0–100 %), one bar per week. */
export function adherenceChart(rows: readonly WeekRow[], title: ReportText): ReportBlock | null {
  if (!rows.length) return null;
  const yLabel = reportText('axis.sessions-done');
  return {
    kind: 'chart',
    style: 'bars',
    title: reportEnglish(title),
    yLabel: reportEnglish(yLabel),
    yMin: 0,
    yMax: 100,
    from: rows[0]!.week.from,
    to: addDays(rows.at(-1)!.week.from, 6),
    series: [
      {
        label: 'sessions done that week',
        points: rows.map((r) => ({
          date: r.week.from,
          value: Math.round(Math.min(1, r.sessionsDone / r.sessionsPrescribed) * 100),
        })),
      },
    ],
    text: { title, yLabel },
  };
}
