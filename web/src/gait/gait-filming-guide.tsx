/** The in-app filming guide (the same advice as docs/filming-guide.md), with what the quality warnings mean. */
import { Trans, useTranslation } from 'react-i18next';
import { Link, ScreenTitle } from '../ui/common.js';

export function FilmingGuideScreen() {
  const { t } = useTranslation('gait');
  return (
    <section className="screen gait-guide" aria-labelledby="guide-title">
      <ScreenTitle>
        <span id="guide-title">{t('guide.title')}</span>
      </ScreenTitle>
      <p className="lead">{t('guide.lead')}</p>
      <ol className="gait-guide-steps">
        <li>
          <Trans t={t} i18nKey="guide.steps.side" components={{ strong: <strong /> }} />
        </li>
        <li>
          <Trans t={t} i18nKey="guide.steps.second" components={{ strong: <strong /> }} />
        </li>
        <li>
          <Trans t={t} i18nKey="guide.steps.still" components={{ strong: <strong /> }} />
        </li>
        <li>
          <Trans t={t} i18nKey="guide.steps.whole" components={{ strong: <strong /> }} />
        </li>
        <li>
          <Trans t={t} i18nKey="guide.steps.pace" components={{ strong: <strong /> }} />
        </li>
        <li>
          <Trans t={t} i18nKey="guide.steps.light" components={{ strong: <strong /> }} />
        </li>
        <li>
          <Trans t={t} i18nKey="guide.steps.fps" components={{ strong: <strong /> }} />
        </li>
      </ol>
      <h2>{t('guide.warningsTitle')}</h2>
      <dl className="gait-guide-warnings">
        <dt>{t('guide.warnings.noPerson.title')}</dt>
        <dd>{t('guide.warnings.noPerson.text')}</dd>
        <dt>{t('guide.warnings.tooSmall.title')}</dt>
        <dd>{t('guide.warnings.tooSmall.text')}</dd>
        <dt>{t('guide.warnings.legsHidden.title')}</dt>
        <dd>{t('guide.warnings.legsHidden.text')}</dd>
        <dt>{t('guide.warnings.lowFps.title')}</dt>
        <dd>{t('guide.warnings.lowFps.text')}</dd>
        <dt>{t('guide.warnings.fewStrides.title')}</dt>
        <dd>{t('guide.warnings.fewStrides.text')}</dd>
        <dt>{t('guide.warnings.angle.title')}</dt>
        <dd>{t('guide.warnings.angle.text')}</dd>
        <dt>{t('guide.warnings.noDepth.title')}</dt>
        <dd>{t('guide.warnings.noDepth.text')}</dd>
        <dt>{t('guide.warnings.tooShort.title')}</dt>
        <dd>{t('guide.warnings.tooShort.text')}</dd>
        <dt>{t('guide.warnings.bottomEdge.title')}</dt>
        <dd>{t('guide.warnings.bottomEdge.text')}</dd>
        <dt>{t('guide.warnings.twoPeople.title')}</dt>
        <dd>{t('guide.warnings.twoPeople.text')}</dd>
        <dt>{t('guide.warnings.inconsistent.title')}</dt>
        <dd>{t('guide.warnings.inconsistent.text')}</dd>
        <dt>{t('guide.warnings.cameraMoved.title')}</dt>
        <dd>{t('guide.warnings.cameraMoved.text')}</dd>
        <dt>{t('guide.warnings.dark.title')}</dt>
        <dd>{t('guide.warnings.dark.text')}</dd>
        <dt>{t('guide.warnings.swapped.title')}</dt>
        <dd>{t('guide.warnings.swapped.text')}</dd>
      </dl>
      <h2>{t('guide.runTitle')}</h2>
      <p>{t('guide.run')}</p>
      <p>
        <Link to="/gait">{t('guide.back')}</Link>
      </p>
    </section>
  );
}
