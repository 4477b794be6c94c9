/**
 * The clinician's report downloads on the patient page (issue 15), with the period they choose: from (optional: the
 * start of the record) to (default today). Plain links: the browser sends the session cookie and saves the PDF the
 * server names. A period that ends before it starts is said at once, and no link is offered for it (the server would
 * refuse it too).
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { FieldError } from '../ui/common.js';

export function ReportDownloads({ base, today }: { base: string; today: string }) {
  const { t } = useTranslation('clinic');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(today);
  const end = to || today;
  const backwards = from !== '' && from > end;
  const query = `${from ? `from=${from}&` : ''}to=${end}`;
  return (
    <div className="report-downloads">
      <fieldset className="report-period">
        <legend>{t('report.period')}</legend>
        <label htmlFor="report-from">{t('report.from')}</label>
        <input id="report-from" type="date" value={from} max={end} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor="report-to">{t('report.to')}</label>
        <input id="report-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </fieldset>
      {backwards ? <FieldError message={t('report.backwards', { end })} /> : (
        <>
          <p><a /* i18n-ignore: a URL */ className="button" href={`${base}/report?${query}`} download>{t('report.clinician')}</a></p>
          <p className="small"><Trans t={t} i18nKey="report.patient" components={{ report: <a href={`${base}/report?kind=patient&${query}`} download /> }} /></p>
        </>
      )}
    </div>
  );
}
