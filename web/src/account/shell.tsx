/** The page frame of the screens outside the patient app (sign-in, invitation): skip link, header, main. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Shell({ children, headerEnd }: { children: ReactNode; headerEnd?: ReactNode }) {
  // The same words as the patient app's header (app.tsx).
  const { t } = useTranslation('app');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="top">
        <span className="brand">{t('brand')}</span>
        <span className="tagline">{t('tagline')}</span>
        {headerEnd}
      </header>
      <main id="main">{children}</main>
    </>
  );
}
