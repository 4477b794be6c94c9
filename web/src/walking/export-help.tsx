/** How to get walking data out of the devices people own, one short recipe each. */
import { Trans, useTranslation } from 'react-i18next';

export function ExportHelp() {
  const { t } = useTranslation('walking');
  const strong = { strong: <strong /> };
  const step = (key: string) => (
    <li>
      <Trans t={t} i18nKey={key} components={strong} />
    </li>
  );
  return (
    <section className="card export-help" aria-labelledby="export-help-title">
      <h2 id="export-help-title">{t('exportHelp.title')}</h2>
      <details>
        <summary>{t('exportHelp.apple.title')}</summary>
        <ol>
          {step('exportHelp.apple.step1')}
          {step('exportHelp.apple.step2')}
          {step('exportHelp.apple.step3')}
          {step('exportHelp.apple.step4')}
        </ol>
        <p className="muted small">{t('exportHelp.apple.note')}</p>
      </details>
      <details>
        <summary>{t('exportHelp.garmin.title')}</summary>
        <ol>
          {step('exportHelp.garmin.step1')}
          {step('exportHelp.garmin.step2')}
        </ol>
        <p className="muted small">{t('exportHelp.garmin.note')}</p>
      </details>
      <details>
        <summary>{t('exportHelp.fitbit.title')}</summary>
        <p>
          <Trans t={t} i18nKey="exportHelp.fitbit.text" components={strong} />
        </p>
        <p className="muted small">{t('exportHelp.fitbit.note')}</p>
      </details>
      <details>
        <summary>{t('exportHelp.gpx.title')}</summary>
        <p>
          <Trans t={t} i18nKey="exportHelp.gpx.text" components={strong} />
        </p>
      </details>
      <p className="muted small">{t('exportHelp.privacy')}</p>
    </section>
  );
}
