/** Initials for an avatar: "Jonas Mentor" → "JM", "Léa" → "L", "" → "?". Counts characters, not UTF-16 units. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts.slice(0, 1);
  return letters.map((part) => Array.from(part)[0]!.toUpperCase()).join("") || "?";
}
