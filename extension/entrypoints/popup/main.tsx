import { createRoot } from 'react-dom/client';
import { ErrorBoundary, PageError } from '../../ui/components/error-boundary';
import '../../ui/styles.css';
import { PopupApp } from '../../ui/popup/popup-app';

createRoot(document.getElementById('root')!).render(
  <ErrorBoundary
    fallback={(error) => <PageError title="Almanac couldn’t show its status" error={error} />}
  >
    <PopupApp />
  </ErrorBoundary>,
);
