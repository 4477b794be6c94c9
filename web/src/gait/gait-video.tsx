/**
 * "Gait video": choose a video or record one with the phone's camera, say how it was filmed, box the person to
 * follow, then analyse it frame by frame in this browser. The video is never uploaded.
 */
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { analyzeGait, TREADMILL_KMH_RANGE } from '../../../src/gait/analyze-gait.js';
import type { KeypointSeries } from '../../../src/gait/keypoints.js';
import type { RegionOfInterest } from '../../../src/pose/frame.js';
import { FieldError, Link, ScreenTitle } from '../ui/common.js';
import type { StageTimes } from './estimate-in-browser.js';
import { RoiPicker } from './roi-picker.js';
import { useWalkerScan } from './use-walker-scan.js';
import { CandidateBoxes, WalkerPicker, walkerPictureFrame } from './walker-picker.js';
import type { WalkerScan } from './walker-scan.js';
import { frameSpan, roiForCandidate, type Candidate } from '../../../src/pose/walker-choice.js';
import type { FrameSource, OpenedVideo } from './video-source.js';
import { GaitResults, type GaitSetup } from './gait-results.js';
import { GaitServerChoice } from './gait-server-choice.js';
import { GaitServerResult } from './gait-server-result.js';
import type { ServerGaitAnalysis } from '../api/gait-jobs.js';
import type { GaitStillInfo } from '../../../src/gait/gait-stills.js';
import { SAVED_MAX_FRAMES } from '../../../src/gait/gait-analysis-record.js';
import { secondsLeft, timeLeftText, type PaceStart } from './analysis-progress.js';
import { keepScreenOn } from '../lib/wake-lock.js';

type View = 'auto' | 'side' | 'front' | 'back';

interface Loaded {
  file: File;
  video: OpenedVideo;
  frames: FrameSource;
}

