/**
 * A tiny path router: the server sends index.html for any unknown GET, so plain paths work on reload and
 * from the home screen. Moving to a new screen puts focus on its heading for screen-reader and keyboard users.
 */
import { useEffect, useState } from 'react';

export type Route =
  | '/'
  | '/welcome'
  | '/screen'
  | '/session'
  | '/checkin'
  | '/progress'
  | '/settings'
  | '/chain'
  | '/chain/pain-map'
  | '/chain/tests'
  | '/chain/outcomes'
  | '/gait'
  | '/filming-guide'
  | '/walk-now'
  | '/walking'
  | '/references'
  | '/my-answers'
  | '/reminders'
  | '/messages';
const ROUTES: readonly Route[] = [
  '/',
  '/welcome',
  '/screen',
  '/session',
  '/checkin',
  '/progress',
  '/settings',
  '/chain',
  '/chain/pain-map',
  '/chain/tests',
  '/chain/outcomes',
  '/gait',
  '/filming-guide',
  '/walk-now',
  '/walking',
  '/references',
  '/my-answers',
  '/reminders',
  '/messages',
];

function current(): Route {
  const p = location.pathname.replace(/\/+$/, '') || '/';
  return (ROUTES as readonly string[]).includes(p) ? (p as Route) : '/';
}

export function navigate(to: Route): void {
  if (location.pathname !== to) history.pushState(null, '', to);
  window.dispatchEvent(new Event('footing:navigate'));
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(current());
  useEffect(() => {
    const on = () => setRoute(current());
    window.addEventListener('popstate', on);
    window.addEventListener('footing:navigate', on);
    return () => {
      window.removeEventListener('popstate', on);
      window.removeEventListener('footing:navigate', on);
    };
  }, []);
  return route;
}

/**
 * Moves to any path, including ones with an id that Route cannot name (/invite/:token, /patients/:personId) or a
 * fragment (/references#ref-25); `state` is kept with the history entry (history.state) for the screen it opens.
 */
export function navigatePath(to: string, state: unknown = null): void {
  if (location.pathname !== to) history.pushState(state, '', to);
  window.dispatchEvent(new Event('footing:navigate'));
  window.scrollTo(0, 0);
}

/** The path as it is (no trailing slash), for screens whose path holds an id. */
export function usePath(): string {
  const read = () => location.pathname.replace(/\/+$/, '') || '/';
  const [path, setPath] = useState(read());
  useEffect(() => {
    const on = () => setPath(read());
    window.addEventListener('popstate', on);
    window.addEventListener('footing:navigate', on);
    return () => {
      window.removeEventListener('popstate', on);
      window.removeEventListener('footing:navigate', on);
    };
  }, []);
  return path;
}
