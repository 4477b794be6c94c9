/**
 * The report pictures' words by id: every id's English and Spanish from the same parameters, both written here by
 * hand (figures the Spanish way: 3,5; 12.100); a new id without its hand-written pair here fails the first test.
 * The questionnaires' names stay as published. Then the pictures themselves: the report's charts and captions carry
 * the ids their English was made from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { captionIn, chartIn, REPORT_TEXT_ES, reportTextIn } from './report-chart-texts.js';
import {
  REPORT_TEXT_EN,
  reportEnglish,
  reportText,
  type ReportText,
  type ReportTextId,
} from '../report/report-words.js';
import { clinicalWordingProblems } from '../../../scripts/i18n-check.js';

const angles = { hip: 21.6, knee: 3.2, ankle: null };
/** One sample per id: the text, its English and its Spanish, by hand. */
const PAIRS: [ReportText, string, string][] = [
  [
    reportText('title.clinician-pain'),
    'Daily pain (highest of back, neck, foot) with the baseline ± MCID band',
    'Dolor diario (el más alto de espalda, cuello y pie) con la franja del punto de partida ± DMCI',
  ],
  [
    reportText('title.clinician-adherence'),
    'Adherence: sessions done each week, as a share of those prescribed',
    'Adherencia: sesiones hechas cada semana, como parte de las prescritas',
  ],
  [
    reportText('title.clinician-steps'),
    'Steps each day against today’s walking target',
    'Pasos de cada día frente al objetivo de caminata de hoy',
  ],
  [
    reportText('title.patient-pain'),
    'Your pain each day (the shaded band: no real change from your first week)',
    'Tu dolor de cada día (la franja sombreada: ningún cambio real desde tu primera semana)',
  ],
  [
    reportText('title.patient-sessions'),
    'Your exercise sessions each week (of those planned)',
    'Tus sesiones de ejercicio de cada semana (de las previstas)',
  ],
  [
    reportText('title.patient-steps'),
    'Your steps each day (the dashed line: your target today)',
    'Tus pasos de cada día (la línea discontinua: tu objetivo de hoy)',
  ],
  [
    reportText('title.outcome', { measure: 'odi' }),
    'Oswestry Disability Index (ODI) v2.1a',
    'Oswestry Disability Index (ODI) v2.1a',
  ],
  [reportText('axis.pain'), 'pain 0–10', 'dolor 0–10'],
  [reportText('axis.steps'), 'steps a day', 'pasos al día'],
  [reportText('axis.sessions-done'), '% of sessions done', '% de sesiones hechas'],
  [reportText('axis.outcome', { measure: 'ndi' }), 'raw points (x2 = %)', 'puntos brutos (x2 = %)'],
  [
    reportText('band.baseline-mcid', { baseline: 3.5, mcid: 2 }),
    'baseline 3.5 ± 2 (MCID)',
    'punto de partida 3,5 ± 2 (DMCI)',
  ],
  [
    reportText('band.first-week', { baseline: 4, mcid: 2 }),
    'your first week, 4, give or take 2',
    'tu primera semana, 4, más o menos 2',
  ],
  [reportText('line.steps-target', { steps: 12_100 }), 'today’s target, 12,100 steps', 'objetivo de hoy, 12.100 pasos'],
  [
    reportText('line.outcome-rule', { higherIsBetter: true, kind: 'MDC', value: 6.2 }),
    'baseline + MDC (6.2)',
    'punto de partida + CMD (6,2)',
  ],
  [
    reportText('caption.still', {
      side: 'left',
      event: 'initial_contact',
      video: 'paseo lateral.mp4',
      time: 1.25,
      frame: 37,
      madeOn: 'server',
      angles,
    }),
    'Left initial contact (heel strike) of paseo lateral.mp4 at 1.25 s (frame 37), as pictured by the server from the video before it was deleted; the angles drawn on it: hip 22°, knee 3°, ankle not measured',
    'contacto inicial (apoyo del talón) izquierdo de paseo lateral.mp4 a los 1,25 s (fotograma 37), tal como lo sacó el servidor del vídeo antes de borrarlo; los ángulos dibujados: cadera 22°, rodilla 3°, tobillo sin medir',
  ],
  [
    reportText('caption.stick-figure-strike', {
      video: 'walk.mp4',
      side: 'right',
      strikeTime: 0.9,
      frame: 42,
      frameTime: 1.4,
    }),
    'Stick figure of walk.mp4 from its saved body points, the right heel strike at 0.90 s (the middle one of the clip): frame 42 at 1.40 s; cropped to the person',
    'Figura de palitos de walk.mp4 a partir de sus puntos del cuerpo guardados, el apoyo del talón derecho a los 0,90 s (el del medio del vídeo): fotograma 42 a los 1,40 s; recortada a la persona',
  ],
  [
    reportText('caption.stick-figure-middle', { video: 'walk.mp4', frame: 12, frameTime: 0.4 }),
    'Stick figure of walk.mp4 from its saved body points, no heel strike found, so the middle frame with someone in it: frame 12 at 0.40 s; cropped to the person',
    'Figura de palitos de walk.mp4 a partir de sus puntos del cuerpo guardados, no se encontró ningún apoyo del talón, así que el fotograma del medio con alguien en él: fotograma 12 a los 0,40 s; recortada a la persona',
  ],
];

