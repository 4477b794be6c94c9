/**
 * A gait finding's words in Spanish (issue 14 item 8), metric for metric and sentence for sentence with
 * GAIT_FINDING_EN (src/core/gait-finding-words.ts): the names the gait screen uses (web/src/i18n/locales/es/gait.json)
 * where they mean the same, figures with a decimal comma, and the same strength: slower walking with back pain is a
 * result of the pain, not a cause (DOMAIN.md §1 1.10); video estimates are rough.
 */
import { citation, refIdsIn } from '../citations.js';
import type { GaitFindingWords } from '../gait-finding-words.js';

const NUMBER = new Intl.NumberFormat('es-ES', { maximumFractionDigits: 2, useGrouping: false });
const num = (n: number) => NUMBER.format(n);
/** The units a stored reference range is written in (src/gait/reference-ranges.ts), in Spanish. */
const RANGE_UNIT: Record<string, string> = {
  'steps/min': 'pasos/min',
  '% gait cycle': '% del ciclo de la marcha',
  deg: '°',
  'm/s': 'm/s',
};
const STRIDE = '% de la zancada';

export const GAIT_FINDING_ES: GaitFindingWords = {
  num,
  metric: {
    cadence_spm: {
      label: 'Cadencia',
      unit: 'pasos/min',
      plainLow:
        'Diste menos pasos por minuto que la mayoría de los adultos sanos a un ritmo cómodo. Las personas con dolor de espalda suelen caminar un poco más despacio; normalmente es una consecuencia del dolor.',
      plainHigh: 'Diste más pasos por minuto que el rango habitual.',
    },
    stance_pct: {
      label: 'Apoyo (pie en el suelo)',
      unit: STRIDE,
      plainLow: 'Cada pie pasó en el suelo una parte de la zancada algo menor que el valor de los libros.',
      plainHigh:
        'Cada pie pasó en el suelo una parte de la zancada algo mayor que el valor de los libros; esto aumenta al caminar más despacio.',
    },
    double_support_pct: {
      label: 'Doble apoyo (los dos pies en el suelo)',
      unit: STRIDE,
      plainLow:
        'Los dos pies estuvieron a la vez en el suelo durante menos parte de la zancada de lo habitual; esto disminuye al caminar más deprisa.',
      plainHigh:
        'Los dos pies estuvieron a la vez en el suelo durante más parte de la zancada de lo habitual; esto aumenta con la edad y al caminar más despacio.',
    },
    step_time_symmetry_ratio: {
      label: 'Simetría del tiempo de paso (lado mayor/menor)',
      unit: 'cociente',
      plainLow: '',
      plainHigh: 'Los pasos de un lado duraron más que los del otro, más que en las personas sanas de un estudio.',
    },
    knee_flexion_initial_contact_deg: {
      label: 'Flexión de rodilla al apoyar el talón',
      unit: '°',
      plainLow: 'La rodilla estaba más recta de lo habitual al apoyar el talón.',
      plainHigh: 'La rodilla estaba más doblada de lo habitual al apoyar el talón.',
    },
    knee_flexion_peak_swing_deg: {
      label: 'Flexión máxima de rodilla en el balanceo',
      unit: '°',
      plainLow: 'La rodilla se dobló menos de lo habitual mientras la pierna pasaba hacia delante.',
      plainHigh: 'La rodilla se dobló más de lo habitual mientras la pierna pasaba hacia delante.',
    },
    pelvic_drop_deg: {
      label: 'Caída de la pelvis',
      unit: '°',
      plainLow: '',
      plainHigh:
        'La pelvis bajó más de los pocos grados habituales por el lado de la pierna que se balancea. Las estimaciones por vídeo de esto son aproximadas: fíjate en la tendencia.',
    },
    trunk_lean_deg: {
      label: 'Inclinación lateral del tronco',
      unit: '°',
      plainLow: '',
      plainHigh: 'La parte de arriba del cuerpo se inclinó hacia un lado al caminar.',
    },
    foot_progression_angle_deg: { label: 'Ángulo del pie (punta hacia fuera)', unit: '°', plainLow: '', plainHigh: '' },
    walking_speed_mps: {
      label: 'Velocidad al caminar',
      unit: 'm/s',
      plainLow:
        'Caminaste más despacio que la media de los adultos. Con dolor de espalda es frecuente y es una consecuencia del dolor, no una causa; es una buena señal que seguir mientras te recuperas.',
      plainHigh: 'Caminaste más deprisa que las medias de los adultos.',
    },
    step_length_m: { label: 'Longitud del paso', unit: 'm', plainLow: '', plainHigh: '' },
    knee_flexion_peak_stance_deg: {
      label: 'Flexión de rodilla al cargar el peso',
      unit: '°',
      plainLow: 'La rodilla se dobló menos de lo habitual cuando la pierna recibió tu peso.',
      plainHigh: 'La rodilla se dobló más de lo habitual cuando la pierna recibió tu peso.',
    },
    knee_frontal_projection_deg: {
      label: 'Alineación de la rodilla vista de frente (hacia la línea media, positivo)',
      unit: '°',
      plainLow: '',
      plainHigh: '',
    },
    trunk_forward_lean_deg: { label: 'Inclinación del tronco hacia delante', unit: '°', plainLow: '', plainHigh: '' },
    contact_time_s: { label: 'Tiempo de contacto del pie', unit: 's', plainLow: '', plainHigh: '' },
    flight_time_s: { label: 'Tiempo de vuelo (al correr)', unit: 's', plainLow: '', plainHigh: '' },
    step_width_m: { label: 'Anchura del paso', unit: 'm', plainLow: '', plainHigh: '' },
  },
  range: (r) => {
    const ids = refIdsIn(r.source);
    const unit = RANGE_UNIT[r.unit] ?? r.unit;
    return `${num(r.min)}–${num(r.max)}${unit === '°' ? unit : ` ${unit}`}${ids.length ? ` (${ids.map((id) => citation(id, 'es')).join('; ')})` : ''}`;
  },
  sides: (left, right) => `izquierda ${left}, derecha ${right}`,
  sidesDisagreeReference: 'sin comparar: los dos lados no coinciden',
  sidesDisagree: (label) =>
    `${label}: el lado izquierdo y el derecho salieron demasiado distintos para fiarse de ninguno como un solo número; puede que un lado esté mal medido. Vuelve a grabar con las dos piernas bien visibles.`,
  noReference: 'sin referencia',
  lowConfidence: (label, percent) =>
    `${label}: se midió, pero el vídeo dio demasiado poco para estar seguros (confianza ${percent} %). Vuelve a grabar para tener una respuesta más clara.`,
  runReference: 'Sin referencia para correr: los rangos que usa Footing son para caminar',
  run: (label, value) =>
    `${label}: ${value} al correr. Los rangos habituales son para caminar, así que no se compara con ellos.`,
  phoneVideoReference: 'No hay una referencia validada para vídeo de móvil',
  noValidatedReference: (label, value) => `${label}: ${value}. No hay una referencia fiable con la que compararlo.`,
  within: (label) => `${label}: dentro del rango habitual.`,
  outside: (label, value, reference) => `${label}: ${value}, fuera del rango habitual de ${reference}.`,
};
