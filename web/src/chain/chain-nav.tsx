/**
 * The chain area's own navigation (My chain, Pain map, Tests, Questionnaires, Gait video), and links to one screening test
 * (`/chain/tests#weight-bearing-lunge`): the tests screen opens and scrolls to the test named in the hash.
 */
import type { MouseEvent, ReactNode } from 'react';
import { Link } from '../ui/common.js';
import { useRoute, type Route } from '../lib/router.js';

const TABS: { to: Route; label: string }[] = [
  { to: '/chain', label: 'My chain' },
  { to: '/chain/pain-map', label: 'Pain map' },
  { to: '/chain/tests', label: 'Tests' },
  { to: '/chain/outcomes', label: 'Questionnaires' },
  { to: '/gait', label: 'Gait video' },
];

export function ChainNav() {
  const route = useRoute();
  return (
    <nav className="chain-nav" aria-label="Chain">
      {TABS.map((t) => <Link key={t.to} to={t.to} className={route === t.to ? 'active' : ''} current={route === t.to}>{t.label}</Link>)}
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
  return <a href={`/chain/tests#${testId}`} onClick={onClick}>{children}</a>;
}
