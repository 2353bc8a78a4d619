/**
 * The words of free-text answers that matching compares, in English, French and German.
 *
 * Stop words and stems come from Orama's per-language packages (@orama/stopwords and @orama/stemmers):
 * they are the Snowball project's lists and stemmers, maintained, dependency-free ES modules with one
 * entry point per language (so a bundle only carries the three languages we use), and they run unchanged
 * in Workers and in the browser. A short list of our own adds the words every mentorship answer is full of
 * ("help", "mentor", "experience", "evening") that say nothing about a particular match.
 *
 * A word is compared by its key (its stem with accents folded and in lower case), and shown as the person
 * wrote it ("bébés", "Vorstellungsgespräch").
 */
import { stemmer as stemEnglish } from "@orama/stemmers/english";
import { stemmer as stemFrench } from "@orama/stemmers/french";
import { stemmer as stemGerman } from "@orama/stemmers/german";
import { stopwords as englishStopwords } from "@orama/stopwords/english";
import { stopwords as frenchStopwords } from "@orama/stopwords/french";
import { stopwords as germanStopwords } from "@orama/stopwords/german";

const TEXT_LANGUAGES = ["en", "fr", "de"] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** Lower case, accents and other combining marks removed: "Bébés" → "bebes", "Gespräch" → "gesprach". */
export const fold = (word: string) =>
  word
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss");

/** Words of mentorship answers that never tell one match from another, in each language. */
const DOMAIN_WORDS: Record<TextLanguage, string> = {
  en:
    "help helping helped helps mentor mentors mentoring mentee mentees someone somebody anyone anything something " +
    "want wants wanted need needs needed like likes love loved really also just please thanks thank get getting got " +
    "good great well much many lot lots thing things way ways make making know knows experience experienced " +
    "hard easy able would could should can will may might time times day days week weeks weekend weekends weekday " +
    "weekdays morning mornings afternoon afternoons evening evenings night nights today tomorrow year years month " +
    "months hour hours minute minutes person people new one two three first best better",
  fr:
    "aide aider aidant mentor mentors mentorat mentore mentoree mentorée mentorés quelqu quelqu'un quelque quelques " +
    "chose choses vouloir veux veut voudrais voudrait souhaite souhaiterais besoin aimer aime aimerais adore vraiment " +
    "aussi juste merci bien bon bonne beaucoup très tres trop peu faire fait fais avoir avons avez expérience " +
    "experience expériences expérimenté expérimentée difficile facile pouvoir peux peut pourrait personne personnes " +
    "gens temps jour jours semaine semaines week-end weekend matin matins après-midi soir soirs soirée soirées nuit " +
    "aujourd demain année années an ans mois heure heures minute minutes nouveau nouvelle",
  de:
    "hilfe helfen helfe hilft mentor mentoren mentorin mentee mentees mentoring jemand jemanden jemandem etwas " +
    "möchte möchten mochte will wollen brauche brauchen braucht gern gerne liebe lieben wirklich auch nur bitte " +
    "danke gut gute guten viel viele sehr mehr machen mache macht wissen erfahrung erfahrungen erfahren schwer " +
    "leicht können kann könnte zeit tag tage woche wochen wochenende wochenenden morgen morgens nachmittag " +
    "nachmittags abend abends nacht heute jahr jahre monat monate stunde stunden minute minuten person personen " +
    "leute mensch menschen neu neue neuen",
};

const LIBRARY_STOPWORDS: Record<TextLanguage, readonly string[]> = { en: englishStopwords, fr: frenchStopwords, de: germanStopwords };

/** Each language's stop words, folded: the library's list and ours. */
const STOPWORDS: Record<TextLanguage, Set<string>> = {
  en: new Set([...LIBRARY_STOPWORDS.en, ...DOMAIN_WORDS.en.split(" ")].map(fold)),
  fr: new Set([...LIBRARY_STOPWORDS.fr, ...DOMAIN_WORDS.fr.split(" ")].map(fold)),
  de: new Set([...LIBRARY_STOPWORDS.de, ...DOMAIN_WORDS.de.split(" ")].map(fold)),
};

/**
 * Every language's stop words together. Answers mix languages (a German engineer writes "Feedback zu
 * meinen code reviews"), so a word that is a function word in any of the three never makes a reason. The
 * price is a few homographs ("son" is French for "his"), which we accept: a reason must never be noise.
 */
const ANY_STOPWORD = new Set([...STOPWORDS.en, ...STOPWORDS.fr, ...STOPWORDS.de]);

/** True when `word` is a stop word (library or ours) in any of the three languages. */
export const isStopword = (word: string) => ANY_STOPWORD.has(fold(word));

const STEMMERS: Record<TextLanguage, (word: string) => string> = { en: stemEnglish, fr: stemFrench, de: stemGerman };

// Letters and digits, plus "+" and "#" inside a word for C++ and C#. Apostrophes and hyphens separate
// words, so "l'expérience" gives "l" and "expérience".
const WORD = /[\p{L}\p{N}][\p{L}\p{N}+#]*/gu;
const LIBRARY_FOLDED: Record<TextLanguage, Set<string>> = {
  en: new Set(LIBRARY_STOPWORDS.en.map(fold)),
  fr: new Set(LIBRARY_STOPWORDS.fr.map(fold)),
  de: new Set(LIBRARY_STOPWORDS.de.map(fold)),
};

/**
 * The language a text is written in: the one whose (library) stop words it uses most, when it uses at
 * least two more of them than of the hinted language; otherwise the hint (the program's language).
 */
export function detectLanguage(text: string, hint: TextLanguage = "en"): TextLanguage {
  const counts: Record<TextLanguage, number> = { en: 0, fr: 0, de: 0 };
  for (const match of text.matchAll(WORD)) {
    const word = fold(match[0]);
    for (const language of TEXT_LANGUAGES) if (LIBRARY_FOLDED[language].has(word)) counts[language] += 1;
  }
  let best = hint;
  for (const language of TEXT_LANGUAGES) if (counts[language] >= counts[best] + 2) best = language;
  return best;
}

/** A meaningful word of a text: its comparison key and the word as written. */
export type Keyword = { key: string; word: string };

const keyCache = new Map<string, string | null>();

/** The comparison key of one word in a language, or null for a word that says nothing. */
function keyOf(raw: string, language: TextLanguage): string | null {
  const cacheKey = `${language}:${raw}`;
  const cached = keyCache.get(cacheKey);
  if (cached !== undefined) return cached;
  let key: string | null = null;
  const folded = fold(raw);
  const symbol = /[+#]/.test(folded);
  const letters = folded.replace(/[^a-z]/g, "").length;
  // Numbers and times ("8pm", "2024") are dropped; "c++", "c#" and "python3" stay.
  if ((folded.length >= 3 || symbol) && (letters >= 3 || (symbol && letters >= 1)) && !ANY_STOPWORD.has(folded)) {
    key = symbol ? folded : fold(STEMMERS[language](raw.toLowerCase()));
    if (key.length < 2) key = folded;
  }
  if (keyCache.size > 50_000) keyCache.clear();
  keyCache.set(cacheKey, key);
  return key;
}

/** The meaningful words of a text in order of first appearance, one per key. */
export function textKeywords(text: string, language: TextLanguage): Keyword[] {
  const seen = new Set<string>();
  const out: Keyword[] = [];
  for (const match of text.matchAll(WORD)) {
    const key = keyOf(match[0], language);
    if (key === null || seen.has(key)) continue;
    seen.add(key);
    out.push({ key, word: match[0] });
  }
  return out;
}
