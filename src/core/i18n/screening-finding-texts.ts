/**
 * A screening finding's words in Spanish (issue 14 item 8), sentence for sentence with SCREENING_FINDING_EN
 * (src/core/screening-finding-words.ts): the same figures from the same constants (DOMAIN.md §5), written with a
 * decimal comma, and the same strength ("compatible con", never a diagnosis; UNVERIFIED as SIN VERIFICAR). Spanish
 * nouns have a gender, so each sentence chooses "izquierdo" or "izquierda" for its own noun (arco, pie, tobillo and
 * dedo are masculine; rodilla and pierna feminine).
 */
import {
  FPI_NORMAL_MIN,
  FPI_PRONATED_MIN,
  HEEL_RAISE_INCLINE_DEG,
  HEEL_RAISE_LIMITS_OF_AGREEMENT_REPS as LOA,
  HEEL_RAISE_MEDIAN_MEN as MEN,
  HEEL_RAISE_MEDIAN_WOMEN as WOMEN,
  HEEL_RAISE_METRONOME_BPM,
  LUNGE_DEGREES_PER_CM,
  LUNGE_MDC_ONE_LEG_CM,
  LUNGE_MDC_SIDE_TO_SIDE_CM,
  LUNGE_RESTRICTED_BELOW_CM as STIFF,
  LUNGE_TYPICAL_FROM_CM as USUAL,
  NAVICULAR_DROP_BRODY_ABOVE_MM,
  NAVICULAR_DROP_HIGH_ABOVE_MM,
  NAVICULAR_DROP_LOW_BELOW_MM,
  NAVICULAR_DROP_TYPICAL_MAX_MM as ND_MAX,
  NAVICULAR_DROP_TYPICAL_MIN_MM as ND_MIN,
} from '../screening-constants.js';
import type { ObservationTest, ScreeningFindingWords, Side, StanceCondition } from '../screening-finding-words.js';
import { SCREENING_NAME_ES } from './screening-names.js';

const NUMBER = new Intl.NumberFormat('es-ES', { maximumFractionDigits: 1 });
const num = (n: number) => NUMBER.format(Math.round(n * 10) / 10);
/** "izquierdo" / "derecha": the side agreeing with a masculine or feminine noun. */
const m = (side: Side) => (side === 'left' ? 'izquierdo' : 'derecho');
const f = (side: Side) => (side === 'left' ? 'izquierda' : 'derecha');
const MDC2 = num(LUNGE_MDC_SIDE_TO_SIDE_CM);
const CONDITION: Record<StanceCondition, string> = { eyesOpen: 'ojos abiertos', eyesClosed: 'ojos cerrados' };
const WHO = { male: 'los hombres sanos', female: 'las mujeres sanas', adults: 'los adultos sanos' } as const;
const OBSERVED: Record<ObservationTest, { when: (side: Side) => string; sign: string; noSign: string }> = {
  'single-leg-squat-valgus': {
    when: (s) => `Al hacer la sentadilla sobre la pierna ${f(s)},`,
    sign: 'la rodilla se fue hacia dentro',
    noSign: 'no se vio que la rodilla se fuera hacia dentro',
  },
  trendelenburg: {
    when: (s) => `Al apoyarte sobre la pierna ${f(s)},`,
    sign: 'la cadera del otro lado bajó',
    noSign: 'no se vio que la cadera del otro lado bajara',
  },
};
const testName: ScreeningFindingWords['testName'] = (id) => SCREENING_NAME_ES[id];

