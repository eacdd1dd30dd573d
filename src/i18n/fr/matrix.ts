/** French strings of the matrix part. Mirror every key in ../en/matrix.ts. */
export const matrix = {};
