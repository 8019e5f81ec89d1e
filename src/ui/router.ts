// Hash routes, so the same URLs work in the browser and inside Electron (file://).
import { useEffect, useState } from 'react';
import { TRAFFIC_LIGHTS, type TrafficLight } from '../domain/facts/traffic-light';
import { parseFundingQuery, type FundingRouteParams } from './funding/funding-route';
import { parseGanttQuery, type GanttQuery } from './gantt/view-state';
import { parseReportQuery, type ReportTarget } from './progress/report-month';

export type Route =
  | { page: 'register'; planId?: number; light?: TrafficLight }
  | { page: 'project'; id: number }
  | ({ page: 'gantt'; planId?: number } & GanttQuery)
  | { page: 'printGantt'; params: URLSearchParams }
  | { page: 'dashboard'; planId?: number }
  | { page: 'printDashboard'; params: URLSearchParams }
  | { page: 'settings' }
  | { page: 'funding'; params: FundingRouteParams }
  | { page: 'report'; target: ReportTarget }
  | { page: 'notFound'; hash: string };

/** ?plan=ID of a route (the print routes read it from their params with this too) */
export function planParam(params: URLSearchParams): number | undefined {
  const plan = Number(params.get('plan'));
  return Number.isInteger(plan) && plan > 0 ? plan : undefined;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart = '/', query = ''] = raw.split('?');
  const project = /^\/project\/(\d+)\/?$/.exec(pathPart);
  if (project?.[1]) return { page: 'project', id: Number(project[1]) };
  switch (pathPart) {
    case '/':
    case '': {
      const params = new URLSearchParams(query);
      const plan = Number(params.get('plan'));
      // '?light=red': the dashboard's light counts open the register filtered to that light
      const light = TRAFFIC_LIGHTS.find((l) => l === params.get('light'));
      return {
        page: 'register',
        ...(Number.isInteger(plan) && plan > 0 ? { planId: plan } : {}),
        ...(light ? { light } : {}),
      };
    }
    case '/gantt': {
      // '?group=town&zoom=month': a link shows the same grouping and zoom
      const params = new URLSearchParams(query);
      const planId = planParam(params);
      return { page: 'gantt', ...(planId === undefined ? {} : { planId }), ...parseGanttQuery(params) };
    }
    case '/settings':
      return { page: 'settings' };
    case '/funding':
      return { page: 'funding', params: parseFundingQuery(query) };
    case '/report':
      return { page: 'report', target: parseReportQuery(query) };
    case '/print/gantt':
      return { page: 'printGantt', params: new URLSearchParams(query) };
    case '/dashboard': {
      const plan = Number(new URLSearchParams(query).get('plan'));
      return Number.isInteger(plan) && plan > 0 ? { page: 'dashboard', planId: plan } : { page: 'dashboard' };
    }
    case '/print/dashboard':
      return { page: 'printDashboard', params: new URLSearchParams(query) };
    default:
      return { page: 'notFound', hash };
  }
}

/**
 * A page with unsaved edits may hold a route change (useLeaveGuard in use-leave-warning.ts): the
 * blocker sees the new hash first and returns true to keep the page (it puts the old hash back).
 */
let routeBlocker: ((hash: string) => boolean) | null = null;
export function setRouteBlocker(blocker: ((hash: string) => boolean) | null): void {
  routeBlocker = blocker;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      if (routeBlocker?.(window.location.hash)) return;
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(hash: string): void {
  window.location.hash = hash;
}
