/**
 * Screening findings written in Spanish (interpretScreening(result, context, 'es')): labels, values, references and
 * sentences, with the figures worked out here by hand from the inputs and written with a decimal comma. The English
 * for the same input is checked unchanged by screening-tests.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interpretScreening } from '../screening-interpret.js';
import type { ScreeningResult } from '../screening-schemas.js';

const at = { recordedAt: '2026-11-21T10:00:00+00:00', recordedBy: 'me' };
const es = (r: Omit<ScreeningResult, 'recordedAt' | 'recordedBy'>, ctx = {}) =>
  interpretScreening({ ...r, ...at } as ScreeningResult, ctx, 'es');

test('navicular drop: 12.5 mm on the left is over 10 mm, 7 on the right in 6-9 mm; the difference 5.5 mm', () => {
  const [left, right, diff] = es({ testId: 'navicular-drop', values: { left: 12.5, right: 7 } });
  assert.deepEqual([left!.label, left!.value, left!.status], ['Caída del navicular', '12,5 mm', 'notable']);
  assert.equal(
    left!.plain,
    'Tu arco izquierdo bajó 12,5 mm al ponerte de pie. Es más de los 6 a 9 mm habituales. Es compatible con un pie que se va mucho hacia dentro. Vale la pena enseñárselo a tu profesional.',
  );
  assert.equal(right!.plain, 'Tu arco derecho bajó 7 mm al ponerte de pie. Está en el rango habitual de 6 a 9 mm.');
  assert.equal(
    left!.reference,
    'Habitual: unos 6-9 mm; más de 10 mm se suele interpretar como pronación excesiva (Brody: más de 15 mm); menos de 5 mm puede indicar un pie rígido. Poco valor en casa: la caída en reposo explica solo ~13 % de la caída al caminar.',
  );
  assert.deepEqual(
    [diff!.label, diff!.value, diff!.status],
    ['Caída del navicular: diferencia entre lados', '5,5 mm (el arco izquierdo bajó más)', 'not-interpretable'],
  );
  assert.equal(
    diff!.plain,
    'Tu arco izquierdo bajó 5,5 mm más que tu arco derecho al ponerte de pie. No hay un punto de corte acordado para una diferencia entre lados, así que se muestra tal cual. Puedes enseñárselo a tu profesional.',
  );
});

test('lunge: 8.5 cm is under 9 cm (8.5 x 3.6 = 30.6, about 31 degrees); 10.5 - 8.5 = 2 cm apart, over the 1.5 cm MDC', () => {
  const [left, right, diff] = es({ testId: 'weight-bearing-lunge', values: { left: 8.5, right: 10.5 } });
  assert.equal(left!.value, '8,5 cm (unos 31 grados)');
  assert.equal(
    left!.plain,
    'Tu rodilla izquierda llegó a la pared con los dedos del pie a 8,5 cm. Por debajo de 9 cm se suele hablar de un tobillo rígido. Vale la pena enseñárselo a tu profesional.',
  );
  assert.equal(
    right!.plain,
    'Tu rodilla derecha llegó a la pared con los dedos del pie a 10,5 cm. Está en el rango habitual (10 cm o más).',
  );
  assert.equal(diff!.value, '2 cm');
  assert.equal(
    diff!.plain,
    'Tu tobillo izquierdo se dobló 2 cm menos que el otro. Una diferencia de 1,5 cm o más es mayor que el error de medida. Vale la pena enseñárselo a tu profesional.',
  );
  assert.equal(
    diff!.reference,
    'Una diferencia de 1,5 cm o más supera el error de medida (CMD 1 cm en una pierna, 1,5 cm entre lados).',
  );
});

test('single-leg stance, eyes closed, age 65: the 60-69 average is 2.5 s; 1.5 s is below it, 3 s at or above', () => {
  const [left, right, diff] = es(
    { testId: 'single-leg-stance', values: { eyesClosed: { left: 1.5, right: 3 } } },
    { age: 65 },
  );
  assert.deepEqual(
    [left!.label, left!.value, left!.status],
    ['Tiempo sobre una pierna (ojos cerrados)', '1,5 s (el mejor de 3)', 'borderline'],
  );
  assert.equal(
    left!.plain,
    'Te mantuviste sobre la pierna izquierda 1,5 segundos con los ojos cerrados. Está por debajo de la media de tu grupo de edad (unos 2,5 segundos). Una media no es un punto de corte, y estas medias aún están por comprobar. Vale la pena enseñárselo a tu profesional.',
  );
  assert.equal(
    left!.reference,
    'Media para la edad 60-69: unos 2,5 s (ojos cerrados; cifras por grupo SIN VERIFICAR). Una media, no un punto de corte.',
  );
  assert.equal(
    right!.plain,
    'Te mantuviste sobre la pierna derecha 3 segundos con los ojos cerrados. Está en la media de tu grupo de edad o por encima (unos 2,5 segundos).',
  );
  assert.equal(diff!.value, '1,5 segundos (más tiempo sobre la pierna derecha)');
});

test('heel raise for a woman: 19 is below her median of 21, 26 above; 7 apart is over the 6-rep limits', () => {
  const [left, right, diff] = es(
    { testId: 'heel-raise', values: { left: 19, right: 26, protocol: 'incline-metronome' } },
    { sex: 'female' },
  );
  assert.equal(left!.value, '19 repeticiones (rampa, metrónomo)');
  assert.equal(
    left!.plain,
    'Tu pierna izquierda hizo 19 elevaciones del talón. Está por debajo del recuento central de las mujeres sanas (21). La mitad de las personas sanas queda por debajo del centro, y los recuentos bajan con la edad. Vale la pena enseñárselo a tu profesional.',
  );
  assert.equal(
    right!.plain,
    'Tu pierna derecha hizo 26 elevaciones del talón. Está en el recuento central de las mujeres sanas o por encima (21).',
  );
  assert.equal(
    diff!.plain,
    'Tu pierna izquierda hizo 7 elevaciones del talón menos que la otra. Es más de lo que suele variar la prueba (6). Vale la pena enseñárselo a tu profesional.',
  );
});

test('FPI, windlass and an observation: bands, results and observations in words', () => {
  const [fpi] = es({ testId: 'foot-posture-index', values: { right: 7 } });
  assert.equal(fpi!.value, '+7 (pronado)');
  assert.equal(
    fpi!.plain,
    'Tu pie derecho puntuó +7 en el Índice de postura del pie. Está en el grupo «pronado»: el pie se apoya girado hacia dentro, con aspecto más plano. Vale la pena enseñárselo a tu profesional.',
  );
  const [windlass] = es({ testId: 'windlass', values: { left: 'negative' } });
  assert.equal(windlass!.value, 'negativa');
  assert.equal(
    windlass!.plain,
    'Levantar tu dedo gordo izquierdo no hizo volver el dolor. Esto no descarta nada: la prueba no detecta a unas 2 de cada 3 personas con dolor de talón.',
  );
  const [hip] = es({ testId: 'trendelenburg', values: { right: 'not-seen' } });
  assert.deepEqual([hip!.label, hip!.value], ['Signo de Trendelenburg (la cadera cae sobre una pierna)', 'no se vio']);
  assert.equal(
    hip!.plain,
    'Al apoyarte sobre la pierna derecha, no se vio que la cadera del otro lado bajara. Es solo una observación.',
  );
});
