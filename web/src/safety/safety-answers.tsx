/**
 * "My answers": the latest safety check as a readable, printable page, for the person and the clinician they see
 * after a stop: the date, whom to see and how soon, what the "yes" answers may point to (never a diagnosis), and
 * every question in words with its answer. Print or save as PDF from here; the backup file (JSON, for moving the
 * app's data, not for reading) stays on the Data screen and is linked at the foot.
 */
import { Trans, useTranslation } from 'react-i18next';
import type { TodayState } from '../api/types.js';
import { Link, ScreenTitle } from '../ui/common.js';
import { summariseScreen } from '../../../src/core/screen-summary.js';
import { currentLanguage } from '../i18n/i18n.js';
import { formatDate } from '../i18n/format.js';
import './safety-answers.css';

const ANSWER_KEY = { Yes: 'yes', No: 'no', 'Not answered': 'notAnswered' } as const;

export function SafetyAnswers({ today }: { today: TodayState }) {
  const { t } = useTranslation('safety');
  const screen = today.screen;
  if (!screen) {
    return (
      <section className="screen">
        <ScreenTitle>{t('answers.title')}</ScreenTitle>
        <p>{t('answers.none')}</p>
        <Link to="/" className="button">
          {t('answers.back')}
        </Link>
      </section>
    );
  }
  const s = summariseScreen(screen.answers, screen.result, currentLanguage());
  const when = formatDate(screen.takenAt, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <section className="screen safety-answers">
      <ScreenTitle>{t('answers.title')}</ScreenTitle>
      <p data-testid="answered-on">
        <Trans t={t} i18nKey="answers.answeredOn" values={{ when }} components={{ strong: <strong /> }} />
      </p>
      {s.care ? (
        <div className={`alert urgency-${s.care.urgency}`}>
          <h2>{t('answers.whom', { care: t(`urgency.${s.care.urgency}`) })}</h2>
          <p>{s.care.advice}</p>
        </div>
      ) : (
        <p>{t('answers.noneAskedDoctor')}</p>
      )}
      {s.concerns.length > 0 && (
        <div className="card">
          <h2>{t('answers.means.title')}</h2>
          <p>{t('answers.means.lead')}</p>
          <ul>
            {s.concerns.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <p>
            <Trans t={t} i18nKey="answers.means.notDiagnosis" components={{ strong: <strong /> }} />
          </p>
        </div>
      )}
      {s.groups.map((g) => (
        <div className="card" key={g.area}>
          <h2>{t(`areas.${g.area}`)}</h2>
          <ul className="answers-list">
            {g.questions.map((q) => (
              <li key={q.question}>
                <span>{q.question}</span>
                <span className={`answer${q.answer === 'Yes' ? ' answer-yes' : ''}`}>
                  {t(`answers.answer.${ANSWER_KEY[q.answer]}`)}
                </span>
                {q.flag && (
                  <p className="points-to">
                    {t('answers.pointsTo', {
                      concern: q.flag.concern,
                      care: t(`urgency.${q.flag.urgency}`).toLowerCase(),
                    })}
                  </p>
                )}
                {q.changes && <p className="points-to">{q.changes}</p>}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('answers.print')}
        </button>
        <Link to="/" className="button">
          {t('answers.back')}
        </Link>
        <p className="muted">
          <Trans
            t={t}
            i18nKey="answers.backup"
            components={{
              file: <a href="/api/export" download />,
            }} /* not "link": Trans reads <link> as the empty HTML element */
          />
        </p>
      </div>
    </section>
  );
}
