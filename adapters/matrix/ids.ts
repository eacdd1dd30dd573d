/** The part of a Matrix id after the first colon: the homeserver's name (room ids of room version 12 have none). */
export function serverOf(id: string): string | undefined {
  const colon = id.indexOf(':');
  return colon === -1 ? undefined : id.slice(colon + 1);
}
