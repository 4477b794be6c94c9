/**
 * Who read or changed your data, and when: the audit log (GET /api/audit), newest first. Each entry names the
 * person (you, or a clinician by name), what part of your data (from the route, never its contents) and whether
 * it was read or changed, or an attempt that was refused.
 */
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { api } from '../api/client.js';
import { FieldError, Loading } from '../ui/common.js';

interface AuditEntry {
  id: string;
  at: string;
  actorRole: string;
  actorName: string | null;
  route: string;
  method: string;
  action: 'read' | 'write' | 'refused' | 'failed';
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What happened, in words: a refused or failed attempt says what was tried and that it did not happen. */
export function auditDid(e: Pick<AuditEntry, 'action' | 'method'>, what: string, t: TFunction): string {
  const tried = READS.has(e.method) ? 'triedRead' : 'triedChange';
  if (e.action === 'refused') return t(`account:audit.${tried}.refused`, { what });
  if (e.action === 'failed') return t(`account:audit.${tried}.failed`, { what });
  return t(e.action === 'read' ? 'account:audit.read' : 'account:audit.changed', { what });
}

/** What a route pattern is about, in words (a route not listed here is shown as its path). */
export function auditWhat(route: string, t: TFunction): string {
  const r = route.replace(/^\/api\/patients\/:personId/, '/api').replace(/^\/api\/patients$/, '/api/patient-list');
  // Each pattern's words are account:audit.what.<key>.
  const words: [RegExp, string][] = [
    [/^\/api\/patient-list/, 'patientList'],
    [/^\/api\/today/, 'today'],
    [/^\/api\/progress/, 'progress'],
    [/^\/api\/program/, 'program'],
    [/^\/api\/checkins/, 'checkins'],
    [/^\/api\/sessions/, 'sessions'],
    [/^\/api\/walking/, 'walking'],
    [/^\/api\/gait/, 'gait'],
    [/^\/api\/assessment|^\/api\/explain|^\/api\/pain-maps|^\/api\/screening|^\/api\/outcomes/, 'assessment'],
    [/^\/api\/screen/, 'screen'],
    [/^\/api\/care-links|^\/api\/invitations/, 'sharing'],
    [/^\/api\/import|^\/api\/export/, 'backup'],
  ];
  const key = words.find(([re]) => re.test(r))?.[1];
  return key ? t(`account:audit.what.${key}`) : r.replace(/^\/api\//, '');
}

export function AccountAudit() {
  const { t } = useTranslation('account');
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  useEffect(() => {
    api<AuditEntry[]>('GET', '/api/audit').then(setEntries, (e: Error) => setError(e.message));
  }, []);
  const shown = entries ? (all ? entries : entries.slice(0, 15)) : [];
  return (
    <div className="card">
      <h2>{t('audit.title')}</h2>
      <p className="muted small">{t('audit.intro')}</p>
      {!entries ? (
        error ? (
          <FieldError message={error} />
        ) : (
          <Loading what={t('audit.loading')} />
        )
      ) : entries.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <>
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.whatColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>
                    {e.actorRole === 'patient' || e.actorRole === 'local'
                      ? t('audit.you')
                      : t('audit.actor', {
                          name: e.actorName ?? t('audit.removed'),
                          role: t(`audit.roles.${e.actorRole}`, { defaultValue: e.actorRole }),
                        })}
                  </td>
                  <td>{auditDid(e, auditWhat(e.route, t), t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!all && entries.length > shown.length && (
            <button type="button" className="link-button" onClick={() => setAll(true)}>
              {t('audit.showAll', { n: formatNumber(entries.length) })}
            </button>
          )}
        </>
      )}
    </div>
  );
}
