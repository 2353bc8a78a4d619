/**
 * Where the WAI-ARIA tab pattern's keys move the selection in a tab list of `count` tabs: the arrows wrap
 * around, Home and End go to the ends. Null for any other key.
 */
export function tabKeyTarget(key: string, index: number, count: number): number | null {
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
