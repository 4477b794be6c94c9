/** The page frame of the screens outside the patient app (sign-in, invitation): skip link, header, main. */
import type { ReactNode } from 'react';

export function Shell({ children, headerEnd }: { children: ReactNode; headerEnd?: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="top">
        <span className="brand">Footing</span>
        <span className="tagline">feet first · not a diagnosis</span>
        {headerEnd}
      </header>
      <main id="main">{children}</main>
    </>
  );
}
