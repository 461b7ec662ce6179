// A destructive button that asks first: "Disconnect…" becomes the question with the real action
// and Cancel. Swapping buttons under the keyboard drops focus on <body> unless it is moved on
// purpose, so focus goes to Cancel when the question appears — the least destructive choice, so
// a second Enter does not confirm (WAI-ARIA APG, alert dialog) — and back to the opening button
// on Cancel or Escape.
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

export function ConfirmStep(props: {
  /** The button that opens the step, e.g. "Disconnect…". */
  label: string;
  question: string;
  /** The real action, e.g. "Disconnect". */
  confirmLabel: string;
  small?: boolean;
  busy: boolean;
  /** True when done: the step closes. False (it failed, its error shown) leaves it open. */
  onConfirm: () => Promise<boolean>;
}) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const group = useRef<HTMLSpanElement>(null);
  // Where focus goes once the buttons for the new state exist.
  const focusNext = useRef<'cancel' | 'opener'>(undefined);
  const questionId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the new buttons are in.
  useEffect(() => {
    const target = focusNext.current === 'cancel' ? cancel : opener;
    if (focusNext.current) target.current?.focus();
    focusNext.current = undefined;
  }, [open]);

  const show = () => {
    focusNext.current = 'cancel';
    setOpen(true);
  };
  const close = () => {
    // Only focus that was in the step (or lost with a disabled button) goes back: an action that
    // moved it on purpose, e.g. to the list after a disconnect, keeps its choice.
    const active = document.activeElement;
    const inStep = !active || active === document.body || group.current?.contains(active);
    focusNext.current = inStep ? 'opener' : undefined;
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    close();
  };
  const size = props.small ? 'small' : undefined;

  if (!open) {
    return (
      <button ref={opener} type="button" className={size} onClick={show}>
        {props.label}
      </button>
    );
  }
  return (
    <span ref={group} className="row">
      <span id={questionId} className="muted">
        {props.question}
      </span>
      <button
        type="button"
        // Read with the button focus lands on: the question is what it answers.
        aria-describedby={questionId}
        className={props.small ? 'small danger' : 'danger'}
        disabled={props.busy}
        onKeyDown={onKeyDown}
        onClick={() =>
          void props.onConfirm().then((done) => {
            if (done) close();
          })
        }
      >
        {props.confirmLabel}
      </button>
      <button
        ref={cancel}
        type="button"
        aria-describedby={questionId}
        className={size}
        onKeyDown={onKeyDown}
        onClick={close}
      >
        Cancel
      </button>
    </span>
  );
}
