/**
 * The result of one import, in words and numbers that agree: one sentence of what it did ("55 new walking
 * measurements added", "Nothing new: all 17 walking measurements in this file were already stored"), then the
 * figures with what each counts (records read from the file, the walking measurements they gave, how many were new
 * and how many already stored, what was left out as not walking and why), the days it covers, and each bad record
 * with where it is in the file and what is wrong with it, in the language on screen (importProblemTextIn; a record
 * made before the importers gave their messages ids quotes its English, said to be English). The figures and the problems are shared
 * with the import history.
 */
import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { shortDate } from '../lib/local-time.js';
import type { ImportJob } from './import-types.js';
import { isReport } from './import-types.js';
import { leftOutText, outcomeText, recordPartsText, statusText, viewOfReport, type ImportView } from './import-view.js';
import { currentLanguage } from '../i18n/i18n.js';
import { locationText, problemText } from './location-text.js';
import { importProblemTextIn } from '../../../src/core/i18n/import-problem-texts.js';

/** The kind of file in words (walking:formats.<format>), or the format's own name when it has none. */
export function formatText(format: string, t: TFunction): string {
  return t(`walking:formats.${format}`, { defaultValue: format });
}

/** How many bad records are listed before "and N more". */
const SHOWN_PROBLEMS = 20;

/**
 * `onChoosePerson` imports the same file again with the chosen person's Id (a Fitbit study export holds several
 * people; the import refuses it until one is chosen).
 */
export function ImportResult({
  job,
  fileName,
  onChoosePerson,
}: {
  job: ImportJob;
  fileName: string;
  onChoosePerson?: (id: string) => void;
}) {
  const { t } = useTranslation('walking');
  const r = job.result;
  if (!isReport(r)) {
    return (
      <div className="import-result failed" data-testid="import-result" data-status="failed">
        <h3>{t('result.notImported', { file: fileName })}</h3>
        <p>{r && 'error' in r ? r.error : t('result.stopped')}</p>
      </div>
    );
  }
  const v = viewOfReport(r);
  const people = r.errors.find((e) => e.code === 'several-people')?.choices;
  return (
    <div
      className={`import-result ${v.status === 'imported' ? 'ok' : v.status === 'not-imported' ? 'failed' : 'unchanged'}`}
      data-testid="import-result"
      data-status={job.status}
      data-records={v.records}
      data-samples={v.samples}
      data-added={v.added}
      data-duplicates={v.duplicates}
      data-skipped={v.skipped ?? ''}
    >
      <h3>
        {fileName}: {statusText(v, t)}
      </h3>
      {!v.ok && (
        <p className="field-error" role="alert">
          {people
            ? t('result.severalPeople', { n: formatNumber(people.length) })
            : v.mode === 'strict' && v.errorCount > 0
              ? t('result.strictRefused')
              : t('result.unreadable')}
        </p>
      )}
      {people && onChoosePerson && <ChoosePerson ids={people} onChoose={onChoosePerson} />}
      {v.ok && (
        <p className="import-outcome" data-testid="import-outcome">
          {outcomeText(v, currentLanguage())}.
        </p>
      )}
      <ImportFigures view={v} />
      <ImportProblems view={v} />
    </div>
  );
}

const n = (x: number) => formatNumber(x);

/** A day in words with its year: "Sat 13 Sept 2014". */
const dayText = (d: string) => `${shortDate(d)} ${d.slice(0, 4)}`;

/** The figures of an import, each saying what it counts; a FHIR file's check-ins, assessments and record parts too
 * (the totals the import stored, as `footing import` and the API report them). */
