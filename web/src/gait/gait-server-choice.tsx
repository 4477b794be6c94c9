/**
 * The secondary choice on the gait screen: "Analyse on the server instead". It says plainly that the video will be
 * uploaded, analysed on the server, then deleted; it needs an explicit tick; it shows the upload and the server's
 * progress. Analysis on this device stays the default (the big button above it).
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import { analyseOnServer, type GaitJobProgress, type ServerGaitAnalysis } from '../api/gait-jobs.js';
import { FieldError } from '../ui/common.js';
import { localIso } from '../lib/local-time.js';

export interface GaitServerChoiceProps {
  file: File;
  view: 'auto' | 'side' | 'front' | 'back';
  heightCm: number | null;
  treadmillKmh: number | null;
  /** The on-device analysis is running, or the form has an error: nothing to send yet. */
  disabled: boolean;
  onDone: (r: { analysisId: string; analysis: ServerGaitAnalysis }) => void;
}

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

function progressText(p: GaitJobProgress): { label: string; value: number; max: number } {
  if (p.phase === 'upload') return { label: `Uploading: ${mb(p.done)} of ${mb(p.total)} MB`, value: p.done, max: Math.max(1, p.total) };
  const total = p.total ?? 0;
  if (p.phase === 'queued') return { label: 'Uploaded. Waiting for the server to start…', value: 0, max: 1 };
  if (p.phase === 'preparing') return { label: 'Uploaded. The server is opening the video…', value: 0, max: 1 };
  if (p.phase === 'finding') return { label: `Finding the walker: frame ${p.done} of ${total || '…'}`, value: p.done, max: Math.max(1, total) };
  return { label: `Analysing on the server: frame ${p.done} of ${total || '…'}`, value: p.done, max: Math.max(1, total) };
}

export function GaitServerChoice({ file, view, heightCm, treadmillKmh, disabled, onDone }: GaitServerChoiceProps) {
  const [agreed, setAgreed] = useState(false);
  const [progress, setProgress] = useState<GaitJobProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => { abort.current?.abort(); }, []);

  async function start() {
    if (!agreed || disabled) return;
    setError(null);
    const ctl = new AbortController();
    abort.current = ctl;
    try {
      const r = await analyseOnServer(file, { view, heightCm, treadmillKmh, recordedAt: localIso(), signal: ctl.signal, onProgress: setProgress });
      if (r.ok) onDone({ analysisId: r.analysisId, analysis: r.analysis });
      else setError(`${r.problem.message} Nothing of the video was kept on the server.`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The upload failed. Nothing was kept on the server.');
    } finally {
      setProgress(null);
      abort.current = null;
    }
  }

  const shown = progress ? progressText(progress) : null;
  return (
    <details className="card gait-server">
      <summary>Analyse on the server instead</summary>
      <p>If this device is slow, Footing’s server can do the analysis. <strong>Your video will be uploaded</strong> to the server,
        analysed there, then <strong>deleted</strong> as soon as the analysis ends (or fails). Only the measurements and body-point
        positions are kept, as with the analysis on this device. The upload is recorded in your data log.</p>
      <p className="small muted">The server follows whoever walks across the picture (the box above is used on this device only). {file.name}: {mb(file.size)} MB.</p>
      <label className="check"><input type="checkbox" checked={agreed} disabled={!!progress} onChange={(e) => setAgreed(e.target.checked)} /> I agree to upload this video to the server for analysis; it is deleted afterwards</label>
      {shown ? (
        <div className="gait-progress">
          <label htmlFor="gait-server-progress">{shown.label}</label>
          <progress id="gait-server-progress" max={shown.max} value={shown.value} />
          <p className="visually-hidden" role="status" aria-live="polite">{progress!.phase === 'upload' ? 'Uploading' : 'Analysing on the server'}</p>
          <button type="button" onClick={() => abort.current?.abort()}>Stop waiting</button>
        </div>
      ) : (
        <button type="button" disabled={!agreed || disabled} onClick={() => void start()}>Upload and analyse on the server</button>
      )}
      <FieldError message={error} />
    </details>
  );
}
