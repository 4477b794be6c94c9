/**
 * The screening tests' short names in Spanish (SCREENING_NAME's in screening-schemas.ts), shown as finding labels and
 * in the catalogue. On their own so that a finding's words (screening-finding-texts.ts) can name a test without
 * importing the catalogue, which imports the interpretation.
 */
import type { ScreeningTestId } from '../screening-schemas.js';

export const SCREENING_NAME_ES: Record<ScreeningTestId, string> = {
  'navicular-drop': 'Caída del navicular',
  'foot-posture-index': 'Índice de postura del pie (FPI-6), total',
  'weight-bearing-lunge': 'Zancada en carga (rodilla a la pared)',
  'single-leg-stance': 'Tiempo sobre una pierna',
  'heel-raise': 'Número de elevaciones del talón sobre una pierna',
  windlass: 'Prueba de Windlass',
  'single-leg-squat-valgus': 'Sentadilla sobre una pierna: la rodilla se va hacia dentro',
  trendelenburg: 'Signo de Trendelenburg (la cadera cae sobre una pierna)',
};
