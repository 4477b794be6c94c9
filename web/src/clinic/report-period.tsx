/**
 * The clinician's report downloads on the patient page (issue 15), with the period they choose: from (optional: the
 * start of the record) to (default today). Plain links: the browser sends the session cookie and saves the PDF the
 * server names. A period that ends before it starts is said at once, and no link is offered for it (the server would
 * refuse it too).
 */
import { Trans, useTranslation } from 'react-i18next';
import { FieldError } from '../ui/common.js';
import { ReportPeriodFields, type ReportPeriodState } from '../progress/report-period-fields.js';

/** `period` is the page's (useReportPeriod): its pictures follow the same period. */
export function ReportDownloads({ base, period }: { base: string; period: ReportPeriodState }) {
  const { t } = useTranslation('clinic');
  const { end, backwards, query } = period;
  return (
    <div className="report-downloads">
      <ReportPeriodFields
        period={period}
        id="report"
        labels={{ legend: t('report.period'), from: t('report.from'), to: t('report.to') }}
      />
      {backwards ? (
        <FieldError message={t('report.backwards', { end })} />
      ) : (
        <>
          <p>
            <a /* i18n-ignore: a URL */ className="button" href={`${base}/report?${query}`} download>
              {t('report.clinician')}
            </a>
          </p>
          <p className="small">
            <Trans
              t={t}
              i18nKey="report.patient"
              components={{ report: <a href={`${base}/report?kind=patient&${query}`} download /> }}
            />
          </p>
        </>
      )}
    </div>
  );
}