export const SCREENING_FINDING_ES: ScreeningFindingWords = {
  num,
  testName,
  worthShowing: 'Vale la pena enseñárselo a tu profesional.',
  difference: {
    label: (label) => `${label}: diferencia entre lados`,
    reference: 'No hay un punto de corte validado para una diferencia entre lados.',
    value: (d, more) => `${d} (${more})`,
    plain: (said) =>
      `${said} No hay un punto de corte acordado para una diferencia entre lados, así que se muestra tal cual. Puedes enseñárselo a tu profesional.`,
  },
  navicular: {
    reference: `Habitual: unos ${ND_MIN}-${ND_MAX} mm; más de ${NAVICULAR_DROP_HIGH_ABOVE_MM} mm se suele interpretar como pronación excesiva (Brody: más de ${NAVICULAR_DROP_BRODY_ABOVE_MM} mm); menos de ${NAVICULAR_DROP_LOW_BELOW_MM} mm puede indicar un pie rígido. Poco valor en casa: la caída en reposo explica solo ~13 % de la caída al caminar.`,
    said: (side, mm) => `Tu arco ${m(side)} bajó ${mm} mm al ponerte de pie.`,
    more: `Es más de los ${ND_MIN} a ${ND_MAX} mm habituales. Es compatible con un pie que se va mucho hacia dentro.`,
    low: `Es menos de los ${ND_MIN} a ${ND_MAX} mm habituales. Es compatible con un pie rígido.`,
    usual: `Está en el rango habitual de ${ND_MIN} a ${ND_MAX} mm.`,
    edge: `Está justo fuera de los ${ND_MIN} a ${ND_MAX} mm habituales, en el límite.`,
    value: (mm) => `${mm} mm`,
    unit: 'mm',
    largerSide: (side) => `el arco ${m(side)} bajó más`,
    differenceSaid: (more, other, d) => `Tu arco ${m(more)} bajó ${d} más que tu arco ${m(other)} al ponerte de pie.`,
  },
  fpi: {
    reference:
      '-12..-5 muy supinado, -4..-1 supinado, 0..+5 normal, +6..+9 pronado, +10..+12 muy pronado; media de referencia +4. Más alto en niños y en personas mayores.',
    olderAdults: ' Las puntuaciones suelen ser un poco más altas en personas mayores.',
    said: (side, total) => `Tu pie ${m(side)} puntuó ${total} en el Índice de postura del pie.`,
    band: {
      'highly supinated': 'muy supinado',
      supinated: 'supinado',
      normal: 'normal',
      pronated: 'pronado',
      'highly pronated': 'muy pronado',
    },
    bandPlain: {
      'highly supinated': 'el pie se apoya muy girado hacia fuera, con aspecto de arco alto',
      supinated: 'el pie se apoya un poco girado hacia fuera, con aspecto de arco más alto',
      normal: 'el rango habitual',
      pronated: 'el pie se apoya girado hacia dentro, con aspecto más plano',
      'highly pronated': 'el pie se apoya muy girado hacia dentro, con aspecto plano',
    },
    normal: (bandPlain) => `Está en ${bandPlain} (${FPI_NORMAL_MIN} a +${FPI_PRONATED_MIN - 1}).`,
    outside: (band, bandPlain) => `Está en el grupo «${band}»: ${bandPlain}.`,
    value: (total, band) => `${total} (${band})`,
    unit: 'puntos',
    largerSide: (side) => `el pie ${m(side)} puntuó más`,
    differenceSaid: (more, other, d) => `Tu pie ${m(more)} puntuó ${d} más que tu pie ${m(other)}.`,
  },
  lunge: {
    reference: `No hay un punto de corte universal; menos de ${STIFF}-${USUAL} cm (unos ${Math.round(STIFF * LUNGE_DEGREES_PER_CM)}-${Math.round(USUAL * LUNGE_DEGREES_PER_CM)} grados) es un criterio habitual de «restringido». 1 cm son unos ${num(LUNGE_DEGREES_PER_CM)} grados.`,
    said: (side, cm) => `Tu rodilla ${f(side)} llegó a la pared con los dedos del pie a ${cm} cm.`,
    stiff: `Por debajo de ${STIFF} cm se suele hablar de un tobillo rígido.`,
    edge: `Está en el límite (${STIFF} a ${USUAL} cm) de lo que se suele llamar un tobillo rígido.`,
    usual: `Está en el rango habitual (${USUAL} cm o más).`,
    value: (cm, deg) => `${cm} cm (unos ${deg} grados)`,
    differenceReference: `Una diferencia de ${MDC2} cm o más supera el error de medida (CMD ${num(LUNGE_MDC_ONE_LEG_CM)} cm en una pierna, ${MDC2} cm entre lados).`,
    lessNotable: (less, d) =>
      `Tu tobillo ${m(less)} se dobló ${d} cm menos que el otro. Una diferencia de ${MDC2} cm o más es mayor que el error de medida.`,
    lessEdge: (less, d) =>
      `Tu tobillo ${m(less)} se dobló ${d} cm menos que el otro. Está en el límite del error de medida (${MDC2} cm).`,
    same: (d) =>
      `Tus dos tobillos se doblaron más o menos lo mismo (${d} cm de diferencia). Está dentro del error de medida.`,
    differenceValue: (d) => `${d} cm`,
  },
  stance: {
    label: (c) => `${testName('single-leg-stance')} (${CONDITION[c]})`,
    said: (side, s, c) => `Te mantuviste sobre la pierna ${f(side)} ${s} segundos con los ${CONDITION[c]}.`,
    value: (s) => `${s} s (el mejor de 3)`,
    norm: (group, s) => `${group}: ~${s} s`,
    allGroupsReference: (norms) => `Solo medias por grupo de edad (${norms}; SIN VERIFICAR); adultos de 18 años o más.`,
    needsAge: 'Para compararlo con otras personas, Footing necesita tu edad.',
    adultsOnly: 'Las medias que tiene Footing son de adultos, así que se muestra tal cual.',
    groupReference: (group, s, c) =>
      `Media para la edad ${group}: unos ${s} s (${CONDITION[c]}; cifras por grupo SIN VERIFICAR). Una media, no un punto de corte.`,
    atOrAbove: (s) => `Está en la media de tu grupo de edad o por encima (unos ${s} segundos).`,
    below: (s) =>
      `Está por debajo de la media de tu grupo de edad (unos ${s} segundos). Una media no es un punto de corte, y estas medias aún están por comprobar.`,
    unit: 'segundos',
    largerSide: (side) => `más tiempo sobre la pierna ${f(side)}`,
    differenceSaid: (more, other, d) => `Te mantuviste ${d} más sobre la pierna ${f(more)} que sobre la ${f(other)}.`,
  },
  heelRaise: {
    reference: `Mediana ${MEN} (hombres) / ${WOMEN} (mujeres) en una rampa de ${HEEL_RAISE_INCLINE_DEG} grados a ${HEEL_RAISE_METRONOME_BPM} golpes por minuto; baja con la edad; una mediana, no un punto de corte. Compara con la otra pierna.`,
    said: (side, n) => `Tu pierna ${f(side)} hizo ${n} elevaciones del talón.`,
    value: (n, flat) => `${n} repeticiones (${flat ? 'suelo plano' : 'rampa, metrónomo'})`,
    flatFloor:
      'Las cifras habituales vienen de una prueba en rampa siguiendo un ritmo, así que un recuento en suelo plano no se puede comparar con ellas. Tus dos piernas sí se pueden comparar entre sí.',
    atOrAbove: (who, median) => `Está en el recuento central de ${WHO[who]} o por encima (${median}).`,
    below: (who, median) =>
      `Está por debajo del recuento central de ${WHO[who]} (${median}). La mitad de las personas sanas queda por debajo del centro, y los recuentos bajan con la edad.`,
    needsSex: `El recuento central es ${MEN} para los hombres y ${WOMEN} para las mujeres, así que para comparar hace falta saber cuál se aplica.`,
    differenceReference: `Límites de acuerdo al repetir la prueba de unas +-${LOA} repeticiones; una diferencia mayor entre lados se interpreta como mayor que el error de medida (interpretación de Footing, EO).`,
    differenceValue: (d) => `${d} repeticiones`,
    fewer: (fewer, d) =>
      `Tu pierna ${f(fewer)} hizo ${d} elevaciones del talón menos que la otra. Es más de lo que suele variar la prueba (${LOA}).`,
    same: (d) =>
      `Tus dos piernas hicieron más o menos el mismo número de elevaciones del talón (${d} de diferencia). Está dentro de lo que varía la prueba.`,
  },
  windlass: {
    reference:
      'Especificidad 100 %, sensibilidad de un 32 %: una prueba positiva ayuda a confirmar el dolor plantar del talón; una negativa no lo descarta.',
    value: { positive: 'positiva', negative: 'negativa' },
    positive: (side) =>
      `Levantar tu dedo gordo ${m(side)} hizo volver tu dolor de talón o de arco. Es compatible con una irritación de la banda que hay bajo el pie (la fascia plantar).`,
    negative: (side) =>
      `Levantar tu dedo gordo ${m(side)} no hizo volver el dolor. Esto no descarta nada: la prueba no detecta a unas 2 de cada 3 personas con dolor de talón.`,
  },
  observation: {
    reference:
      'Solo observación: no hay un umbral numérico validado; coméntalo con un profesional (fiabilidad solo aceptable a moderada, SIN VERIFICAR).',
    value: { seen: 'sí se vio', 'not-seen': 'no se vio', unsure: 'no está claro' },
    seen: (test, side) =>
      `${OBSERVED[test].when(side)} ${OBSERVED[test].sign}. No hay un punto de corte acordado para esto, así que es solo una observación.`,
    notSeen: (test, side) => `${OBSERVED[test].when(side)} ${OBSERVED[test].noSign}. Es solo una observación.`,
    unsure: (test, side) =>
      `${OBSERVED[test].when(side)} costó verlo. No pasa nada: es solo una observación, y un profesional puede mirarlo contigo.`,
  },
};
