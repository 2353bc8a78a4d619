import { hasMessage, t } from "../i18n/index.ts";
import { ApiError } from "./api.ts";
import type { Message } from "./validation.ts";

/** A translated sentence for any failure: by API error code when we know it, else the server's own message. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    if (hasMessage(key)) return t(key);
    if (error.message) return error.message;
  }
  return t("errors.generic");
}

/**
 * Splits an API error into messages for the form's own fields and one message for the whole form.
 * `codeFields` places error codes that are about one field (underage is about the birth date).
 * `fieldMessages` translates a field's validation issue; otherwise the server's (English) message is shown.
 * Messages are functions so they follow a language change while on screen.
 */
export function splitApiError<F extends string>(
  error: unknown,
  fields: readonly F[],
  options: { codeFields?: Partial<Record<string, F>>; fieldMessages?: Partial<Record<F, Message>> } = {},
): { fields: Partial<Record<F, Message>>; form: Message | null } {
  const result: Partial<Record<F, Message>> = {};
  const whole = () => errorMessage(error);
  if (!(error instanceof ApiError)) return { fields: result, form: whole };

  const codeField = options.codeFields?.[error.code];
  if (codeField) {
    result[codeField] = whole;
    return { fields: result, form: null };
  }
  let unplaced = false;
  for (const issue of error.issues) {
    const field = fields.find((name) => name === issue.path.split(".")[0]);
    if (!field) {
      unplaced = true;
      continue;
    }
    if (result[field]) continue;
    result[field] = options.fieldMessages?.[field] ?? (() => issue.message || t("validation.fieldInvalid"));
  }
  const placedAny = Object.keys(result).length > 0;
  return { fields: result, form: placedAny && !unplaced ? null : whole };
}
