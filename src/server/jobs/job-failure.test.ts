import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refusal } from '../../core/refusal-words.js';
import { importFailure, jobIn } from './job-failure.js';
import { jobFailed, nothingMeasured } from './video-errors.js';

// Every sentence below is written by hand from the ids' English and Spanish (refusal-words.ts, refusal-texts.ts),
// never copied from the program's output.

const failedImport = (result: unknown) => ({ id: 'j1', kind: 'import', status: 'failed', result });
const failedVideo = (error: unknown) => ({ id: 'j2', kind: 'gait-video', status: 'failed', result: { error } });
const importSays = (result: unknown, language: 'en' | 'es') =>
  (jobIn(failedImport(result), language).result as { error: string }).error;
const videoSays = (error: unknown, language: 'en' | 'es') =>
  (jobIn(failedVideo(error), language).result as { error: { message: string } }).error.message;

test('An import stopped by a refusal of the use case: its English as before, its Spanish from the ids, "nothing stored" in both', () => {
  const stored = importFailure(refusal('job.import-refused', { refusal: refusal('program.not-started') }));
  assert.equal(
    stored.error,
    'This patient has not started the program yet (the safety questions come first). Nothing from this file was stored.',
  );
  assert.deepEqual(stored.text, {
    id: 'job.import-refused',
    params: { refusal: { id: 'program.not-started', params: {} } },
  });
  assert.equal(importSays(stored, 'en'), stored.error);
  assert.equal(
    importSays(stored, 'es'),
    'Este paciente todavía no ha empezado el programa (primero van las preguntas de seguridad). No se ha guardado nada de este archivo.',
  );
});

test("An import's internal failure in English and Spanish", () => {
  const stored = importFailure(refusal('job.import-internal'));
  assert.equal(stored.error, 'The import stopped with an internal error; nothing from this file was stored.');
  assert.equal(
    importSays(stored, 'es'),
    'La importación se detuvo por un error interno; no se ha guardado nada de este archivo.',
  );
});

test('A video job that lost its video, stopped on our side or could not save: the file name kept, the rest in Spanish', () => {
  const missing = jobFailed('video_missing', refusal('video.missing', { name: 'paseo.mov' }), 'paseo.mov');
  assert.deepEqual([missing.code, missing.location], ['video_missing', { file: 'paseo.mov' }]);
  assert.equal(missing.message, 'paseo.mov: the uploaded video is no longer on the server. Please upload it again.');
  assert.equal(videoSays(missing, 'es'), 'paseo.mov: el vídeo subido ya no está en el servidor. Vuelve a subirlo.');

  const stopped = jobFailed('internal', refusal('video.stopped', { name: 'paseo.mov' }), 'paseo.mov');
  assert.equal(
    stopped.message,
    'paseo.mov: the analysis stopped with an error on our side. Your video was deleted; please try again, or analyse it on this device.',
  );
  assert.equal(
    videoSays(stopped, 'es'),
    'paseo.mov: el análisis se detuvo por un error nuestro. Tu vídeo se ha borrado; inténtalo de nuevo, o analízalo en este dispositivo.',
  );

  const unsaved = jobFailed('internal', refusal('video.not-saved', { name: 'paseo.mov' }), 'paseo.mov');
  assert.equal(unsaved.message, 'paseo.mov: the result could not be saved. Your video was deleted; please try again.');
  assert.equal(
    videoSays(unsaved, 'es'),
    'paseo.mov: no se pudo guardar el resultado. Tu vídeo se ha borrado; inténtalo de nuevo.',
  );
});

test('A video job no process finished (marked by the sweep, with no location): its Spanish from the id', () => {
  const swept = {
    code: 'abandoned',
    message: 'The analysis did not finish in time, so the video was deleted. Please try again.',
    text: refusal('video.abandoned'),
  };
  assert.equal(videoSays(swept, 'en'), swept.message);
  assert.equal(
    videoSays(swept, 'es'),
    'El análisis no terminó a tiempo, así que el vídeo se ha borrado. Inténtalo de nuevo.',
  );
});

test('Nothing measured: the Spanish sentence around the filming warnings, which stay English, quoted and said to be English', () => {
  const warned = nothingMeasured('paseo.mov', [
    { message: 'The video is only 1 frame (0.0 s) long.', advice: 'Record 10–20 seconds of walking.' },
    { message: 'No person was found walking in the video.', advice: 'Film the whole body.' },
  ]);
  assert.equal(warned.code, 'nothing_measured');
  assert.equal(
    warned.message,
    'paseo.mov: nothing could be measured, so nothing was saved. The video is only 1 frame (0.0 s) long. Record 10–20 seconds of walking. No person was found walking in the video. Film the whole body.',
  );
  assert.equal(
    videoSays(warned, 'es'),
    'paseo.mov: no se pudo medir nada, así que no se ha guardado nada. «The video is only 1 frame (0.0 s) long. Record 10–20 seconds of walking.» (en inglés) «No person was found walking in the video. Film the whole body.» (en inglés)',
  );
  const bare = nothingMeasured('paseo.mov', []);
  assert.equal(
    bare.message,
    'paseo.mov: nothing could be measured, so nothing was saved. No step, angle or distance could be measured in it.',
  );
  assert.equal(
    videoSays(bare, 'es'),
    'paseo.mov: no se pudo medir nada, así que no se ha guardado nada. No se pudo medir ningún paso, ángulo ni distancia.',
  );
});

test('A job stored before the ids (English only) reads as stored in English and quoted, said to be English, in Spanish', () => {
  const oldImport = { error: 'The import stopped with an internal error; nothing from this file was stored.' };
  assert.equal(importSays(oldImport, 'en'), oldImport.error);
  assert.equal(
    importSays(oldImport, 'es'),
    '«The import stopped with an internal error; nothing from this file was stored.» (en inglés)',
  );
  const oldVideo = {
    code: 'video_missing',
    message: 'holiday.mov: the uploaded video is no longer on the server. Please upload it again.',
    location: { file: 'holiday.mov' },
  };
  assert.equal(videoSays(oldVideo, 'en'), oldVideo.message);
  const es = jobIn(failedVideo(oldVideo), 'es').result as { error: typeof oldVideo };
  assert.deepEqual(es.error, {
    ...oldVideo,
    message: '«holiday.mov: the uploaded video is no longer on the server. Please upload it again.» (en inglés)',
  });
});

test('A failure stored with an id this version does not know reads as its English, quoted in Spanish (never a crash)', () => {
  const later = { error: 'A reason a later version names.', text: { id: 'job.some-later-reason', params: {} } };
  assert.equal(importSays(later, 'en'), 'A reason a later version names.');
  assert.equal(importSays(later, 'es'), '«A reason a later version names.» (en inglés)');
});

test('A job that did not fail with a message (running, done, a failed import holding its report) is returned as stored', () => {
  const running = { id: 'j3', kind: 'import', status: 'running', result: null };
  assert.equal(jobIn(running, 'es'), running);
  const report = failedImport({ format: 'fitbit-csv', ok: false, errors: [{ code: 'x', message: 'bad row' }] });
  assert.equal(jobIn(report, 'es'), report);
  const done = { id: 'j4', kind: 'gait-video', status: 'done', result: { analysisId: 'a1', sourceName: 'x.mov' } };
  assert.equal(jobIn(done, 'es'), done);
});
