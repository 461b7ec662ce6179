// The relay's state under the relay URL field: "Live", "Relay unreachable: … · retrying in 40 s",
// "Connecting…", or "Not configured — polling every N min". Re-asked every few seconds while the
// options page is open (the state lives in the background, not in the store).
import { relayStatusText } from '../components/status-indicator';
import { useNow, useStatus } from '../hooks';

export function RelayStatusLine(props: { saved: number }) {
  const now = useNow(5_000);
  const { status } = useStatus(now, props.saved);
  if (!status) return null;
  return (
    <span className="hint muted" role="status" data-relay-state={status.relay.state}>
      {relayStatusText(status, now)}
    </span>
  );
}
