// Every length, count and capacity the API enforces, as plain numbers. The zod schemas in shared/api and
// shared/protocol.ts build on these, the worker checks them, and the SPA imports the same values for its
// form hints and checks: change a limit here and both sides follow. No zod here, so the SPA may import it.

// ---- People
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;
export const DISPLAY_NAME_MAX_LENGTH = 80;
export const ABOUT_MAX_LENGTH = 2000;
export const TOPICS_MAX = 20;
export const TOPIC_MAX_LENGTH = 40;
export const LANGUAGES_MAX = 10;
export const TIME_ZONE_MAX_LENGTH = 64;

// ---- Groups
export const GROUP_NAME_MIN = 2;
export const GROUP_NAME_MAX = 80;
export const GROUP_DESCRIPTION_MAX = 2000;
export const INVITE_MAX_DAYS = 90;
export const INVITE_DEFAULT_DAYS = 14;

// ---- Programs
export const MENTOR_CAPACITY_DEFAULT = 2;
export const MENTOR_CAPACITY_LIMIT = 10;
export const MAX_STEPS = 26;
export const MAX_QUESTIONS_PER_ROLE = 15;
export const MAX_ACTIVITIES = 8;
export const MAX_CHOICES = 12;
export const PROGRAM_TITLE_MAX = 120;
export const PROGRAM_DESCRIPTION_MAX = 4000;
export const STEP_TITLE_MAX = 120;
export const GUIDANCE_MAX = 4000;
export const ACTIVITY_MAX = 200;
export const QUESTION_LABEL_MAX = 300;
export const QUESTION_HELP_MAX = 500;
export const CHOICE_MAX = 120;
export const DURATION_MAX_WEEKS = 52;
export const CADENCE_MAX_DAYS = 31;

// ---- Pairs and the pair room (REST)
export const END_REASON_MAX = 1000;
export const POST_TITLE_MAX = 200;
export const POST_BODY_MAX = 10_000;
export const POST_URL_MAX = 2000;
export const COMMENT_MAX = 4000;
export const CHECKIN_NOTE_MAX = 1000;
export const MOOD_MIN = 1;
export const MOOD_MAX = 5;
export const REPORT_REASON_MAX = 2000;
/** Ids chosen by clients for idempotent writes (messages, posts, comments, check-ins). */
export const CLIENT_ID_MAX = 64;

// ---- Chat (the pair room's socket)
/** The room refuses any frame larger than this, whatever it holds. */
export const MAX_FRAME_BYTES = 16 * 1024;
export const MESSAGE_MAX_CHARS = 4000;
/** Messages per `history` frame during catch-up. */
export const HISTORY_PAGE_SIZE = 200;
/** Messages one person may send in one room per window (the worker's CHAT_RATE_LIMIT_PER_10S overrides it). */
export const RATE_LIMIT = { messages: 30, windowMs: 10_000 } as const;
