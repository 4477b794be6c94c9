/**
 * The report's figures on their own, against values worked out by hand: the weeks shown, pain against the
 * baseline and the MCID, weekly rows, outcome changes in either direction, the still's frame, and a record with
 * nothing in it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainChain } from '../chain.js';
import type { KeypointSeries } from '../../gait/keypoints.js';
import { LANDMARKS } from '../../gait/keypoints.js';
import { axisTicks } from './chart-ticks.js';
import { clinicianReport } from './clinician-report.js';
import { patientReport } from './patient-report.js';
import { fmt, outcomeRows, painChange, reportWeeks, weekRows } from './report-figures.js';
import type { ReportInput } from './report-input.js';
import { representativeFrame, skeletonStill } from './skeleton-still.js';

const base = (over: Partial<ReportInput> = {}): ReportInput => ({
  today: '2026-11-15',
  person: { displayName: 'Ana', birthYear: null },
  program: null,
  planItems: [],
  walkingTarget: null,
  sessionsPerWeek: 7,
  events: [],
  checkins: [],
  doneSessionDates: [],
  walkingDays: [],
  outcomes: [],
  screens: [],
  chain: explainChain({ findings: [], pain: [] }),
  gait: [],
  ...over,
});
const program = (startedOn: string): ReportInput['program'] => ({
  status: 'active',
  startedOn,
  stageStartedOn: startedOn,
  stage: { number: 1, name: 'Start', goal: 'g' },
});

test('Given no program and no data, a report has no weeks and says so instead of failing', () => {
  const input = base();
  assert.deepEqual(reportWeeks(input), { weeks: [], earlierWeeks: 0 });
  assert.equal(painChange(input), null);
  const text = JSON.stringify(clinicianReport(input));
  assert.match(text, /Program: not started/);
  assert.match(text, /No weeks to show yet/);
  assert.match(text, /No gait analysis saved yet/);
  assert.match(JSON.stringify(patientReport(input)), /You have not started yet/);
});

test('Given a program of 14 weeks and 2 days, the last 12 weeks are shown (the last one 2 days long) and 2 earlier ones counted', () => {
  // 1 Aug + 98 days = 7 Nov: week 15 runs 7-8 Nov (today).
  const { weeks, earlierWeeks } = reportWeeks(base({ today: '2026-11-08', program: program('2026-08-01') }));
  assert.equal(earlierWeeks, 3);
  assert.equal(weeks.length, 12);
  assert.deepEqual([weeks[0]!.number, weeks[0]!.from], [4, '2026-08-22']);
  assert.deepEqual(
    [weeks.at(-1)!.number, weeks.at(-1)!.from, weeks.at(-1)!.to, weeks.at(-1)!.days],
    [15, '2026-11-07', '2026-11-08', 2],
  );
});

test('Pain rising from a baseline of 3 to 5.3 is worse by more than the MCID of 2; each week row holds its own means', () => {
  const input = base({
    today: '2026-11-10',
    program: program('2026-11-01'),
    // Week 1 (1-7 Nov): highest 3 and 3 (baseline 3). Last 7 days (4-10 Nov): highest 3 (5 Nov), 5 and 8 (9 and 10 Nov): 16/3 = 5.33, up 2.33.
    checkins: [
      { date: '2026-11-01', context: 'daily', back: 3, neck: null, foot: null },
      { date: '2026-11-05', context: 'daily', back: 2, neck: 3, foot: null },
      { date: '2026-11-05', context: 'after', back: 9, neck: null, foot: null },
      { date: '2026-11-09', context: 'daily', back: 5, neck: null, foot: 1 },
      { date: '2026-11-10', context: 'daily', back: 8, neck: null, foot: null },
    ],
    doneSessionDates: ['2026-11-01', '2026-11-02', '2026-11-09'],
    walkingDays: [
      { date: '2026-11-02', steps: 3000 },
      { date: '2026-11-03', steps: 0 },
      { date: '2026-11-04', steps: 5000 },
    ],
  });
  const change = painChange(input)!;
  assert.equal(change.baseline, 3);
  assert.equal(fmt(change.latest), '5.3');
  assert.equal(change.status, 'worse');
  const rows = weekRows(input, reportWeeks(input).weeks);
  // Week 1: the 'after' check-in is not a daily one; back (3 + 2) / 2, neck 3; 2 of 7 sessions; steps (3000 + 5000) / 2 (a day of 0 is no data).
  assert.deepEqual(
    rows.map((r) => [r.checkins, r.back, r.neck, r.foot, r.sessionsDone, r.sessionsPrescribed, r.meanSteps]),
    [
      [2, 2.5, 3, null, 2, 7, 4000],
      // Week 2 (8-10 Nov, 3 days): back (5 + 8) / 2; 1 session against round(7 × 3 / 7) = 3.
      [2, 6.5, null, 1, 1, 3, null],
    ],
  );
});

test("Outcome changes are read in each measure's own direction: FAAM up 8 is an improvement, NDI up 5 is worse", () => {
  const rows = outcomeRows(
    base({
      outcomes: [
        { measure: 'faam-adl', recordedAt: '2026-11-01T09:00:00Z', score: 60 },
        { measure: 'faam-adl', recordedAt: '2026-11-14T09:00:00Z', score: 68 },
        { measure: 'ndi', recordedAt: '2026-11-01T09:00:00Z', score: 10 },
        { measure: 'ndi', recordedAt: '2026-11-14T09:00:00Z', score: 15 },
        { measure: 'start-back', recordedAt: '2026-11-01T09:00:00Z', score: 4 },
      ],
    }),
  );
  assert.deepEqual(
    rows.map((o) => [o.measure, o.rows.at(-1)!.change, o.rows.at(-1)!.status]),
    [
      ['faam-adl', 8, 'improved'],
      ['ndi', 5, 'worse'],
    ],
  );
});

test('The still is the frame nearest the middle heel strike; points seen poorly are left out', () => {
  const frame = (time: number, vis: number) => ({
    index: time * 10,
    time,
    people: [
      { score: 1, image: LANDMARKS.map((_, i) => ({ x: i, y: i, visibility: i < 11 ? 0.1 : vis })), world: null },
    ],
  });
  const series: KeypointSeries = {
    model: 'm',
    width: 100,
    height: 200,
    fps: 10,
    frames: [frame(0, 0.9), { index: 5, time: 0.5, people: [] }, frame(0.9, 0.9), frame(1.4, 0.9)],
  };
  // Heel strikes 0.2, 0.8, 1.5: the middle one is 0.8, nearest frame with someone in it 0.9.
  assert.equal(
    representativeFrame(series, { left: { heel_strike: [0.2, 1.5] }, right: { heel_strike: [0.8] } })!.time,
    0.9,
  );
  // No events: the middle of the three frames with someone in them.
  assert.equal(representativeFrame(series, undefined)!.time, 0.9);
  const still = skeletonStill(series, undefined, 'walk.mp4')!;
  // Face points (indexes under 11) are poorly seen, so the ear-nose-ear line is gone; each side's limb chain has 8 joins.
  assert.equal(still.segments.length, 8 + 8 + 2);
  assert.equal(
    still.caption,
    'Stick figure of walk.mp4 from its saved body points, no heel strike found, so the middle frame with someone in it: frame 9 at 0.90 s; cropped to the person',
  );
  // With events the caption names the heel strike the frame stands for (the middle of 0.2, 0.8, 1.5: the right one at 0.8).
  assert.match(
    skeletonStill(series, { left: { heel_strike: [0.2, 1.5] }, right: { heel_strike: [0.8] } }, 'walk.mp4')!.caption,
    /^Stick figure of walk\.mp4 from its saved body points, the right heel strike at 0\.80 s \(the middle one of the clip\): frame 9 at 0\.90 s; cropped/,
  );
  // Cropped: points 11 to 32 lie from (11, 11) to (32, 32); a margin of max(10, 21 / 6) = 10 around them.
  assert.deepEqual([still.width, still.height, still.segments[0]!.x1], [41, 41, 15 - 1]); // the first join starts at the left wrist (point 15)
  assert.equal(skeletonStill({ ...series, frames: [{ index: 0, time: 0, people: [] }] }, undefined, 'walk.mp4'), null);
});

test('A program change cites its sources once, in words: a reason that cites by number is not cited twice', () => {
  const doc = clinicianReport(
    base({
      events: [
        {
          onDate: '2026-11-03',
          action: 'regress',
          fromStage: 2,
          toStage: 1,
          actor: 'engine',
          reasons: [{ text: 'Next-morning pain rose by more than 2 [39].', refs: ['39'] }],
        },
        {
          onDate: '2026-11-04',
          action: 'progress',
          fromStage: 1,
          toStage: 2,
          actor: 'clinician',
          reasons: [{ text: 'Ready.', refs: ['5'] }],
        },
      ],
    }),
  );
  const table = doc.blocks.find((b) => b.kind === 'table' && b.columns[1] === 'Change');
  assert.ok(table && table.kind === 'table');
  assert.deepEqual(
    table.rows.map((r) => [r[0], r[2], r[3]]),
    [
      ['3 Nov 2026', 'the program’s rules', 'Next-morning pain rose by more than 2 (Ostelo et al., 2008).'],
      ['4 Nov 2026', 'a clinician', 'Ready. (Pocovi et al., 2024)'],
    ],
  );
});

test("The steps chart shows the days with steps and today's target in steps as a dashed line, the axis rounded up past both", () => {
  const input = base({
    program: program('2026-11-09'),
    walkingTarget: { steps: 5500, minutes: null, basis: 'b' },
    walkingDays: [
      { date: '2026-11-09', steps: 7000 },
      { date: '2026-11-10', steps: 0 },
      { date: '2026-11-11', steps: 4000 },
    ],
  });
  const doc = clinicianReport(input);
  const chart = doc.blocks.find((b) => b.kind === 'chart' && b.title.startsWith('Steps'));
  assert.ok(chart && chart.kind === 'chart');
  // A day of 0 steps is no data; the axis: 7,000 × 1.1 = 7,700, rounded up to the next thousand.
  assert.deepEqual(
    [chart.series[0]!.points.map((p) => p.value), chart.line, chart.yMax],
    [[7000, 4000], { value: 5500, label: 'today’s target, 5,500 steps' }, 8000],
  );
});

test('Axis ticks are round: 0-10 by 2, 0-100 by 20, 0-8,000 by 2,000', () => {
  assert.deepEqual(axisTicks(0, 10), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(axisTicks(0, 100), [0, 20, 40, 60, 80, 100]);
  assert.deepEqual(axisTicks(0, 8000), [0, 2000, 4000, 6000, 8000]);
});

test('A program stopped by a safety answer: the patient report leads with the advice, the clinician report names the care and the concern', () => {
  const stop = {
    status: 'stop' as const,
    urgency: 'same_day' as const,
    advice: 'See a doctor today.',
    flags: [{ id: 'x', concern: 'possible nerve compression', urgency: 'same_day' as const }],
    exclusions: [],
    precautions: [],
  };
  const input = base({
    program: { ...program('2026-11-01')!, status: 'stopped' },
    screens: [
      { takenAt: '2026-11-01T09:00:00Z', result: { status: 'clear', exclusions: [], precautions: [] } },
      { takenAt: '2026-11-10T09:00:00Z', result: stop },
    ],
  });
  const mine = patientReport(input).blocks.find((b) => b.kind === 'paragraph' && b.tone === 'warning');
  assert.deepEqual(mine, {
    kind: 'paragraph',
    tone: 'warning',
    text: 'Your program is paused because of an answer in your safety check. See a doctor today.',
  });
  const screens = clinicianReport(input).blocks.find((b) => b.kind === 'table' && b.columns[0] === 'Taken');
  assert.ok(screens && screens.kind === 'table');
  assert.deepEqual(
    screens.rows.map((r) => r.slice(1, 3)),
    [
      ['clear', 'none'],
      ['See a doctor today', 'possible nerve compression'],
    ],
  );
  assert.match(JSON.stringify(clinicianReport(input)), /stopped by a safety answer/);
});

test('Given a chosen period, the weeks start on its first day (numbered from the program), and the lists hold only what is in it', () => {
  // Program from Sun 1 Nov: week 2 is 8-14 Nov, week 3 15-21 Nov. The period 10-18 Nov: week 2 from 10 Nov (5 days), week 3 to 18 Nov (4 days).
  const input = base({
    today: '2026-11-18',
    from: '2026-11-10',
    program: program('2026-11-01'),
    doneSessionDates: ['2026-11-09', '2026-11-10', '2026-11-16'],
    // ODI 40 (baseline, before the period), 30 on 12 Nov (−10: the MCID of 10 points), 20 on 20 Nov (after the period).
    outcomes: [
      { measure: 'odi', recordedAt: '2026-11-02T10:00:00Z', score: 40 },
      { measure: 'odi', recordedAt: '2026-11-12T10:00:00Z', score: 30 },
      { measure: 'odi', recordedAt: '2026-11-20T10:00:00Z', score: 20 },
    ],
    events: [
      { onDate: '2026-11-01', action: 'start', fromStage: null, toStage: 1, actor: 'person', reasons: [] },
      {
        onDate: '2026-11-15',
        action: 'progress',
        fromStage: 1,
        toStage: 2,
        actor: 'clinician',
        reasons: [{ text: 'Ready for more.', refs: [] }],
      },
    ],
  });
  const { weeks, earlierWeeks } = reportWeeks(input);
  assert.equal(earlierWeeks, 0);
  assert.deepEqual(
    weeks.map((w) => [w.number, w.from, w.to, w.days]),
    [
      [2, '2026-11-10', '2026-11-14', 5],
      [3, '2026-11-15', '2026-11-18', 4],
    ],
  );
  // Sessions: 10 Nov in week 2 (9 Nov is before the period), 16 Nov in week 3; prescribed 7 × 5/7 = 5 and 7 × 4/7 = 4.
  assert.deepEqual(
    weekRows(input, weeks).map((r) => [r.sessionsDone, r.sessionsPrescribed]),
    [
      [1, 5],
      [1, 4],
    ],
  );
  assert.deepEqual(outcomeRows(input), [
    {
      measure: 'odi',
      baseline: 40,
      baselineDate: '2026-11-02',
      rows: [{ date: '2026-11-12', score: 30, change: -10, status: 'improved' }],
    },
  ]);
  const text = JSON.stringify(clinicianReport(input));
  assert.match(text, /Report for 10 Nov 2026 to 18 Nov 2026\./);
  assert.match(text, /First score \(the baseline\): 40 on 2 Nov 2026, before this period\./);
  assert.match(text, /Moved up: stage 1/);
  assert.doesNotMatch(text, /Started at stage/);
  assert.match(text, /No safety screen taken in this period/);
  assert.match(text, /No gait analysis saved in this period/);
});

test('Given a gait analysis imported from a FHIR file, the report shows its figures and says it has no still because the file carries figures only', () => {
  const input = base({
    gait: [
      {
        recordedAt: '2026-11-12T10:00:00+01:00',
        sourceName: 'walk side.mp4',
        hasKeypoints: false,
        skeleton: null,
        picture: null,
        analysis: {
          view: 'side',
          metrics: { cadence_spm: { value: 104.5, confidence: 0.8 } },
          imported_from: { file: 'record.fhir.json' },
        },
      },
    ],
  });
  const text = JSON.stringify(clinicianReport(input));
  assert.match(text, /12 Nov 2026: side view, walk side\.mp4/);
  assert.match(text, /104\.5/);
  assert.match(
    text,
    /No still: this analysis was imported from record\.fhir\.json \(a FHIR file\), which carries its figures only, not the video's steps or pictures\./,
  );
  assert.doesNotMatch(text, /saved without its keypoints/);
});
