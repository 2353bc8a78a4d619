/**
 * Match reasons as sentences in the reader's language (en, fr, de), for API consumers. The SPA builds
 * its own sentences from the same reason data with its locale files; these are for everyone else.
 */
import type { MatchReason, UnmatchedReason } from "./matching.ts";

export type ReasonLocale = "en" | "fr" | "de";

/**
 * Intl formatters, made once per locale and kept: making one costs about 0.3 ms, and suggest-all
 * describes thousands of reasons.
 */
const formatters = new Map<string, Intl.ListFormat | Intl.DisplayNames>();
function formatter<T extends Intl.ListFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let made = formatters.get(key) as T | undefined;
  if (!made) {
    made = make();
    formatters.set(key, made);
  }
  return made;
}
const listFormat = (locale: ReasonLocale, type: "conjunction" | "disjunction") =>
  formatter(`list:${type}:${locale}`, () => new Intl.ListFormat(locale, { style: "long", type }));

function list(items: string[], locale: ReasonLocale): string {
  try {
    return listFormat(locale, "conjunction").format(items);
  } catch {
    return items.join(", ");
  }
}

function languageNames(codes: string[], locale: ReasonLocale): string[] {
  try {
    const names = formatter(`names:${locale}`, () => new Intl.DisplayNames([locale], { type: "language" }));
    return codes.map((code) => names.of(code) ?? code);
  } catch {
    return codes;
  }
}

const SENTENCES = {
  en: {
    sharedTopics: (x: string) => `Shared topics: ${x}`,
    sharedLanguage: (x: string) => `Both speak ${x}`,
    noSharedLanguage: "No language in common",
    sameTimeZone: "Same time zone",
    timeZoneApart: (h: number) => `Time zones ${h} ${h === 1 ? "hour" : "hours"} apart`,
    availability: (x: string) => `Both available: ${x}`,
    askedFor: (x: string) => `Offers what the mentee asked for: ${x}`,
    sharedWords: (x: string) => `Common ground: ${x}`,
    noMentorPlaces: "No mentor has a place left",
    noEligibleMentor: "Every mentor with a place left is excluded for this mentee (for example a block)",
    noLanguage: (x: string) => `No mentor with a place left speaks ${x}`,
    topicMentorsFull: (x: string) => `All mentors with shared topics (${x}) are full`,
    mentorsFull: "The suitable mentors' places went to mentees they match better",
    noCommonGround: "No mentor with a place left has enough in common with this mentee",
  },
  fr: {
    sharedTopics: (x: string) => `Thèmes en commun : ${x}`,
    sharedLanguage: (x: string) => `Parlent tous deux ${x}`,
    noSharedLanguage: "Aucune langue en commun",
    sameTimeZone: "Même fuseau horaire",
    timeZoneApart: (h: number) => `${h} ${h <= 1 ? "heure" : "heures"} de décalage`,
    availability: (x: string) => `Disponibles tous deux : ${x}`,
    askedFor: (x: string) => `Offre ce que la personne mentorée recherche : ${x}`,
    sharedWords: (x: string) => `Points communs : ${x}`,
    noMentorPlaces: "Aucun mentor n’a de place libre",
    noEligibleMentor: "Tous les mentors qui ont une place sont exclus pour cette personne (par exemple un blocage)",
    noLanguage: (x: string) => `Aucun mentor avec une place libre ne parle ${x}`,
    topicMentorsFull: (x: string) => `Tous les mentors qui partagent ses thèmes (${x}) sont complets`,
    mentorsFull: "Les places des mentors qui lui conviennent sont allées à des personnes qui leur correspondent mieux",
    noCommonGround: "Aucun mentor avec une place libre n’a assez de points communs avec cette personne",
  },
  de: {
    sharedTopics: (x: string) => `Gemeinsame Themen: ${x}`,
    sharedLanguage: (x: string) => `Beide sprechen ${x}`,
    noSharedLanguage: "Keine gemeinsame Sprache",
    sameTimeZone: "Gleiche Zeitzone",
    timeZoneApart: (h: number) => `${h} ${h === 1 ? "Stunde" : "Stunden"} Zeitunterschied`,
    availability: (x: string) => `Beide haben Zeit: ${x}`,
    askedFor: (x: string) => `Bietet, was sich der Mentee wünscht: ${x}`,
    sharedWords: (x: string) => `Gemeinsamkeiten: ${x}`,
    noMentorPlaces: "Kein Mentor hat noch einen Platz frei",
    noEligibleMentor: "Alle Mentoren mit freiem Platz sind für diesen Mentee ausgeschlossen (zum Beispiel durch eine Blockierung)",
    noLanguage: (x: string) => `Kein Mentor mit freiem Platz spricht ${x}`,
    topicMentorsFull: (x: string) => `Alle Mentoren mit gemeinsamen Themen (${x}) sind voll`,
    mentorsFull: "Die Plätze der passenden Mentoren gingen an Mentees, die noch besser zu ihnen passen",
    noCommonGround: "Kein Mentor mit freiem Platz hat genug mit diesem Mentee gemeinsam",
  },
} satisfies Record<ReasonLocale, unknown>;

/** One sentence for a match reason, in `locale`. */
export function describeReason(reason: MatchReason, locale: ReasonLocale = "en"): string {
  const s = SENTENCES[locale];
  switch (reason.kind) {
    case "shared_topics":
      return s.sharedTopics(list(reason.topics, locale));
    case "shared_language":
      return s.sharedLanguage(list(languageNames(reason.languages, locale), locale));
    case "no_shared_language":
      return s.noSharedLanguage;
    case "time_zone":
      return reason.hoursApart === 0 ? s.sameTimeZone : s.timeZoneApart(reason.hoursApart);
    case "availability":
      return s.availability(list(reason.slots, locale));
    case "asked_for":
      return s.askedFor(list(reason.words, locale));
    case "shared_words":
      return s.sharedWords(list(reason.words, locale));
  }
}

/** One sentence for why a mentee got no proposal, in `locale`. */
export function describeUnmatched(reason: UnmatchedReason, locale: ReasonLocale = "en"): string {
  const s = SENTENCES[locale];
  switch (reason.kind) {
    case "no_mentor_places":
      return s.noMentorPlaces;
    case "no_eligible_mentor":
      return s.noEligibleMentor;
    case "no_shared_language":
      // "speaks French or German": any of the mentee's languages would have done.
      return s.noLanguage(
        (() => {
          const names = languageNames(reason.languages, locale);
          try {
            return listFormat(locale, "disjunction").format(names);
          } catch {
            return names.join(", ");
          }
        })(),
      );
    case "topic_mentors_full":
      return s.topicMentorsFull(list(reason.topics, locale));
    case "mentors_full":
      return s.mentorsFull;
    case "no_common_ground":
      return s.noCommonGround;
  }
}
