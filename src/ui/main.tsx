import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import App from './App';
import { startRegister } from './start-register';
import './styles.css';

// The register's rows are asked for before React renders (start-register.ts): the answer
// travels while the first render runs. From here on public/early-register.js (async) must not
// ask as well, should it arrive late.
window.appStarted = true;
startRegister(window.location.hash);

const root = document.getElementById('root');
if (root) {
  const app = createRoot(root);
  // The first render synchronously, not in a later scheduler task; its effects (the other
  // first requests) then run at the end of that commit instead of after the first paint.
  flushSync(() =>
    app.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
