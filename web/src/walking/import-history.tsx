/**
 * The files imported before (GET /api/imports): each with its name, when, the kind of file and what it did, and
 * behind a tap the same figures and problems its result showed. Reloaded after each import (`version`). The
 * clinician's patient page shows the patient's own list through `path` (GET /api/patients/:personId/imports).
 */
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../i18n/format.js';
import { api, ApiError } from '../api/client.js';
import { ImportFigures, ImportProblems, formatText } from './import-result.js';
import type { PastImport } from './import-types.js';
import { outcomeText, recordCountsText, viewOfPast, type ImportView } from './import-view.js';
import { currentLanguage } from '../i18n/i18n.js';

/** Imports listed at first, and after "Show more". */
const FIRST = 5;
const MORE = 50;

/** When, in the person's own time: "5 Dec 2026, 14:02". */
function when(at: string): string {
  return formatDate(at, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** One line of what a past import did: its outcome, the bad records it met, and a FHIR file's check-ins and assessments. */
function pastOutcome(v: ImportView, t: TFunction): string {
  if (v.problems.some((p) => p.code === 'several-people')) return t('history.severalPeople');
  // The outcome sentence itself comes from src/core/import-record.ts; a FHIR file's check-ins and assessments follow it.
  const line =
    v.ok && v.errorCount > 0
      ? t('history.outcomeWithBad', {
          outcome: outcomeText(v, currentLanguage()),
          count: v.errorCount,
          n: formatNumber(v.errorCount),
        })
      : t('history.outcome', { outcome: outcomeText(v, currentLanguage()) });
  const counts = v.ok ? recordCountsText(v, t, formatNumber) : null;
  return counts ? `${line} ${counts}` : line;
}

export function ImportHistory({
  version,
  path = '/api/imports',
  title,
}: {
  version: number;
  path?: string;
  title?: string;
}) {
  const { t } = useTranslation('walking');
  const [limit, setLimit] = useState(FIRST);
  const [imports, setImports] = useState<PastImport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api<PastImport[]>('GET', `${path}?limit=${limit + 1}`)
      .then((list) => {
        if (live) {
          setImports(list);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof ApiError ? e.message : t('history.loadFailed'));
      });
    return () => {
      live = false;
    };
  }, [version, limit, path, t]);

  if (error)
    return (
      <p className="muted small" role="status">
        {error}
      </p>
    );
  if (!imports || imports.length === 0) return null;
  const shown = imports.slice(0, limit);
  return (
    <section className="import-history" aria-labelledby="import-history-title" data-testid="import-history">
      <h3 id="import-history-title">{title ?? t('history.title')}</h3>
      <ol>
        {shown.map((p) => {
          const v = viewOfPast(p);
          return (
            <li key={p.id} data-testid="past-import" data-status={v?.status ?? ''} data-added={v?.added ?? ''}>
              <details>
                <summary>
                  <strong>{p.fileName}</strong> <span className="past-when">{when(p.at)}</span>
                  <span className="past-outcome">{v ? pastOutcome(v, t) : formatText(p.format, t)}</span>
                </summary>
                {v ? (
                  <>
                    <ImportFigures view={v} />
                    <ImportProblems view={v} />
                  </>
                ) : (
                  <p className="muted small">{t('history.notKept', { format: formatText(p.format, t) })}</p>
                )}
              </details>
            </li>
          );
        })}
      </ol>
      {imports.length > limit && limit < MORE && (
        <button type="button" onClick={() => setLimit(MORE)}>
          {t('history.showMore')}
        </button>
      )}
    </section>
  );
}
