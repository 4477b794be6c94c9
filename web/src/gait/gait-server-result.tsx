/**
 * The result of a gait video analysed on the server, shown as the on-device result is (gait-results.tsx): the
 * video (still on this device) with the skeleton the server found, the steps on a timeline, filming warnings and
 * the angles over the gait cycle and the metrics against their ranges, and the stills of the key moments the server
 * pictured before it deleted the video (src/pose/video-stills.ts). It is already saved.
 */
import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useState } from 'react';
import type { KeypointSeries } from '../../../src/gait/keypoints.js';
import { ApiError } from '../api/client.js';
import { gaitKeypoints, type ServerGaitAnalysis } from '../api/gait-jobs.js';
import { FieldError, Link, Loading, ScreenTitle } from '../ui/common.js';
import type { GaitStillInfo } from '../../../src/gait/gait-stills.js';
import { AngleCharts } from './angle-charts.js';
import { GaitStillsView } from './gait-stills-view.js';
import { GaitFindings, videoSummary } from './gait-findings.js';
import { SkeletonPlayer } from './skeleton-player.js';
import { StepTimeline } from './step-timeline.js';

export interface GaitServerResultProps {
  analysisId: string;
  analysis: ServerGaitAnalysis;
  /** The stills saved with it, fetched from the API one by one. */
  stills: GaitStillInfo[];
  /** The chosen video's object URL on this device (the server's copy is gone). */
  videoUrl: string;
  onRedo: () => void;
}

export function GaitServerResult({ analysisId, analysis: json, stills, videoUrl, onRedo }: GaitServerResultProps) {
  const { t } = useTranslation('gait');
  const [series, setSeries] = useState<KeypointSeries | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(0);
  const [seekTo, setSeekTo] = useState<{ t: number } | null>(null);
  const onTime = useCallback((t: number) => setNow(t), []);
  useEffect(() => {
    gaitKeypoints(analysisId).then(setSeries, (e: unknown) =>
      setError(e instanceof ApiError ? e.message : t('server.loadFailed')),
    );
  }, [analysisId]);
  const duration = json.fps > 0 ? json.frames / json.fps : 0;

  return (
    <section className="screen gait gait-results" aria-labelledby="gait-server-title">
      <ScreenTitle>
        <span id="gait-server-title">{t('results.title')}</span>
      </ScreenTitle>
      <p className="small muted">{t('server.analysed', { summary: videoSummary(json, t) })}</p>
      <p className="success" role="status">
        {t('server.saved')} <Link to="/chain">{t('results.chain')}</Link>
      </p>

      {series ? (
        <SkeletonPlayer url={videoUrl} series={series} onTime={onTime} seekTo={seekTo} />
      ) : error ? (
        <FieldError message={error} />
      ) : (
        <Loading what={t('server.bodyPoints')} />
      )}
      <StepTimeline events={json.events} duration={duration} now={now} onSeek={(t) => setSeekTo({ t })} />

      <AngleCharts curves={json.angle_curves} mode={json.mode} />
      {stills.length > 0 && (
        <div className="card">
          <GaitStillsView
            stills={stills.map((info, i) => ({
              src: `/api/gait-analyses/${encodeURIComponent(analysisId)}/stills/${i}`,
              info,
            }))}
            note={t('server.stillsNote')}
          />
        </div>
      )}
      <GaitFindings json={json} />

      <div className="card gait-person">
        <h2>{t('results.notRightPerson')}</h2>
        <p>{t('server.whoFollowed')}</p>
        <button type="button" onClick={onRedo}>
          {t('server.back')}
        </button>
      </div>
    </section>
  );
}
