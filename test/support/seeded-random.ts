// The one seeded PRNG of the test tree (mulberry32): engines' jitter in tests and benches, bench
// plans and the chaos runs. Same seed, same sequence, so a run can be repeated exactly.

/** Deterministic uniform [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
