/**
 * The files imported before (GET /api/imports): each with its name, when, the kind of file and what it did, and
 * behind a tap the same figures and problems its result showed. Reloaded after each import (`version`). The
 * clinician's patient page shows the patient's own list through `path` (GET /api/patients/:personId/imports).
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import { ImportFigures, ImportProblems, formatText } from './import-result.js';
import type { PastImport } from './import-types.js';
import { outcomeText, viewOfPast, type ImportView } from './import-view.js';

/** Imports listed at first, and after "Show more". */
const FIRST = 5;
const MORE = 50;

/** When, in the person's own time: "5 Dec 2026, 14:02". */
function when(at: string): string {
  return new Date(at).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** One line of what a past import did: its outcome, and the bad records it met. */
function pastOutcome(v: ImportView): string {
  if (v.problems.some((p) => p.code === 'several-people')) return 'Nothing imported: the file holds the walking of several people.';
  const bad = v.ok && v.errorCount > 0 ? `; ${v.errorCount.toLocaleString('en')} bad record${v.errorCount === 1 ? '' : 's'} left out` : '';
  return `${outcomeText(v)}${bad}.`;
}

export function ImportHistory({ version, path = '/api/imports', title = 'Files you imported' }: { version: number; path?: string; title?: string }) {
  const [limit, setLimit] = useState(FIRST);
  const [imports, setImports] = useState<PastImport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api<PastImport[]>('GET', `${path}?limit=${limit + 1}`)
      .then((list) => { if (live) { setImports(list); setError(null); } })
      .catch((e: unknown) => { if (live) setError(e instanceof ApiError ? e.message : 'The list of past imports could not be loaded.'); });
    return () => { live = false; };
  }, [version, limit, path]);

  if (error) return <p className="muted small" role="status">{error}</p>;
  if (!imports || imports.length === 0) return null;
  const shown = imports.slice(0, limit);
  return (
    <section className="import-history" aria-labelledby="import-history-title" data-testid="import-history">
      <h3 id="import-history-title">{title}</h3>
      <ol>
        {shown.map((p) => {
          const v = viewOfPast(p);
          return (
            <li key={p.id} data-testid="past-import" data-status={v?.status ?? ''} data-added={v?.added ?? ''}>
              <details>
                <summary>
                  <strong>{p.fileName}</strong> <span className="past-when">{when(p.at)}</span>
                  <span className="past-outcome">{v ? pastOutcome(v) : formatText(p.format)}</span>
                </summary>
                {v ? <><ImportFigures view={v} /><ImportProblems view={v} /></> : <p className="muted small">{formatText(p.format)}: the details of this import were not kept.</p>}
              </details>
            </li>
          );
        })}
      </ol>
      {imports.length > limit && limit < MORE && <button type="button" onClick={() => setLimit(MORE)}>Show more</button>}
    </section>
  );
}
