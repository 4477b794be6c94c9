/**
 * Bring walking in from a phone or watch: a drop zone ("drag your export here") with a file button where a mouse can
 * drag, only the button ("choose your export file") on a touch or small screen, where there is nothing to drag;
 * the strict/lenient choice, the UTC offset for GPX/TCX and, for a record from the person's clinic (FHIR), whether to take
 * the program's stage and walking target from it (asked in the options before, or after the file is chosen when the
 * file, read on the phone, holds a CarePlan or Goal: fhir-program-scan.ts); then a progress bar (sending, then reading the file),
 * the result, and the files imported before. One file at a time; several dropped files are imported one after the
 * other.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { ApiError } from '../api/client.js';
import { FieldError } from '../ui/common.js';
import { useMediaQuery } from '../lib/use-media-query.js';
import { ImportHistory } from './import-history.js';
import { ImportResult } from './import-result.js';
import type { ImportJob } from './import-types.js';
import { isReport } from './import-types.js';
import { uploadAndImport, type ImportProgress } from './upload-import.js';
import { holdsProgram, isFhirFileName } from './fhir-program-scan.js';
import { browserOffset, offsetChoices } from './utc-offset.js';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; fileName: string; progress: ImportProgress; queue: number }
  | { kind: 'error'; message: string }
  /** A FHIR file with a program in it, chosen without the option ticked: take its program too? */
  | { kind: 'ask'; file: File };

const kb = (n: number) =>
  n >= 1_048_576
    ? `${formatNumber(n / 1_048_576, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`
    : `${formatNumber(Math.max(1, Math.round(n / 1024)), { useGrouping: false })} kB`;

/** A screen where files can be dragged in: a fine pointer that hovers (a mouse) and room beside it. */
const CAN_DRAG = '(hover: hover) and (pointer: fine) and (min-width: 600px)';

/** Whether this screen can drag files in (follows the window: a resized browser, a tablet with a mouse). */
const useCanDrag = (): boolean => useMediaQuery(CAN_DRAG);

