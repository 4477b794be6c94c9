/**
 * Evidence levels in Spanish (issue 14 item 8), beside src/core/evidence.ts (English, the source): the formal label,
 * the plain strength a person reads first, and what each label means (References page). Typed by EvidenceLevel, so a
 * missing level fails tsc. The strength keeps its hedge: an idea "not proven" is "sin probar".
 */
import { EVIDENCE_EXPLAINED, EVIDENCE_LEVELS, plainStrength, type EvidenceLevel } from '../evidence.js';
import type { Language } from '../language.js';

export const EVIDENCE_LEVELS_ES: Record<EvidenceLevel, string> = {
  'GL-A': 'Guía clínica, grado A (fuerte)',
  'GL-B': 'Guía clínica, grado B (moderado)',
  'GL-NICE': 'Recomendación del NICE',
  'SR/MA': 'Revisión sistemática o metanálisis',
  RCT: 'Ensayo controlado aleatorizado',
  COH: 'Estudio de cohortes o transversal',
  LAB: 'Estudio de laboratorio en personas sanas',
  CONS: 'Consenso de expertos',
  EO: 'Opinión de expertos o convención',
  HYP: 'Hipótesis, no está demostrada',
};

/** plainStrength's words (the English values are also CSS class names in the web app, so they stay as they are). */
export const PLAIN_STRENGTH_ES: Record<ReturnType<typeof plainStrength>, string> = {
  'well supported': 'bien respaldado',
  'some support': 'algo de respaldo',
  'expert advice': 'consejo de expertos',
  'an idea, not proven': 'una idea, no está probada',
};

export const EVIDENCE_EXPLAINED_ES: Record<EvidenceLevel, string> = {
  'GL-A':
    'Una guía clínica, escrita por expertos que valoraron todos los estudios, lo recomienda con fuerza (grado A).',
  'GL-B': 'Una guía clínica lo recomienda, con menos certeza (grado B).',
  'GL-NICE':
    'El Instituto Nacional para la Excelencia en la Salud y la Atención del Reino Unido (NICE) lo recomienda en su guía.',
  'SR/MA': 'Una revisión que reunió todos los buenos estudios sobre la pregunta y, a menudo, combinó sus resultados.',
  RCT: 'Un ensayo en el que las personas se repartieron en grupos al azar, unas con el tratamiento y otras sin él: la prueba más justa de si algo funciona.',
  COH: 'Un estudio que siguió o midió a grupos de personas. Puede mostrar que dos cosas van juntas, no que una cause la otra.',
  LAB: 'Un estudio de laboratorio, a menudo en personas sanas: muestra cómo se comporta el cuerpo, no si un tratamiento ayuda a personas con dolor.',
  CONS: 'Unos expertos se pusieron de acuerdo en ello, por ejemplo en un marco de trabajo para profesionales.',
  EO: 'Opinión de expertos, un libro de texto o una convención común: razonable, pero no se ha probado en un ensayo.',
  HYP: 'Una idea que no se ha demostrado en estudios. Footing lo dice en cada lugar donde usa una.',
};

/** The formal label of a level in `language`, e.g. "Randomised controlled trial" / "Ensayo controlado aleatorizado". */
export function evidenceLabel(level: EvidenceLevel, language: Language): string {
  return language === 'en' ? EVIDENCE_LEVELS[level] : EVIDENCE_LEVELS_ES[level];
}

/** The plain strength of a level in `language`, e.g. "well supported" / "bien respaldado". */
export function strengthWords(level: EvidenceLevel, language: Language): string {
  const en = plainStrength(level);
  return language === 'en' ? en : PLAIN_STRENGTH_ES[en];
}

/** What a level means, in `language` (References page). */
export function evidenceExplained(level: EvidenceLevel, language: Language): string {
  return language === 'en' ? EVIDENCE_EXPLAINED[level] : EVIDENCE_EXPLAINED_ES[level];
}
