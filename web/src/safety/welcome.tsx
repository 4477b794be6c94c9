/**
 * First run: what Footing is and is not, and how to read the evidence labels, before the safety check. The
 * language can be chosen here, so the safety questions are read in it.
 */
import { Trans, useTranslation } from 'react-i18next';
import { LanguageChoice } from '../account/language-choice.js';
import { Link, ScreenTitle } from '../ui/common.js';

export function Welcome() {
  const { t } = useTranslation('safety');
  return (
    <section className="screen">
      <ScreenTitle>{t('welcome.title')}</ScreenTitle>
      <p className="lead">{t('welcome.lead')}</p>
      <LanguageChoice />
      <div className="card">
        <h2>{t('welcome.is.title')}</h2>
        <ul>
          <li>{t('welcome.is.plan')}</li>
          <li>{t('welcome.is.session')}</li>
          <li>{t('welcome.is.pain')}</li>
          <li>{t('welcome.is.device')}</li>
        </ul>
      </div>
      <div className="card">
        <h2>{t('welcome.isNot.title')}</h2>
        <ul>
          <li>
            <Trans t={t} i18nKey="welcome.isNot.diagnose" components={{ strong: <strong /> }} />
          </li>
          <li>{t('welcome.isNot.replace')}</li>
          <li>{t('welcome.isNot.emergency')}</li>
        </ul>
      </div>
      <div className="card">
        <h2>{t('welcome.evidence.title')}</h2>
        <p>{t('welcome.evidence.lead')}</p>
        <ul className="legend">
          <li>
            <span className="strength strength-well-supported">{t('welcome.evidence.wellSupported')}</span>{' '}
            {t('welcome.evidence.wellSupportedMeans')}
          </li>
          <li>
            <span className="strength strength-some-support">{t('welcome.evidence.someSupport')}</span>{' '}
            {t('welcome.evidence.someSupportMeans')}
          </li>
          <li>
            <span className="strength strength-expert-advice">{t('welcome.evidence.expertAdvice')}</span>{' '}
            {t('welcome.evidence.expertAdviceMeans')}
          </li>
          <li>
            <span className="strength strength-an-idea-not-proven">{t('welcome.evidence.idea')}</span>{' '}
            {t('welcome.evidence.ideaMeans')}
          </li>
        </ul>
      </div>
      <p>{t('welcome.first')}</p>
      <Link to="/screen" className="button primary">
        {t('welcome.start')}
      </Link>
    </section>
  );
}
