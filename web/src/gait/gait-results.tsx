/**
 * The result of one gait video: the video with the skeleton over it, the steps on a timeline, the hip, knee and
 * ankle angles over the gait cycle, stills of the key moments with the angles drawn on them (made here from the
 * video), the metrics against their typical ranges, filming warnings with advice, "this is not me" to follow
 * another person track, and Save (measurements, body points and the stills to the API; the video only to this
 * device, and only when ticked).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import type { analyzeGait as AnalyzeGait, GaitAnalysis } from '../../../src/gait/analyze-gait.js';
import { analysisToJson } from '../../../src/gait/analysis-json.js';
import type { KeypointSeries } from '../../../src/gait/keypoints.js';
import type { RegionOfInterest } from '../../../src/pose/frame.js';
import { api, ApiError } from '../api/client.js';
import { FieldError, Link, ScreenTitle } from '../ui/common.js';
import { compactKeypoints } from '../../../src/gait/compact-keypoints.js';
import type { StageTimes } from './estimate-in-browser.js';
import { AngleCharts } from './angle-charts.js';
import { GaitFindings, videoSummary } from './gait-findings.js';
import { GaitStillsView } from './gait-stills-view.js';
import { makeStills, type MadeStill } from './still-frames.js';
import { SkeletonPlayer } from './skeleton-player.js';
import { StepTimeline } from './step-timeline.js';
import { keepVideo } from './video-store.js';
import type { OpenedVideo } from './video-source.js';
import { localIso } from '../lib/local-time.js';

export interface GaitSetup {
  view: 'auto' | 'side' | 'front' | 'back';
  heightCm: number | null;
  /** Treadmill belt speed, km/h, or null for a walk on the floor. */
  treadmillKmh: number | null;
  /** Camera motion and light seen by the walker scan, or null when it did not finish. */
  scene: { cameraMoving: boolean; dark: boolean } | null;
  roi: RegionOfInterest;
  sourceName: string;
  file: File;
  video: OpenedVideo;
}

export interface GaitResultsProps {
  series: KeypointSeries;
  times: StageTimes;
  setup: GaitSetup;
  analyze: typeof AnalyzeGait;
  onRedo: () => void;
}