export function GaitVideoScreen() {
  const { t } = useTranslation('gait');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [view, setView] = useState<View>('auto');
  const [height, setHeight] = useState('');
  const [treadmill, setTreadmill] = useState('');
  const [roi, setRoi] = useState<RegionOfInterest | null>(null);
  const [range, setRange] = useState({ first: '', last: '' });
  const [progress, setProgress] = useState<{ done: number; total: number; left: number | null } | null>(null);
  const [awake, setAwake] = useState(false);
  const [result, setResult] = useState<{ series: KeypointSeries; times: StageTimes; setup: GaitSetup } | null>(null);
  const [serverResult, setServerResult] = useState<{
    analysisId: string;
    analysis: ServerGaitAnalysis;
    stills: GaitStillInfo[];
  } | null>(null);
  const abort = useRef<AbortController | null>(null);
  // The walker scan pre-sets the region (and frames) to the person it finds, unless the user has drawn a box.
  const [selected, setSelected] = useState<number | null>(null);
  const manual = useRef(false);
  const autoRange = useRef<{ first: string; last: string } | null>(null);
  const follow = (c: Candidate, scan: WalkerScan, video: OpenedVideo) => {
    const span = frameSpan(c, scan.every, { first: 0, last: video.frameCount - 1 });
    // A span under 30 frames cannot be analysed (rangeError): then the whole video, the box still on the person.
    // A longer one than a saved analysis holds is cut to its first SAVED_MAX_FRAMES frames.
    const lastFrame = Math.min(span.last, span.first + SAVED_MAX_FRAMES - 1);
    const r =
      lastFrame - span.first >= 30 ? { first: String(span.first), last: String(lastFrame) } : { first: '', last: '' };
    autoRange.current = r;
    manual.current = false;
    setSelected(c.id);
    setRoi(roiForCandidate(c, video.width, video.height));
    setRange(r);
  };
  const walker = useWalkerScan((scan, video) => {
    const c = scan.candidates.find((x) => x.id === scan.chosen);
    if (c && !manual.current) follow(c, scan, video);
  });
  const drawn = (r: RegionOfInterest) => {
    manual.current = true;
    setSelected(null);
    setRoi(r);
    const auto = autoRange.current;
    autoRange.current = null;
    if (auto) setRange((p) => (p.first === auto.first && p.last === auto.last ? { first: '', last: '' } : p));
  };

  useEffect(
    () => () => {
      abort.current?.abort();
    },
    [],
  );
  useEffect(
    () => () => {
      if (loaded) URL.revokeObjectURL(loaded.video.url);
    },
    [loaded],
  );

  async function choose(file: File | undefined) {
    if (!file) return;
    setError(null);
    setResult(null);
    setServerResult(null);
    setOpening(true);
    try {
      // The decoder and the pose model (tfjs, ~1 MB of script) load only when a video is chosen.
      const { openVideoFile } = await import('./video-source.js');
      const o = await openVideoFile(file);
      if (!o.ok) {
        setError(`${o.error.location.file}: ${o.error.message}`);
        setLoaded(null);
        return;
      }
      setLoaded({ file, video: o.value, frames: o.frames });
      setRoi({ x: 0, y: 0, width: o.value.width, height: o.value.height });
      setRange({ first: '', last: '' });
      setSelected(null);
      manual.current = false;
      autoRange.current = null;
      void walker.start(o.value, o.frames);
    } finally {
      setOpening(false);
    }
  }

  const heightCm = height.trim() === '' ? null : Number(height);
  const heightError =
    heightCm !== null && (!Number.isFinite(heightCm) || heightCm < 50 || heightCm > 250)
      ? t('video.heightError', { min: 50, max: 250 })
      : null;
  const treadmillKmh = treadmill.trim() === '' ? null : Number(treadmill.replace(',', '.'));
  const treadmillError =
    treadmillKmh !== null &&
    (!Number.isFinite(treadmillKmh) || treadmillKmh < TREADMILL_KMH_RANGE.min || treadmillKmh > TREADMILL_KMH_RANGE.max)
      ? t('video.treadmillError', {
          min: formatNumber(TREADMILL_KMH_RANGE.min),
          max: formatNumber(TREADMILL_KMH_RANGE.max),
        })
      : null;
  const formError = heightError ?? treadmillError;
  const frameNo = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const first = frameNo(range.first);
  const last = frameNo(range.last);
  const maxFrame = (loaded?.video.frameCount ?? 1) - 1;
  // A saved analysis keeps at most SAVED_MAX_FRAMES frames of body points (src/gait/gait-analysis-record.ts).
  const span = (last ?? maxFrame) - (first ?? 0) + 1;
  const rangeError = [first, last].some((v) => v !== undefined && (!Number.isInteger(v) || v < 0 || v > maxFrame))
    ? t('video.rangeNumbered', { max: maxFrame })
    : first !== undefined && last !== undefined && last - first < 30
      ? t('video.rangeTooShort', { n: 30 })
      : span > SAVED_MAX_FRAMES
        ? t('video.rangeTooLong', { max: formatNumber(SAVED_MAX_FRAMES), span: formatNumber(span) })
        : null;

  async function analyse() {
    if (!loaded || !roi || formError || rangeError) return;
    setError(null);
    await walker.stop(); // the scan and the pose pass share one detector
    const ctl = new AbortController();
    abort.current = ctl;
    const total = (last ?? maxFrame) - (first ?? 0) + 1;
    setProgress({ done: 0, total, left: null });
    // The screen stays on while the analysis runs (released in finally: done, failed or cancelled).
    const screen = keepScreenOn(setAwake);
    let pace: PaceStart | null = null;
    try {
      const { estimateInBrowser } = await import('./estimate-in-browser.js');
      const r = await estimateInBrowser(loaded.video, loaded.frames, {
        roi,
        signal: ctl.signal,
        ...(first !== undefined ? { first } : {}),
        ...(last !== undefined ? { last } : {}),
        onProgress: (done, t) => {
          const now = performance.now();
          pace ??= { done, at: now };
          setProgress({ done, total: t, left: secondsLeft(pace, done, t, now) });
        },
      });
      if ('error' in r) {
        setError(r.error.message);
        return;
      }
      setResult({
        series: r.series,
        times: r.times,
        setup: {
          view,
          heightCm,
          treadmillKmh,
          scene: walker.state.status === 'done' ? walker.state.scan.scene : null,
          roi,
          sourceName: loaded.file.name,
          file: loaded.file,
          video: loaded.video,
        },
      });
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e instanceof Error ? e.message : String(e));
    } finally {
      screen.release();
      setProgress(null);
      abort.current = null;
    }
  }

  const shown = walkerPictureFrame(walker.state, selected);

  if (result && loaded) {
    return (
      <GaitResults
        series={result.series}
        times={result.times}
        setup={result.setup}
        analyze={analyzeGait}
        onRedo={() => setResult(null)}
      />
    );
  }

  if (serverResult && loaded) {
    return (
      <GaitServerResult
        analysisId={serverResult.analysisId}
        analysis={serverResult.analysis}
        stills={serverResult.stills}
        videoUrl={loaded.video.url}
        onRedo={() => setServerResult(null)}
      />
    );
  }

  return (
    <section className="screen gait" aria-labelledby="gait-title">
      <ScreenTitle>
        <span id="gait-title">{t('video.title')}</span>
      </ScreenTitle>
      <p className="lead">{t('video.lead')}</p>
      <p className="notice">
        <Trans t={t} i18nKey="video.private" components={{ strong: <strong /> }} />
      </p>
      <p>
        <Link to="/filming-guide">{t('video.howToFilm')}</Link>
      </p>

      <div className="gait-choose">
        <label className="button primary" htmlFor="gait-file">
          {t('video.choose')}
        </label>
        <input
          id="gait-file"
          className="visually-hidden"
          type="file"
          accept="video/*"
          disabled={!!progress}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <label className="button" htmlFor="gait-camera">
          {t('video.record')}
        </label>
        <input
          id="gait-camera"
          className="visually-hidden"
          type="file"
          accept="video/*"
          capture="environment"
          disabled={!!progress}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {opening && <p role="status">{t('video.opening')}</p>}
      <FieldError message={error} />

      {loaded && roi && (
        <form
          className="card gait-setup"
          onSubmit={(e) => {
            e.preventDefault();
            void analyse();
          }}
          noValidate
        >
          <h2>{loaded.video.name}</h2>
          <p className="small muted">
            {t('video.about', {
              width: loaded.video.width,
              height: loaded.video.height,
              frames: formatNumber(loaded.video.frameCount),
              fps: formatNumber(Math.round(loaded.video.fps * 10) / 10),
              how: loaded.video.decoder === 'webcodecs' ? t('video.decodedEach') : t('video.decodedSeek'),
            })}
          </p>
          <fieldset>
            <legend>{t('video.howFilmed')}</legend>
            <div className="gait-views">
              {(['auto', 'side', 'front', 'back'] as const).map((v) => (
                <label key={v}>
                  <input type="radio" name="gait-view" value={v} checked={view === v} onChange={() => setView(v)} />{' '}
                  {t(`video.view.${v}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <label htmlFor="gait-height">{t('video.height')}</label>
          <input
            id="gait-height"
            inputMode="decimal"
            value={height}
            onChange={(e) => setHeight(e.target.value)}
            aria-invalid={!!heightError}
            aria-describedby="gait-height-err"
          />
          <FieldError id="gait-height-err" message={heightError} />
          <label htmlFor="gait-treadmill">{t('video.treadmill')}</label>
          <input
            id="gait-treadmill"
            inputMode="decimal"
            value={treadmill}
            onChange={(e) => setTreadmill(e.target.value)}
            aria-invalid={!!treadmillError}
            aria-describedby="gait-treadmill-err"
          />
          <FieldError id="gait-treadmill-err" message={treadmillError} />
          <h3>{t('video.who')}</h3>
          <WalkerPicker
            state={walker.state}
            frameCount={loaded.video.frameCount}
            selected={selected}
            onSelect={(c) => {
              if (walker.state.status === 'done') follow(c, walker.state.scan, loaded.video);
            }}
          />
          <RoiPicker
            url={loaded.video.url}
            size={loaded.video}
            roi={roi}
            onChange={drawn}
            {...(shown
              ? {
                  frameTime: Math.min(
                    shown.time + 0.5 / loaded.video.fps,
                    (loaded.video.frameCount - 0.5) / loaded.video.fps,
                  ),
                }
              : {})}
            overlay={
              shown && (
                <CandidateBoxes
                  state={walker.state}
                  size={loaded.video}
                  index={shown.index}
                  selected={selected}
                  onSelect={(c) => {
                    if (walker.state.status === 'done') follow(c, walker.state.scan, loaded.video);
                  }}
                />
              )
            }
          />
          <details className="gait-trim">
            <summary>{t('video.part')}</summary>
            <div className="row">
              <div>
                <label htmlFor="gait-first">{t('video.firstFrame')}</label>
                <input
                  id="gait-first"
                  inputMode="numeric"
                  value={range.first}
                  placeholder="0"
                  onChange={(e) => setRange({ ...range, first: e.target.value })}
                  aria-describedby="gait-range-err"
                />
              </div>
              <div>
                <label htmlFor="gait-last">{t('video.lastFrame')}</label>
                <input
                  id="gait-last"
                  inputMode="numeric"
                  value={range.last}
                  placeholder={String(maxFrame)}
                  onChange={(e) => setRange({ ...range, last: e.target.value })}
                  aria-describedby="gait-range-err"
                />
              </div>
            </div>
            <FieldError id="gait-range-err" message={rangeError} />
          </details>
          {progress ? (
            <div className="gait-progress">
              <label htmlFor="gait-progress-bar">
                {t('video.analysing', { done: formatNumber(progress.done), total: formatNumber(progress.total) })}
              </label>
              <progress id="gait-progress-bar" max={progress.total} value={progress.done} />
              <p
                className="small gait-time-left"
                data-seconds-left={progress.left === null ? undefined : Math.round(progress.left)}
              >
                {progress.done === 0 ? t('video.loadingModel') : timeLeftText(progress.left, t)}
              </p>
              {awake && <p className="small muted gait-awake">{t('video.awake')}</p>}
              <p className="visually-hidden" role="status" aria-live="polite">
                {t('video.percent', {
                  percent: formatNumber(Math.floor((progress.done / Math.max(1, progress.total)) * 10) * 10),
                })}
              </p>
              <button type="button" onClick={() => abort.current?.abort()}>
                {t('video.cancel')}
              </button>
            </div>
          ) : (
            <button type="submit" className="primary big" disabled={!!formError || !!rangeError}>
              {t('video.analyse')}
            </button>
          )}
        </form>
      )}
      {loaded && roi && (
        <GaitServerChoice
          file={loaded.file}
          view={view}
          heightCm={heightCm}
          treadmillKmh={treadmillKmh}
          disabled={!!progress || !!formError}
          onDone={setServerResult}
        />
      )}
    </section>
  );
}
