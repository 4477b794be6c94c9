/**
 * What a restored backup added, named in the language on screen (web/src/account/restored-items.ts), from the real
 * catalogues: the expected words are written here by hand, with the plural each count takes and Spanish grouping
 * (12.345 from five digits on).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { i18n, setLanguage } from '../i18n/i18n.js';
import { restoredItems } from './restored-items.js';

const restored = {
  screens: 1,
  programEvents: 0,
  sessions: 3,
  checkins: 1,
  imports: 0,
  walkingSamples: 12345,
  painMaps: 0,
  screeningResults: 2,
  outcomeScores: 0,
  gaitAnalyses: 1,
  messages: 4,
  messagesLeftOut: 1,
  monitoringMinutes: 0,
  monitoringMinutesLeftOut: 0,
};

test('English: the items a person reads, one or many, none for a zero', async () => {
  await setLanguage('en');
  assert.deepEqual(restoredItems(restored, i18n.getFixedT(null, 'account')), [
    '3 sessions',
    '1 check-in',
    '12,345 walking measurements',
    '1 safety check',
    '2 screening test results',
    '1 gait analysis',
    '4 messages',
    '1 message left out (its clinician has no account here)',
  ]);
});

test('Spanish: the same items in Spanish, with Spanish figures', async () => {
  await setLanguage('es');
  assert.deepEqual(restoredItems(restored, i18n.getFixedT(null, 'account')), [
    '3 sesiones',
    '1 registro',
    '12.345 mediciones de caminata',
    '1 control de seguridad',
    '2 resultados de pruebas de cribado',
    '1 análisis de la marcha',
    '4 mensajes',
    '1 mensaje sin añadir (su profesional no tiene cuenta aquí)',
  ]);
  await setLanguage('en');
});

test('a count this list does not know yet is still shown, by its field name', async () => {
  await setLanguage('en');
  assert.deepEqual(restoredItems({ sessions: 1, futureThings: 2 }, i18n.getFixedT(null, 'account')), [
    '1 session',
    '2 futureThings',
  ]);
});
