/**
 * What the server says about a video it cannot analyse: a plain message (its English, with its message id beside
 * it), the uploaded file's name (never the server's temporary path, never ffmpeg's own words) and, when known, the
 * frame. The pose runtime's located errors (src/pose/frame.ts) are mapped here, once, for the upload route and the
 * analysis job.
 */
import type { PoseError } from '../../pose/frame.js';
import { refusal, refusalEnglish, type RefusalText } from '../../core/refusal-words.js';

export interface VideoProblem {
  code: 'not_a_video' | 'nothing_measured' | 'analysis_unavailable' | 'video_missing' | 'internal';
  message: string;
  location: { file: string; frame?: number };
}

/** A problem of the upload's own file, with its message id (the upload route answers in the reader's language). */
export interface VideoRefusal extends VideoProblem {
  text: RefusalText;
}

const refused = (code: VideoProblem['code'], text: RefusalText, location: VideoProblem['location']): VideoRefusal => ({
  code,
  message: refusalEnglish(text),
  location,
  text,
});

/** Maps a pose runtime error about the file at hand to what the person reads. `name` is the uploaded name. */
export function videoProblem(e: PoseError, name: string): VideoRefusal {
  const frame = e.location.frame;
  switch (e.code) {
    case 'not-a-video':
    case 'no-video-stream':
    case 'decode-failed':
    case 'file-not-found':
      return refused(
        'not_a_video',
        refusal('video.not-readable', { name, ...(frame !== undefined ? { frame } : {}) }),
        { file: name, ...(frame !== undefined ? { frame } : {}) },
      );
    case 'model-load-failed':
      return refused('analysis_unavailable', refusal('video.analysis-unavailable'), { file: name });
    default:
      // A region or person option (not offered by the server's routes): reported as what it is.
      return refused('internal', refusal('video.could-not-run', { name, code: e.code }), { file: name });
  }
}

/**
 * A video that was read but gave nothing to measure (too short, nobody walking, no step and no angle): saving it
 * would add an empty visit to the person's record, so the job says why instead, in the analysis's own warnings.
 */
export function nothingMeasured(
  name: string,
  warnings: ReadonlyArray<{ message: string; advice: string }>,
): VideoRefusal {
  return refused(
    'nothing_measured',
    refusal('video.nothing-measured', { name, warnings: warnings.map((w) => `${w.message} ${w.advice}`) }),
    { file: name },
  );
}

/** The job's own failures (not the file's): what the person reads, by id, with the uploaded name. */
export const jobFailed = (
  code: 'video_missing' | 'internal',
  text: RefusalText<'video.missing' | 'video.stopped' | 'video.not-saved'>,
  name: string,
): VideoRefusal => refused(code, text, { file: name });
