import { createRoot } from 'react-dom/client';
import { ErrorBoundary, PageError } from '../../ui/components/error-boundary';
import '../../ui/styles.css';
import { OptionsApp } from '../../ui/options/options-app';

createRoot(document.getElementById('root')!).render(
  <ErrorBoundary
    fallback={(error) => <PageError title="Almanac couldn’t show its options" error={error} />}
  >
    <OptionsApp />
  </ErrorBoundary>,
);
