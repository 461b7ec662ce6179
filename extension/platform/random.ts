// Uniform [0, 1) from the platform CSPRNG (the engine's jitter), and ids for outbox rows and
// notifications. `crypto` is injected so tests can seed it.

export function createRandom(source: Pick<Crypto, 'getRandomValues'>): () => number {
  const buffer = new Uint32Array(1);
  return () => {
    source.getRandomValues(buffer);
    return (buffer[0] ?? 0) / 4_294_967_296;
  };
}

export function randomId(source: Pick<Crypto, 'getRandomValues'>, bytes = 16): string {
  const raw = source.getRandomValues(new Uint8Array(bytes));
  return [...raw].map((b) => b.toString(16).padStart(2, '0')).join('');
}
