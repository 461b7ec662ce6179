import { createRoot } from 'react-dom/client';
import '../../ui/styles.css';
import { OptionsApp } from '../../ui/options/options-app';

createRoot(document.getElementById('root')!).render(<OptionsApp />);
