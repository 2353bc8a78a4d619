/**
 * SLOT for the notification preferences section (the "notifications" feature owns it).
 *
 * The account settings page renders this component between the password and the data sections. The
 * notifications feature replaces this file's body with its preferences section (or re-exports its own
 * component from here); nothing else in web/src/pages/settings/ needs to change. Until then it renders
 * nothing, so the page never shows an empty card.
 */
export function NotificationsSlot() {
  return null;
}
