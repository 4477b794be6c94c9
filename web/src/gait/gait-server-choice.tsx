/**
 * The secondary choice on the gait screen: "Analyse on the server instead". It says plainly that the video will be
 * uploaded, analysed on the server, then deleted; it needs an explicit tick; it shows the upload and the server's
 * progress. Analysis on this device stays the default (the big button above it).
 */
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { ApiError } from '../api/client.js';
import { analyseOnServer, type GaitJobProgress, type ServerGaitAnalysis } from '../api/gait-jobs.js';
import type { GaitStillInfo } from '../../../src/gait/gait-stills.js';
import { FieldError } from '../ui/common.js';
import { localIso } from '../lib/local-time.js';

export interface GaitServerChoiceProps {
  file: File;
  view: 'auto' | 'side' | 'front' | 'back';
  heightCm: number | null;
  treadmillKmh: number | null;
  /** The on-device analysis is running, or the form has an error: nothing to send yet. */
  disabled: boolean;
  onDone: (r: { analysisId: string; analysis: ServerGaitAnalysis; stills: GaitStillInfo[] }) => void;
}

const mb = (bytes: number) =>
  formatNumber(bytes / (1024 * 1024), { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function progressText(p: GaitJobProgress, t: TFunction): { label: string; value: number; max: number } {
  if (p.phase === 'upload')
    return {
      label: t('gait:server.uploading', { done: mb(p.done), total: mb(p.total) }),
      value: p.done,
      max: Math.max(1, p.total),
    };
  const total = p.total ?? 0;
  const of = total ? formatNumber(total) : '…';
  if (p.phase === 'queued') return { label: t('gait:server.queued'), value: 0, max: 1 };
  if (p.phase === 'preparing') return { label: t('gait:server.preparing'), value: 0, max: 1 };
  if (p.phase === 'finding')
    return {
      label: t('gait:server.finding', { done: formatNumber(p.done), total: of }),
      value: p.done,
      max: Math.max(1, total),
    };
  return {
    label: t('gait:server.analysing', { done: formatNumber(p.done), total: of }),
    value: p.done,
    max: Math.max(1, total),
  };
}

export function GaitServerChoice({ file, view, heightCm, treadmillKmh, disabled, onDone }: GaitServerChoiceProps) {
  const { t } = useTranslation('gait');
  const [agreed, setAgreed] = useState(false);
  const [progress, setProgress] = useState<GaitJobProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(
    () => () => {
      abort.current?.abort();
    },
    [],
  );

  async function start() {
    if (!agreed || disabled) return;
    setError(null);
    const ctl = new AbortController();
    abort.current = ctl;
    try {
      const r = await analyseOnServer(file, {
        view,
        heightCm,
        treadmillKmh,
        recordedAt: localIso(),
        signal: ctl.signal,
        onProgress: setProgress,
      });
      if (r.ok) onDone({ analysisId: r.analysisId, analysis: r.analysis, stills: r.stills });
      else setError(t('server.problem', { message: r.problem.message }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('server.uploadFailed'));
    } finally {
      setProgress(null);
      abort.current = null;
    }
  }

  const shown = progress ? progressText(progress, t) : null;
  return (
    <details className="card gait-server">
      <summary>{t('server.instead')}</summary>
      <p>
        <Trans t={t} i18nKey="server.explain" components={{ strong: <strong /> }} />
      </p>
      <p className="small muted">{t('server.follows', { name: file.name, size: mb(file.size) })}</p>
      <label className="check">
        <input type="checkbox" checked={agreed} disabled={!!progress} onChange={(e) => setAgreed(e.target.checked)} />{' '}
        {t('server.agree')}
      </label>
      {shown ? (
        <div className="gait-progress">
          <label htmlFor="gait-server-progress">{shown.label}</label>
          <progress id="gait-server-progress" max={shown.max} value={shown.value} />
          <p className="visually-hidden" role="status" aria-live="polite">
            {progress!.phase === 'upload' ? t('server.uploadingShort') : t('server.analysingShort')}
          </p>
          <button type="button" onClick={() => abort.current?.abort()}>
            {t('server.stop')}
          </button>
        </div>
      ) : (
        <button type="button" disabled={!agreed || disabled} onClick={() => void start()}>
          {t('server.upload')}
        </button>
      )}
      <FieldError message={error} />
    </details>
  );
}
