/**
 * The screening tests of src/core/screening-tests.ts in Spanish (issue 14 item 8): each test's short name, what it
 * looks at, the home and clinic instructions, the accepted values, its reliability and what is not verified, for
 * GET /api/assessment/catalogue and the chain's finding labels. Keyed by test id, so a test without its Spanish
 * fails tsc; test/server-texts-es.test.ts checks the lists inside line for line and the clinical wording (hedges
 * kept, no promise added). Figures come from the same constants as the English. Footing's own wording, as in
 * English: no test manual is reproduced (the FPI-6 form is © A. Redmond; only its total is stored).
 */
import type { Language } from '../language.js';
import {
  HEEL_RAISE_INCLINE_DEG,
  HEEL_RAISE_METRONOME_BPM,
  SINGLE_LEG_STANCE_MAX_S,
  SINGLE_LEG_STANCE_TRIALS,
} from '../screening-constants.js';
import type { ScreeningTestId } from '../screening-schemas.js';
import { SCREENING_NAME_ES } from './screening-names.js';
import { SCREENING_TESTS, type MeasureHow, type ScreeningTestInfo } from '../screening-tests.js';

/** The words of one test, in the shape of ScreeningTestInfo's texts. */
export interface ScreeningTexts {
  name: string;
  purpose: string;
  home: MeasureHow | { notAtHome: string };
  clinic: MeasureHow;
  range: string;
  reliability: string;
  unverified?: string;
  licence?: string;
}

const STOP_IF_PAIN = 'Para si notas un dolor agudo, y no sigas a pesar de él.';
const HOLD_ON = 'Ponte junto a la encimera de la cocina o en una esquina para poder sujetarte.';

