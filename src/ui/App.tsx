// The app frame: top bar, hash routes, and the desktop menu's commands.
import { lazy, Suspense, useEffect } from 'react';
import RegisterPage from './pages/RegisterPage';
import { rememberedPlan, useRememberedPlan, withPlan } from './current-plan';
import { navigate, useRoute, type Route } from './router';
import { onMenuCommand } from './shell';
import { postMenuCommand } from './menu-mailbox';
import { menuTarget } from './menu-routing';
import { loadPrintChoice } from './print-choice';
import ReadOnlyBanner from './components/ReadOnlyBanner';
import FindBar from './components/FindBar';

// Only the register (the page the app opens on) is in the start bundle; every other page is
// its own chunk, loaded when first opened. The dashboard pages bring ECharts (about 550 kB).
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const PrintDashboardPage = lazy(() => import('./pages/PrintDashboardPage'));
const FundingPage = lazy(() => import('./pages/FundingPage'));
const GanttPage = lazy(() => import('./pages/GanttPage'));
const PrintGanttPage = lazy(() => import('./pages/PrintGanttPage'));
const ProjectPage = lazy(() => import('./pages/ProjectPage'));
const SettingsPage = lazy(() => import('./pages/SettingsPage'));
const MonthlyReportPage = lazy(() => import('./pages/MonthlyReportPage'));

/**
 * What a lazily loaded page shows while its chunk arrives (a few ms from the local server).
 * Each page's Suspense has its own key: leaving a page unmounts it at once, instead of keeping
 * it mounted (hidden, its effects live, e.g. a leave guard) until the next page's chunk is in.
 */
function Loading({ what = '页面' }: { what?: string }) {
  return <p className="empty">正在载入{what}…</p>;
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'register':
      return <RegisterPage key={route.light ?? ''} planId={route.planId} {...(route.light ? { light: route.light } : {})} />;
    case 'project':
      return (
        <Suspense key="project" fallback={<Loading what="项目" />}>
          <ProjectPage key={route.id} id={route.id} />
        </Suspense>
      );
    case 'gantt':
      return (
        <Suspense key="gantt" fallback={<Loading what="甘特图" />}>
          <GanttPage
            key={`${route.planId ?? 0}:${route.group ?? ''}:${route.zoom ?? ''}`}
            {...(route.planId ? { planId: route.planId } : {})}
            {...(route.group ? { group: route.group } : {})}
            {...(route.zoom ? { zoom: route.zoom } : {})}
          />
        </Suspense>
      );
    case 'printGantt':
      return (
        <Suspense key="printGantt" fallback={<Loading what="打印页" />}>
          <PrintGanttPage params={route.params} />
        </Suspense>
      );
    case 'dashboard':
      return (
        <Suspense key="dashboard" fallback={<p className="empty">正在载入总览…</p>}>
          <DashboardPage {...(route.planId ? { planId: route.planId } : {})} />
        </Suspense>
      );
    case 'printDashboard':
      return (
        <Suspense key="printDashboard" fallback={<p className="empty">正在准备打印…</p>}>
          <PrintDashboardPage params={route.params} />
        </Suspense>
      );
    case 'settings':
      return (
        <Suspense key="settings" fallback={<Loading what="设置" />}>
          <SettingsPage />
        </Suspense>
      );
    case 'funding':
      return (
        <Suspense key="funding" fallback={<Loading what="资金" />}>
          <FundingPage key={JSON.stringify(route.params)} {...route.params} />
        </Suspense>
      );
    case 'report':
      return (
        <Suspense key="report" fallback={<Loading what="月度填报" />}>
          <MonthlyReportPage key={JSON.stringify(route.target)} target={route.target} />
        </Suspense>
      );
    case 'notFound':
      return (
        <section className="page">
          <p className="empty">
            找不到页面 {route.hash}。<a href="#/">返回项目台账</a>
          </p>
        </section>
      );
  }
}

export default function App() {
  const route = useRoute();
  const planId = useRememberedPlan();

  useEffect(
    () =>
      onMenuCommand((cmd) => {
        const target = menuTarget(cmd, loadPrintChoice());
        if (target.hash) navigate(withPlan(target.hash, rememberedPlan()));
        // The page that owns the action (import/export buttons) takes it, once mounted.
        if (target.forward) postMenuCommand(cmd);
      }),
    [],
  );

  if (route.page === 'printGantt' || route.page === 'printDashboard')
    return (
      <>
        <Page route={route} />
        <FindBar />
      </>
    );
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">民政重点项目台账</span>
        <nav aria-label="主导航">
          <a href={withPlan('#/', planId)} aria-current={route.page === 'register' || route.page === 'project' ? 'page' : undefined}>
            项目台账
          </a>
          <a href={withPlan('#/gantt', planId)} aria-current={route.page === 'gantt' ? 'page' : undefined}>
            甘特图
          </a>
          <a href={withPlan('#/dashboard', planId)} aria-current={route.page === 'dashboard' ? 'page' : undefined}>
            总览
          </a>
          <a href={withPlan('#/report', planId)} aria-current={route.page === 'report' ? 'page' : undefined}>
            月度填报
          </a>
          <a href={withPlan('#/funding', planId)} aria-current={route.page === 'funding' ? 'page' : undefined}>
            资金
          </a>
          <a href="#/settings" aria-current={route.page === 'settings' ? 'page' : undefined}>
            设置
          </a>
        </nav>
      </header>
      <main>
        <ReadOnlyBanner>
          <Page route={route} />
        </ReadOnlyBanner>
      </main>
      {/* Ctrl+F everywhere; the register keeps it for its own search box */}
      <FindBar disabled={route.page === 'register'} />
    </div>
  );
}
