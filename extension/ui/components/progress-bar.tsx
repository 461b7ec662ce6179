// A determinate progress bar with its label tied to it for assistive technology.
import { useId } from 'react';

export function ProgressBar(props: { value: number; max: number; label: string; detail?: string }) {
  const id = useId();
  const pct = props.max > 0 ? Math.min(100, Math.round((props.value / props.max) * 100)) : 0;
  return (
    <div className="first-sync">
      <span id={id}>
        {props.label}
        {props.detail ? <span className="muted"> — {props.detail}</span> : null}
      </span>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={props.max}
        aria-valuenow={props.value}
      >
        <div style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
