import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { setBridgeClient } from './bridge';
import { connectBridge } from './bridge/client';
import { setupI18n } from './i18n';
import { attachBridge } from './store/live-sync';
import './theme/theme.css';

setupI18n();
const client = connectBridge();
setBridgeClient(client);
attachBridge(client);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
