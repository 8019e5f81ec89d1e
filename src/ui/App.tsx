// The app frame: top bar, hash routes, and the desktop menu's commands.
import { lazy, Suspense, useEffect } from 'react';
import FundingPage from './pages/FundingPage';
import GanttPage from './pages/GanttPage';
import PrintGanttPage from './pages/PrintGanttPage';
import ProjectPage from './pages/ProjectPage';
import RegisterPage from './pages/RegisterPage';
import SettingsPage from './pages/SettingsPage';
import MonthlyReportPage from './pages/MonthlyReportPage';
import { rememberedPlan, useRememberedPlan, withPlan } from './current-plan';
import { navigate, useRoute, type Route } from './router';
import { onMenuCommand } from './shell';
import { postMenuCommand } from './menu-mailbox';
import { menuTarget } from './menu-routing';
import { loadPrintChoice } from './print-choice';
import ReadOnlyBanner from './components/ReadOnlyBanner';
import FindBar from './components/FindBar';

// The dashboard pages bring ECharts (about 600 kB): loaded when first opened, so the register starts fast.
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const PrintDashboardPage = lazy(() => import('./pages/PrintDashboardPage'));

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'register':
      return <RegisterPage key={route.light ?? ''} planId={route.planId} {...(route.light ? { light: route.light } : {})} />;
    case 'project':
      return <ProjectPage key={route.id} id={route.id} />;
    case 'gantt':
      return (
        <GanttPage
          key={`${route.planId ?? 0}:${route.group ?? ''}:${route.zoom ?? ''}`}
          {...(route.planId ? { planId: route.planId } : {})}
          {...(route.group ? { group: route.group } : {})}
          {...(route.zoom ? { zoom: route.zoom } : {})}
        />
      );
    case 'printGantt':
      return <PrintGanttPage params={route.params} />;
    case 'dashboard':
      return (
        <Suspense fallback={<p className="empty">正在载入总览…</p>}>
          <DashboardPage {...(route.planId ? { planId: route.planId } : {})} />
        </Suspense>
      );
    case 'printDashboard':
      return (
        <Suspense fallback={<p className="empty">正在准备打印…</p>}>
          <PrintDashboardPage params={route.params} />
        </Suspense>
      );
    case 'settings':
      return <SettingsPage />;
    case 'funding':
      return <FundingPage key={JSON.stringify(route.params)} {...route.params} />;
    case 'report':
      return <MonthlyReportPage key={JSON.stringify(route.target)} target={route.target} />;
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
