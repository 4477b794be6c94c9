/**
 * The questionnaires of src/core/outcome-measures.ts in Spanish (issue 14 item 8): the licence, what Footing stores,
 * the rule for missing answers and the change rule, for GET /api/assessment/catalogue. The names stay as published
 * (ODI, NDI, FAAM, STarT Back...): a person finds the official form by its name. No item of any questionnaire is
 * reproduced, in either language. Keyed by measure id, so a measure without its Spanish fails tsc; figures from the
 * same constants as the English (test/server-texts-es.test.ts checks them and the clinical wording).
 */
import type { Language } from '../language.js';
import {
  FAAM_ADL_MDC_POINTS,
  FAAM_SPORTS_MDC_POINTS,
  ODI_MDC_POINTS,
  PSFS_MDC_SINGLE_ACTIVITY,
} from '../outcome-constants.js';
import { OUTCOME_MEASURES, type OutcomeMeasureId, type OutcomeMeasureInfo } from '../outcome-measures.js';

export interface OutcomeTexts {
  licence: string;
  stores: string;
  missingRule: string;
  change: string;
}

/** A figure as Spanish writes it (decimal comma). */
const dec = (n: number) => String(n).replace('.', ',');

const ENTERED_ONLY =
  'Solo los números introducidos desde el formulario oficial; no se guarda ni se muestra el texto de ningún ítem.';
const FAAM_LICENCE =
  'RehabMeasures lo indica como gratuito; no se encontraron condiciones de licencia comerciales ni para software (confirmar con Martin, Irrgang). Footing no lo incluye.';
const FAAM_MISSING =
  'Los ítems N/A y sin responder se excluyen: % = suma / (4 x ítems respondidos) x 100; al menos un ítem respondido.';

export const OUTCOME_TEXTS_ES: Record<OutcomeMeasureId, OutcomeTexts> = {
  nprs: {
    licence: 'Gratuita (escala genérica).',
    stores: 'Un número entero de 0 a 10 (actual, el mejor o el peor de las últimas 24 h).',
    missingRule: 'Un solo ítem: sin él no hay puntuación.',
    change: 'DMCI de 2 puntos o el 30 % del valor inicial (consenso en dolor lumbar, Ostelo 2008).',
  },
  psfs: {
    licence: 'Gratuita (Stratford 1995); la persona nombra sus propias actividades.',
    stores:
      'De 3 a 5 actividades con las palabras de la persona, cada una puntuada de 0 (no puede) a 10 (como antes del problema).',
    missingRule:
      'Las actividades sin puntuar quedan fuera de la media; al menos 3 deben estar puntuadas (Footing, EO).',
    change: `CMD de 2 puntos para la media, ${dec(PSFS_MDC_SINGLE_ACTIVITY)} para una actividad (no se da una DMCI).`,
  },
  odi: {
    licence:
      'Copyright Mapi Research Trust (eProvide): gratuito para clínicos individuales y académicos sin financiación; con tarifa para usuarios comerciales y empresas informáticas. Footing no lo incluye.',
    stores: `${ENTERED_ONLY} Las 10 puntuaciones de sección (0-5, se permiten faltantes) o el total en %.`,
    missingRule: 'Puntuación = suma / (5 x secciones respondidas) x 100; no válida si faltan más de 2 secciones (EO).',
    change: `DMCI de 10 puntos o el 30 % (Ostelo 2008); CMD de unos ${dec(ODI_MDC_POINTS)} puntos.`,
  },
  ndi: {
    licence:
      'Copyright H. Vernon; condiciones de licencia comercial sin verificar (contactar con el titular de los derechos, quizá a través de Mapi eProvide). Footing no lo incluye.',
    stores: `${ENTERED_ONLY} Las 10 puntuaciones de ítem (0-5, se permiten faltantes) o el total bruto de 0 a 50.`,
    missingRule:
      'Sustitución por la media de Vernon: cada ítem que falta cuenta como la media de los respondidos; Footing puntúa con 2 ítems faltantes como mucho (EO).',
    change: 'DMCI de unos 5 puntos brutos (Vernon); algunos estudios dan 7,5 (SIN VERIFICAR).',
  },
  'faam-adl': {
    licence: FAAM_LICENCE,
    stores: `${ENTERED_ONLY} Las 21 puntuaciones de ítem (0-4, se permiten N/A o faltantes) o el % de la subescala.`,
    missingRule: FAAM_MISSING,
    change: `DMCI de 8 puntos; CMD ${dec(FAAM_ADL_MDC_POINTS)}.`,
  },
  'faam-sports': {
    licence: FAAM_LICENCE,
    stores: `${ENTERED_ONLY} Las 8 puntuaciones de ítem (0-4, se permiten N/A o faltantes) o el % de la subescala.`,
    missingRule: FAAM_MISSING,
    change: `DMCI de 9 puntos; CMD ${dec(FAAM_SPORTS_MDC_POINTS)}.`,
  },
  'start-back': {
    licence:
      '© Keele University: uso clínico gratuito; incluirlo en un producto comercial o digital necesita una licencia. Footing no lo incluye.',
    stores: `${ENTERED_ONLY} El total global de 0 a 9 y la subescala psicosocial de 0 a 5.`,
    missingRule: 'Solo totales; hacen falta los dos.',
    change: 'Una herramienta de estratificación, no una medida de resultado: no hay DMCI.',
  },
};

/** The questionnaires' catalogue in `language`: the same names, scales, evidence and references, with these words. */
export function outcomeMeasuresIn(language: Language): Record<OutcomeMeasureId, OutcomeMeasureInfo> {
  if (language === 'en') return OUTCOME_MEASURES;
  return Object.fromEntries(
    Object.entries(OUTCOME_MEASURES).map(([id, m]) => [id, { ...m, ...OUTCOME_TEXTS_ES[id as OutcomeMeasureId] }]),
  ) as Record<OutcomeMeasureId, OutcomeMeasureInfo>;
}
