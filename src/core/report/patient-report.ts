/**
 * The person's own report, in plain words (reading age ~12, as the app): their plan, their progress, and their
 * chain explained simply, each link with how strong the evidence is ("well supported" to "an idea, not proven").
 * It never claims to diagnose. Pure.
 */
import { CHAIN_DISCLAIMER } from '../chain.js';
import type { ReportBlock, ReportDocument } from './report-document.js';
import { adherenceSummary, fmt, fmtInt, inPeriod, painChange, reportWeeks, weekRows } from './report-figures.js';
import type { ReportInput } from './report-input.js';
import { reportText } from './report-words.js';
import {
  adherenceChart,
  changeText,
  longDate,
  painChart,
  personLine,
  REPORT_FOOTER,
  stepsChart,
} from './report-sections.js';

const CHANGE_WORDS = {
  improved: 'Your pain has gone down by enough to matter (2 points or more, or by about a third).',
  'no-meaningful-change':
    'Your pain has not changed by enough to count as a real change yet (that takes 2 points, or about a third).',
  worse: 'Your pain has gone up by 2 points or more. If this goes on, talk to your clinician.',
} as const;

export function patientReport(input: ReportInput): ReportDocument {
  const blocks: ReportBlock[] = [];
  const { weeks } = reportWeeks(input);
  const change = painChange(input);
  const adherence = adherenceSummary(input);
  blocks.push({ kind: 'paragraph', tone: 'note', text: CHAIN_DISCLAIMER });

  blocks.push({ kind: 'heading', text: 'Your plan' });
  const latestScreen = [...input.screens].sort((a, b) => a.takenAt.localeCompare(b.takenAt)).at(-1);
  if (latestScreen?.result.status === 'stop')
    blocks.push({
      kind: 'paragraph',
      tone: 'warning',
      text: `Your program is paused because of an answer in your safety check. ${latestScreen.result.advice}`,
    });
  if (!input.program)
    blocks.push({ kind: 'paragraph', text: 'You have not started yet. Start with the safety check in the app.' });
  else {
    blocks.push({
      kind: 'paragraph',
      text: `You are at stage ${input.program.stage.number}, “${input.program.stage.name}”, since ${longDate(input.program.stageStartedOn)}. The goal: ${input.program.stage.goal}`,
    });
    if (input.planItems.length)
      blocks.push({ kind: 'bullets', items: input.planItems.map((i) => `${i.name}: ${i.doseText}`) });
    if (input.walkingTarget?.steps != null)
      blocks.push({
        kind: 'paragraph',
        text: `Your walking target: about ${fmtInt(input.walkingTarget.steps)} steps a day.`,
      });
    else if (input.walkingTarget?.minutes != null)
      blocks.push({
        kind: 'paragraph',
        text: `Your walking target: about ${input.walkingTarget.minutes} minutes a day.`,
      });
  }

  blocks.push({ kind: 'heading', text: 'Your progress' });
  if (adherence?.days7 && adherence.days28)
    blocks.push({
      kind: 'paragraph',
      text: `In the last 7 days you did ${adherence.days7.done} of the ${adherence.days7.prescribed} exercise sessions planned; over the last 4 weeks (or since you started), ${adherence.days28.done} of ${adherence.days28.prescribed}.`,
    });
  if (change) {
    blocks.push({
      kind: 'paragraph',
      text: `In your first week your pain was ${fmt(change.baseline)} out of 10 on average${change.latest === null ? '. You have not checked in in the last 7 days.' : `; in the last 7 days it was ${fmt(change.latest)}. ${CHANGE_WORDS[change.status!]}`}`,
    });
  } else
    blocks.push({
      kind: 'paragraph',
      text: 'No pain check-ins yet: check in each day in the app to see your progress here.',
    });
  const chart = painChart(input, weeks, change, reportText('title.patient-pain'), 'band.first-week');
  if (chart) blocks.push(chart);
  const weekly = weekRows(input, weeks);
  const bars = adherenceChart(weekly, reportText('title.patient-sessions'));
  if (bars) blocks.push(bars);
  const steps = stepsChart(input, weeks, reportText('title.patient-steps'));
  if (steps) blocks.push(steps);
  const rows = weekly.filter((r) => r.meanSteps !== null);
  if (rows.length)
    blocks.push({
      kind: 'table',
      columns: ['Week', 'Starting', 'Steps a day'],
      widths: [0.2, 0.4, 0.4],
      rows: rows.map((r) => [String(r.week.number), longDate(r.week.from), fmtInt(r.meanSteps)]),
    });
  const changes = input.events.filter((e) => e.action !== 'start' && inPeriod(input, e.onDate));
  if (changes.length) {
    blocks.push({ kind: 'subheading', text: 'Changes to your plan' });
    blocks.push({
      kind: 'bullets',
      items: changes.map((e) => `${longDate(e.onDate)}: ${changeText(e)}. ${e.reasons.map((r) => r.text).join(' ')}`),
    });
  }

  blocks.push({ kind: 'heading', text: 'Your body, from the feet up' });
  blocks.push({
    kind: 'paragraph',
    text: 'Footing looks at your body as a chain of links, from the feet to the neck. For each link: what was measured, what studies suggest, and how sure we can be.',
  });
  blocks.push({
    kind: 'bullets',
    items: input.chain.links.map(
      (l) =>
        `${cap(l.from)} to ${l.to} (${l.strength}): ${l.measured.length ? `Measured: ${l.measured.map((f) => f.plain).join(' ')}` : 'Not measured yet.'} ${l.meaning}`,
    ),
  });
  blocks.push({
    kind: 'paragraph',
    tone: 'note',
    text: '“Well supported” means trials or reviews back it; “some support” means studies show a link but not that one causes the other; “an idea, not proven” has not been tested.',
  });
  return { title: 'Footing: your report', subtitle: personLine(input), footer: REPORT_FOOTER, blocks };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
