/**
 * The clinician's report of one person (issue 15, Reports): the chain with what was measured at each link and the
 * evidence behind it, gait metrics against their reference ranges with a still of the walk, pain and outcome
 * measures over time against the MCID, adherence and walking, the program's stages and every change with its
 * reason, the red-flag screens, and the references. What is supported and what is a hypothesis is said each time;
 * it never claims to diagnose. Pure: the same input gives the same document.
 */
import { citationList, citeInline, refIdsIn } from '../citations.js';
import { EVIDENCE_LEVELS } from '../evidence.js';
import { gaitFindings } from '../gait-findings.js';
import type { LinkStatus } from '../chain.js';
import { OUTCOME_MEASURES } from '../outcome-measures.js';
import { CHANGE_RULES } from '../outcome-change.js';
import { URGENCY_TITLE } from '../screen-summary.js';
import type { ReportBlock, ReportDocument } from './report-document.js';
import {
  adherenceSummary,
  changeRuleText,
  fmt,
  fmtInt,
  inPeriod,
  outcomeRows,
  painChange,
  reportWeeks,
  STATUS_WORDS,
  weekRows,
} from './report-figures.js';
import type { ReportInput } from './report-input.js';
import { MONITORING_MIN_DAYS, MONITORING_PERIOD_DAYS, monitoringPeriodDates } from '../remote-monitoring.js';
import { reportEnglish, reportText } from './report-words.js';
import {
  actorText,
  adherenceChart,
  changeText,
  longDate,
  longDateRange,
  painChart,
  personLine,
  REPORT_FOOTER,
  referencesBlocks,
  stepsChart,
} from './report-sections.js';

/** The latest analyses shown, newest first (older ones stay in the app and the FHIR export). */
export const REPORT_GAIT_ANALYSES = 3;

export const CLINICIAN_DISCLAIMER =
  'Not a diagnosis. This report sets the person’s measurements next to what studies have found. That the feet affect the chain up to the neck is partly supported at the lower links (laboratory and cross-sectional studies) and a hypothesis at the top (HYP). Each claim carries its evidence level.';
const pct = (f: number) => `${Math.round(f * 100)}%`;
/** "Nothing yet", or "nothing in this period" when the report covers a period: one paragraph block. */
const noneBlock = (input: ReportInput, nothing: string): ReportBlock => ({
  kind: 'paragraph',
  text: `${nothing} ${input.from !== undefined ? 'in this period' : 'yet'}.`,
});
const LINK_STATUS: Record<LinkStatus, string> = {
  notable: 'outside the usual range',
  typical: 'within the usual range',
  mixed: 'mixed: some in range, some not',
  borderline: 'at the edge of the usual range',
  unrated: 'measured: no agreed range to compare with',
  missing: 'not measured',
};

/** The gait analyses of the report's period, newest first (the service loads the stills of the first REPORT_GAIT_ANALYSES). */
export function gaitOfPeriod<G extends { recordedAt: string }>(
  input: Pick<ReportInput, 'from' | 'today'> & { gait: readonly G[] },
): G[] {
  return input.gait
    .filter((g) => inPeriod(input, g.recordedAt.slice(0, 10)))
    .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
}

