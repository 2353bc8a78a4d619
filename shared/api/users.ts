import { z } from "zod";
import { parseCalendarDate } from "../rules/age.ts";
import {
  ABOUT_MAX_LENGTH,
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  LANGUAGES_MAX,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  TIME_ZONE_MAX_LENGTH,
  TOPIC_MAX_LENGTH,
  TOPICS_MAX,
} from "../rules/limits.ts";

// The plain values live in shared/rules (no zod there, so the SPA imports them); re-exported for the worker.
export { PASSWORD_MAX_LENGTH } from "../rules/limits.ts";

const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX_LENGTH)
  .pipe(z.email({ message: "Enter a valid email address." }));

const BirthDate = z
  .string()
  .refine((value) => parseCalendarDate(value) !== null, { message: "Use a real date in the form YYYY-MM-DD." })
  // ISO dates compare correctly as strings.
  .refine((value) => value <= new Date().toISOString().slice(0, 10), { message: "A birth date cannot be in the future." })
  .meta({ example: "1990-05-17", description: "Calendar date, YYYY-MM-DD" });

const DisplayName = z.string().trim().min(1, "Enter your name.").max(DISPLAY_NAME_MAX_LENGTH, `Keep your name under ${DISPLAY_NAME_MAX_LENGTH} characters.`);

export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z.string().max(TIME_ZONE_MAX_LENGTH).refine(isTimeZone, { message: "Use an IANA time zone such as Europe/Paris." });

/** A language as a BCP 47 primary tag: "en", "fr", "pt". */
const LanguageTag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, "Use a two- or three-letter language code such as en or fr.");

const Topic = z.string().trim().min(1).max(TOPIC_MAX_LENGTH);

export const SUPPORTED_LOCALES = ["en", "fr", "de"] as const;
export const Locale = z.enum(SUPPORTED_LOCALES);
export type Locale = z.infer<typeof Locale>;

export const SignupBody = z
  .object({
    email: Email,
    password: Password,
    displayName: DisplayName,
    birthDate: BirthDate,
    locale: Locale.optional(),
  })
  .meta({ id: "SignupBody" });
export type SignupBody = z.infer<typeof SignupBody>;

export const LoginBody = z
  .object({
    email: Email,
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .meta({ id: "LoginBody" });
export type LoginBody = z.infer<typeof LoginBody>;

/** The signed-in user's own account, as `GET /api/me` returns it. */
export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    birthDate: z.string(),
    about: z.string(),
    topics: z.array(z.string()),
    languages: z.array(z.string()),
    timeZone: z.string().nullable(),
    locale: Locale.nullable(),
    createdAt: z.string(),
    /** Until it is true, no email but verification goes to the address. */
    emailVerified: z.boolean(),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof User>;

/** What other members may see of someone: never the email or birth date. */
export const PublicProfile = z
  .object({
    id: z.string(),
    displayName: z.string(),
    about: z.string(),
    topics: z.array(z.string()),
    languages: z.array(z.string()),
    timeZone: z.string().nullable(),
    /** True for the placeholder of a person who deleted their account: show "Deleted member". */
    deleted: z.boolean().optional(),
  })
  .meta({ id: "PublicProfile" });
export type PublicProfile = z.infer<typeof PublicProfile>;

export const UpdateMeBody = z
  .object({
    displayName: DisplayName,
    about: z
      .string()
      .trim()
      .max(ABOUT_MAX_LENGTH, `Keep this under ${ABOUT_MAX_LENGTH.toLocaleString("en")} characters.`),
    topics: z.array(Topic).max(TOPICS_MAX, `Choose up to ${TOPICS_MAX} topics.`),
    languages: z.array(LanguageTag).max(LANGUAGES_MAX, `Choose up to ${LANGUAGES_MAX} languages.`),
    timeZone: TimeZone.nullable(),
    locale: Locale.nullable(),
    /** A new address: it replaces the current one only once confirmed from the email sent to it. */
    email: Email,
    /** Required with `email`. */
    currentPassword: z.string().max(PASSWORD_MAX_LENGTH),
  })
  .partial()
  .strict()
  .meta({ id: "UpdateMeBody" });
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;

export const UserResponse = z.object({ user: User }).meta({ id: "UserResponse" });
