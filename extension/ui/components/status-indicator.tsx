// Live-or-polling, told truthfully: until the relay exists Almanac polls on its safety interval.
import type { Status } from '../../platform/messages';

export function StatusIndicator(props: { status: Status | undefined }) {
  const { status } = props;
  if (!status) return null;
  if (status.mode === 'live') {
    return (
      <span className="pill live" title="Changes arrive within seconds through the relay.">
        <span className="dot" aria-hidden="true" /> Live
      </span>
    );
  }
  const every = `every ${status.pollMinutes} min`;
  const why = status.relayConfigured
    ? 'A relay is configured, but live updates are not built yet.'
    : 'Live updates need the relay, which is not available yet.';
  return (
    <span className="pill" title={`${why} Almanac checks for changes ${every}.`}>
      <span className="dot" aria-hidden="true" /> Polling · {every}
    </span>
  );
}
