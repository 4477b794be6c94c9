/**
 * Which language a person gets, and dates and numbers written the way that language writes them. Expected
 * strings are the CLDR conventions written out by hand: Spanish groups thousands with a point only from five
 * digits on (9200, but 12.345), uses a decimal comma, and writes short weekdays and months in lower case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickLanguage } from './languages.js';
import { currentLanguage, i18n, setLanguage } from './i18n.js';
import { formatDate, formatDay, formatDayWithYear, formatNumber } from './format.js';

test('a saved choice wins, then the first browser language Footing speaks, then English', () => {
  assert.equal(pickLanguage('es', ['en-US']), 'es');
  assert.equal(pickLanguage(null, ['es-MX', 'en']), 'es');
  assert.equal(pickLanguage(null, ['fr-FR', 'de']), 'en');
  assert.equal(pickLanguage('xx', ['de', 'es-AR']), 'es');
  assert.equal(pickLanguage(null, []), 'en');
});

test('numbers and dates follow the language on screen', async () => {
  await setLanguage('en');
  assert.equal(currentLanguage(), 'en');
  assert.equal(formatNumber(9200), '9,200');
  assert.equal(formatNumber(2.5), '2.5');
  assert.equal(formatDay('2026-11-03'), 'Tue 3 Nov');
  assert.equal(formatDate(new Date(2026, 10, 3, 12)), '3 Nov 2026');
  // The report figures' dates: the PDF's form in English (longDate), the year kept across a year's end.
  assert.equal(formatDayWithYear('2026-12-01'), '1 Dec 2026');
  assert.equal(formatDayWithYear('2027-01-13'), '13 Jan 2027');
  assert.equal(i18n.t('app:nav.today'), 'Today');

  await setLanguage('es');
  assert.equal(currentLanguage(), 'es');
  assert.equal(formatNumber(9200), '9200');
  assert.equal(formatNumber(12345.5), '12.345,5');
  assert.equal(formatDay('2026-11-03'), 'mar, 3 nov');
  assert.equal(formatDate(new Date(2026, 10, 3, 12)), '3 nov 2026');
  assert.equal(formatDayWithYear('2026-12-01'), '1 dic 2026');
  assert.equal(formatDayWithYear('2027-01-13'), '13 ene 2027');
  assert.equal(i18n.t('app:nav.today'), 'Hoy');
  // A clinician namespace with no Spanish text falls back to English rather than showing a key.
  assert.equal(i18n.t('app:no.such.key', { defaultValue: 'fallback' }), 'fallback');
  await setLanguage('en');
});
