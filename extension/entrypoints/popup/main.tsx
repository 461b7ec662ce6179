import { createRoot } from 'react-dom/client';
import '../../ui/styles.css';
import { PopupApp } from '../../ui/popup/popup-app';

createRoot(document.getElementById('root')!).render(<PopupApp />);
