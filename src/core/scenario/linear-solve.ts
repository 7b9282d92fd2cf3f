import { invalidNumber } from "../errors";

/**
 * Solves the small dense system A x = b by Gauss–Jordan elimination with partial pivoting.
 * `what` names the problem in the #NUM!-kind error raised when A is singular.
 */
export function solveLinear(a: readonly number[][], b: readonly number[], what: string): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) < 1e-14) throw invalidNumber(what);
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}
