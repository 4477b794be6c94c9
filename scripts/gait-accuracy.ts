/**
 * Writes docs/gait-accuracy.md: errors of Footing's gait code against real recordings, every table produced here.
 *   1. The shared side-view video (no published ground truth): `footing analyze`'s pipeline (walker found
 *      automatically, BlazePose full in two workers, src/gait) and the committed keypoint fixture (fixed region,
 *      one thread) against the hand-made reference (test/fixtures/gait-reference, docs/gait-reference.md).
 *   2. PhysioNet gaitpdb GaCo01 force insoles: src/gait/force-events.ts against an independent threshold method
 *      written here and SOURCES.md's figures.
 *   3. Oxford step-counter recordings: src/gait/step-detector.ts against the foot-switch ground truth.
 * Run: node --import tsx scripts/gait-accuracy.ts   (about a minute: the video is analysed from scratch)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeGait, type GaitAnalysis } from '../src/gait/analyze-gait.js';
import { forceGaitEvents } from '../src/gait/force-events.js';
import type { KeypointSeries } from '../src/gait/keypoints.js';
import { detectSteps } from '../src/gait/step-detector.js';
import { temporalParameters } from '../src/gait/temporal-parameters.js';
import { estimateWalker } from '../src/pose/estimate-walker.js';

const data = (p: string) => fileURLToPath(new URL(`../../shared/data/${p}`, import.meta.url));
const repo = (p: string) => new URL(`../${p}`, import.meta.url);
const OUT = repo('docs/gait-accuracy.md');

/** Targets from issue 5. */
const CADENCE_TARGET_SPM = 2;
const IC_TARGET_FRAMES = 1;
const IC_TARGET_SHARE = 0.9;

