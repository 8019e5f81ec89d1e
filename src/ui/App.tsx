// The app frame: top bar, hash routes, and the desktop menu's commands.
import { useEffect } from 'react';
import GanttPage from './pages/GanttPage';
import PrintGanttPage from './pages/PrintGanttPage';
import ProjectPage from './pages/ProjectPage';
import RegisterPage from './pages/RegisterPage';
import { navigate, useRoute, type Route } from './router';
import { onMenuCommand } from './shell';
import { postMenuCommand } from './menu-mailbox';
import { menuTarget } from './menu-routing';
import { loadPrintChoice } from './print-choice';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'register':
      return <RegisterPage planId={route.planId} />;
    case 'project':
      return <ProjectPage key={route.id} id={route.id} />;
    case 'gantt':
      return <GanttPage />;
    case 'printGantt':
      return <PrintGanttPage params={route.params} />;
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

  useEffect(
    () =>
      onMenuCommand((cmd) => {
        const target = menuTarget(cmd, loadPrintChoice());
        if (target.hash) navigate(target.hash);
        // The page that owns the action (import/export buttons) takes it, once mounted.
        if (target.forward) postMenuCommand(cmd);
      }),
    [],
  );

  if (route.page === 'printGantt') return <Page route={route} />;
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">民政重点项目台账</span>
        <nav aria-label="主导航">
          <a href="#/" aria-current={route.page === 'register' || route.page === 'project' ? 'page' : undefined}>
            项目台账
          </a>
          <a href="#/gantt" aria-current={route.page === 'gantt' ? 'page' : undefined}>
            甘特图
          </a>
        </nav>
      </header>
      <main>
        <Page route={route} />
      </main>
    </div>
  );
}
