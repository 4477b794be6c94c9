/**
 * The chain area's own navigation (My chain, Pain map, Tests, Questionnaires, Gait video), and links to one screening test
 * (`/chain/tests#weight-bearing-lunge`): the tests screen opens and scrolls to the test named in the hash.
 */
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../ui/common.js';
import { useRoute, type Route } from '../lib/router.js';

// Each tab's words are chain:nav.<key> in the catalogue.
const TABS: { to: Route; key: 'myChain' | 'painMap' | 'tests' | 'questionnaires' | 'gait' }[] = [
  { to: '/chain', key: 'myChain' },
  { to: '/chain/pain-map', key: 'painMap' },
  { to: '/chain/tests', key: 'tests' },
  { to: '/chain/outcomes', key: 'questionnaires' },
  { to: '/gait', key: 'gait' },
];

export function ChainNav() {
  const { t } = useTranslation('chain');
  const route = useRoute();
  return (
    <nav className="chain-nav" aria-label={t('nav.label')}>
      {TABS.map((tab) => (
        <Link key={tab.to} to={tab.to} className={route === tab.to ? 'active' : ''} current={route === tab.to}>
          {t(`nav.${tab.key}`)}
        </Link>
      ))}
    </nav>
  );
}

/** Opens the tests screen at one test. */
export function goToTest(testId: string): void {
  history.pushState(null, '', `/chain/tests#${testId}`);
  window.dispatchEvent(new Event('footing:navigate'));
  // The tests screen scrolls to the test itself once it has loaded; on the same screen, do it now.
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function TestLink({ testId, children }: { testId: string; children: ReactNode }) {
  const onClick = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    goToTest(testId);
  };
  return (
    <a href={`/chain/tests#${testId}`} onClick={onClick}>
      {children}
    </a>
  );
}
