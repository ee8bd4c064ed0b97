import { StrictMode } from 'react';
import { loadingQueries, subscribeLoadingQueries } from './api/useQuery';
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
});

// The page's first number formatted sets up ICU's data for the locale: 30–90 ms of one task in
// Chromium, on every load. Done in a task of its own once the first question to the server is on its
// way (the page has nothing to do but wait), it lengthens neither the first screen nor the task that
// draws the first figures (issue 17).
const stopWaiting = subscribeLoadingQueries(() => {
  if (loadingQueries() === 0) return;
  stopWaiting();
  setTimeout(() => new Intl.NumberFormat('zh-CN').format(0));
});
