import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES, freshStore } from '../../../test/helpers/databases.js';
import { MINIMAL_GAIT_ANALYSIS } from '../../../test/helpers/minimal-gait-analysis.js';
import { ensureLocalPerson } from './people.js';
import { insertGaitAnalysis, listGaitAnalyses } from './gait-analyses.js';
import type { StoredGaitAnalysis } from '../../gait/gait-analysis-record.js';

const ANALYSIS = MINIMAL_GAIT_ANALYSIS;
const row = (analysis: StoredGaitAnalysis) => ({
  recordedAt: '2026-11-02T10:00:00Z',
  recordedBy: 'me',
  sourceName: 'walk.mp4',
  view: 'side',
  analysis,
  keypoints: null,
  videoPath: null,
});

// One validator (src/gait/gait-analysis-record.ts StoredGaitAnalysisJson) for every writer and for reading back.
for (const kind of DATABASES) {
  test(`${kind}: a gait analysis is checked when stored and when read back; a bad one is named, nothing half-written`, async () => {
    const { store, cleanup } = await freshStore(kind);
    try {
      const me = await ensureLocalPerson(store.db);
      await insertGaitAnalysis(store.db, me.id, row(ANALYSIS));
      const bad = { ...ANALYSIS, metrics: { cadence_spm: { value: -5, confidence: 0.8 } } } as StoredGaitAnalysis;
      await assert.rejects(insertGaitAnalysis(store.db, me.id, row(bad)), {
        message:
          'A gait analysis to store is not one (at metrics.cadence_spm.value: -5 is outside 0 to 400, the plausible range); nothing was stored',
      });
      const stored = await listGaitAnalyses(store.db, me.id);
      assert.deepEqual(
        stored.map((a) => a.analysis.metrics.cadence_spm?.value),
        [104],
      );
      // A row damaged in the database (a video frame count of "many") is named when it is read.
      await store.db
        .updateTable('gait_analyses')
        .set({ analysis: JSON.stringify({ ...ANALYSIS, frames: 'many' }) })
        .where('id', '=', stored[0]!.id)
        .execute();
      await assert.rejects(listGaitAnalyses(store.db, me.id), {
        message: `Stored JSON in gait_analyses.analysis (${stored[0]!.id}) does not match its schema: at frames: Invalid input: expected number, received string`,
      });
    } finally {
      await cleanup();
    }
  });
}
