/**
 * Questionnaire and gait findings written in Spanish (outcomeFinding(input, 'es'), gaitFindings(a, meta, 'es')),
 * expected texts written here by hand with their figures worked out from the inputs. The English is checked unchanged
 * by outcome-measures.test.ts and gait-findings.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outcomeFinding } from '../outcome-finding.js';
import { gaitFindings } from '../gait-findings.js';

const at = { recordedAt: '2026-11-21T10:00:00+00:00', recordedBy: 'me' };

test('ODI 34 in the moderate band, 50 before: 16 points down is past the MCID of 10 (and 30 % of 50 = 15)', () => {
  const f = outcomeFinding(
    { measure: 'odi', result: { score: 34, band: 'moderate', problems: [] }, baseline: 50, ...at },
    'es',
  );
  assert.equal(f.label, 'Oswestry Disability Index (ODI) v2.1a', 'the published name');
  assert.equal(f.value, '34 % (moderada)');
  assert.equal(
    f.plain,
    'La puntuación de tu cuestionario de espalda (ODI) es 34 sobre 100. Está en la franja «moderada». Antes era 50. Es una mejora real. Vale la pena enseñárselo a tu profesional.',
  );
  assert.match(f.reference, /^Franjas 0-20 mínima, 21-40 moderada, 41-60 intensa/);
});

test('NDI 12.5 raw is 25 %, in the mild band; a neck NPRS of 6.5 with no earlier score', () => {
  const ndi = outcomeFinding({ measure: 'ndi', result: { score: 12.5, band: 'mild', problems: [] }, ...at }, 'es');
  assert.equal(ndi.value, '12,5/50 bruta (25 %) (leve)');
  const nprs = outcomeFinding({ measure: 'nprs', result: { score: 6.5, problems: [] }, painSite: 'neck', ...at }, 'es');
  assert.equal(
    nprs.plain,
    'Tu dolor de cuello es de 6,5 sobre 10. Esta puntuación dice más cuando se compara con las siguientes.',
  );
  assert.equal(
    nprs.reference,
    'Un solo ítem: sin él no hay puntuación. DMCI de 2 puntos o el 30 % del valor inicial (consenso en dolor lumbar, Ostelo 2008). Sin franja de referencia: léelo como un cambio a lo largo del tiempo.',
  );
});

test('gait: 0.87 m/s is under the 0.94-1.43 m/s range; a knee angle not sure enough at 12 % confidence; sides apart', () => {
  const { chain, wholeBody } = gaitFindings(
    {
      view: 'side',
      mode: 'walk',
      metrics: {
        walking_speed_mps: {
          value: 0.87,
          confidence: 0.9,
          reference: { min: 0.94, max: 1.43, unit: 'm/s', source: 'DOMAIN.md §2c [21]' },
        },
        knee_flexion_peak_swing_deg: {
          value: 55,
          confidence: 0.12,
          reference: { min: 60, max: 70, unit: 'deg', source: 'DOMAIN.md §2c' },
        },
        step_length_m: { value: null, confidence: 0.9, left: 0.55, right: 0.71 },
      },
    },
    at,
    'es',
  );
  const speed = wholeBody.find((f) => f.source === 'gait:walking_speed_mps')!;
  assert.deepEqual([speed.label, speed.value, speed.status], ['Velocidad al caminar', '0,87 m/s', 'notable']);
  assert.match(speed.reference, /^0,94–1,43 m\/s \(/);
  assert.equal(
    speed.plain,
    'Caminaste más despacio que la media de los adultos. Con dolor de espalda es frecuente y es una consecuencia del dolor, no una causa; es una buena señal que seguir mientras te recuperas.',
  );
  const knee = chain.find((f) => f.source === 'gait:knee_flexion_peak_swing_deg')!;
  assert.equal(knee.reference, '60–70°');
  assert.equal(
    knee.plain,
    'Flexión máxima de rodilla en el balanceo: se midió, pero el vídeo dio demasiado poco para estar seguros (confianza 12 %). Vuelve a grabar para tener una respuesta más clara.',
  );
  const step = wholeBody.find((f) => f.source === 'gait:step_length_m')!;
  assert.equal(step.value, 'izquierda 0,6 m, derecha 0,7 m');
});
