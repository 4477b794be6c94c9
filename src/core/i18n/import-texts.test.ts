/**
 * What an import did, in Spanish (importOutcomeTextIn, skippedTextIn), written here by hand with Spanish figures
 * (12.345; four digits stay ungrouped, as es-ES writes them); the English is import-record's and walking-activity's,
 * unchanged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importOutcomeTextIn, skippedTextIn } from './import-texts.js';
import { importProblemTextIn } from './import-problem-texts.js';

const figures = { ok: true, mode: 'lenient' as const, samples: 0, added: 0, duplicates: 0, errorCount: 0 };

test('the outcome sentence in Spanish: added, already stored, nothing new, nothing imported', () => {
  assert.equal(
    importOutcomeTextIn({ ...figures, samples: 12_348, added: 12_345, duplicates: 3 }, {}, 'es'),
    '12.345 mediciones de caminata nuevas añadidas (3 más ya estaban guardadas)',
  );
  assert.equal(
    importOutcomeTextIn({ ...figures, samples: 2, added: 1, duplicates: 1 }, {}, 'es'),
    '1 medición de caminata nueva añadida (1 más ya estaba guardada)',
  );
  assert.equal(
    importOutcomeTextIn({ ...figures, samples: 5500, duplicates: 5500 }, {}, 'es'),
    'Nada nuevo: las 5500 mediciones de caminata de este archivo ya estaban guardadas',
  );
  assert.equal(
    importOutcomeTextIn(figures, { running: 2 }, 'es'),
    'Nada nuevo: el archivo no tiene caminatas (mira lo que se dejó fuera)',
  );
  assert.equal(
    importOutcomeTextIn({ ...figures, ok: false, mode: 'strict', errorCount: 4 }, {}, 'es'),
    'No se importó nada: elegiste «no importar nada» para un archivo con registros dañados',
  );
  assert.equal(
    importOutcomeTextIn({ ...figures, samples: 12_348, added: 12_345, duplicates: 3 }, {}, 'en'),
    '12,345 new walking measurements added (3 others were already stored)',
  );
});

test('what was left out in Spanish: activities by kind, other data, other people', () => {
  assert.equal(
    skippedTextIn({ running: 1, paddling: 1, 'other-data': 12_000 }, 'es'),
    'Se dejaron fuera 2 actividades: 1 carrera, 1 sesión de remo o piragüismo; se dejaron fuera 12.000 registros de otros datos de salud (pulso, sueño, ...)',
  );
  assert.equal(
    skippedTextIn({ cycling: 1, 'other-person': 1 }, 'es'),
    'Se dejó fuera 1 actividad: 1 salida en bici; se dejó fuera 1 fila de otra persona',
  );
  assert.equal(skippedTextIn({}, 'es'), '');
  assert.equal(
    skippedTextIn({ running: 1, paddling: 1 }, 'en'),
    '2 activities left out: 1 run, 1 paddling or rowing session',
  );
});

test('a damaged record stored before the importers gave ids: its English quoted and said to be English in Spanish', () => {
  // An import record of an earlier Footing keeps only the message (no text): nothing to write the Spanish from.
  const old = { message: 'TotalSteps "lots" is not a whole number of steps' };
  assert.equal(importProblemTextIn(old, 'es'), '«TotalSteps "lots" is not a whole number of steps» (en inglés)');
  assert.equal(importProblemTextIn(old, 'en'), 'TotalSteps "lots" is not a whole number of steps');
  // An id this version does not know (a newer Footing's): the same.
  const newer = {
    message: 'a new kind of problem',
    text: { id: 'csv.newer-kind', params: {} },
  } as unknown as Parameters<typeof importProblemTextIn>[0];
  assert.equal(importProblemTextIn(newer, 'es'), '«a new kind of problem» (en inglés)');
});
