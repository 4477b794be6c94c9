/**
 * The report pictures' words in Spanish: every title, axis name and label the report writes has its Spanish, with the
 * same figures written the Spanish way (hand-written expectations); the questionnaires' names stay as published.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartIn, reportTextEs } from './report-chart-texts.js';
import { clinicalWordingProblems } from '../../../scripts/i18n-check.js';

test('each fixed text and each pattern of the report pictures has its Spanish, figures read back', () => {
  const pairs: [string, string][] = [
    ['Daily pain (highest of back, neck, foot) with the baseline ± MCID band', 'Dolor diario (el más alto de espalda, cuello y pie) con la franja del punto de partida ± DMCI'],
    ['Your steps each day (the dashed line: your target today)', 'Tus pasos de cada día (la línea discontinua: tu objetivo de hoy)'],
    ['pain 0–10', 'dolor 0–10'],
    ['baseline 3.5 ± 2 (MCID)', 'punto de partida 3,5 ± 2 (DMCI)'],
    ['your first week, 4, give or take 2', 'tu primera semana, 4, más o menos 2'],
    ['today’s target, 5,500 steps', 'objetivo de hoy, 5500 pasos'],
    ['today’s target, 12,100 steps', 'objetivo de hoy, 12.100 pasos'],
    ['baseline − MCID (24)', 'punto de partida − DMCI (24)'],
    ['baseline + MDC (6.2)', 'punto de partida + CMD (6,2)'],
    ['Oswestry Disability Index (ODI)', 'Oswestry Disability Index (ODI)'],
  ];
  assert.deepEqual(pairs.map(([en]) => reportTextEs(en)), pairs.map(([, es]) => es));
  assert.deepEqual(clinicalWordingProblems('report', Object.fromEntries(pairs.map(([en], i) => [i, en])), Object.fromEntries(pairs.map(([, es], i) => [i, es]))), []);
});

test('a chart in Spanish keeps its figures and points; in English it is the same object', () => {
  const chart = { kind: 'chart' as const, title: 'Your pain each day (the shaded band: no real change from your first week)', yLabel: 'pain 0–10', yMin: 0, yMax: 10, from: '2026-11-01', to: '2026-11-08',
    series: [{ label: 'highest pain of the day', points: [{ date: '2026-11-01', value: 4 }] }], band: { low: 2, high: 6, label: 'your first week, 4, give or take 2' } };
  assert.equal(chartIn(chart, 'en'), chart);
  const es = chartIn(chart, 'es');
  assert.deepEqual({ ...es, title: chart.title, yLabel: chart.yLabel, band: chart.band }, chart);
  assert.deepEqual([es.title, es.yLabel, es.band?.label], ['Tu dolor de cada día (la franja sombreada: ningún cambio real desde tu primera semana)', 'dolor 0–10', 'tu primera semana, 4, más o menos 2']);
});

test('the gait pictures\' captions read in Spanish, the video\'s name and every figure kept', async () => {
  const { stillCaption } = await import('../report/report-still.js');
  const { frameCaption } = await import('../report/skeleton-still.js');
  const still = stillCaption({ event: 'initial_contact', side: 'left', time: 1.25, frame: 37, angles: { hip_deg: 21.6, knee_deg: 3.2, ankle_deg: null } }, 'paseo lateral.mp4', 'server');
  assert.equal(still, 'Left initial contact (heel strike) of paseo lateral.mp4 at 1.25 s (frame 37), as pictured by the server from the video before it was deleted; the angles drawn on it: hip 22°, knee 3°, ankle not measured');
  assert.equal(reportTextEs(still), 'contacto inicial (apoyo del talón) izquierdo de paseo lateral.mp4 a los 1,25 s (fotograma 37), tal como lo sacó el servidor del vídeo antes de borrarlo; los ángulos dibujados: cadera 22°, rodilla 3°, tobillo sin medir');
  const toeOff = stillCaption({ event: 'toe_off', side: 'right', time: 2.5, frame: 75, angles: { hip_deg: -8, knee_deg: 40, ankle_deg: -12 } }, 'walk.mp4');
  assert.equal(reportTextEs(toeOff), 'despegue derecho de walk.mp4 a los 2,50 s (fotograma 75), tal como se vio en el dispositivo al guardar el análisis; los ángulos dibujados: cadera -8°, rodilla 40°, tobillo -12°');
  const withStrike = `Stick figure of walk.mp4 from its saved body points, ${frameCaption({ index: 42, time: 1.4 }, { left: { heel_strike: [0.3, 1.38] }, right: { heel_strike: [0.9] } })}; cropped to the person`;
  assert.equal(reportTextEs(withStrike), 'Figura de palitos de walk.mp4 a partir de sus puntos del cuerpo guardados, el apoyo del talón derecho a los 0,90 s (el del medio del vídeo): fotograma 42 a los 1,40 s; recortada a la persona');
  const without = `Stick figure of walk.mp4 from its saved body points, ${frameCaption({ index: 12, time: 0.4 }, null)}; cropped to the person`;
  assert.equal(reportTextEs(without), 'Figura de palitos de walk.mp4 a partir de sus puntos del cuerpo guardados, no se encontró ningún apoyo del talón, así que el fotograma del medio con alguien en él: fotograma 12 a los 0,40 s; recortada a la persona');
});
