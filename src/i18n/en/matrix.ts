import type { matrix as fr } from '../fr/matrix.ts';

/** English strings of the matrix part. */
export const matrix: typeof fr = {
  encryptedRoom:
    '🔒 This room is end-to-end encrypted: Relais cannot read messages here or answer commands. '
    + 'Use Relais in an unencrypted room, or ask whoever runs Relais to connect it through pantalaimon.',
  encryptedRefused:
    'This Matrix room is end-to-end encrypted: Relais posts nothing there, as its message would go out unencrypted. '
    + 'Pick an unencrypted room, or connect Relais through pantalaimon.',
  reactToAnswer: 'To answer, react: {choices}',
};
