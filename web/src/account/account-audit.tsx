/**
 * Who read or changed your data, and when: the audit log (GET /api/audit), newest first. Each entry names the
 * person (you, or a clinician by name), what part of your data (from the route, never its contents) and whether
 * it was read or changed, or an attempt that was refused.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import { FieldError, Loading } from '../ui/common.js';

interface AuditEntry { id: string; at: string; actorRole: string; actorName: string | null; route: string; method: string; action: 'read' | 'write' | 'refused' | 'failed' }

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What happened, in words: a refused or failed attempt says what was tried and that it did not happen. */
export function auditDid(e: Pick<AuditEntry, 'action' | 'method'>, what: string): string {
  const tried = READS.has(e.method) ? 'read' : 'change';
  if (e.action === 'refused') return `tried to ${tried} ${what}: refused`;
  if (e.action === 'failed') return `tried to ${tried} ${what}: it failed, nothing was changed`;
  return `${e.action === 'read' ? 'read' : 'changed'} ${what}`;
}

/** What a route pattern is about, in words. */
export function auditWhat(route: string): string {
  const r = route.replace(/^\/api\/patients\/:personId/, '/api').replace(/^\/api\/patients$/, '/api/patient-list');
  const words: [RegExp, string][] = [
    [/^\/api\/patient-list/, 'your line in the patient list'], [/^\/api\/today/, 'today’s plan'], [/^\/api\/progress/, 'your progress'],
    [/^\/api\/program/, 'your program stage'], [/^\/api\/checkins/, 'check-ins'], [/^\/api\/sessions/, 'sessions'],
    [/^\/api\/walking/, 'walking'], [/^\/api\/gait/, 'gait analyses'], [/^\/api\/assessment|^\/api\/explain|^\/api\/pain-maps|^\/api\/screening|^\/api\/outcomes/, 'assessment'],
    [/^\/api\/screen/, 'safety answers'], [/^\/api\/care-links|^\/api\/invitations/, 'sharing'], [/^\/api\/import|^\/api\/export/, 'backup or import'],
  ];
  return words.find(([re]) => re.test(r))?.[1] ?? r.replace(/^\/api\//, '');
}

export function AccountAudit() {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  useEffect(() => { api<AuditEntry[]>('GET', '/api/audit').then(setEntries, (e: Error) => setError(e.message)); }, []);
  const shown = entries ? (all ? entries : entries.slice(0, 15)) : [];
  return (
    <div className="card">
      <h2>Who saw your data</h2>
      <p className="muted small">Every time a clinician reads your data, every change, and every attempt that was refused is recorded here.</p>
      {!entries ? (error ? <FieldError message={error} /> : <Loading what="the log" />) : entries.length === 0 ? <p>Nothing yet.</p> : (
        <>
          <table className="audit-table">
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th></tr></thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id}>
                  <td>{new Date(e.at).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}</td>
                  <td>{e.actorRole === 'patient' || e.actorRole === 'local' ? 'You' : `${e.actorName ?? 'A removed account'} (${e.actorRole})`}</td>
                  <td>{auditDid(e, auditWhat(e.route))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!all && entries.length > shown.length && <button type="button" className="link-button" onClick={() => setAll(true)}>Show all {entries.length}</button>}
        </>
      )}
    </div>
  );
}