export function GaitResults({ series, times, setup, analyze, onRedo }: GaitResultsProps) {
  const { t } = useTranslation('gait');
  const [trackId, setTrackId] = useState<number | undefined>(undefined);
  const { analysis, gaitMs } = useMemo(() => {
    const t0 = performance.now();
    const a: GaitAnalysis = analyze(series, {
      view: setup.view,
      ...(setup.heightCm !== null ? { scale: { kind: 'height' as const, heightCm: setup.heightCm } } : {}),
      ...(trackId !== undefined ? { trackId } : {}),
      ...(setup.treadmillKmh !== null ? { treadmillKmh: setup.treadmillKmh } : {}),
      ...(setup.scene ? { scene: setup.scene } : {}),
    });
    return { analysis: a, gaitMs: performance.now() - t0 };
  }, [analyze, series, setup.view, setup.heightCm, setup.treadmillKmh, setup.scene, trackId]);
  const json = useMemo(
    () => analysisToJson(analysis, { name: setup.sourceName, fps: series.fps, frames: series.frames.length }),
    [analysis, setup.sourceName, series],
  );
  // Stills of the key moments, remade when another person is followed; their object URLs freed when replaced. Save
  // waits for them (they take a few seconds) rather than being held back.
  const [stills, setStills] = useState<{ made: MadeStill[]; status: 'making' | 'done' | 'failed' }>({
    made: [],
    status: 'making',
  });
  const stillsReady = useRef<Promise<MadeStill[]>>(Promise.resolve([]));
  useEffect(() => {
    const ctl = new AbortController();
    setStills({ made: [], status: 'making' });
    // The stored frame number is the video's own (the series may start part-way in).
    const keyFrames = analysis.keyFrames.map((k) => ({ ...k, frame: series.frames[k.frame]?.index ?? k.frame }));
    let made: MadeStill[] = [];
    const p = makeStills(setup.video.url, series, series.fps, keyFrames, ctl.signal).catch(() => null);
    stillsReady.current = p.then((m) => m ?? []);
    void p.then((m) => {
      made = m ?? [];
      if (ctl.signal.aborted) made.forEach((x) => URL.revokeObjectURL(x.url));
      else setStills({ made, status: m ? 'done' : 'failed' });
    });
    return () => {
      ctl.abort();
      made.forEach((x) => URL.revokeObjectURL(x.url));
    };
  }, [analysis, series, setup.video.url]);
  const [now, setNow] = useState(0);
  const [seekTo, setSeekTo] = useState<{ t: number } | null>(null);
  const [keep, setKeep] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onTime = useCallback((t: number) => setNow(t), []);
  const duration = series.frames.length
    ? series.frames[series.frames.length - 1]!.time + 1 / Math.max(1, series.fps)
    : 0;
  const others = analysis.tracks.filter((t) => t.id !== analysis.trackId);

  async function save() {
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      const made = await stillsReady.current;
      const rec = await api<{ id: string }>('POST', '/api/gait-analyses', {
        recordedAt: localIso(),
        recordedBy: 'me',
        sourceName: setup.sourceName,
        analysis: { ...json, roi: setup.roi },
        keypoints: compactKeypoints(series),
        stills: made.map((m) => m.still),
      });
      let kept = '';
      if (keep) {
        try {
          await keepVideo({
            analysisId: rec.id,
            name: setup.file.name,
            type: setup.file.type,
            savedAt: localIso(),
            blob: setup.file,
          });
          kept = ` ${t('results.kept')}`;
        } catch (e) {
          kept = ` ${t('results.notKept', { reason: e instanceof Error ? e.message : String(e) })}`;
        }
      }
      const n = made.length;
      setSaved((n ? t('results.savedStills', { count: n, n: formatNumber(n) }) : t('results.saved')) + kept);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('results.saveFailed'));
    } finally {
      setSaving(false);
    }
  }

  const fps = times.totalMs > 0 ? (times.frames / times.totalMs) * 1000 : 0;
  return (
    <section
      className="screen gait gait-results"
      aria-labelledby="gait-results-title"
      // Stage times for bench/gait-browser.ts (frames = decode + crop + scale; model = tensor + BlazePose).
      data-frames={times.frames}
      data-decode-ms={Math.round(times.decodeMs)}
      data-model-ms={Math.round(times.modelMs)}
      data-gait-ms={Math.round(gaitMs)}
    >
      <ScreenTitle>
        <span id="gait-results-title">{t('results.title')}</span>
      </ScreenTitle>
      <p className="small muted">
        {t('results.analysedHere', {
          summary: videoSummary(json, t),
          seconds: formatNumber(Math.round(times.totalMs / 1000)),
          fps: formatNumber(fps, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
        })}
      </p>

      <SkeletonPlayer url={setup.video.url} series={series} onTime={onTime} seekTo={seekTo} />
      <StepTimeline events={json.events} duration={duration} now={now} onSeek={(t) => setSeekTo({ t })} />

      <AngleCharts curves={json.angle_curves} mode={json.mode} />
      {stills.status === 'making' && analysis.keyFrames.length > 0 && (
        <p className="small muted" role="status">
          {t('results.makingStills')}
        </p>
      )}
      {stills.status === 'failed' && <p className="small muted">{t('results.stillsFailed')}</p>}
      {stills.made.length > 0 && (
        <div className="card">
          <GaitStillsView
            stills={stills.made.map((m) => ({ src: m.url, info: m.still }))}
            note={t('results.stillsNote')}
          />
        </div>
      )}

      <GaitFindings json={json} />

      <div className="card gait-person">
        <h2>{t('results.notRightPerson')}</h2>
        {others.length > 0 ? (
          <>
            <p>
              {t('results.followed', {
                id: analysis.trackId,
                frames: formatNumber(analysis.tracks.find((x) => x.id === analysis.trackId)?.frames ?? 0),
              })}
            </p>
            <div className="row">
              {others.map((x) => (
                <button key={x.id} type="button" onClick={() => setTrackId(x.id)}>
                  {t('results.notMe', { id: x.id, frames: formatNumber(x.frames) })}
                </button>
              ))}
            </div>
          </>
        ) : (
          <p>{t('results.onlyOne')}</p>
        )}
        <button type="button" onClick={onRedo}>
          {t('results.redo')}
        </button>
      </div>

      <div className="card gait-save">
        <h2>{t('results.save')}</h2>
        <label className="check">
          <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} /> {t('results.keepVideo')}
        </label>
        <p className="small muted">{t('results.saveNote')}</p>
        <button type="button" className="primary" disabled={saving || !!saved} onClick={() => void save()}>
          {saving ? t('results.saving') : t('results.save')}
        </button>
        {saved && (
          <p className="success" role="status">
            {saved} <Link to="/chain">{t('results.chain')}</Link>
          </p>
        )}
        <FieldError message={error} />
      </div>
    </section>
  );
}
