/**
 * Screening tests: the eight tests of DOMAIN.md §5 from the API's catalogue, each with its instructions, its last
 * result and a form. A link such as /chain/tests#weight-bearing-lunge opens that test's form and scrolls to it.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Assessment, AssessmentCatalogue } from '../api/assessment-types.js';
import { ChainNav } from './chain-nav.js';
import { FieldError, Loading, ScreenTitle } from '../ui/common.js';
import { TestCard } from './assessment-test-card.js';

type Latest = Assessment['screening'][number];

/** The latest result of each test. */
function latestByTest(a: Assessment): Map<string, Latest> {
  const m = new Map<string, Latest>();
  for (const s of a.screening) {
    const prev = m.get(s.record.testId);
    if (!prev || prev.record.recordedAt <= s.record.recordedAt) m.set(s.record.testId, s);
  }
  return m;
}

export function AssessmentTestsScreen() {
  const { t } = useTranslation('assessment');
  const [catalogue, setCatalogue] = useState<AssessmentCatalogue | null>(null);
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState(() => decodeURIComponent(location.hash.slice(1)));

  const reload = useCallback(() => {
    api<Assessment>('GET', '/api/assessment').then(setAssessment, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    api<AssessmentCatalogue>('GET', '/api/assessment/catalogue').then(setCatalogue, (e: Error) => setError(e.message));
    reload();
    const onHash = () => setTarget(decodeURIComponent(location.hash.slice(1)));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [reload]);

  // Once loaded, bring the test named in the link into view and move focus to it.
  const ready = !!catalogue && !!assessment;
  useEffect(() => {
    if (!ready || !target) return;
    const el = document.getElementById(target);
    el?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
  }, [ready, target]);

  const latest = assessment ? latestByTest(assessment) : new Map<string, Latest>();
  return (
    <section className="screen">
      <ScreenTitle>{t('tests.title')}</ScreenTitle>
      <ChainNav />
      <p className="lead">{t('tests.lead')}</p>
      <p className="muted">{t('tests.noDiagnosis')}</p>
      {error && <FieldError message={error} />}
      {!catalogue || !assessment ? (
        <Loading what={t('tests.loading')} />
      ) : (
        catalogue.screeningTests.map((test) => (
          <TestCard
            key={`${test.id}-${target === test.id ? 'open' : 'closed'}`}
            test={test}
            last={latest.get(test.id) ?? null}
            open={target === test.id}
            onSaved={reload}
          />
        ))
      )}
    </section>
  );
}