const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');
const pct = (a: number, b: number) => (b > 0 ? `${a}/${b} (${Math.round((100 * a) / b)} %)` : '–');
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const maxAbs = (xs: number[]) => (xs.length ? Math.max(...xs.map(Math.abs)) : NaN);
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length ? (s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) : NaN; };
const table = (head: string[], rows: string[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

// ---------------------------------------------------------------------------------------------------------------
// 1. The shared video against the hand-made reference.
interface RefEvent { type: 'IC' | 'TO'; interval: [number, number]; nominated: number; clarity: 'clear' | 'unclear'; pass: number | 'consensus'; note?: string }
interface Reference { fps: number; feet: Record<'near' | 'far', { side: 'left' | 'right'; events: RefEvent[] }> }

/**
 * One reference event with what it is judged by. "Clear" follows pass 1 (the sequential pass whose criterion,
 * the foot stopping, the reference report prefers; docs/gait-reference.md): the consensus event is clear when the
 * pass-1 event at the same nominated frame is marked clear. Its strict interval is pass 1's; the consensus
 * interval (union of both passes when they disagree) is reported too.
 */
interface JudgedEvent { foot: 'near' | 'far'; side: 'left' | 'right'; type: 'IC' | 'TO'; nominated: number; strict: [number, number]; consensus: [number, number]; clear: boolean; note: string }

function judgedEvents(ref: Reference): JudgedEvent[] {
  const out: JudgedEvent[] = [];
  for (const foot of ['near', 'far'] as const) {
    const events = ref.feet[foot].events;
    for (const c of events.filter((e) => e.pass === 'consensus')) {
      // The pass-1 event of the same type nearest to the consensus one (within 4 frames); the report nominates pass
      // 1's frame, and where the fixture's consensus nominated frame differs (pass 2's), pass 1's is used.
      const p1 = events.filter((e) => e.pass === 1 && e.type === c.type && Math.abs(e.nominated - c.nominated) <= 4)
        .sort((a, b) => Math.abs(a.nominated - c.nominated) - Math.abs(b.nominated - c.nominated))[0];
      out.push({ foot, side: ref.feet[foot].side, type: c.type, nominated: p1?.nominated ?? c.nominated, strict: p1?.interval ?? c.interval, consensus: c.interval,
        clear: p1?.clarity === 'clear', note: p1?.note ?? c.note ?? '' });
    }
  }
  return out;
}

interface EventRow { event: JudgedEvent; detected: number | null; error: number | null }

/** Matches each reference event to the nearest detected event of the same foot and type within 8 frames (a quarter stride). */
function matchEvents(a: GaitAnalysis, ref: JudgedEvent[], fps: number): { rows: EventRow[]; extra: string[] } {
  const used = new Set<string>();
  const rows = ref.map((e) => {
    const list = e.type === 'IC' ? a.events[e.side].heelStrike : a.events[e.side].toeOff;
    let best: number | null = null;
    for (const t of list) {
      const f = t * fps;
      if (Math.abs(f - e.nominated) <= 8 && (best === null || Math.abs(f - e.nominated) < Math.abs(best - e.nominated))) best = f;
    }
    if (best !== null) used.add(`${e.side}${e.type}${best}`);
    return { event: e, detected: best, error: best === null ? null : best - e.nominated };
  });
  const span = [Math.min(...ref.map((e) => e.consensus[0])) - 8, Math.max(...ref.map((e) => e.consensus[1])) + 8];
  const extra: string[] = [];
  for (const side of ['left', 'right'] as const) {
    for (const [type, list] of [['IC', a.events[side].heelStrike], ['TO', a.events[side].toeOff]] as const) {
      for (const t of list) { const f = t * fps; if (!used.has(`${side}${type}${f}`) && f >= span[0]! && f <= span[1]!) extra.push(`${side === 'left' ? 'near' : 'far'} ${type} at ${f1(f)}`); }
    }
  }
  return { rows, extra };
}

function summary(rows: EventRow[], fps: number, label: string): { line: string[]; withinShare: number; insideShare: number; n: number } {
  const matched = rows.filter((r) => r.error !== null);
  const errs = matched.map((r) => r.error!);
  const within = matched.filter((r) => Math.abs(r.error!) <= IC_TARGET_FRAMES + 1e-9).length;
  const inside = matched.filter((r) => r.detected! >= r.event.strict[0] - 0.5 && r.detected! <= r.event.strict[1] + 0.5).length;
  const insideC = matched.filter((r) => r.detected! >= r.event.consensus[0] - 0.5 && r.detected! <= r.event.consensus[1] + 0.5).length;
  const ms = (fr: number) => (fr * 1000) / fps;
  return {
    line: [label, String(rows.length), String(matched.length), `${f1(ms(mean(errs)))} / ${f1(ms(mean(errs.map(Math.abs))))} / ${f1(ms(maxAbs(errs)))}`,
      `${f2(mean(errs))} / ${f2(mean(errs.map(Math.abs)))} / ${f2(maxAbs(errs))}`, pct(within, rows.length), pct(inside, rows.length), pct(insideC, rows.length)],
    withinShare: rows.length ? within / rows.length : 0, insideShare: rows.length ? inside / rows.length : 0, n: rows.length,
  };
}

/** Reference cadence from the reference's own initial contacts (both feet, nominated frames): steps per minute. */
function referenceCadence(ref: JudgedEvent[], fps: number): number {
  const ics = ref.filter((e) => e.type === 'IC').map((e) => e.nominated).sort((a, b) => a - b);
  return (60 * (ics.length - 1) * fps) / (ics.at(-1)! - ics[0]!);
}

async function videoSection(): Promise<{ md: string; verdicts: string[] }> {
  const ref = JSON.parse(readFileSync(repo('test/fixtures/gait-reference/sports2d_demo_walk_side.json'), 'utf8')) as Reference;
  const events = judgedEvents(ref);
  const fps = ref.fps;
  const video = data('video/sports2d_demo_walk_side.mp4');
  const t0 = performance.now();
  const est = await estimateWalker(video, { maxHeight: 720 });
  if (!est.ok) throw new Error(est.error.message);
  const seconds = (performance.now() - t0) / 1000;
  const fixture = JSON.parse(readFileSync(repo('test/fixtures/keypoints/sports2d_demo_walk_side.json'), 'utf8')) as KeypointSeries;
  const runs: Array<{ name: string; a: GaitAnalysis }> = [
    { name: `footing analyze pipeline (walker found automatically, region ${JSON.stringify(est.value.roi)}, pose model on frames ${est.value.span.first}-${est.value.span.last})`, a: analyzeGait(est.value.series) },
    { name: 'keypoint fixture (fixed region 0,480,1768,514; test/fixtures/keypoints; one forward pass, made before the pipeline followed the walker back from its first detection, so its track starts later)', a: analyzeGait(fixture) },
  ];
  const refCad = referenceCadence(events, fps);
  const lines: string[] = [];
  const verdicts: string[] = [];
  lines.push('## 1. Shared side-view video (`video/sports2d_demo_walk_side.mp4`) vs the hand-made reference', '',
    `Reference: \`test/fixtures/gait-reference/sports2d_demo_walk_side.json\` (procedure and agreement in docs/gait-reference*.md). ` +
    `Near foot = her left, far foot = her right. An event is **clear** when its pass-1 annotation is marked clear; "strict interval" is ` +
    `pass 1's interval, "consensus interval" the fixture's consensus (the union of both passes where they disagree, 5-6 frames wide for contacts). ` +
    `Each reference event is matched to the nearest detected event of the same foot and type within 8 frames; errors are detected − nominated ` +
    `(positive = late), 1 frame = ${f1(1000 / fps)} ms. The video was analysed from scratch by this script in ${f1(seconds)} s.`, '');
  for (const { name, a } of runs) {
    const { rows, extra } = matchEvents(a, events, fps);
    lines.push(`### ${name}`, '');
    const head = ['events', 'n', 'matched', 'error ms: mean / mean abs / max abs', 'frames: mean / mean abs / max abs', 'within 1 frame', 'inside strict interval', 'inside consensus interval'];
    const groups: Array<[string, EventRow[]]> = [
      ['initial contact, clear', rows.filter((r) => r.event.type === 'IC' && r.event.clear)],
      ['initial contact, all', rows.filter((r) => r.event.type === 'IC')],
      ['toe off, clear', rows.filter((r) => r.event.type === 'TO' && r.event.clear)],
      ['toe off, all', rows.filter((r) => r.event.type === 'TO')],
    ];
    const sums = groups.map(([label, rs]) => summary(rs, fps, label));
    lines.push(table(head, sums.map((s) => s.line)), '');
    const cad = a.metrics.cadence;
    const cadValue = cad.status === 'ok' ? cad.value : NaN;
    const cadErr = cadValue - refCad;
    lines.push(table(['cadence', 'detected (steps/min)', 'reference (steps/min)', 'error'], [['', f1(cadValue), f1(refCad), f2(cadErr)]]), '');
    lines.push('Per event (frames):', '', table(['foot', 'event', 'clear', 'nominated', 'strict', 'consensus', 'detected', 'error'],
      rows.map((r) => [r.event.foot, r.event.type, r.event.clear ? 'yes' : 'no', String(r.event.nominated), `${r.event.strict[0]}-${r.event.strict[1]}`,
        `${r.event.consensus[0]}-${r.event.consensus[1]}`, r.detected === null ? 'missed' : f1(r.detected), r.error === null ? '–' : f1(r.error)])), '');
    lines.push(`Detected events inside the annotated span that match no reference event: ${extra.length ? extra.join(', ') : 'none'}.`, '');
    const missed = rows.filter((r) => r.event.clear && r.error === null).map((r) => `${r.event.foot} ${r.event.type} at frame ${r.event.nominated}${r.event.note ? ` (${r.event.note})` : ''}`);
    const firstSeen = a.tracks.find((t) => t.id === a.trackId)?.firstFrame;
    lines.push(`Clear events missed: ${missed.length ? missed.join('; ') : 'none'}. The analysed person track starts at frame ${firstSeen ?? '–'} (the first frame with the walker's landmarks).`, '');
    const ic = sums[0]!;
    const icMet = ic.withinShare >= IC_TARGET_SHARE && ic.insideShare >= IC_TARGET_SHARE;
    verdicts.push(`Video, ${name.split(' (')[0]}: initial contacts within ${IC_TARGET_FRAMES} frame and inside the interval for ≥ ${IC_TARGET_SHARE * 100} % of the ${ic.n} clear events: ` +
      `${icMet ? '**met**' : '**not met**'} (within 1 frame ${Math.round(ic.withinShare * 100)} %, inside the strict interval ${Math.round(ic.insideShare * 100)} %). ` +
      `Cadence within ${CADENCE_TARGET_SPM} steps/min: ${Math.abs(cadErr) <= CADENCE_TARGET_SPM ? '**met**' : '**not met**'} (${f2(cadErr)}).`);
  }
  return { md: lines.join('\n'), verdicts };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. PhysioNet force insoles: the signal code vs an independent threshold method written here.

/** Independent method: plain sample-level crossings of 5 % of the foot's 95th-percentile force (no interpolation, no merging). */
function thresholdContacts(time: number[], f: number[]): { on: number[]; off: number[] } {
  const sorted = [...f].sort((a, b) => a - b);
  const thr = 0.05 * sorted[Math.round(0.95 * (sorted.length - 1))]!;
  const on: number[] = []; const off: number[] = [];
  for (let i = 1; i < f.length; i++) {
    if (f[i - 1]! < thr && f[i]! >= thr) on.push(time[i]!);
    if (f[i - 1]! >= thr && f[i]! < thr) off.push(time[i]!);
  }
  return { on, off };
}

function pairErrors(found: number[], ref: number[], tol: number): { errs: number[]; unmatched: number } {
  const errs: number[] = [];
  let unmatched = 0;
  for (const r of ref) {
    let best: number | null = null;
    for (const t of found) if (Math.abs(t - r) <= tol && (best === null || Math.abs(t - r) < Math.abs(best - r))) best = t;
    if (best === null) unmatched++; else errs.push(best - r);
  }
  return { errs, unmatched };
}

function forceSection(): { md: string; verdicts: string[] } {
  const rows = readFileSync(data('gait-force/GaCo01_01.txt'), 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const time = rows.map((r) => r[0]!);
  const left = rows.map((r) => r[17]!);
  const right = rows.map((r) => r[18]!);
  const ev = forceGaitEvents({ time, left, right });
  const tp = temporalParameters(ev);
  const out: string[][] = [];
  const refOn: number[][] = [];
  for (const [side, f] of [['left', left], ['right', right]] as const) {
    const ref = thresholdContacts(time, f);
    refOn.push(ref.on);
    for (const [type, found, r] of [['heel strike', ev[side].heelStrike, ref.on], ['toe off', ev[side].toeOff, ref.off]] as const) {
      const { errs, unmatched } = pairErrors(found, r, 0.2);
      out.push([side, type, String(found.length), String(r.length), String(unmatched), `${f1(1000 * mean(errs))} / ${f1(1000 * mean(errs.map(Math.abs)))} / ${f1(1000 * maxAbs(errs))}`]);
    }
  }
  const strides = refOn.flatMap((on) => on.slice(1).map((t, i) => t - on[i]!)).filter((d) => d < 2);
  const refCadence = 120 / median(strides);
  const sourcesCadence = 120 / 1.22; // SOURCES.md: median stride 1.22 s
  const md = ['## 2. PhysioNet gaitpdb GaCo01 force insoles (`gait-force/GaCo01_01.txt`, 100 Hz)', '',
    'Signal code: `forceGaitEvents` (interpolated crossings of 5 % of the 95th percentile, contacts and gaps under 0.1 s merged). ' +
    'Independent method written in this script: plain sample-level crossings of the same threshold, no interpolation or merging; ' +
    'it shares the threshold definition, so the table measures the timing and clean-up code, not the choice of threshold. ' +
    'Events are paired with the nearest one within 0.2 s; 1 sample = 10 ms.', '',
    table(['foot', 'event', 'signal code n', 'threshold n', 'unmatched', 'error ms: mean / mean abs / max abs'], out), '',
    table(['cadence', 'steps/min', 'error vs signal code'], [
      ['signal code (temporalParameters: 60 / median step time)', f1(tp.cadence), '–'],
      ['independent: 120 / median stride of the threshold method', f1(refCadence), f2(tp.cadence - refCadence)],
      ['SOURCES.md: median stride 1.22 s → 120 / 1.22', f1(sourcesCadence), f2(tp.cadence - sourcesCadence)],
    ]), ''];
  const met = Math.abs(tp.cadence - refCadence) <= CADENCE_TARGET_SPM && Math.abs(tp.cadence - sourcesCadence) <= CADENCE_TARGET_SPM;
  return { md: md.join('\n'), verdicts: [`Force insoles: cadence within ${CADENCE_TARGET_SPM} steps/min of the independent method and of SOURCES.md: ${met ? '**met**' : '**not met**'} (${f2(tp.cadence - refCadence)}, ${f2(tp.cadence - sourcesCadence)}).`] };
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Oxford step counter: accelerometer steps vs foot-switch ground truth.

/** Ground-truth cadence: 60 × intervals / their total, over intervals under 1 s (skips pauses and turns). */
function gtCadence(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  let n = 0; let sum = 0;
  for (let i = 1; i < s.length; i++) { const d = s[i]! - s[i - 1]!; if (d < 1) { n++; sum += d; } }
  return (60 * n) / sum;
}

function oxfordSection(): { md: string; verdicts: string[] } {
  const csv = (p: string) => readFileSync(data(`imu-steps/${p}`), 'utf8').trim().split(/\r?\n/).map((l) => l.split(',').map(Number));
  const rows: string[][] = [];
  let worstCad = 0;
  for (const file of ['oxford_user1_frontpocket_1506422223341.csv', 'oxford_user1_hand_1506421989895.csv', 'oxford_user2_backpocket_1506422483834.csv']) {
    const r = csv(file).filter((x) => x[0]! > 0);
    const gt: number[] = [];
    for (let i = 1; i < r.length; i++) for (let k = 0; k < r[i]![5]! - r[i - 1]![5]!; k++) gt.push(r[i]![0]! / 1e9);
    const d = detectSteps({ time: r.map((x) => x[0]! / 1e9), x: r.map((x) => x[1]!), y: r.map((x) => x[2]!), z: r.map((x) => x[3]!) });
    const g = gtCadence(gt);
    worstCad = Math.max(worstCad, Math.abs(d.cadence - g));
    rows.push([file, String(d.steps.length), String(gt.length), `${f1((100 * (d.steps.length - gt.length)) / gt.length)} %`, f1(d.cadence), f1(g), f2(d.cadence - g)]);
  }
  const sw = csv('oxford_opt_Pixel_Jamie_Hard_InHand_1_stepcounter.csv');
  const edges: number[] = [];
  for (let i = 1; i < sw.length; i++) for (const c of [1, 2]) if (sw[i - 1]![c] === 0 && sw[i]![c] === 1) edges.push(sw[i]![0]! / 1e9);
  const acc = csv('oxford_opt_Pixel_Jamie_Hard_InHand_1_accelerometer.csv');
  const d = detectSteps({ time: acc.map((x) => x[0]! / 1e9), x: acc.map((x) => x[2]!), y: acc.map((x) => x[3]!), z: acc.map((x) => x[4]!) });
  const g = gtCadence(edges);
  worstCad = Math.max(worstCad, Math.abs(d.cadence - g));
  rows.push(['oxford_opt_Pixel_Jamie_Hard_InHand_1 (foot-switch rising edges)', String(d.steps.length), String(edges.length), `${f1((100 * (d.steps.length - edges.length)) / edges.length)} %`, f1(d.cadence), f1(g), f2(d.cadence - g)]);
  const md = ['## 3. Oxford step-counter recordings (`imu-steps/`), phone accelerometer vs foot switches', '',
    'Detector: `detectSteps` (src/gait/step-detector.ts). Ground truth: the foot-switch step count (validation files: the cumulative ' +
    'ground-truth column; Pixel: rising edges of both switch columns). Ground-truth cadence: 60 × intervals / their total over intervals under 1 s.', '',
    table(['recording', 'steps found', 'ground truth', 'count error', 'cadence', 'GT cadence', 'cadence error'], rows), ''];
  return { md: md.join('\n'), verdicts: [`Oxford: cadence within ${CADENCE_TARGET_SPM} steps/min on all four recordings: ${worstCad <= CADENCE_TARGET_SPM ? '**met**' : '**not met**'} (worst ${f2(worstCad)}).`] };
}

async function main(): Promise<void> {
  const video = await videoSection();
  const force = forceSection();
  const oxford = oxfordSection();
  const md = [
    '# Gait accuracy against real recordings',
    '',
    `Written by \`node --import tsx scripts/gait-accuracy.ts\` on ${new Date().toISOString().slice(0, 10)}; do not edit by hand.`,
    '',
    `Targets (issue 5): cadence within ${CADENCE_TARGET_SPM} steps/min of the reference; initial contacts within ${IC_TARGET_FRAMES} frame ` +
    `(33 ms at 30 fps) of the nominated frame and inside the annotated interval for at least ${IC_TARGET_SHARE * 100} % of the clear events.`,
    '',
    '## Verdicts',
    '',
    ...[...video.verdicts, ...force.verdicts, ...oxford.verdicts].map((v) => `- ${v}`),
    '',
    'The video reference is one walker, one clip, one annotator (two passes): a tolerance check, not a validation study. Its initial ' +
    'contacts are uncertain by 2-5 frames between the passes (docs/gait-reference.md), which is wider than the 1-frame target itself.',
    '',
    video.md, force.md, oxford.md,
  ].join('\n');
  writeFileSync(OUT, `${md.trim()}\n`);
  console.log(`wrote ${fileURLToPath(OUT)}`);
  for (const v of [...video.verdicts, ...force.verdicts, ...oxford.verdicts]) console.log(`- ${v}`);
}

await main();