export const SCREENING_TEXTS_ES: Record<ScreeningTestId, ScreeningTexts> = {
  'navicular-drop': {
    name: SCREENING_NAME_ES['navicular-drop'],
    purpose: 'Cuánto baja el arco del pie al pasar de estar sentado a estar de pie.',
    home: {
      need: [
        'Alguien que te ayude',
        'Un bolígrafo que se borre con agua',
        'Una tarjeta rígida (como una ficha) y una regla con milímetros',
      ],
      steps: [
        'Siéntate con el pie descalzo apoyado en el suelo y la rodilla doblada en ángulo recto.',
        'Quien te ayuda busca el bulto óseo del lado interno del pie, delante del hueso del tobillo, y lo marca con el bolígrafo.',
        'Con el pie relajado pero apoyado, pone la tarjeta de pie junto al pie y marca en ella la altura del punto.',
        'Ponte de pie con el peso en los dos pies, relajado.',
        'Quien te ayuda marca la nueva altura del punto en la misma tarjeta.',
        'Mide en milímetros la distancia entre las dos marcas. Esa es la caída. Haz el otro pie igual.',
      ],
      safety: ['Sujétate a algo firme al ponerte de pie.'],
      note: 'Es difícil medirla bien en casa, y el resultado dice poco de cómo se mueve el pie al caminar. Un profesional puede medirla con más fiabilidad.',
    },
    clinic: {
      need: ['Marcador para el navicular', 'Tarjeta o regla (mm)'],
      steps: [
        'Marcar la tuberosidad del navicular con la persona sentada, la articulación subastragalina en neutro, el pie apoyado y sin carga.',
        'Registrar la altura del navicular; registrarla de nuevo en bipedestación relajada sobre los dos pies.',
        'Caída = altura sentado menos altura de pie, en mm, por pie.',
      ],
      safety: ['Dar apoyo para el equilibrio al ponerse de pie.'],
    },
    range: '0-30 mm por pie',
    reliability:
      'CCI intraobservador 0,61-0,79, interobservador 0,46-0,83; la caída estática explica solo ~13 % de la caída dinámica; la concordancia entre sesiones es solo aceptable (kappa ponderado 0,40). Poco valor en casa.',
  },
  'foot-posture-index': {
    name: SCREENING_NAME_ES['foot-posture-index'],
    purpose:
      'Cómo se colocan tus pies cuando estás de pie relajado: hacia dentro, hacia fuera o entre ambos. Lo puntúa una persona formada.',
    home: {
      notAtHome:
        'Esta prueba necesita un observador formado y el formulario oficial. Pide a tu profesional que la haga, e introduce la puntuación total de su formulario.',
    },
    clinic: {
      need: [
        'El formulario oficial FPI-6 y su guía de uso (© A. Redmond; se obtienen del autor, Universidad de Leeds)',
      ],
      steps: [
        'Puntuar el FPI-6 de cada pie siguiendo la guía de uso oficial.',
        'Introducir en Footing solo el total de cada pie (de -12 a +12).',
      ],
      safety: ['La persona está de pie relajada sobre los dos pies; que se sujete si está inestable.'],
      note: 'Footing no reproduce los seis ítems ni el manual: tienen derechos de autor.',
    },
    range: 'números enteros de -12 a +12 por pie',
    reliability:
      'Kappa ponderado entre sesiones 0,92; necesita un observador formado; una versión a partir de fotos no está validada.',
    licence:
      'Manual del FPI-6 © Anthony Redmond 1998, todos los derechos reservados; no se encontraron condiciones de uso en una app. Solo se guarda la puntuación total.',
  },
  'weight-bearing-lunge': {
    name: SCREENING_NAME_ES['weight-bearing-lunge'],
    purpose: 'Cuánto puede doblarse el tobillo hacia delante con el talón en el suelo.',
    home: {
      need: ['Una pared', 'Una cinta métrica', 'Una tira de cinta adhesiva o una marca de bolígrafo en el suelo'],
      steps: [
        'Pon la cinta métrica en el suelo en ángulo recto con la pared, con el 0 en la pared.',
        'Ponte descalzo mirando a la pared y pon un pie sobre la cinta, con el dedo gordo apuntando a la pared.',
        'Mantén ese talón en el suelo y lleva la rodilla hacia delante hasta que toque la pared.',
        'Si la rodilla llega a la pared con facilidad, aleja un poco el pie. Si el talón se levanta, acércalo.',
        'Busca el punto más alejado en el que la rodilla apenas toca la pared con el talón todavía en el suelo.',
        'Lee en centímetros la distancia de la pared a la punta del dedo gordo. Inténtalo 3 veces y quédate con la mayor.',
        'Haz el otro pie igual.',
      ],
      safety: [
        'Apoya las manos en la pared para el equilibrio.',
        STOP_IF_PAIN,
        'No hagas esta prueba si te has hecho daño en el tobillo en las últimas semanas.',
      ],
    },
    clinic: {
      need: ['Cinta métrica fijada al suelo perpendicular a la pared'],
      steps: [
        'Zancada rodilla a la pared, talón apoyado, pie alineado con la cinta; alejar el pie de la pared progresivamente.',
        'Registrar la distancia máxima dedo-pared (cm) con contacto de la rodilla y el talón apoyado; la mejor de 3 por lado.',
        'Opcional: 1 cm equivale a unos 3,6 grados; un inclinómetro en la tibia da el ángulo directamente.',
      ],
      safety: ['Manos en la pared.'],
    },
    range: '0-25 cm por lado',
    reliability:
      'CCI 0,80-0,99 (revisión sistemática); CMD de unos 1,0 cm para una pierna, 1,5 cm entre lados. Muy adecuada para casa con una cinta métrica.',
  },
  'single-leg-stance': {
    name: SCREENING_NAME_ES['single-leg-stance'],
    purpose: 'Cuánto tiempo puedes mantener el equilibrio sobre una pierna, con los ojos abiertos y después cerrados.',
    home: {
      need: [
        'Un cronómetro (sirve el móvil)',
        'Alguien que te ayude, necesario con los ojos cerrados',
        'Un suelo llano y despejado junto a una encimera',
      ],
      steps: [
        'Ponte descalzo junto a la encimera y cruza los brazos sobre el pecho.',
        'Levanta un pie del suelo sin que toque la otra pierna. Pon en marcha el cronómetro.',
        'Para el cronómetro cuando el pie levantado toque el suelo o la otra pierna, se descrucen los brazos, se mueva el pie de apoyo o llegues a 45 segundos.',
        `Hazlo ${SINGLE_LEG_STANCE_TRIALS} veces con cada pierna y quédate con el mejor tiempo (como mucho ${SINGLE_LEG_STANCE_MAX_S} segundos).`,
        'Si con los ojos abiertos te sentiste estable, haz lo mismo con los ojos cerrados, con quien te ayuda justo a tu lado.',
      ],
      safety: [
        HOLD_ON,
        'Cierra los ojos solo con alguien a tu lado.',
        'No lo hagas con los ojos cerrados si te mareas o te has caído en el último año.',
      ],
    },
    clinic: {
      need: ['Cronómetro'],
      steps: [
        'Descalzo, brazos cruzados, apoyo monopodal; tiempo hasta que el pie toca el suelo, se descruzan los brazos, se desplaza el pie de apoyo o 45 s.',
        `El mejor de ${SINGLE_LEG_STANCE_TRIALS} intentos por pierna, ojos abiertos y después ojos cerrados.`,
      ],
      safety: ['Proteger al paciente, sobre todo con los ojos cerrados.'],
    },
    range: `0-${SINGLE_LEG_STANCE_MAX_S} s por lado, ojos abiertos y/o ojos cerrados`,
    reliability:
      'CCI interobservador (mejor de 3) 0,994 ojos abiertos, 0,998 ojos cerrados; descalzo, brazos cruzados y máximo 45 s es la variante más fiable (CCI 0,83-0,998).',
    unverified:
      'Las medias por grupo de edad (ojos abiertos ~43/40/37/27/15/6 s, ojos cerrados ~9/7/5/2,5/2/1 s) están SIN VERIFICAR: tomadas de memoria de la tabla del artículo, no comprobadas de nuevo.',
  },
  'heel-raise': {
    name: SCREENING_NAME_ES['heel-raise'],
    purpose: 'Cuántas veces puedes subir sobre la parte delantera de un pie: fuerza y resistencia de la pantorrilla.',
    home: {
      need: [
        'Una pared para tocarla con la punta de los dedos',
        'Una app de metrónomo a 60 pulsos por minuto',
        'Una pendiente de unos 10 grados si tienes una (una cuña o una rampa)',
      ],
      steps: [
        'Ponte sobre un pie descalzo (en la pendiente si tienes una, con el talón más bajo que los dedos), con la punta de los dedos en la pared solo para el equilibrio.',
        'Al ritmo del pulso, sube todo lo que puedas sobre la parte delantera del pie y después baja el talón: arriba en un pulso, abajo en el siguiente.',
        'Mantén la rodilla estirada. Cuenta cada subida completa.',
        'Para cuando no puedas seguir el ritmo o ya no subas tan alto. Apunta el número.',
        'Descansa y haz la otra pierna. Indica si usaste una pendiente o el suelo llano.',
      ],
      safety: [
        STOP_IF_PAIN,
        'No hagas esta prueba si has tenido hace poco una lesión de la pantorrilla o del tendón de Aquiles.',
      ],
      note: `Las cifras habituales vienen de una pendiente de ${HEEL_RAISE_INCLINE_DEG} grados con un pulso de ${HEEL_RAISE_METRONOME_BPM} por minuto. En suelo llano, compara tus dos piernas entre sí.`,
    },
    clinic: {
      need: [`Plano inclinado de ${HEEL_RAISE_INCLINE_DEG} grados`, `Metrónomo a ${HEEL_RAISE_METRONOME_BPM} ppm`],
      steps: [
        'Elevación del talón sobre una pierna en el plano inclinado, rodilla extendida, apoyo de la punta de los dedos en la pared.',
        'Una elevación por cada par de pulsos hasta la altura máxima; parar por fatiga, pérdida de altura o pérdida del ritmo.',
        'Registrar las repeticiones por lado.',
      ],
      safety: ['Solo apoyo de la punta de los dedos.'],
    },
    range: 'números enteros de 0 a 100 por lado, con el protocolo (pendiente y metrónomo, o suelo llano)',
    reliability: 'CCI de alrededor de 1,0; límites de concordancia de unas ±6 repeticiones.',
  },
  windlass: {
    name: SCREENING_NAME_ES['windlass'],
    purpose: 'Si al levantar el dedo gordo vuelve tu dolor del talón o del arco.',
    home: {
      need: ['Alguien que te ayude'],
      steps: [
        'Ponte de pie con el peso en los dos pies, sujetándote a una encimera.',
        'Quien te ayuda levanta despacio tu dedo gordo hacia arriba, hasta donde llegue sin forzar, y lo mantiene unos segundos.',
        'Fíjate en si vuelve tu dolor habitual del talón o del arco. Después haz el otro pie.',
      ],
      safety: [STOP_IF_PAIN, 'Si tienes diabetes o los pies dormidos, deja que esta prueba la haga un profesional.'],
      note: 'Un «sí» dice más que un «no»: muchas personas con dolor de talón no lo notan en esta prueba.',
    },
    clinic: {
      need: [],
      steps: [
        'En carga: extender pasivamente la primera articulación metatarsofalángica hasta el final del recorrido o hasta reproducir los síntomas.',
        'Positiva si se reproduce el dolor conocido del talón o del arco del paciente.',
      ],
      safety: ['Parar al reproducir los síntomas.'],
      note: 'Especificidad del 100 %, sensibilidad de alrededor del 32 % en carga (13,6 % sin carga). La prueba también tensa los nervios plantares, así que no es selectiva.',
    },
    range: 'sí (volvió el dolor) o no, por pie',
    reliability:
      'No hay cifras de fiabilidad en las fuentes que usa Footing. Precisión diagnóstica: especificidad del 100 %, sensibilidad del 32 %.',
  },
  'single-leg-squat-valgus': {
    name: SCREENING_NAME_ES['single-leg-squat-valgus'],
    purpose: 'Si la rodilla se va hacia dentro cuando haces una sentadilla sobre una pierna.',
    home: {
      need: ['Un móvil para grabar de frente, apoyado a la altura de la rodilla', 'Una silla detrás de ti'],
      steps: [
        'Ponte sobre una pierna delante de la silla, con los brazos cruzados o las manos en la cintura.',
        'Baja despacio como para sentarte, hasta la mitad más o menos, y vuelve a subir. Hazlo 5 veces.',
        'Mira el vídeo: ¿la rodilla se va hacia dentro, hacia la otra pierna?',
        'Haz la otra pierna. Elige Se ve, No se ve o No estoy seguro para cada una.',
      ],
      safety: ['Ten la silla detrás de ti y una encimera al alcance.', STOP_IF_PAIN],
    },
    clinic: {
      need: [],
      steps: [
        'Observar la sentadilla sobre una pierna de frente; valorar el colapso medial de la rodilla como se ve, no se ve o no seguro.',
      ],
      safety: ['Proteger el equilibrio.'],
      note: 'Sin un umbral numérico validado; una observación que anotar.',
    },
    range: 'se ve, no se ve o no estoy seguro, por pierna',
    reliability: 'Fiabilidad solo de aceptable a moderada (SIN VERIFICAR).',
    unverified: 'La cifra de fiabilidad está SIN VERIFICAR: no se ha comprobado de nuevo con su fuente.',
  },
  trendelenburg: {
    name: SCREENING_NAME_ES['trendelenburg'],
    purpose: 'Si la cadera cae del otro lado cuando te pones sobre una pierna.',
    home: {
      need: ['Alguien detrás de ti, o un móvil que grabe tu espalda'],
      steps: [
        'Ponte sobre una pierna unos 30 segundos, con una mano en la encimera para el equilibrio si la necesitas.',
        'Quien te ayuda mira la parte de arriba de tus caderas: ¿baja el lado de la pierna levantada?',
        'Haz la otra pierna. Elige Se ve, No se ve o No estoy seguro para cada pierna de apoyo.',
      ],
      safety: [HOLD_ON],
    },
    clinic: {
      need: [],
      steps: [
        'Observar la pelvis por detrás en apoyo monopodal; registrar la caída pélvica contralateral por pierna de apoyo como se ve, no se ve o no seguro.',
      ],
      safety: ['Proteger el equilibrio.'],
      note: 'Sin un umbral numérico validado; una observación que anotar.',
    },
    range: 'se ve, no se ve o no estoy seguro, por pierna de apoyo',
    reliability: 'Fiabilidad solo de aceptable a moderada (SIN VERIFICAR).',
    unverified: 'La cifra de fiabilidad está SIN VERIFICAR: no se ha comprobado de nuevo con su fuente.',
  },
};

/** The catalogue in `language`: the same tests, inputs, evidence and references, with the words of that language. */
export function screeningTestsIn(language: Language): readonly ScreeningTestInfo[] {
  if (language === 'en') return SCREENING_TESTS;
  return SCREENING_TESTS.map((t) => {
    const es = SCREENING_TEXTS_ES[t.id];
    const { range, unverified, licence, ...words } = es;
    return {
      ...t,
      ...words,
      input: { ...t.input, range },
      ...(t.unverified !== undefined ? { unverified: unverified ?? t.unverified } : {}),
      ...(t.licence !== undefined ? { licence: licence ?? t.licence } : {}),
    };
  });
}
