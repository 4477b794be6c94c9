/**
 * The API's refusals in the request's language (issue 14 item 8), route group by route group, on SQLite and
 * PostgreSQL: each refusal asked for with Accept-Language: es comes back in Spanish, written here by hand (never
 * read from the program's catalogue), with its code and field unchanged; the same refusal without the header is
 * the English it always was. The groups: reminders and the calendar link, messages, a phone walk ("Walk now"), the
 * clinician's push subscriptions and the service worker's renewal, a backup file, the clinic admin's screen, the
 * guard of every route and the API's own not-found.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES } from '../../test/helpers/databases.js';
import { clinicApi, type ClinicWorld } from '../../test/helpers/test-clinic.js';
import { invalidInput } from '../services/service-error.js';
import { Problem } from './problem.js';

const ES = { 'accept-language': 'es-ES,es;q=0.9' };

test('a refusal is made only by message id: a plain sentence, or a record’s English without its id, fails tsc', () => {
  // Each line below is a type error (tsc fails on an unused @ts-expect-error if one stops being one); at run time a
  // plain string is refused too, so nothing answers with words no language was chosen for.
  // @ts-expect-error a plain English sentence is not a refusal
  assert.throws(() => new Problem(400, 'bad_request', 'Choose your reminder days first.'), TypeError);
  // @ts-expect-error a record's English needs its id to be a refusal of its own
  assert.equal(invalidInput({ message: 'must be 10 or less', text: null }).message, 'must be 10 or less');
});

for (const kind of DATABASES) {
  describe(`The API's refusals in Spanish on ${kind}`, () => {
    const world = clinicApi(kind, { app: { reminders: { tickMs: null } } });
    const ask = async (
      who: Parameters<ClinicWorld['as']>[0],
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: string,
      payload?: object | string,
      headers: Record<string, string> = ES,
    ) => {
      const res = await world.as(who, {
        method,
        url,
        headers: { ...headers, ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}) },
        ...(payload !== undefined ? { payload } : {}),
      });
      return {
        status: res.statusCode,
        error: (res.json() as { error: { code: string; message: string; field?: string } }).error,
      };
    };

    test('reminders: no subscription to remove, a calendar link before any days, a time that is not a time', async () => {
      assert.deepEqual(
        await ask('patient', 'DELETE', '/api/reminders/push-subscription', { endpoint: 'https://push.example/none' }),
        { status: 404, error: { code: 'not_found', message: 'Este navegador no está suscrito a los recordatorios.' } },
      );
      assert.deepEqual(await ask('patient', 'POST', '/api/reminders/calendar'), {
        status: 400,
        error: {
          code: 'bad_request',
          message: 'Elige primero los días y la hora de tus recordatorios, y después crea un enlace de calendario.',
          field: 'days',
        },
      });
      const time = await ask('patient', 'PUT', '/api/reminders', {
        days: ['mon'],
        time: '7.30',
        timeZone: 'Europe/Madrid',
      });
      assert.deepEqual(time.error, {
        code: 'invalid_input',
        message: 'body.time: debe ser una hora del día como 07:30 (reloj de 24 horas)',
        field: 'body.time',
      });
      const twice = await ask('patient', 'PUT', '/api/reminders', {
        days: ['mon', 'mon'],
        time: '07:30',
        timeZone: 'Europe/Madrid',
      });
      assert.equal(twice.error.message, 'body.days: no puede repetir un día');
      // The same refusal without the header: the English it always was.
      assert.deepEqual(
        (
          await ask(
            'patient',
            'DELETE',
            '/api/reminders/push-subscription',
            { endpoint: 'https://push.example/none' },
            {},
          )
        ).error.message,
        'This browser is not subscribed to reminders.',
      );
    });

    test('messages: a clinician who does not see the patient, an id that is not one, an empty message', async () => {
      const other = world.accounts.clinicianOtherClinic.id;
      assert.deepEqual(await ask('patient', 'POST', `/api/messages/${other}`, { text: 'Hola' }), {
        status: 404,
        error: {
          code: 'not_found',
          message: 'No hay conversación con este profesional: no está entre los profesionales que ven tus datos ahora.',
        },
      });
      assert.equal(
        (await ask('patient', 'GET', '/api/messages/not-an-id')).error.message,
        'params.accountId: debe ser el identificador de la cuenta de un profesional',
      );
      const mine = world.accounts.clinicianOfClinic.id;
      assert.equal(
        (await ask('patient', 'POST', `/api/messages/${mine}`, { text: '   ' })).error.message,
        'body.text: escribe primero un mensaje',
      );
    });

    test('a phone walk: an end before its start, more steps in a minute than anyone walks', async () => {
      const walk = {
        clientId: 'walk-es-1',
        start: '2026-12-08T08:00:00+01:00',
        end: '2026-12-08T07:59:00+01:00',
        stepsPerMinute: [10],
        steps: 10,
        walkingSeconds: 5,
        cadenceSpm: null,
      };
      assert.deepEqual(await ask('patient', 'POST', '/api/walking/phone-walks', walk), {
        status: 400,
        error: { code: 'invalid_input', message: 'body.end: debe ser posterior al inicio (start)', field: 'body.end' },
      });
      const fast = { ...walk, end: '2026-12-08T08:01:00+01:00', stepsPerMinute: [300], steps: 300 };
      assert.equal(
        (await ask('patient', 'POST', '/api/walking/phone-walks', fast)).error.message,
        'body.stepsPerMinute.0: debe ser 250 pasos o menos en un minuto',
      );
    });

    test('push subscriptions: none to turn off, a renewal of an unknown one, an endpoint that is not https', async () => {
      assert.deepEqual(
        await ask('clinicianOfClinic', 'DELETE', '/api/clinician/notifications/push-subscription', {
          endpoint: 'https://push.example/none',
        }),
        {
          status: 404,
          error: { code: 'not_found', message: 'Este navegador no recibe avisos de los mensajes de tus pacientes.' },
        },
      );
      const keys = {
        p256dh: Buffer.alloc(65, 4).toString('base64url'),
        auth: Buffer.alloc(16, 1).toString('base64url'),
      };
      assert.deepEqual(
        await ask('anonymous', 'POST', '/api/push-subscription/renew', {
          oldEndpoint: 'https://push.example/old',
          subscription: { endpoint: 'https://push.example/new', keys },
        }),
        {
          status: 404,
          error: {
            code: 'not_found',
            message: 'Ninguna suscripción tiene esta dirección: vuelve a suscribirte desde la página.',
          },
        },
      );
      const http = await ask('clinicianOfClinic', 'PUT', '/api/clinician/notifications/push-subscription', {
        endpoint: 'http://push.example/x',
        keys: { ...keys, auth: Buffer.alloc(15, 1).toString('base64url') },
      });
      assert.equal(
        http.error.message,
        'body.endpoint: debe ser la dirección https del servicio de notificaciones del navegador',
      );
    });

    test('a backup file: not JSON (the parser’s words quoted as its), then one of another format', async () => {
      const notJson = await ask('patient', 'POST', '/api/import-backup', '{"format": ');
      assert.equal(notJson.status, 400);
      assert.match(
        notJson.error.message,
        /^Archivo de copia de seguridad, en (byte \d+|\(document\)): no es JSON válido \(el lector de JSON dice: «[^»]+»\)$/,
      );
      const other = await ask('patient', 'POST', '/api/import-backup', JSON.stringify({ format: 'other-app' }));
      assert.deepEqual(other, {
        status: 400,
        error: {
          code: 'bad_request',
          message: 'Archivo de copia de seguridad, en format: debe ser "footing-backup"',
          field: 'format',
        },
      });
    });

    test('the clinic admin: an email that has an account (409), in Spanish and, without the header, in English', async () => {
      const staff = { email: 'pat@example.org', displayName: 'Pat Again', password: 'long enough password' };
      assert.deepEqual(await ask('clinicAdmin', 'POST', '/api/clinic/clinicians', staff), {
        status: 409,
        error: { code: 'conflict', message: 'Ya existe una cuenta con este correo.', field: 'email' },
      });
      assert.equal(
        (await ask('clinicAdmin', 'POST', '/api/clinic/clinicians', staff, {})).error.message,
        'An account with this email exists.',
      );
      assert.deepEqual(await ask('clinicAdmin', 'DELETE', `/api/clinic/clinicians/${world.accounts.clinicAdmin.id}`), {
        status: 409,
        error: {
          code: 'conflict',
          message: 'Aquí no puedes quitar tu propia cuenta de administrador (usa las órdenes footing user).',
        },
      });
    });

    test('the guard and the API itself: not signed in, not an admin, no such route', async () => {
      assert.deepEqual(await ask('anonymous', 'GET', '/api/reminders'), {
        status: 401,
        error: { code: 'not_signed_in', message: 'Inicia sesión primero.' },
      });
      assert.deepEqual(await ask('patient', 'GET', '/api/clinic'), {
        status: 403,
        error: { code: 'forbidden', message: 'Solo el administrador de la clínica puede hacer esto.' },
      });
      assert.deepEqual(await ask('patient', 'GET', '/api/nothing-here'), {
        status: 404,
        error: { code: 'not_found', message: 'No hay ninguna ruta de la API GET /api/nothing-here' },
      });
    });
  });
}
