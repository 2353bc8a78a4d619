import type { AVAILABILITY_CHOICES, LocalizedText, TemplateQuestion } from "./types.ts";

// Questions every template asks in the same words: matching reads their ids (see types.ts).

const availabilityChoices: { id: (typeof AVAILABILITY_CHOICES)[number]; label: LocalizedText }[] = [
  { id: "weekday-mornings", label: { en: "Weekday mornings", fr: "En semaine, le matin", de: "Wochentags morgens" } },
  { id: "weekday-daytime", label: { en: "Weekday daytime", fr: "En semaine, en journée", de: "Wochentags tagsüber" } },
  { id: "weekday-evenings", label: { en: "Weekday evenings", fr: "En semaine, le soir", de: "Wochentags abends" } },
  { id: "weekends", label: { en: "Weekends", fr: "Le week-end", de: "Am Wochenende" } },
];

export const availability: TemplateQuestion = {
  id: "availability",
  kind: "multiple_choice",
  label: {
    en: "When are you usually available?",
    fr: "Quand êtes-vous généralement disponible ?",
    de: "Wann hast du meistens Zeit?",
  },
  help: {
    en: "Pick every time that usually works for you, in your own time zone.",
    fr: "Cochez tous les créneaux qui vous conviennent habituellement, selon votre fuseau horaire.",
    de: "Wähle alle Zeiten, die dir meistens passen, in deiner eigenen Zeitzone.",
  },
  required: true,
  choices: availabilityChoices,
};

export const contact: TemplateQuestion = {
  id: "contact",
  kind: "long_text",
  label: {
    en: "How and when is it best to reach you?",
    fr: "Comment et quand vous joindre au mieux ?",
    de: "Wie und wann erreicht man dich am besten?",
  },
  help: {
    en: "For example: chat messages on weekdays, a video call every other Tuesday evening. Share only what you are comfortable sharing.",
    fr: "Par exemple : des messages dans le chat en semaine, un appel vidéo un mardi soir sur deux. Ne partagez que ce que vous souhaitez partager.",
    de: "Zum Beispiel: Chatnachrichten unter der Woche, alle zwei Wochen dienstagabends ein Videocall. Teile nur, was du teilen möchtest.",
  },
  required: true,
};
