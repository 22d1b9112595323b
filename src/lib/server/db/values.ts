/** Value lists that both schemas use, kept apart so the schema modules export only tables. */

export const LIVE_LESSON_STATUSES = ['waiting', 'playing', 'paused', 'ended'] as const;
