// Modules made by the `locale-sections` plugin in vite.config.ts (see sections.ts).
declare module "virtual:i18n/en/boot" {
  const sections: Record<string, unknown>;
  export default sections;
}

declare module "virtual:i18n/loaders" {
  /** For each language code, a loader per group of sections. */
  const loaders: Record<string, Record<import("./sections.ts").SectionGroup, () => Promise<{ default: Record<string, unknown> }>>>;
  export default loaders;
}
