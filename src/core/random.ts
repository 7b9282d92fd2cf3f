/**
 * Seeded randomness shared by the demo data, the scenario Monte Carlo and the benches: mulberry32
 * (a small, well-studied 32-bit generator), an FNV-1a text hash for seeds, and Box–Muller normals.
 * Same seed → same draws on every machine, so sheets don't flicker on recalc.
 */

/** A stream of uniform draws in [0, 1) from a 32-bit seed (mulberry32). */
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

/** A 32-bit seed from text (FNV-1a), so a symbol's draws depend only on its name. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface NormalSource {
  /** A standard normal draw. */
  next(): number;
}

/** Standard normals from a seeded uniform stream (Box–Muller, both outputs used: cos, then sin). */
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

/** `n` standard normal draws from a seed: the first `n` of seededNormals(seed). */
export function normals(seed: number, n: number): Float64Array {
  const source = seededNormals(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = source.next();
  return out;
}
