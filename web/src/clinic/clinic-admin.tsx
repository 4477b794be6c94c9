/**
 * The clinic admin's screen: the clinic's clinicians (add, remove). An admin sees no health data here; patients'
 * data is only ever reached through a patient's own accepted invitation.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import { FieldError } from '../ui/common.js';

interface StaffMember { id: string; email: string; displayName: string; role: string; createdAt: string }
interface ClinicInfo { clinic: { id: string; name: string } | null; staff: StaffMember[] }

export function ClinicAdminScreen({ myEmail }: { myEmail: string | undefined }) {
  const [info, setInfo] = useState<ClinicInfo | null>(null);
  const { error, setError, submit } = useFormState();
  const [notice, setNotice] = useState<string | null>(null);
  const [form, setForm] = useState({ displayName: '', email: '', password: '', role: 'clinician' });
  const load = useCallback(() => { api<ClinicInfo>('GET', '/api/clinic').then(setInfo, (e: Error) => setError({ message: e.message })); }, []);
  useEffect(load, [load]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    await submit(async () => {
      const added = await api<StaffMember>('POST', '/api/clinic/clinicians', form);
      setNotice(`${added.displayName} can now sign in with ${added.email}. Give them the password in person, not by email.`);
      setForm({ displayName: '', email: '', password: '', role: 'clinician' });
      load();
    }, { fallback: 'Could not add the clinician.' });
  };
  const remove = async (m: StaffMember) => {
    if (!window.confirm(`Remove ${m.displayName}? They are signed out at once and lose access to their patients.`)) return;
    try { await api('DELETE', `/api/clinic/clinicians/${encodeURIComponent(m.id)}`); setNotice(`${m.displayName} was removed.`); load(); } catch (err) {
      setError({ message: err instanceof ApiError ? err.message : 'Could not remove.' });
    }
  };
  const fieldError = (f: string) => (error?.field === `body.${f}` || error?.field === f ? error.message : null);

  return (
    <section className="screen clinic-admin">
      <h1>{info?.clinic?.name ?? 'Your clinic'}</h1>
      <p>As the clinic admin you manage who works here. You do not see patients’ health data unless a patient has accepted your own invitation.</p>
      <h2>Clinicians</h2>
      {info && (
        <ul className="staff-list">
          {info.staff.map((m) => (
            <li key={m.id} className="card">
              <strong>{m.displayName}</strong> <span className="muted">{m.email} · {m.role === 'admin' ? 'clinic admin' : 'clinician'}</span>
              {m.email !== myEmail && <button type="button" className="link-button" onClick={() => void remove(m)} aria-label={`Remove ${m.displayName}`}>Remove</button>}
            </li>
          ))}
        </ul>
      )}
      <form className="card" onSubmit={(e) => void add(e)} noValidate>
        <h2>Add a clinician</h2>
        <label htmlFor="staff-name">Name</label>
        <input id="staff-name" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} autoComplete="off" />
        <FieldError message={fieldError('displayName')} />
        <label htmlFor="staff-email">Email</label>
        <input id="staff-email" type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} autoComplete="off" />
        <FieldError message={fieldError('email')} />
        <label htmlFor="staff-password">First password (at least 8 characters)</label>
        <input id="staff-password" type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} autoComplete="new-password" />
        <FieldError message={fieldError('password')} />
        <label htmlFor="staff-role">Role</label>
        <select id="staff-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
          <option value="clinician">Clinician</option>
          <option value="admin">Clinic admin</option>
        </select>
        <button type="submit">Add</button>
        {error && !error.field?.match(/displayName|email|password/) && <FieldError message={error.message} />}
      </form>
      {notice && <p role="status" className="notice">{notice}</p>}
    </section>
  );
}
