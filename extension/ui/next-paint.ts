// When the browser has painted what was just committed: a callback in the next animation frame
// runs before that frame's style, layout and paint, and a message posted from it is delivered as
// a task after them. (A React passive effect is no such signal: it can run before the paint, or
// long after it, behind other effects and tasks.)
export function afterNextPaint(callback: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(undefined);
  });
}
