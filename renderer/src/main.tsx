// Bundled font, weights the UI uses. These files carry unicode-range per subset (latin, latin-ext,
// vietnamese), so the browser fetches only the subsets a page actually shows.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './theme/global.css';
import './i18n/i18n.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createBridge } from './bridge/createBridge.ts';

// Before the router exists: the bridge takes the access token out of the address bar.
const bridge = createBridge();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App bridge={bridge} />
  </StrictMode>,
);