test('every id of the report pictures has its English and its Spanish, checked here by hand', () => {
  const ids = Object.keys(REPORT_TEXT_EN) as ReportTextId[];
  assert.deepEqual(
    [...new Set(PAIRS.map(([t]) => t.id))].sort(),
    [...ids].sort(),
    'each id has a hand-written pair above',
  );
  assert.deepEqual(
    ids.filter((id) => typeof REPORT_TEXT_ES[id] !== 'function'),
    [],
    'each id has its Spanish',
  );
  assert.deepEqual(
    PAIRS.map(([t]) => reportEnglish(t)),
    PAIRS.map(([, en]) => en),
  );
  assert.deepEqual(
    PAIRS.map(([t]) => reportTextIn(t, 'en')),
    PAIRS.map(([, en]) => en),
  );
  assert.deepEqual(
    PAIRS.map(([t]) => reportTextIn(t, 'es')),
    PAIRS.map(([, , es]) => es),
  );
  assert.deepEqual(
    clinicalWordingProblems(
      'report',
      Object.fromEntries(PAIRS.map(([, en], i) => [i, en])),
      Object.fromEntries(PAIRS.map(([, , es], i) => [i, es])),
    ),
    [],
  );
});

test('a changed English sentence does not change its Spanish: the Spanish comes from the id', () => {
  const t = reportText('line.steps-target', { steps: 5500 });
  // The English a chart carries is not read for the Spanish (a sentence reworded in English keeps its Spanish).
  assert.equal(reportTextIn(t, 'es'), 'objetivo de hoy, 5500 pasos');
  const chart = {
    kind: 'chart' as const,
    title: 'reworded',
    yLabel: 'reworded',
    yMin: 0,
    yMax: 10000,
    from: '2026-11-01',
    to: '2026-11-08',
    series: [],
    line: { value: 5500, label: 'reworded' },
    text: { title: reportText('title.patient-steps'), yLabel: reportText('axis.steps'), line: t },
  };
  assert.deepEqual(
    [chartIn(chart, 'es').title, chartIn(chart, 'es').yLabel, chartIn(chart, 'es').line?.label],
    ['Tus pasos de cada día (la línea discontinua: tu objetivo de hoy)', 'pasos al día', 'objetivo de hoy, 5500 pasos'],
  );
});

test('a chart in Spanish keeps its figures and points; in English it is the same object', async () => {
  const { painChart } = await import('../report/report-sections.js');
  // Check-ins of 4 and 6 on two days; baseline 5 ± 2 given as the change.
  const checkin = (date: string, back: number) => ({
    at: `${date}T08:00:00+01:00`,
    date,
    context: 'daily',
    back,
    neck: null,
    foot: null,
  });
  const input = {
    today: '2026-11-08',
    checkins: [checkin('2026-11-02', 4), checkin('2026-11-03', 6)],
  } as unknown as Parameters<typeof painChart>[0];
  const chart = painChart(
    input,
    [{ number: 1, from: '2026-11-02', to: '2026-11-08', days: 7 }] as unknown as Parameters<typeof painChart>[1],
    { baseline: 5, mcidPoints: 2 } as Parameters<typeof painChart>[2],
    reportText('title.patient-pain'),
    'band.first-week',
  );
  assert.ok(chart && chart.kind === 'chart');
  assert.deepEqual(
    [chart.title, chart.yLabel, chart.band?.label],
    [
      'Your pain each day (the shaded band: no real change from your first week)',
      'pain 0–10',
      'your first week, 5, give or take 2',
    ],
  );
  assert.equal(chartIn(chart, 'en'), chart);
  const { text: _ids, ...older } = chart;
  assert.equal(chartIn(older as typeof chart, 'es'), older, 'a chart without its ids (older content) stays English');
  const es = chartIn(chart, 'es');
  assert.deepEqual({ ...es, title: chart.title, yLabel: chart.yLabel, band: chart.band }, chart);
  assert.deepEqual(
    [es.title, es.yLabel, es.band?.label],
    [
      'Tu dolor de cada día (la franja sombreada: ningún cambio real desde tu primera semana)',
      'dolor 0–10',
      'tu primera semana, 5, más o menos 2',
    ],
  );
  assert.deepEqual([es.band?.low, es.band?.high], [3, 7], '5 ± 2');
});

test("the gait pictures carry their caption's id: English as before, Spanish from the id, the video's name and every figure kept", async () => {
  const { stillPicture } = await import('../report/report-still.js');
  const picture = stillPicture(
    {
      event: 'toe_off',
      side: 'right',
      time: 2.5,
      frame: 75,
      angles: { hip_deg: -8, knee_deg: 40, ankle_deg: -12 },
      width: 10,
      height: 10,
    },
    'walk.mp4',
    'AA==',
  );
  assert.equal(
    picture.caption,
    'Right toe off of walk.mp4 at 2.50 s (frame 75), as pictured on the device when the analysis was saved; the angles drawn on it: hip -8°, knee 40°, ankle -12°',
  );
  assert.equal(
    captionIn({ caption: picture.caption }, 'es'),
    picture.caption,
    'a caption without its id (older content) stays English',
  );
  assert.equal(
    reportTextIn(picture.text, 'es'),
    'despegue derecho de walk.mp4 a los 2,50 s (fotograma 75), tal como se vio en el dispositivo al guardar el análisis; los ángulos dibujados: cadera -8°, rodilla 40°, tobillo -12°',
  );
});
