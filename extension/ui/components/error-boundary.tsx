// What a page shows when its render throws (a reply of an unexpected shape, a store error that a
// live query rethrows): a sentence, the error's own text, and Reload — never a blank page. React
// unmounts the whole tree on an uncaught render error, and a toolbar popup that opens empty
// says nothing about why.
import { Component, type ReactNode } from 'react';

export class ErrorBoundary extends Component<
  { fallback: (error: Error) => ReactNode; children?: ReactNode },
  { error: Error | undefined }
> {
  override state = { error: undefined as Error | undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/** The pages' fallback (the new tab's too, for a failed read: agenda-states.tsx). */
export function PageError(props: { title: string; error: Error; className?: string }) {
  return (
    <div className={props.className ? `page-error ${props.className}` : 'page-error'} role="alert">
      <h1>{props.title}</h1>
      <p className="muted">{props.error.message}</p>
      <button type="button" className="primary" onClick={() => globalThis.location.reload()}>
        Reload
      </button>
    </div>
  );
}
