import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import App from './App';
import { settledWithin, startRegister } from './start-register';
import './styles.css';

// The register's rows are asked for before React renders (start-register.ts): the answer
// travels while the first render runs. From here on public/early-register.js (async) must not
// ask as well, should it arrive late.
window.appStarted = true;
const registerAnswer = startRegister(window.location.hash);

/** how long the first render may wait for the register's reply before it draws the page loading */
const FIRST_RENDER_WAIT_MS = 300;

const root = document.getElementById('root');
if (root) {
  const app = createRoot(root);
  // The first render synchronously, not in a later scheduler task; its effects (the other
  // first requests) then run at the end of that commit instead of after the first paint.
  // On the register it waits for the rows when they are not in yet (settledWithin): they are
  // then drawn in the first render instead of a second one after "正在加载…".
  const render = (): void =>
    flushSync(() =>
      app.render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    );
  if (registerAnswer === null || registerAnswer.value !== undefined) render();
  else void settledWithin(registerAnswer, FIRST_RENDER_WAIT_MS).then(render);
}
