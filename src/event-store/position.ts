import { Position } from './event-store.port';

export const START: Position = Object.freeze({ commit: -1n, prepare: -1n });

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** `"commit/prepare"`: how a position crosses the process edge (checkpoints, GraphQL, exports). */
export function positionToString(p: Position): string {
  return `${p.commit}/${p.prepare}`;
}

export function positionFromString(s: string): Position {
  const match = /^(\d+)\/(\d+)$/.exec(s);
  if (!match) throw new Error(`Not a position: "${s}" (expected "commit/prepare")`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