export function ImportFigures({ view: v }: { view: ImportView }) {
  const { t } = useTranslation('walking');
  const left = leftOutText(v, t, currentLanguage());
  const parts = recordPartsText(v, t);
  const days = v.days;
  return (
    <>
      <dl className="import-figures">
        <div>
          <dt>{t('figures.kind')}</dt>
          <dd>{formatText(v.format, t)}</dd>
        </div>
        <div>
          <dt>{t('figures.records')}</dt>
          <dd data-testid="import-records">{n(v.records)}</dd>
        </div>
        <div>
          <dt>{t('figures.samples')}</dt>
          <dd data-testid="import-samples">{n(v.samples)}</dd>
        </div>
        <div>
          <dt>{t('figures.added')}</dt>
          <dd data-testid="import-added">{n(v.added)}</dd>
        </div>
        <div>
          <dt>{t('figures.duplicates')}</dt>
          <dd data-testid="import-duplicates">{n(v.duplicates)}</dd>
        </div>
        <div>
          <dt>{t('figures.days')}</dt>
          <dd data-testid="import-days">
            {!days
              ? t('figures.notRecorded')
              : days.count === 0 || !days.first || !days.last
                ? t('figures.none')
                : days.count === 1
                  ? dayText(days.first)
                  : t('figures.daysRange', { n: n(days.count), from: dayText(days.first), to: dayText(days.last) })}
          </dd>
        </div>
        {v.checkins && (
          <div>
            <dt>{t('figures.checkins')}</dt>
            <dd data-testid="import-checkins">
              {t('figures.newAndStored', { added: n(v.checkins.added), duplicates: n(v.checkins.duplicates) })}
            </dd>
          </div>
        )}
        {v.assessments && (
          <div>
            <dt>{t('figures.assessments')}</dt>
            <dd data-testid="import-assessments">
              {t('figures.newAndStored', { added: n(v.assessments.added), duplicates: n(v.assessments.duplicates) })}
            </dd>
          </div>
        )}
        {v.gait && (
          <div>
            <dt>{t('figures.gait')}</dt>
            <dd data-testid="import-gait">
              {t('figures.newAndStored', { added: n(v.gait.added), duplicates: n(v.gait.duplicates) })}
            </dd>
          </div>
        )}
        {parts.length > 0 && (
          <div className="wide">
            <dt>{t('figures.record')}</dt>
            <dd data-testid="import-record">
              {parts.map((p) => (
                <span key={p} className="record-part">
                  {p}
                </span>
              ))}
            </dd>
          </div>
        )}
        {left !== null && (
          <div className="wide">
            <dt>{t('figures.leftOut')}</dt>
            <dd data-testid="import-skipped">{left}</dd>
          </div>
        )}
      </dl>
      <p className="muted small">{t('figures.recordNote')}</p>
    </>
  );
}

/** The file's bad records and warnings, each with where it is (a several-people refusal is said apart, with its chooser). */
export function ImportProblems({ view: v }: { view: ImportView }) {
  const { t } = useTranslation('walking');
  const problems = v.problems.filter((e) => e.code !== 'several-people');
  const errorCount = v.errorCount - (v.problems.length - problems.length);
  if (errorCount + v.warningCount === 0) return null;
  return (
    <div className="import-problems">
      <h4>
        {errorCount > 0 ? t('problems.bad', { count: errorCount, n: n(errorCount) }) : ''}
        {errorCount > 0 && v.warningCount > 0 ? ', ' : ''}
        {v.warningCount > 0 ? t('problems.warnings', { count: v.warningCount, n: n(v.warningCount) }) : ''}
        {v.ok && errorCount > 0 ? ` ${v.added > 0 ? t('problems.leftOutRest') : t('problems.leftOut')}` : ''}
      </h4>
      <ol data-testid="import-problems">
        {problems.slice(0, SHOWN_PROBLEMS).map((e, i) => (
          <li key={i} className={['problem', `problem-${e.severity}`].join(' ')} data-code={e.code}>
            <span className="problem-where">
              {e.severity === 'warning'
                ? t('problems.warningAt', { where: locationText(e.location, t) })
                : t('problems.at', { where: locationText(e.location, t) })}
            </span>
            <span>{problemText(e.code, t)}</span>
            <span className="muted small" data-testid="problem-words">
              {importProblemTextIn(e, currentLanguage())}
            </span>
          </li>
        ))}
      </ol>
      {errorCount + v.warningCount > Math.min(problems.length, SHOWN_PROBLEMS) && (
        <p className="muted">
          {t('problems.more', {
            n: n(errorCount + v.warningCount - Math.min(problems.length, SHOWN_PROBLEMS)),
            shown: n(SHOWN_PROBLEMS),
          })}
        </p>
      )}
    </div>
  );
}

/** Whose walking is in a several-people Fitbit file: pick an Id (the person's own, from their study or Fitabase). */
function ChoosePerson({ ids, onChoose }: { ids: string[]; onChoose: (id: string) => void }) {
  const { t } = useTranslation('walking');
  const [id, setId] = useState(ids[0]!);
  const selectId = useId();
  return (
    <form
      className="choose-person"
      data-testid="choose-person"
      onSubmit={(e) => {
        e.preventDefault();
        onChoose(id);
      }}
    >
      <label htmlFor={selectId}>{t('choosePerson.label')}</label>
      <select id={selectId} value={id} onChange={(e) => setId(e.target.value)}>
        {ids.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </select>
      <button type="submit" className="button primary">
        {t('choosePerson.submit')}
      </button>
      <p className="muted small">{t('choosePerson.note')}</p>
    </form>
  );
}
