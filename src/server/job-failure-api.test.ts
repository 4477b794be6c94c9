import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASES } from '../../test/helpers/databases.js';
import { clinicApi, type Identity } from '../../test/helpers/test-clinic.js';
import { createJob, updateJob } from '../store/repos/jobs.js';
import { storeJobFile } from '../store/repos/job-files.js';
import { runImport } from './routes/import-routes.js';
import { GAIT_VIDEO_KIND, runGaitVideoJob, type GaitVideoJobData } from './jobs/gait-video-job.js';

const ES = { 'accept-language': 'es-ES,es;q=0.9,en;q=0.8' };
const EN = { 'accept-language': 'en-GB,en;q=0.9' };

// A failed job's message, read by the page that polls it, in the language on screen (issue 14 item 8): an import
// and a gait video job that really fail (run by the jobs' own code), and rows stored before the ids. Every sentence
// is written here by hand from refusal-words.ts and i18n/refusal-texts.ts.
for (const kind of DATABASES) {
  describe(`A failed job's message in the reader's language, on ${kind}`, () => {
    const world = clinicApi(kind);
    const personId = () => world.accounts.patient.personId!;
    /** The job as the patient's page (GET /api/jobs/:id) or their clinician's (the patient job route) reads it. */
    const read = async (who: Identity, jobId: string, headers: Record<string, string>) => {
      const url = who === 'patient' ? `/api/jobs/${jobId}` : `/api/patients/${personId()}/jobs/${jobId}`;
      const res = await world.as(who, { method: 'GET', url, headers });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { status: string; result: Record<string, unknown> & { error: unknown } };
    };

    test('An import refused by the use case (a program taken from a file before the safety check): Spanish for a Spanish page, English otherwise, the id stored beside the English', async () => {
      const jobId = await createJob(world.store.db, personId(), 'import');
      const dir = mkdtempSync(join(tmpdir(), 'footing-job-failure-'));
      writeFileSync(join(dir, 'upload'), '{}');
      await runImport(world.store, {
        jobId,
        personId: personId(),
        file: join(dir, 'upload'),
        dir,
        name: 'record.fhir.json',
        strict: false,
        offsetMinutes: null,
        adoptProgram: true,
      });
      const english =
        'This patient has not started the program yet (the safety questions come first). Nothing from this file was stored.';
      const spanish =
        'Este paciente todavía no ha empezado el programa (primero van las preguntas de seguridad). No se ha guardado nada de este archivo.';
      const en = await read('patient', jobId, EN);
      assert.equal(en.status, 'failed');
      assert.equal(en.result.error, english);
      assert.deepEqual(en.result.text, {
        id: 'job.import-refused',
        params: { refusal: { id: 'program.not-started', params: {} } },
      });
      assert.equal((await read('patient', jobId, {})).result.error, english);
      assert.equal((await read('patient', jobId, ES)).result.error, spanish);
      assert.equal((await read('clinicianOfClinic', jobId, ES)).result.error, spanish);
    });

    const video = (jobId: string): GaitVideoJobData => ({
      jobId,
      personId: personId(),
      name: 'paseo.mov',
      view: 'auto',
      heightCm: null,
      recordedAt: '2026-11-25T10:00:00+01:00',
      recordedBy: 'me',
      actorAccountId: null,
      actorRole: 'patient',
    });

    test('A gait video job whose video is gone, and one whose bytes are not a video: the Spanish for a Spanish page, the code and file kept', async () => {
      const gone = await createJob(world.store.db, personId(), GAIT_VIDEO_KIND);
      await runGaitVideoJob(world.store, video(gone));
      const en = await read('patient', gone, EN);
      assert.equal(en.status, 'failed');
      assert.deepEqual(en.result.error, {
        code: 'video_missing',
        message: 'paseo.mov: the uploaded video is no longer on the server. Please upload it again.',
        location: { file: 'paseo.mov' },
        text: { id: 'video.missing', params: { name: 'paseo.mov' } },
      });
      for (const who of ['patient', 'clinicianOfClinic'] as const) {
        const es = (await read(who, gone, ES)).result.error as { code: string; message: string; location: unknown };
        assert.deepEqual(
          [es.code, es.message, es.location],
          [
            'video_missing',
            'paseo.mov: el vídeo subido ya no está en el servidor. Vuelve a subirlo.',
            { file: 'paseo.mov' },
          ],
        );
      }

      const junk = await createJob(world.store.db, personId(), GAIT_VIDEO_KIND);
      const dir = mkdtempSync(join(tmpdir(), 'footing-job-failure-'));
      writeFileSync(join(dir, 'junk'), Buffer.from('GIF89a not really anything\n'.repeat(100)));
      await storeJobFile(world.store.db, junk, join(dir, 'junk'));
      await runGaitVideoJob(world.store, video(junk));
      rmSync(dir, { recursive: true, force: true });
      const es = (await read('patient', junk, ES)).result.error as { code: string; message: string };
      assert.equal(es.code, 'not_a_video');
      assert.equal(
        es.message,
        'paseo.mov: no es un vídeo que podamos leer. Elige un archivo de vídeo de alguien caminando (MP4, MOV o WebM), tal como lo guardó la cámara del teléfono.',
      );
    });

    test('Jobs that failed before the ids (English only) are read back quoted and said to be English on a Spanish page, as stored on an English one', async () => {
      const oldImport = await createJob(world.store.db, personId(), 'import');
      const importEnglish = 'The import stopped with an internal error; nothing from this file was stored.';
      await updateJob(world.store.db, oldImport, { status: 'failed', result: { error: importEnglish } });
      assert.equal((await read('patient', oldImport, EN)).result.error, importEnglish);
      assert.equal(
        (await read('patient', oldImport, ES)).result.error,
        '«The import stopped with an internal error; nothing from this file was stored.» (en inglés)',
      );

      const oldVideo = await createJob(world.store.db, personId(), GAIT_VIDEO_KIND);
      const error = {
        code: 'internal',
        message: 'holiday.mov: the result could not be saved. Your video was deleted; please try again.',
        location: { file: 'holiday.mov' },
      };
      await updateJob(world.store.db, oldVideo, { status: 'failed', result: { error } });
      assert.deepEqual((await read('clinicianOfClinic', oldVideo, EN)).result.error, error);
      assert.deepEqual((await read('clinicianOfClinic', oldVideo, ES)).result.error, {
        ...error,
        message: '«holiday.mov: the result could not be saved. Your video was deleted; please try again.» (en inglés)',
      });
    });
  });
}
