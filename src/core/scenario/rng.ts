/**
 * Seeded randomness for the Monte Carlo: mulberry32 (a small, well-studied 32-bit generator) and
 * Box–Muller normals. Same seed → same draws on every machine, so sheets don't flicker on recalc.
 */
export interface NormalSource {
  /** A standard normal draw. */
  next(): number;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normals from a seeded uniform stream (Box–Muller, both outputs used). */
export function seededNormals(seed: number): NormalSource {
  const uniform = mulberry32(seed);
  let spare: number | undefined;
  return {
    next(): number {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      const u1 = 1 - uniform(); // (0, 1]: log stays finite
      const u2 = uniform();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return r * Math.cos(2 * Math.PI * u2);
    },
  };
}
