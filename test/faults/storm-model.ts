/**
 * The ground truth of a storm: what each person asked, in the order they asked it, and so what
 * their answer must be at the end and how many confirmations they must have seen.
 */
export type Answer = 'going' | 'maybe' | 'declined';
export type StormGesture = { kind: 'click'; answer: Answer } | { kind: 'reaction'; answer: Answer; added: boolean };

const answers: Answer[] = ['going', 'maybe', 'declined'];

/** A small seeded generator (mulberry32): the same storm on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws each person's next gesture — a click (or a command) setting an answer, a reaction added,
 * or one of their reactions taken back — and applies it as Relais must: a click always answers
 * and is confirmed; a reaction confirms only when it changes the answer; taking a reaction back
 * withdraws only the answer it gave.
 */
export function answersModel() {
  const state = new Map<string, Answer | null>();
  const reacted = new Map<string, Set<Answer>>();
  const shown = new Map<string, number>();
  let reactionsShown = 0;
  let sent = 0;
  const confirm = (user: string) => shown.set(user, (shown.get(user) ?? 0) + 1);
  return {
    get sent() { return sent; },
    next(user: string, random: () => number): StormGesture {
      sent += 1;
      const mine = reacted.get(user) ?? new Set<Answer>();
      reacted.set(user, mine);
      const answer = answers[Math.floor(random() * answers.length)]!;
      const current = state.get(user) ?? null;
      if (random() < 0.35) {
        state.set(user, answer);
        confirm(user);
        return { kind: 'click', answer };
      }
      const added = !mine.has(answer);
      const changed = added ? current !== answer : current === answer;
      if (added) mine.add(answer);
      else mine.delete(answer);
      if (changed) {
        state.set(user, added ? answer : null);
        confirm(user);
        reactionsShown += 1;
      }
      return { kind: 'reaction', answer, added };
    },
    /** Each person's answer at the end; people with none are absent. */
    expected(): Record<string, Answer> {
      return Object.fromEntries([...state].filter((entry): entry is [string, Answer] => entry[1] !== null));
    },
    answersShown: (user: string) => shown.get(user) ?? 0,
    reactionAnswersShown: () => reactionsShown,
  };
}
