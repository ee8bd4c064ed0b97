import { StrictMode } from 'react';
import { App } from './App';
import { initLanguage } from './store/language';
import './styles.css';

initLanguage();
const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
// React DOM's reconciler (two thirds of the page's first code) is a chunk of its own, evaluated in
// a task after this one: the app's modules and React DOM's, evaluated together with the app's start,
// made one task of 60–110 ms on every page load (issue 17: no task over 100 ms).
void import('react-dom/client').then(({ createRoot }) => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The page's first number formatted sets up ICU's data for the locale: 30–90 ms of one task in
  // Chromium, on every load. Asked here, in a task of its own after the first render, while the
  // project and the overview's code are on their way, it no longer lengthens the task that evaluates
  // the overview's modules (metricsFormat.ts makes its formatter there) or the one that draws its
  // first figures, nor comes before the first render (issue 17).
  setTimeout(() => new Intl.NumberFormat('zh-CN').format(0));
});