export function clinicianReport(input: ReportInput): ReportDocument {
  const refs: string[] = [];
  const blocks: ReportBlock[] = [];
  const { weeks, earlierWeeks } = reportWeeks(input);
  const change = painChange(input);
  const adherence = adherenceSummary(input);

  blocks.push({ kind: 'paragraph', tone: 'note', text: CLINICIAN_DISCLAIMER });

  // Summary
  blocks.push({ kind: 'heading', text: 'Summary' });
  const summary: string[] = [];
  summary.push(
    input.program
      ? `Program: stage ${input.program.stage.number} (${input.program.stage.name}) since ${longDate(input.program.stageStartedOn)}; started ${longDate(input.program.startedOn)}; ${input.program.status === 'active' ? 'active' : 'stopped by a safety answer'}.`
      : 'Program: not started (no safety check yet).',
  );
  if (change) {
    refs.push(...CHANGE_RULES.nprs.refs);
    summary.push(
      `Pain (highest of back, neck and foot, daily check-ins): baseline ${fmt(change.baseline)} (mean of the program’s first week); last 7 days ${change.latest === null ? 'no check-ins' : fmt(change.latest)}${change.status ? `: ${STATUS_WORDS[change.status]} (NPRS ${changeRuleText('nprs')}; ${citationList(CHANGE_RULES.nprs.refs)})` : ''}.`,
    );
  } else summary.push('Pain: no daily check-ins yet.');
  if (adherence?.days7 && adherence.days28)
    summary.push(
      `Adherence: ${adherence.days7.done} of ${adherence.days7.prescribed} sessions in the last 7 days (${pct(adherence.days7.fraction)}); ${adherence.days28.done} of ${adherence.days28.prescribed} in the last 28 days (${pct(adherence.days28.fraction)}).`,
    );
  else summary.push('Adherence: no program yet.');
  if (input.walkingTarget)
    summary.push(
      `Walking target today: ${input.walkingTarget.steps !== null ? `${fmtInt(input.walkingTarget.steps)} steps a day` : input.walkingTarget.minutes !== null ? `${input.walkingTarget.minutes} minutes a day` : 'none'} (${input.walkingTarget.basis}).`,
    );
  blocks.push({ kind: 'bullets', items: summary });

  // The chain
  blocks.push({ kind: 'heading', text: 'The kinetic chain, link by link' });
  blocks.push({
    kind: 'table',
    columns: ['Link', 'Status', 'Measured', 'Evidence', 'Sources'],
    widths: [0.12, 0.13, 0.4, 0.17, 0.18],
    rows: input.chain.links.map((l) => {
      refs.push(...l.refs, ...l.measured.flatMap((f) => f.refs));
      return [
        `${l.from} → ${l.to}`,
        LINK_STATUS[l.status],
        l.measured.length ? l.finding : `${l.finding} Could be measured with: ${l.missing.join(', ')}.`,
        `${l.evidence}: ${EVIDENCE_LEVELS[l.evidence]}`,
        l.refs.length ? citationList(l.refs) : 'none: untested',
      ];
    }),
  });
  blocks.push({ kind: 'subheading', text: 'What the literature says at each link' });
  blocks.push({
    kind: 'bullets',
    items: input.chain.links.map((l) => `${l.from} → ${l.to} (${l.evidence}): ${citeInline(l.clinician)}`),
  });
  if (input.chain.wholeBody.length) {
    blocks.push({ kind: 'subheading', text: 'Whole-body measures' });
    blocks.push({
      kind: 'bullets',
      items: input.chain.wholeBody.map((f) => {
        refs.push(...f.refs);
        return `${f.label}: ${f.value} (reference ${f.reference}; ${f.evidence})`;
      }),
    });
  }

  // Gait
  blocks.push({ kind: 'heading', text: 'Gait analyses' });
  const gaitInPeriod = gaitOfPeriod(input);
  const gait = gaitInPeriod.slice(0, REPORT_GAIT_ANALYSES);
  if (!gait.length) blocks.push(noneBlock(input, 'No gait analysis saved'));
  if (gaitInPeriod.length > gait.length)
    blocks.push({
      kind: 'paragraph',
      tone: 'note',
      text: `The latest ${gait.length} of ${gaitInPeriod.length} analyses${input.from !== undefined ? ' in this period' : ''}.`,
    });
  for (const g of gait) {
    const f = gaitFindings(g.analysis, { recordedAt: g.recordedAt, recordedBy: '' });
    const findings = [...f.wholeBody, ...f.chain];
    blocks.push({
      kind: 'subheading',
      text: `${longDate(g.recordedAt.slice(0, 10))}: ${g.analysis.view} view${g.analysis.mode && g.analysis.mode !== 'walk' ? `, ${g.analysis.mode}` : ''}${g.sourceName ? `, ${g.sourceName}` : ''}`,
    });
    if (findings.length) {
      blocks.push({
        kind: 'table',
        columns: ['Metric', 'Value', 'Reference', 'Compared', 'Confidence'],
        widths: [0.26, 0.14, 0.32, 0.16, 0.12],
        rows: findings.map((x) => {
          refs.push(...x.refs);
          const m = g.analysis.metrics[x.source.slice('gait:'.length)];
          return [
            x.label,
            x.value,
            `${x.reference} (${x.evidence})`,
            x.status === 'typical' ? 'within' : x.status === 'notable' ? 'outside' : 'not compared',
            m ? pct(m.confidence) : '–',
          ];
        }),
      });
    }
    const unmeasured = Object.entries(g.analysis.metrics).filter(
      ([, m]) => m.value === null && (m.left === undefined || m.right === undefined),
    );
    if (unmeasured.length) {
      // One line per reason: many metrics share one (too few strides, no scale, the wrong view).
      const byReason = new Map<string, string[]>();
      for (const [k, m] of unmeasured) {
        const reason = (m.reason ?? 'no reason given').replace(/\.$/, '');
        byReason.set(reason, [
          ...(byReason.get(reason) ?? []),
          k.replace(/_(deg|pct|m|s|mps|spm|ratio)$/, '').replace(/_/g, ' '),
        ]);
      }
      blocks.push({ kind: 'paragraph', tone: 'note', text: 'Not measurable in this video:' });
      blocks.push({
        kind: 'bullets',
        items: [...byReason].map(([reason, names]) => `${names.join(', ')}: ${reason}.`),
      });
    }
    // The picture saved with the analysis shows the person; the stick figure from the keypoints stands in without one.
    if (g.picture) blocks.push(g.picture);
    else if (g.skeleton) blocks.push(g.skeleton);
    else if (g.analysis.imported_from)
      blocks.push({
        kind: 'paragraph',
        tone: 'note',
        text: `No still: this analysis was imported from ${g.analysis.imported_from.file} (a FHIR file), which carries its figures only, not the video's steps or pictures.`,
      });
    else
      blocks.push({
        kind: 'paragraph',
        tone: 'note',
        text: g.hasKeypoints
          ? 'No still: nobody was found clearly enough in the saved keypoints.'
          : 'No still: this analysis was saved without its keypoints.',
      });
  }

  // Pain and outcomes
  blocks.push({ kind: 'heading', text: 'Pain and outcome measures' });
  const chart = painChart(input, weeks, change, reportText('title.clinician-pain'));
  if (chart)
    blocks.push(chart, {
      kind: 'paragraph',
      tone: 'note',
      text: `Inside the band the change from the baseline is smaller than the NPRS MCID (2 points or 30%; ${citationList(CHANGE_RULES.nprs.refs)}, ${OUTCOME_MEASURES.nprs.evidence}) and is not read as meaningful.`,
    });
  else blocks.push({ kind: 'paragraph', text: 'No daily check-ins in the period.' });
  const outcomes = outcomeRows(input);
  if (!outcomes.length) blocks.push({ kind: 'paragraph', text: 'No outcome measures recorded.' });
  for (const o of outcomes) {
    const info = OUTCOME_MEASURES[o.measure];
    refs.push(...CHANGE_RULES[o.measure].refs);
    blocks.push({
      kind: 'subheading',
      text: `${info.name}: ${changeRuleText(o.measure)} (${citationList(CHANGE_RULES[o.measure].refs)}; ${info.scale.higherIsBetter ? 'higher is better' : 'lower is better'})`,
    });
    if (o.rows[0]!.change !== null)
      blocks.push({
        kind: 'paragraph',
        tone: 'note',
        text: `First score (the baseline): ${fmt(o.baseline)} on ${longDate(o.baselineDate)}, before this period.`,
      });
    blocks.push({
      kind: 'table',
      columns: ['Date', 'Score', 'Change from first', 'Against the rule'],
      widths: [0.2, 0.2, 0.25, 0.35],
      rows: o.rows.map((r) => [
        longDate(r.date),
        fmt(r.score),
        r.change === null ? 'first (baseline)' : fmt(r.change),
        r.status ? STATUS_WORDS[r.status] : '–',
      ]),
    });
    if (o.rows.length > 1) {
      const rule = CHANGE_RULES[o.measure];
      const base = o.baseline;
      const target = rule.higherIsBetter ? base + rule.points : base - rule.points;
      const values = o.rows.map((r) => r.score);
      const text = {
        title: reportText('title.outcome', { measure: o.measure }),
        yLabel: reportText('axis.outcome', { measure: o.measure }),
        line: reportText('line.outcome-rule', { higherIsBetter: rule.higherIsBetter, kind: rule.kind, value: target }),
      };
      blocks.push({
        kind: 'chart',
        title: reportEnglish(text.title),
        yLabel: reportEnglish(text.yLabel),
        yMin: Math.min(info.scale.min, ...values, target),
        yMax: Math.max(info.scale.max === 100 ? 100 : info.scale.max, ...values, target),
        from: o.rows[0]!.date,
        to: o.rows.at(-1)!.date,
        series: [{ label: 'score', points: o.rows.map((r) => ({ date: r.date, value: r.score })) }],
        line: { value: target, label: reportEnglish(text.line) },
        text,
      });
    }
  }

  // Week by week
  blocks.push({ kind: 'heading', text: 'Week by week: pain, adherence, walking' });
  if (!weeks.length) blocks.push({ kind: 'paragraph', text: 'No weeks to show yet.' });
  else {
    if (earlierWeeks)
      blocks.push({
        kind: 'paragraph',
        tone: 'note',
        text: `The last ${weeks.length} weeks; ${earlierWeeks} earlier weeks are not listed.`,
      });
    const rows = weekRows(input, weeks);
    blocks.push({
      kind: 'table',
      columns: ['Week', 'Dates', 'Check-ins', 'Back', 'Neck', 'Foot', 'Sessions', 'Steps a day'],
      widths: [0.07, 0.27, 0.1, 0.08, 0.08, 0.08, 0.17, 0.15],
      rows: rows.map((r) => [
        String(r.week.number),
        longDateRange(r.week.from, r.week.to),
        String(r.checkins),
        fmt(r.back),
        fmt(r.neck),
        fmt(r.foot),
        `${r.sessionsDone}/${r.sessionsPrescribed} (${pct(Math.min(1, r.sessionsDone / r.sessionsPrescribed))})`,
        fmtInt(r.meanSteps),
      ]),
    });
    blocks.push({
      kind: 'paragraph',
      tone: 'note',
      text: `Pain: mean of the daily check-ins’ scores that week (0–10). Sessions: days with a completed session, against ${input.sessionsPerWeek} a week prescribed. Steps: mean of the days with steps.`,
    });
    const adherenceBars = adherenceChart(rows, reportText('title.clinician-adherence'));
    if (adherenceBars) blocks.push(adherenceBars);
    const steps = stepsChart(input, weeks, reportText('title.clinician-steps'));
    if (steps) blocks.push(steps);
  }

  // Remote monitoring (src/core/remote-monitoring.ts): a payer's rule, not a clinical one; Footing does not bill.
  blocks.push({ kind: 'heading', text: 'Remote monitoring' });
  const periods = (input.monitoring ?? []).filter(
    (p) => p.start <= input.today && (input.from === undefined || p.end >= input.from),
  );
  if (!periods.length)
    blocks.push({ kind: 'paragraph', text: 'No monitoring period yet (the program has not started).' });
  else {
    blocks.push({
      kind: 'table',
      columns: ['Period', 'Days so far', 'Days with data', `${MONITORING_MIN_DAYS} days`, 'Minutes logged'],
      widths: [0.3, 0.14, 0.18, 0.2, 0.18],
      rows: periods.map((p) => [
        monitoringPeriodDates(p),
        String(p.daysElapsed),
        String(p.daysWithData),
        p.reached
          ? 'reached'
          : p.daysElapsed === MONITORING_PERIOD_DAYS
            ? 'not reached'
            : `${p.daysNeeded} more needed`,
        String(p.minutes),
      ]),
    });
    blocks.push({
      kind: 'paragraph',
      tone: 'note',
      text: `Days with a session, a check-in or walking from a device or file (not walking typed by hand), in ${MONITORING_PERIOD_DAYS}-day periods from the program’s start, against the ${MONITORING_MIN_DAYS} days US payers ask for remote therapeutic monitoring (CPT 98977); minutes are those the clinicians logged on the record. Footing does not bill.`,
    });
  }

  // Program
  blocks.push({ kind: 'heading', text: 'Program: stages and every change' });
  if (input.program) {
    blocks.push({
      kind: 'paragraph',
      text: `Stage ${input.program.stage.number}, ${input.program.stage.name}: ${input.program.stage.goal}`,
    });
    if (input.planItems.length)
      blocks.push({ kind: 'bullets', items: input.planItems.map((i) => `${i.name}: ${i.doseText}`) });
  }
  const events = input.events.filter((e) => inPeriod(input, e.onDate));
  if (!events.length) blocks.push(noneBlock(input, 'No changes'));
  else
    blocks.push({
      kind: 'table',
      columns: ['Date', 'Change', 'By', 'Reason'],
      widths: [0.14, 0.28, 0.16, 0.42],
      rows: events.map((e) => {
        refs.push(...e.reasons.flatMap((r) => r.refs));
        return [
          longDate(e.onDate),
          changeText(e),
          actorText(e.actor),
          e.reasons
            .map(
              (r) =>
                `${citeInline(r.text)}${r.refs.length && !refIdsIn(r.text).length ? ` (${citationList(r.refs)})` : ''}`,
            )
            .join(' ') || '–',
        ];
      }),
    });

  // Screens
  blocks.push({ kind: 'heading', text: 'Red-flag screens' });
  const screens = input.screens.filter((s) => inPeriod(input, s.takenAt.slice(0, 10)));
  if (!screens.length) blocks.push(noneBlock(input, 'No safety screen taken'));
  else
    blocks.push({
      kind: 'table',
      columns: ['Taken', 'Result', 'Flags', 'Precautions'],
      widths: [0.2, 0.2, 0.35, 0.25],
      rows: screens.map((s) => [
        `${longDate(s.takenAt.slice(0, 10))} ${s.takenAt.slice(11, 16)}`,
        s.result.status === 'clear' ? 'clear' : URGENCY_TITLE[s.result.urgency],
        s.result.status === 'clear' ? 'none' : s.result.flags.map((f) => f.concern).join('; '),
        s.result.precautions.length ? s.result.precautions.join('; ') : 'none',
      ]),
    });

  blocks.push(...referencesBlocks(refs));
  return { title: 'Footing: clinician report', subtitle: personLine(input), footer: REPORT_FOOTER, blocks };
}
