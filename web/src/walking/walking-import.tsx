/**
 * Bring walking in from a phone or watch: a drop zone ("drag your export here") with a file button where a mouse can
 * drag, only the button ("choose your export file") on a touch or small screen, where there is nothing to drag;
 * the strict/lenient choice and the UTC offset for GPX/TCX, then a progress bar (sending, then reading the file),
 * the result, and the files imported before. One file at a time; several dropped files are imported one after the
 * other.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { ApiError } from '../api/client.js';
import { FieldError } from '../ui/common.js';
import { useMediaQuery } from '../lib/use-media-query.js';
import { ImportHistory } from './import-history.js';
import { ImportResult } from './import-result.js';
import type { ImportJob } from './import-types.js';
import { isReport } from './import-types.js';
import { uploadAndImport, type ImportProgress } from './upload-import.js';
import { browserOffset, offsetChoices } from './utc-offset.js';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; fileName: string; progress: ImportProgress; queue: number }
  | { kind: 'error'; message: string };

const kb = (n: number) => (n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} kB`);

/** A screen where files can be dragged in: a fine pointer that hovers (a mouse) and room beside it. */
const CAN_DRAG = '(hover: hover) and (pointer: fine) and (min-width: 600px)';

/** Whether this screen can drag files in (follows the window: a resized browser, a tablet with a mouse). */
const useCanDrag = (): boolean => useMediaQuery(CAN_DRAG);

export function WalkingImport({ onImported }: { onImported: (job: ImportJob) => void }) {
  const [strict, setStrict] = useState(false);
  const [offset, setOffset] = useState(browserOffset());
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [results, setResults] = useState<{ job: ImportJob; file: File }[]>([]);
  const [over, setOver] = useState(false);
  /** Bumped after each file, so the history reloads. */
  const [imported, setImported] = useState(0);
  const canDrag = useCanDrag();
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  /** Imports the files one after the other; `fitbitId` says whose rows of a several-people Fitbit file to take. */
  async function importFiles(files: File[], fitbitId?: string) {
    if (!files.length || status.kind === 'busy') return;
    setResults([]);
    const ctrl = new AbortController();
    abort.current = ctrl;
    const done: { job: ImportJob; file: File }[] = [];
    try {
      for (const [i, file] of files.entries()) {
        const queue = files.length - i - 1;
        setStatus({ kind: 'busy', fileName: file.name, progress: { phase: 'upload', done: 0, total: file.size }, queue });
        const job = await uploadAndImport(file, {
          strict, offset, signal: ctrl.signal, ...(fitbitId ? { fitbitId } : {}),
          onProgress: (progress) => setStatus({ kind: 'busy', fileName: file.name, progress, queue }),
        });
        done.push({ job, file });
        setResults([...done]);
        setImported((n) => n + 1);
        if (isReport(job.result) && job.result.ok) onImported(job);
      }
      setStatus({ kind: 'idle' });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'aborted') return;
      setStatus({ kind: 'error', message: e instanceof ApiError ? e.message : 'The file could not be sent.' });
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void importFiles([...e.dataTransfer.files]);
  };
  const busy = status.kind === 'busy';
  const p = busy ? status.progress : null;
  const pct = p && p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : null;

  return (
    <section className="card walking-import" aria-labelledby="walking-import-title">
      <h2 id="walking-import-title">Bring in walking from your phone or watch</h2>
      <div className={`drop-zone${over ? ' over' : ''}${busy ? ' busy' : ''}`} data-testid="drop-zone"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
        {canDrag && <p className="drop-title">Drag your export here</p>}
        <p className="muted small">Apple Health (export.zip or export.xml), Garmin FIT or TCX, GPX, Fitbit CSV</p>
        <input id="walking-file" className="file-input" type="file" multiple disabled={busy}
          accept=".zip,.xml,.fit,.gpx,.tcx,.csv,.json,.ndjson,application/zip,text/xml,application/gpx+xml,text/csv,application/json,application/fhir+json,application/octet-stream"
          onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ''; void importFiles(files); }} />
        <label htmlFor="walking-file" className={`button primary${busy ? ' disabled' : ''}`}>{canDrag ? 'Choose a file' : 'Choose your export file'}</label>
      </div>

      {busy && p && (
        <div className="import-progress" data-testid="import-progress" data-phase={p.phase} data-done={p.done} data-total={p.total ?? ''}>
          <label htmlFor="import-progress-bar">
            {p.phase === 'upload' ? `Sending ${status.fileName}` : `Reading ${status.fileName}`}
            {pct !== null ? ` · ${pct}%` : ''}
          </label>
          {pct !== null ? <progress id="import-progress-bar" max={100} value={pct} /> : <progress id="import-progress-bar" />}
          <p className="muted small" role="status">
            {p.phase === 'upload' ? `${kb(p.done)} of ${kb(p.total ?? p.done)} sent` : p.total ? `${kb(p.done)} of ${kb(p.total)} read` : 'Reading the file…'}
            {status.queue > 0 ? ` · ${status.queue} more file${status.queue === 1 ? '' : 's'} after this` : ''}
          </p>
          {/* Once the file is on the server its import runs to the end (one transaction): only sending can be stopped. */}
          {p.phase === 'upload' && <button type="button" onClick={() => { abort.current?.abort(); setStatus({ kind: 'idle' }); }}>Stop sending</button>}
        </div>
      )}
      {status.kind === 'error' && <FieldError message={status.message} />}
      <div aria-live="polite">
        {results.map((r, i) => <ImportResult key={i} job={r.job} fileName={r.file.name} onChoosePerson={(id) => void importFiles([r.file], id)} />)}
      </div>

      <details className="import-options">
        <summary>Options: damaged records, time zone</summary>
        <fieldset>
          <legend>If some records in the file are damaged</legend>
          <label className="check"><input type="radio" name="import-mode" checked={!strict} onChange={() => setStrict(false)} />
            <span><strong>Import the good ones</strong> and list the damaged ones (usual choice)</span></label>
          <label className="check"><input type="radio" name="import-mode" checked={strict} onChange={() => setStrict(true)} />
            <span><strong>Import nothing</strong> from a file with any damage, so you can fix it or export again first</span></label>
        </fieldset>
        <label htmlFor="import-offset">Your time zone for GPX and TCX files</label>
        <select id="import-offset" value={offset} onChange={(e) => setOffset(e.target.value)} aria-describedby="import-offset-help">
          {offsetChoices(offset).map((o) => <option key={o} value={o}>UTC{o}{o === browserOffset() ? ' (this phone now)' : ''}</option>)}
        </select>
        <p id="import-offset-help" className="muted small">GPX and TCX files keep times in world time (UTC). Footing uses this offset to put each walk on the day you lived it. Pick the offset you had when you walked (summer time may differ). Other files carry their own time zone.</p>
      </details>
      <ImportHistory version={imported} />
    </section>
  );
}
