/**
 * The clinician's patient list screen's logic (web/src/clinic/clinician-attention.ts), without a browser: the view
 * kept in the address, the API request it makes, and where a page is in the list ("51–100 of 1,000").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { i18n } from '../i18n/i18n.js';
import { listRequest, pageRange, searchOf, viewFromSearch } from './clinician-attention.js';

// The English the clinician reads, written out by hand below.
const t = i18n.getFixedT('en', 'clinic');

test('Given no query in the address, then the view is everyone by name, page 1, and its address is bare', () => {
  const v = viewFromSearch('');
  assert.deepEqual(v, { q: '', order: 'name', attentionOnly: false, page: 1 });
  assert.equal(searchOf(v), '');
});

test('Given a view, when written to the address and read back, then it is the same view', () => {
  const v = { q: 'Zoë & co', order: 'attention' as const, attentionOnly: true, page: 3 };
  assert.equal(searchOf(v), '?q=Zo%C3%AB+%26+co&order=attention&attention=only&page=3');
  assert.deepEqual(viewFromSearch(searchOf(v)), v);
});

test('Given an address edited by hand, then what is not understood falls back to the default', () => {
  assert.deepEqual(viewFromSearch('?order=shoe-size&page=-2&attention=yes'), {
    q: '',
    order: 'name',
    attentionOnly: false,
    page: 1,
  });
  assert.equal(viewFromSearch('?page=2.5').page, 1);
});

test('Given a view, then the request names the order as the API takes it, 50 a page, the search trimmed', () => {
  assert.equal(
    listRequest({ q: '  dunn ', order: 'checkin-oldest', attentionOnly: true, page: 2 }, '2026-11-20'),
    '/api/patients?date=2026-11-20&sort=lastCheckin&order=asc&page=2&pageSize=50&q=dunn&attention=only',
  );
  assert.equal(
    listRequest({ q: ' ', order: 'name', attentionOnly: false, page: 1 }, '2026-11-20'),
    '/api/patients?date=2026-11-20&sort=name&order=asc&page=1&pageSize=50',
  );
});

test('Given a page, then its place in the list reads first–last of the total, with thousands marked', () => {
  assert.equal(pageRange({ total: 1000, page: 2, pageSize: 50 }, 50, t), '51–100 of 1,000');
  assert.equal(pageRange({ total: 61, page: 2, pageSize: 50 }, 11, t), '51–61 of 61');
  assert.equal(pageRange({ total: 12_345, page: 1, pageSize: 50 }, 50, t), '1–50 of 12,345');
  assert.equal(pageRange({ total: 0, page: 1, pageSize: 50 }, 0, t), null);
  assert.equal(pageRange({ total: 61, page: 9, pageSize: 50 }, 0, t), null);
});

test("Given the server's reasons to look at a patient, then they read in the language on screen, the same English as the server's", async () => {
  const { attentionReasons, monitoringPeriodText } = await import('./clinician-attention.js');
  const { ATTENTION } = await import('../../../src/core/patient-attention.js');
  const line = {
    needsAttention: [ATTENTION.redFlag, ATTENTION.noCheckin, ATTENTION.lowAdherence, 'a reason from a newer server'],
  } as Parameters<typeof attentionReasons>[0];
  assert.deepEqual(attentionReasons(line, t), [
    ATTENTION.redFlag,
    'no check-in for 7 days',
    'adherence under 50% this week',
    'a reason from a newer server',
  ]);
  const es = i18n.getFixedT('es', 'clinic');
  assert.deepEqual(attentionReasons(line, es), [
    'señal de alarma: programa detenido tras una respuesta de seguridad',
    'sin registros desde hace 7 días',
    'adherencia por debajo del 50\u00a0% esta semana',
    'a reason from a newer server',
  ]);
  // A period 12 days in with 5 days of data: 11 more are needed (16 - 5) by its 30th day.
  const period = {
    start: '2026-11-01',
    end: '2026-11-30',
    daysElapsed: 12,
    daysWithData: 5,
    daysNeeded: 11,
    reached: false,
    stillPossible: true,
    minutes: 0,
  } as Parameters<typeof monitoringPeriodText>[0];
  assert.equal(monitoringPeriodText(period, t), '5 of 12 days so far with data; 11 more needed by 30 Nov 2026');
});
