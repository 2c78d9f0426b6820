import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectBridge } from './bridge/client';
import { setupI18n } from './i18n';
import { attachBridge } from './store/app-store';
import './theme/theme.css';

setupI18n();
attachBridge(connectBridge());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
