/**
 * Your data: download a backup (all of your data as one JSON file), restore one (an invalid file changes
 * nothing and the error says where in the file the problem is), sessions still waiting to upload, sound.
 */
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import { FieldError, Link, ScreenTitle } from '../ui/common.js';
import { OutboxStatus } from '../outbox/outbox-status.js';
import { isMuted, setMuted } from '../session/cues.js';
import { navigate } from '../lib/router.js';
import { LanguageChoice } from './language-choice.js';
import { restoredItems } from './restored-items.js';

// `pending` (sessions waiting) is still passed by the shell; OutboxStatus reads the outbox itself, check-ins and walks too.
// `limited`: the program is not active (safety questions not answered yet, or stopped): the download, what waits to be
// sent, language and sound stay; restoring a backup (it can bring back answers and a program) and reminders wait.
export function Settings({
  onChanged,
  limited = false,
}: {
  pending: number;
  onChanged: () => void;
  limited?: boolean;
}) {
  const { t } = useTranslation('account');
  const { error: importError, busy, submit } = useFormState();
  const [importDone, setImportDone] = useState<string | null>(null);
  const [muted, setMute] = useState(isMuted());

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setImportDone(null);
    if (!file) return;
    await submit(
      async () => {
        const text = await file.text();
        const res = await api<{ restored: Record<string, number> }>('POST', '/api/import-backup', text);
        const added = restoredItems(res.restored ?? {}, t);
        setImportDone(added.length ? t('backup.restored', { added: added.join(', ') }) : t('backup.nothingNew'));
        onChanged();
      },
      {
        fallback: t('backup.unreadable'),
        // The refusal with the file's name: "broken.json: Backup file at format: ... Nothing was changed."
        adapt: ({ message }) => ({
          message: t('backup.failed', { file: file.name, message: `${message}${/[.!?]$/.test(message) ? '' : '.'}` }),
        }),
      },
    );
    e.target.value = '';
  }

  return (
    <section className="screen">
      <ScreenTitle>{t('data.title')}</ScreenTitle>
      <div className="card">
        <h2>{t('backup.title')}</h2>
        <p>{t('backup.intro')}</p>
        <a className="button primary" href="/api/export" download>
          {t('backup.download')}
        </a>
      </div>
      {!limited && (
        <div className="card">
          <h2>{t('backup.restoreTitle')}</h2>
          <p>{t('backup.restoreIntro')}</p>
          <label htmlFor="import-file" className="button">
            {t('backup.choose')}
          </label>
          <input
            id="import-file"
            className="file-input"
            type="file"
            accept="application/json,.json"
            onChange={onFile}
            disabled={busy}
            aria-describedby="import-err"
          />
          <FieldError id="import-err" message={importError?.message} />
          {importDone && (
            <p className="success" role="status">
              {importDone}
            </p>
          )}
        </div>
      )}
      <div className="card">
        <h2>{t('waiting.title')}</h2>
        <OutboxStatus onSent={onChanged} empty={t('waiting.empty')} />
      </div>
      {!limited && (
        <div className="card">
          <h2>{t('reminders.title')}</h2>
          <p>{t('reminders.intro')}</p>
          <Link to="/reminders">{t('reminders.link')}</Link>
        </div>
      )}
      <LanguageChoice />
      <div className="card">
        <h2>{t('sound.title')}</h2>
        <label className="check">
          <input
            type="checkbox"
            checked={!muted}
            onChange={(e) => {
              setMuted(!e.target.checked);
              setMute(!e.target.checked);
            }}
          />
          <span>{t('sound.label')}</span>
        </label>
      </div>
      <div className="card">
        <h2>{t('safety.title')}</h2>
        <p>{t('safety.intro')}</p>
        <button type="button" onClick={() => navigate('/screen')}>
          {t('safety.again')}
        </button>
      </div>
      <div className="card">
        <h2>{t('evidence.title')}</h2>
        <p>{t('evidence.intro')}</p>
        <Link to="/references">{t('evidence.link')}</Link>
      </div>
      <p className="muted small">{t('data.footer')}</p>
    </section>
  );
}
