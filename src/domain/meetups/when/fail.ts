import { RelaisError } from '../../../core/errors.ts';
import type { when } from '../../../i18n/fr/when.ts';
import type { MessageParams } from '../../../i18n/translate.ts';
import type { Note } from './types.ts';

type RefusalKey = keyof typeof when.errors;
type NoteKey = keyof typeof when.notes;

/** A reading refused: the message says what was understood and why it cannot be used. */
export const refuse = (key: RefusalKey, params: MessageParams = {}) => new RelaisError('invalid_argument', `when.errors.${key}`, params);

export const note = (key: NoteKey, params: MessageParams = {}): Note => ({ key: `when.notes.${key}`, params });