export function WalkingImport({ onImported }: { onImported: (job: ImportJob) => void }) {
  const { t } = useTranslation('walking');
  const [strict, setStrict] = useState(false);
  /** Take the program's stage and a clinician's walking target from a FHIR file's CarePlan and Goal (program=adopt). */
  const [adopt, setAdopt] = useState(false);
  const [offset, setOffset] = useState(browserOffset());
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [results, setResults] = useState<{ job: ImportJob; file: File }[]>([]);
  const [over, setOver] = useState(false);
  /** Bumped after each file, so the history reloads. */
  const [imported, setImported] = useState(0);
  const canDrag = useCanDrag();
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  /**
   * Imports the files one after the other; `fitbitId` says whose rows of a several-people Fitbit file to take; `take`
   * is the answer to the question about a file's program (undefined: not asked yet, the option decides).
   */
  async function importFiles(files: File[], fitbitId?: string, take?: boolean) {
    if (!files.length || status.kind === 'busy') return;
    setResults([]);
    // One FHIR file holding a CarePlan or Goal, the option not ticked: ask before sending (read here, nothing sent yet).
    if (
      take === undefined &&
      !adopt &&
      files.length === 1 &&
      isFhirFileName(files[0]!.name) &&
      (await holdsProgram(files[0]!))
    ) {
      setStatus({ kind: 'ask', file: files[0]! });
      return;
    }
    const ctrl = new AbortController();
    abort.current = ctrl;
    const done: { job: ImportJob; file: File }[] = [];
    try {
      for (const [i, file] of files.entries()) {
        const queue = files.length - i - 1;
        setStatus({
          kind: 'busy',
          fileName: file.name,
          progress: { phase: 'upload', done: 0, total: file.size },
          queue,
        });
        const job = await uploadAndImport(file, {
          strict,
          offset,
          adoptProgram: take ?? adopt,
          signal: ctrl.signal,
          ...(fitbitId ? { fitbitId } : {}),
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
      setStatus({ kind: 'error', message: e instanceof ApiError ? e.message : t('import.sendFailed') });
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
      <h2 id="walking-import-title">{t('import.title')}</h2>
      <div
        className={`drop-zone${over ? ' over' : ''}${busy ? ' busy' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        {canDrag && <p className="drop-title">{t('import.drag')}</p>}
        <p className="muted small">{t('import.kinds')}</p>
        <input
          id="walking-file"
          className="file-input"
          type="file"
          multiple
          disabled={busy}
          accept=".zip,.xml,.fit,.gpx,.tcx,.csv,.json,.ndjson,application/zip,text/xml,application/gpx+xml,text/csv,application/json,application/fhir+json,application/octet-stream"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void importFiles(files);
          }}
        />
        <label htmlFor="walking-file" className={['button', 'primary', ...(busy ? ['disabled'] : [])].join(' ')}>
          {canDrag ? t('import.chooseFile') : t('import.chooseExport')}
        </label>
      </div>

      {busy && p && (
        <div
          className="import-progress"
          data-testid="import-progress"
          data-phase={p.phase}
          data-done={p.done}
          data-total={p.total ?? ''}
        >
          <label htmlFor="import-progress-bar">
            {p.phase === 'upload'
              ? t('import.sending', { file: status.fileName })
              : t('import.reading', { file: status.fileName })}
            {pct !== null ? ` · ${formatNumber(pct / 100, { style: 'percent' })}` : ''}
          </label>
          {pct !== null ? (
            <progress id="import-progress-bar" max={100} value={pct} />
          ) : (
            <progress id="import-progress-bar" />
          )}
          <p className="muted small" role="status">
            {p.phase === 'upload'
              ? t('import.sent', { done: kb(p.done), total: kb(p.total ?? p.done) })
              : p.total
                ? t('import.read', { done: kb(p.done), total: kb(p.total) })
                : t('import.readingFile')}
            {status.queue > 0 ? ` · ${t('import.queue', { count: status.queue, n: formatNumber(status.queue) })}` : ''}
          </p>
          {/* Once the file is on the server its import runs to the end (one transaction): only sending can be stopped. */}
          {p.phase === 'upload' && (
            <button
              type="button"
              onClick={() => {
                abort.current?.abort();
                setStatus({ kind: 'idle' });
              }}
            >
              {t('import.stopSending')}
            </button>
          )}
        </div>
      )}
      {status.kind === 'error' && <FieldError message={status.message} />}
      {status.kind === 'ask' && (
        <div
          className="import-ask"
          role="group"
          aria-labelledby="import-ask-title"
          data-testid="import-program-question"
        >
          <h3 id="import-ask-title">{t('import.askTitle', { file: status.file.name })}</h3>
          <p>{t('import.askText')}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void importFiles([status.file], undefined, true)}>
              {t('import.askTake')}
            </button>
            <button type="button" onClick={() => void importFiles([status.file], undefined, false)}>
              {t('import.askLeave')}
            </button>
          </div>
          <p className="muted small">{t('import.adoptHelp')}</p>
        </div>
      )}
      <div aria-live="polite">
        {results.map((r, i) => (
          <ImportResult
            key={i}
            job={r.job}
            fileName={r.file.name}
            onChoosePerson={(id) => void importFiles([r.file], id)}
          />
        ))}
      </div>

      <details className="import-options">
        <summary>{t('import.options')}</summary>
        <fieldset>
          <legend>{t('import.damagedLegend')}</legend>
          <label className="check">
            <input type="radio" name="import-mode" checked={!strict} onChange={() => setStrict(false)} />
            <span>
              <Trans t={t} i18nKey="import.lenient" components={{ strong: <strong /> }} />
            </span>
          </label>
          <label className="check">
            <input type="radio" name="import-mode" checked={strict} onChange={() => setStrict(true)} />
            <span>
              <Trans t={t} i18nKey="import.strict" components={{ strong: <strong /> }} />
            </span>
          </label>
        </fieldset>
        <label htmlFor="import-offset">{t('import.offsetLabel')}</label>
        <select
          id="import-offset"
          value={offset}
          onChange={(e) => setOffset(e.target.value)}
          aria-describedby="import-offset-help"
        >
          {offsetChoices(offset).map((o) => (
            <option key={o} value={o}>
              {t('import.utc', { offset: o })}
              {o === browserOffset() ? ` ${t('import.thisPhone')}` : ''}
            </option>
          ))}
        </select>
        <p id="import-offset-help" className="muted small">
          {t('import.offsetHelp')}
        </p>
        <fieldset>
          <legend>{t('import.adoptLegend')}</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={adopt}
              onChange={(e) => setAdopt(e.target.checked)}
              aria-describedby="import-adopt-help"
            />
            <span>
              <Trans t={t} i18nKey="import.adopt" components={{ strong: <strong /> }} />
            </span>
          </label>
          <p id="import-adopt-help" className="muted small">
            {t('import.adoptHelp')}
          </p>
        </fieldset>
      </details>
      <ImportHistory version={imported} />
    </section>
  );
}
