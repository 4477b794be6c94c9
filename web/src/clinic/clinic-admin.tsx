/**
 * The clinic admin's screen: the clinic's clinicians (add, remove). An admin sees no health data here; patients'
 * data is only ever reached through a patient's own accepted invitation.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import { FieldError } from '../ui/common.js';
import { TextField } from '../ui/text-field.js';

interface StaffMember {
  id: string;
  email: string;
  displayName: string;
  role: string;
  createdAt: string;
}
interface ClinicInfo {
  clinic: { id: string; name: string } | null;
  staff: StaffMember[];
}

export function ClinicAdminScreen({ myEmail }: { myEmail: string | undefined }) {
  const { t } = useTranslation('clinic');
  const [info, setInfo] = useState<ClinicInfo | null>(null);
  const { error, setError, submit } = useFormState();
  const [notice, setNotice] = useState<string | null>(null);
  const [form, setForm] = useState({ displayName: '', email: '', password: '', role: 'clinician' });
  const load = useCallback(() => {
    api<ClinicInfo>('GET', '/api/clinic').then(setInfo, (e: Error) => setError({ message: e.message }));
  }, []);
  useEffect(load, [load]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    await submit(
      async () => {
        const added = await api<StaffMember>('POST', '/api/clinic/clinicians', form);
        setNotice(t('admin.added', { name: added.displayName, email: added.email }));
        setForm({ displayName: '', email: '', password: '', role: 'clinician' });
        load();
      },
      { fallback: t('admin.addFailed') },
    );
  };
  const remove = async (m: StaffMember) => {
    if (!window.confirm(t('admin.confirmRemove', { name: m.displayName }))) return;
    try {
      await api('DELETE', `/api/clinic/clinicians/${encodeURIComponent(m.id)}`);
      setNotice(t('admin.removed', { name: m.displayName }));
      load();
    } catch (err) {
      setError({ message: err instanceof ApiError ? err.message : t('admin.removeFailed') });
    }
  };
  // Beside its box, a refusal needs no field path: "body.password: must be at least 8 characters" shows its words alone.
  const fieldError = (f: string) =>
    error?.field === `body.${f}` || error?.field === f ? error.message.replace(/^body\.\w+: /, '') : null;

  return (
    <section className="screen clinic-admin">
      <h1>{info?.clinic?.name ?? t('admin.yourClinic')}</h1>
      <p>{t('admin.lead')}</p>
      <h2>{t('admin.clinicians')}</h2>
      {info && (
        <ul className="staff-list">
          {info.staff.map((m) => (
            <li key={m.id} className="card">
              <strong>{m.displayName}</strong>{' '}
              <span className="muted">
                {m.email} · {m.role === 'admin' ? t('admin.roleAdmin') : t('admin.roleClinician')}
              </span>
              {m.email !== myEmail && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void remove(m)}
                  aria-label={t('admin.removeLabel', { name: m.displayName })}
                >
                  {t('admin.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="card" onSubmit={(e) => void add(e)} noValidate>
        <h2>{t('admin.add')}</h2>
        <TextField
          id="staff-name"
          label={t('admin.name')}
          value={form.displayName}
          onChange={(displayName) => setForm({ ...form, displayName })}
          autoComplete="off"
        />
        <FieldError message={fieldError('displayName')} />
        <TextField
          id="staff-email"
          label={t('admin.email')}
          type="email"
          value={form.email}
          onChange={(email) => setForm({ ...form, email })}
          autoComplete="off"
        />
        <FieldError message={fieldError('email')} />
        <TextField
          id="staff-password"
          label={t('admin.password')}
          type="password"
          value={form.password}
          onChange={(password) => setForm({ ...form, password })}
          autoComplete="new-password"
        />
        <FieldError message={fieldError('password')} />
        <label htmlFor="staff-role">{t('admin.role')}</label>
        <select id="staff-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
          <option value="clinician">{t('admin.optionClinician')}</option>
          <option value="admin">{t('admin.optionAdmin')}</option>
        </select>
        <button type="submit">{t('admin.addButton')}</button>
        {error && !error.field?.match(/displayName|email|password/) && <FieldError message={error.message} />}
      </form>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
    </section>
  );
}
