/**
 * The clinician's side of Footing (clinicians, and clinic admins who invite patients): the patient list with an
 * invitation card at /, one patient at /patients/:personId. Health data only ever comes from the patient-scoped
 * API, which checks the patient's consent on every request.
 */
import { useState } from 'react';
import { ApiError } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { Shell } from '../auth/shell.js';
import { signOut } from '../auth/sign-out.js';
import { FieldError } from '../components/common.js';
import { PathLink } from '../components/path-link.js';
import { navigatePath, usePath } from '../lib/router.js';
import { ClinicianPatientScreen } from './clinician-patient.js';
import { ClinicianPatientsScreen } from './clinician-patients.js';
import { ClinicAdminScreen } from './clinic-admin.js';

export function ClinicianWorkspace() {
  const auth = useAuth();
  const path = usePath();
  const [error, setError] = useState<string | null>(null);
  const out = (everywhere: boolean) => signOut(everywhere).then(() => auth.refresh(), (e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not sign out.'));
  const m = /^\/patients\/([^/]+)$/.exec(path);
  const isAdmin = auth.info?.role === 'admin';
  const onClinic = isAdmin && path === '/clinic';
  const body = onClinic ? <ClinicAdminScreen myEmail={auth.info?.email} /> : m ? <ClinicianPatientScreen personId={decodeURIComponent(m[1]!)} /> : <ClinicianPatientsScreen />;
  return (
    <Shell headerEnd={(
      <nav className="top-links" aria-label="Workspace">
        <PathLink to="/" className={m || onClinic ? '' : 'active'}>Patients</PathLink>
        {isAdmin && <PathLink to="/clinic" className={onClinic ? 'active' : ''}>Clinic</PathLink>}
      </nav>
    )}>
      <div className="workspace">
        {body}
        <footer className="workspace-account card">
          <p>Signed in as <strong>{auth.info?.displayName}</strong> ({auth.info?.email}, {auth.info?.role}).</p>
          <div className="actions">
            <button type="button" onClick={() => void out(false)}>Sign out</button>
            <button type="button" onClick={() => void out(true)}>Sign out on every device</button>
          </div>
          <FieldError message={error} />
        </footer>
      </div>
    </Shell>
  );
}
