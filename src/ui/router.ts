// Hash routes, so the same URLs work in the browser and inside Electron (file://).
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'register'; planId?: number }
  | { page: 'project'; id: number }
  | { page: 'gantt' }
  | { page: 'printGantt'; params: URLSearchParams }
  | { page: 'notFound'; hash: string };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart = '/', query = ''] = raw.split('?');
  const project = /^\/project\/(\d+)\/?$/.exec(pathPart);
  if (project?.[1]) return { page: 'project', id: Number(project[1]) };
  switch (pathPart) {
    case '/':
    case '': {
      const plan = Number(new URLSearchParams(query).get('plan'));
      return Number.isInteger(plan) && plan > 0 ? { page: 'register', planId: plan } : { page: 'register' };
    }
    case '/gantt':
      return { page: 'gantt' };
    case '/print/gantt':
      return { page: 'printGantt', params: new URLSearchParams(query) };
    default:
      return { page: 'notFound', hash };
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(hash: string): void {
  window.location.hash = hash;
}
