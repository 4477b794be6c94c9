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
