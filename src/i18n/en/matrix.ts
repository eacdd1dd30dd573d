import type { matrix as fr } from '../fr/matrix.ts';

/** English strings of the matrix part. */
export const matrix: typeof fr = {};
