// Why a pair ended, in the reader's language: the server's reason codes are translated, and a reason
// someone typed when ending it is shown as they wrote it.
import { hasMessage, t, type MessageKey } from "../i18n/index.ts";

export function endReasonText(reason: string | null | undefined): string | null {
  if (!reason) return null;
  const key = `membership.endReason.${reason}`;
  if (/^[a-z_]+$/.test(reason) && hasMessage(key)) return t(key as MessageKey);
  return t("membership.endReason.given", { reason });
}
