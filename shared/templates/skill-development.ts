import { availability, contact } from "./common-questions.ts";
import type { LocalizedText, ProgramTemplate } from "./types.ts";

const topicChoices: { id: string; label: LocalizedText }[] = [
  { id: "programming", label: { en: "Programming and software", fr: "Programmation et logiciels", de: "Programmieren und Software" } },
  { id: "data", label: { en: "Data and analytics", fr: "Données et analyse", de: "Daten und Analyse" } },
  { id: "design", label: { en: "Design and creative tools", fr: "Design et outils créatifs", de: "Design und Kreativwerkzeuge" } },
  { id: "writing", label: { en: "Writing and editing", fr: "Écriture et relecture", de: "Schreiben und Redigieren" } },
  { id: "public-speaking", label: { en: "Public speaking and presenting", fr: "Prise de parole en public", de: "Reden und Präsentieren" } },
  { id: "languages", label: { en: "Foreign languages", fr: "Langues étrangères", de: "Fremdsprachen" } },
  { id: "management", label: { en: "Leading and managing people", fr: "Management et encadrement", de: "Führung und Teamleitung" } },
  { id: "marketing-sales", label: { en: "Marketing and sales", fr: "Marketing et vente", de: "Marketing und Vertrieb" } },
  { id: "crafts", label: { en: "Crafts and hands-on skills", fr: "Artisanat et savoir-faire manuels", de: "Handwerk und praktische Fertigkeiten" } },
  { id: "music-arts", label: { en: "Music and the arts", fr: "Musique et arts", de: "Musik und Kunst" } },
];

const levelChoices: { id: string; label: LocalizedText }[] = [
  { id: "beginner", label: { en: "Beginner", fr: "Niveau débutant", de: "Einstieg" } },
  { id: "basics", label: { en: "Basics in place", fr: "Bases acquises", de: "Grundlagen vorhanden" } },
  { id: "intermediate", label: { en: "Intermediate", fr: "Niveau intermédiaire", de: "Mittleres Niveau" } },
  { id: "advanced", label: { en: "Advanced, aiming for expert", fr: "Niveau avancé, vers l’expertise", de: "Fortgeschritten, Richtung Expertenniveau" } },
];

export const skillDevelopment: ProgramTemplate = {
  id: "skill-development",
  name: {
    en: "Skill development",
    fr: "Développement de compétences",
    de: "Kompetenzentwicklung",
  },
  summary: {
    en: "Eight weeks to build one specific skill with a mentor, through a clear plan, focused practice and a small project.",
    fr: "Huit semaines pour développer une compétence précise avec un mentor, grâce à un plan clair, une pratique ciblée et un petit projet.",
    de: "Acht Wochen, um mit einer erfahrenen Person eine bestimmte Fähigkeit aufzubauen: mit klarem Plan, gezieltem Üben und einem kleinen Projekt.",
  },
  description: {
    en: "Pick one skill you want to get better at, such as coding, writing, public speaking or a new language, and work on it with an experienced mentor. You will measure where you start, plan your learning, practice deliberately, set up feedback, build and share a small project, and measure again at the end to see how far you have come. Plan for about an hour a week together and short practice sessions in between.",
    fr: "Choisissez une compétence à améliorer, par exemple programmer, écrire, prendre la parole en public ou parler une nouvelle langue, et travaillez-la avec un mentor expérimenté. Vous mesurerez votre point de départ, planifierez votre apprentissage, vous entraînerez de façon ciblée, mettrez en place des retours réguliers, réaliserez et partagerez un petit projet, puis mesurerez à nouveau à la fin pour voir le chemin parcouru. Prévoyez environ une heure par semaine ensemble et de courtes séances d’entraînement entre vos rencontres.",
    de: "Wähle eine Fähigkeit, in der du besser werden willst, etwa Programmieren, Schreiben, vor Publikum sprechen oder eine neue Sprache, und arbeite mit einer erfahrenen Person daran. Ihr haltet fest, wo du startest, plant dein Lernen, übt gezielt, sorgt für regelmäßiges Feedback und setzt ein kleines Projekt um, das du teilst. Am Ende messt ihr noch einmal, wie weit du gekommen bist. Plane etwa eine Stunde pro Woche zu zweit ein und dazwischen kurze Übungseinheiten.",
  },
  durationWeeks: 8,
  steps: [
    {
      week: 1,
      title: {
        en: "Get to know each other",
        fr: "Faire connaissance",
        de: "Einander kennenlernen",
      },
      guidance: {
        en: "Welcome! This week you get to know each other and the skill you will work on together. Mentee, share which skill you want to develop, why it matters to you now and what you have already tried. Mentor, tell how you learned this skill yourself, including what was hard at first and what you wish someone had told you. Talk about what success would look like in eight weeks, and be realistic about the time each of you has. Agree how and when you will meet, and how you will share work, such as links, photos or files. Before next week, the mentee picks out one example of their current work.",
        fr: "Bienvenue ! Cette semaine, vous faites connaissance et vous parlez de la compétence sur laquelle vous allez travailler ensemble. La personne mentorée explique quelle compétence elle veut développer, pourquoi c’est important pour elle maintenant et ce qu’elle a déjà essayé. Le mentor raconte son propre apprentissage : ce qui était difficile au début et ce qu’il aurait aimé qu’on lui dise. Parlez de ce à quoi ressemblerait une réussite dans huit semaines, et soyez réalistes sur le temps dont chacun dispose. Convenez de quand et comment vous vous retrouvez, et de la façon dont vous partagerez le travail : liens, photos ou fichiers. D’ici la semaine prochaine, la personne mentorée choisit un exemple de son travail actuel.",
        de: "Willkommen! Diese Woche lernt ihr euch kennen und sprecht über die Fähigkeit, an der ihr gemeinsam arbeiten werdet. Als Mentee erzählst du, welche Fähigkeit du entwickeln willst, warum sie dir gerade jetzt wichtig ist und was du schon ausprobiert hast. Als Mentor oder Mentorin erzählst du, wie du sie selbst gelernt hast, was am Anfang schwer war und was du gern früher gewusst hättest. Sprecht darüber, wie Erfolg in acht Wochen aussehen würde, und seid realistisch, wie viel Zeit ihr beide habt. Vereinbart, wie und wann ihr euch trefft und wie ihr Arbeitsproben teilt, etwa als Links, Fotos oder Dateien. Bis nächste Woche suchst du als Mentee ein Beispiel deiner aktuellen Arbeit heraus.",
      },
      activities: [
        {
          id: "introduce-yourselves",
          label: {
            en: "Introduce yourselves and how you each came to this skill",
            fr: "Vous présenter et raconter comment chacun est venu à cette compétence",
            de: "Euch vorstellen und erzählen, wie ihr jeweils zu dieser Fähigkeit gekommen seid",
          },
        },
        {
          id: "share-goals",
          label: {
            en: "Share your goals for the program",
            fr: "Partager vos objectifs pour le programme",
            de: "Eure Ziele für das Programm besprechen",
          },
        },
        {
          id: "agree-how-and-when",
          label: {
            en: "Agree on how and when you will talk",
            fr: "Convenir de quand et comment vous échangerez",
            de: "Vereinbaren, wie und wann ihr miteinander sprecht",
          },
        },
        {
          id: "agree-sharing",
          label: {
            en: "Choose how you will share work with each other",
            fr: "Choisir comment vous partagerez le travail",
            de: "Festlegen, wie ihr Arbeitsproben teilt",
          },
        },
      ],
    },
    {
      week: 2,
      title: {
        en: "Choose one skill and find your starting point",
        fr: "Choisir une compétence et situer votre point de départ",
        de: "Eine Fähigkeit wählen und den Ausgangspunkt bestimmen",
      },
      guidance: {
        en: "Skills grow faster with a narrow focus. Together, shrink the mentee’s wish into one specific skill to practice over the coming weeks: not “get better at design” but “lay out a clear event poster”. Then find an honest starting point. The mentee does a short, real task now, without preparing, while the mentor watches or reviews the result. Note what already works and where it breaks down, without judgment. Decide how you will measure progress, for example time taken, number of errors, or a simple rating from 1 to 5 on a few criteria. Keep this baseline somewhere safe: you will compare against it at the end.",
        fr: "Une compétence progresse plus vite quand on se concentre sur un point précis. Ensemble, resserrez le souhait de la personne mentorée sur une compétence concrète à travailler dans les semaines qui viennent : non pas « m’améliorer en design », mais « concevoir une affiche claire pour un événement ». Trouvez ensuite un point de départ honnête. La personne mentorée réalise tout de suite une tâche courte et réelle, sans préparation, pendant que le mentor observe ou relit le résultat. Notez ce qui fonctionne déjà et ce qui coince, sans jugement. Décidez comment mesurer les progrès : temps passé, nombre d’erreurs ou note simple de 1 à 5 sur quelques critères. Conservez précieusement ce résultat de départ : vous le comparerez à la fin.",
        de: "Fähigkeiten wachsen schneller mit einem klaren Fokus. Macht aus dem Wunsch gemeinsam eine konkrete Fähigkeit, die du als Mentee in den kommenden Wochen üben kannst: nicht „besser in Design werden“, sondern „ein übersichtliches Veranstaltungsplakat gestalten“. Findet dann einen ehrlichen Ausgangspunkt. Du erledigst jetzt gleich eine kurze, echte Aufgabe ohne Vorbereitung, während dein Gegenüber zuschaut oder sich das Ergebnis ansieht. Haltet ohne Wertung fest, was schon klappt und wo es hakt. Legt fest, wie ihr Fortschritt messen wollt, zum Beispiel über die benötigte Zeit, die Zahl der Fehler oder eine einfache Bewertung von 1 bis 5 nach ein paar Kriterien. Bewahrt dieses Ausgangsergebnis gut auf: Am Ende vergleicht ihr damit.",
      },
      activities: [
        {
          id: "narrow-skill",
          label: {
            en: "Narrow your goal down to one specific skill",
            fr: "Resserrer votre objectif sur une compétence précise",
            de: "Das Ziel auf eine konkrete Fähigkeit eingrenzen",
          },
        },
        {
          id: "baseline-task",
          label: {
            en: "Do a short baseline task without preparing",
            fr: "Réaliser une courte tâche de départ sans préparation",
            de: "Eine kurze Ausgangsaufgabe ohne Vorbereitung erledigen",
          },
        },
        {
          id: "note-strengths-gaps",
          label: {
            en: "Note what works and where it breaks down",
            fr: "Noter ce qui fonctionne et ce qui coince",
            de: "Festhalten, was klappt und wo es hakt",
          },
        },
        {
          id: "choose-measure",
          label: {
            en: "Choose how you will measure progress",
            fr: "Choisir comment mesurer vos progrès",
            de: "Festlegen, wie ihr Fortschritt messt",
          },
        },
      ],
    },
    {
      week: 3,
      title: {
        en: "Make a learning plan",
        fr: "Établir un plan d’apprentissage",
        de: "Einen Lernplan erstellen",
      },
      guidance: {
        en: "With a clear skill and a baseline, you can plan the weeks ahead. Break the skill into three to five sub-skills and put them in an order where each builds on the last. Mentor, point to the resources you trust most, such as a book, a course, a tutorial or a person, and say which popular ones to skip. Be realistic about time: how many sessions a week, how many minutes each, on which days? Twenty focused minutes a day beat three hours you never find. Put the sessions in a calendar. Before next week, the mentee completes the first two sessions and notes what they learned and what confused them.",
        fr: "Avec une compétence claire et un point de départ, vous pouvez planifier les semaines à venir. Découpez la compétence en trois à cinq sous-compétences et ordonnez-les pour que chacune s’appuie sur la précédente. Le mentor indique les ressources auxquelles il fait le plus confiance (un livre, un cours, un tutoriel, une personne) et celles, pourtant populaires, qu’on peut laisser de côté. Soyez réalistes sur le temps : combien de séances par semaine, de combien de minutes, quels jours ? Vingt minutes concentrées par jour valent mieux que trois heures qu’on ne trouve jamais. Inscrivez les séances dans un agenda. D’ici la semaine prochaine, la personne mentorée fait les deux premières séances et note ce qu’elle a appris et ce qui l’a déroutée.",
        de: "Mit einer klaren Fähigkeit und einem Ausgangspunkt könnt ihr die nächsten Wochen planen. Zerlegt die Fähigkeit in drei bis fünf Teilfähigkeiten und bringt sie in eine Reihenfolge, in der jede auf der vorigen aufbaut. Als Mentor oder Mentorin nennst du die Quellen, denen du am meisten vertraust, etwa ein Buch, einen Kurs, ein Tutorial oder eine Person, und sagst, welche beliebten man sich sparen kann. Seid realistisch mit der Zeit: wie viele Einheiten pro Woche, wie viele Minuten, an welchen Tagen? Zwanzig konzentrierte Minuten am Tag bringen mehr als drei Stunden, die man nie findet. Tragt die Einheiten in einen Kalender ein. Bis nächste Woche absolvierst du als Mentee die ersten beiden Einheiten und notierst, was du gelernt hast und was dich verwirrt hat.",
      },
      activities: [
        {
          id: "split-subskills",
          label: {
            en: "Break the skill into three to five sub-skills",
            fr: "Découper la compétence en trois à cinq sous-compétences",
            de: "Die Fähigkeit in drei bis fünf Teilfähigkeiten zerlegen",
          },
        },
        {
          id: "pick-resources",
          label: {
            en: "Pick two or three trusted resources",
            fr: "Choisir deux ou trois ressources fiables",
            de: "Zwei oder drei verlässliche Quellen auswählen",
          },
        },
        {
          id: "schedule-sessions",
          label: {
            en: "Put practice sessions in your calendar",
            fr: "Inscrire les séances d’entraînement dans votre agenda",
            de: "Übungseinheiten in den Kalender eintragen",
          },
        },
        {
          id: "first-sessions",
          label: {
            en: "Complete the first two sessions",
            fr: "Faire les deux premières séances",
            de: "Die ersten beiden Einheiten absolvieren",
          },
        },
      ],
    },
    {
      week: 4,
      title: {
        en: "Practice deliberately",
        fr: "S’entraîner de façon ciblée",
        de: "Gezielt üben",
      },
      guidance: {
        en: "Practice pays off most when it focuses on what you cannot do yet. Look at the notes from the first sessions and pick the one sub-skill that is hardest right now. Design a short exercise that targets exactly that, feels slightly too hard, and gives quick feedback: a timed drill, a small task repeated, or copying an expert example and comparing. Mentor, demonstrate how you would approach it and think out loud as you go. Then the mentee tries while the mentor watches and asks what they are noticing. Before next week, the mentee repeats the exercise at least three times and notes what changes.",
        fr: "L’entraînement paie surtout quand il porte sur ce qu’on ne sait pas encore faire. Reprenez les notes des premières séances et choisissez la sous-compétence la plus difficile en ce moment. Concevez un exercice court qui la cible précisément, qui soit un peu trop difficile et qui donne un retour rapide : un exercice chronométré, une petite tâche répétée, ou la reproduction d’un exemple d’expert suivie d’une comparaison. Le mentor montre comment il s’y prendrait, en pensant à voix haute. Puis la personne mentorée essaie pendant que le mentor observe et lui demande ce qu’elle remarque. D’ici la semaine prochaine, elle refait l’exercice au moins trois fois et note ce qui évolue.",
        de: "Üben bringt am meisten, wenn es sich auf das konzentriert, was du noch nicht kannst. Schaut euch die Notizen aus den ersten Einheiten an und wählt die eine Teilfähigkeit, die gerade am schwersten fällt. Entwerft eine kurze Übung, die genau darauf zielt, sich etwas zu schwer anfühlt und schnell Rückmeldung gibt: eine Übung auf Zeit, eine kleine Aufgabe in Wiederholung oder ein Profi-Beispiel nachbauen und vergleichen. Als Mentor oder Mentorin machst du es vor und denkst dabei laut. Dann probierst du es als Mentee, während dein Gegenüber zuschaut und fragt, was dir auffällt. Bis nächste Woche wiederholst du die Übung mindestens dreimal und notierst, was sich verändert.",
      },
      activities: [
        {
          id: "pick-hardest",
          label: {
            en: "Pick the sub-skill that is hardest right now",
            fr: "Choisir la sous-compétence la plus difficile en ce moment",
            de: "Die Teilfähigkeit wählen, die gerade am schwersten fällt",
          },
        },
        {
          id: "design-exercise",
          label: {
            en: "Design a short exercise that targets it",
            fr: "Concevoir un exercice court qui la cible",
            de: "Eine kurze Übung genau dafür entwerfen",
          },
        },
        {
          id: "watch-demo",
          label: {
            en: "Watch the mentor demonstrate while thinking aloud",
            fr: "Regarder le mentor faire une démonstration en pensant à voix haute",
            de: "Eine Vorführung mit lautem Mitdenken ansehen",
          },
        },
        {
          id: "repeat-three-times",
          label: {
            en: "Repeat the exercise three times and note what changes",
            fr: "Refaire l’exercice trois fois et noter ce qui évolue",
            de: "Die Übung dreimal wiederholen und Veränderungen notieren",
          },
        },
      ],
    },
    {
      week: 5,
      title: {
        en: "Set up feedback loops",
        fr: "Mettre en place des retours réguliers",
        de: "Feedbackschleifen einrichten",
      },
      guidance: {
        en: "You cannot improve what you cannot see. This week, set up ways for the mentee to get useful feedback quickly. Review a recent piece of work together using a simple pattern: one thing that works, one thing to change, and why. Mentee, ask specific questions rather than “is it good?”. Then add feedback sources beyond the mentor: a checklist of criteria, a recording to watch back, a test, or a peer from the community. Agree how the mentee will share work between meetings and how quickly the mentor can respond. Before next week, get feedback from one source other than the mentor.",
        fr: "On ne peut pas améliorer ce qu’on ne voit pas. Cette semaine, mettez en place des moyens pour que la personne mentorée obtienne vite des retours utiles. Passez ensemble en revue un travail récent avec une grille simple : une chose qui fonctionne, une chose à changer, et pourquoi. La personne mentorée pose des questions précises plutôt que « c’est bien ? ». Ajoutez ensuite d’autres sources de retours que le mentor : une liste de critères, un enregistrement à revoir, un test ou un pair de la communauté. Convenez de la façon dont la personne mentorée partage son travail entre les rencontres et du délai de réponse du mentor. D’ici la semaine prochaine, obtenez un retour d’une autre source que le mentor.",
        de: "Was man nicht sieht, kann man nicht verbessern. Diese Woche sorgt ihr dafür, dass du als Mentee schnell brauchbares Feedback bekommst. Geht gemeinsam eine aktuelle Arbeit durch, nach einem einfachen Muster: eine Sache, die funktioniert, eine Sache, die sich ändern sollte, und warum. Stell dabei konkrete Fragen statt „Ist das gut?“. Sucht dann Feedbackquellen über euch beide hinaus: eine Checkliste mit Kriterien, eine Aufnahme zum Nachschauen, einen Test oder jemanden aus der Community. Vereinbart, wie du zwischen den Treffen Arbeiten teilst und wie schnell dein Gegenüber antworten kann. Bis nächste Woche holst du dir Feedback aus mindestens einer weiteren Quelle.",
      },
      activities: [
        {
          id: "review-work",
          label: {
            en: "Review a recent piece of work together",
            fr: "Passer en revue ensemble un travail récent",
            de: "Gemeinsam eine aktuelle Arbeit durchgehen",
          },
        },
        {
          id: "ask-specific",
          label: {
            en: "Prepare specific questions about your work",
            fr: "Préparer des questions précises sur votre travail",
            de: "Konkrete Fragen zur eigenen Arbeit vorbereiten",
          },
        },
        {
          id: "add-source",
          label: {
            en: "Choose one feedback source besides the mentor",
            fr: "Choisir une source de retours en plus du mentor",
            de: "Neben dem Mentoring eine weitere Feedbackquelle wählen",
          },
        },
        {
          id: "get-outside-feedback",
          label: {
            en: "Get feedback from that source",
            fr: "Obtenir un retour de cette source",
            de: "Feedback aus dieser Quelle einholen",
          },
        },
      ],
    },
    {
      week: 6,
      title: {
        en: "Build a small project",
        fr: "Réaliser un petit projet",
        de: "Ein kleines Projekt umsetzen",
      },
      guidance: {
        en: "Exercises build the pieces; a project puts them together. Choose a small, real project the mentee can finish in about a week and show to someone: a short article, a tiny app, a recorded talk, a finished sketch, a conversation in the new language. Keep the scope modest and write down what “done” means. Mentor, help spot the part most likely to get stuck, and plan for it together. Halfway through the week, share progress in your chat instead of waiting for the finished thing. Before your next meeting, finish the project, even if it is imperfect: done and shared teaches more than perfect and hidden.",
        fr: "Les exercices construisent les pièces, le projet les assemble. Choisissez un petit projet réel que la personne mentorée peut terminer en une semaine environ et montrer à quelqu’un : un court article, une mini-application, une présentation enregistrée, un croquis abouti, une conversation dans la nouvelle langue. Gardez une ambition modeste et écrivez ce que « terminé » veut dire. Le mentor aide à repérer la partie la plus susceptible de bloquer, et vous prévoyez ensemble comment la franchir. À mi-semaine, partagez l’avancement dans votre chat plutôt que d’attendre le résultat final. D’ici la prochaine rencontre, terminez le projet, même imparfait : un travail fini et partagé apprend plus qu’un travail parfait et caché.",
        de: "Übungen bauen die Einzelteile, ein Projekt setzt sie zusammen. Wählt ein kleines, echtes Projekt, das du als Mentee in etwa einer Woche fertigstellen und jemandem zeigen kannst: einen kurzen Artikel, eine winzige App, einen aufgezeichneten Vortrag, eine fertige Skizze, ein Gespräch in der neuen Sprache. Haltet den Umfang bescheiden und schreibt auf, was „fertig“ bedeutet. Dein Gegenüber hilft dir, die Stelle zu finden, an der es am ehesten hakt, und ihr plant gemeinsam dafür vor. Teil zur Wochenmitte den Zwischenstand in eurem Chat, statt auf das fertige Ergebnis zu warten. Bis zum nächsten Treffen stellst du das Projekt fertig, auch wenn es nicht perfekt ist: Fertig und geteilt lehrt mehr als perfekt und versteckt.",
      },
      activities: [
        {
          id: "choose-project",
          label: {
            en: "Choose a small project you can finish in a week",
            fr: "Choisir un petit projet réalisable en une semaine",
            de: "Ein kleines Projekt wählen, das in einer Woche machbar ist",
          },
        },
        {
          id: "define-done",
          label: {
            en: "Write down what “done” means",
            fr: "Écrire ce que « terminé » veut dire",
            de: "Aufschreiben, was „fertig“ bedeutet",
          },
        },
        {
          id: "share-midway",
          label: {
            en: "Share progress halfway through the week",
            fr: "Partager l’avancement à mi-semaine",
            de: "Zur Wochenmitte den Zwischenstand teilen",
          },
        },
        {
          id: "finish-project",
          label: {
            en: "Finish the project, even if it is imperfect",
            fr: "Terminer le projet, même imparfait",
            de: "Das Projekt fertigstellen, auch wenn es nicht perfekt ist",
          },
        },
      ],
    },
    {
      week: 7,
      title: {
        en: "Teach it back",
        fr: "Transmettre à votre tour",
        de: "Das Gelernte weitergeben",
      },
      guidance: {
        en: "Explaining a skill is one of the best ways to find the gaps in your own understanding. This week, the mentee teaches the mentor something they learned: a technique, a shortcut, or how they built the project. Mentor, play a curious beginner and ask the naive questions. Notice together where the explanation gets fuzzy; that is where to practice next. Then share the work more widely: present the project to your community, write a short post about what you learned, or help someone one step behind you. Before next week, share the project or one lesson learned with at least one other person.",
        fr: "Expliquer une compétence est l’un des meilleurs moyens de repérer les trous dans sa propre compréhension. Cette semaine, la personne mentorée enseigne au mentor quelque chose qu’elle a appris : une technique, une astuce ou la façon dont elle a construit son projet. Le mentor joue le débutant curieux et pose les questions naïves. Repérez ensemble les moments où l’explication devient floue : c’est là qu’il faudra s’entraîner par la suite. Puis partagez le travail plus largement : présentez le projet à votre communauté, écrivez un court billet sur ce que vous avez appris ou aidez quelqu’un qui a un pas de retard sur vous. D’ici la semaine prochaine, partagez le projet ou une leçon apprise avec au moins une autre personne.",
        de: "Eine Fähigkeit zu erklären ist einer der besten Wege, Lücken im eigenen Verständnis zu finden. Diese Woche bringst du als Mentee deinem Gegenüber etwas bei, das du gelernt hast: eine Technik, einen Kniff oder wie du dein Projekt gebaut hast. Dein Gegenüber spielt den neugierigen Neuling und stellt die naiven Fragen. Achtet gemeinsam darauf, wo die Erklärung unscharf wird: Genau dort lohnt sich das nächste Üben. Teilt die Arbeit dann mit mehr Menschen: Stellt das Projekt in eurer Community vor, schreibt einen kurzen Beitrag über das Gelernte oder helft jemandem, der einen Schritt hinter euch ist. Bis nächste Woche teilst du das Projekt oder eine Erkenntnis mit mindestens einer weiteren Person.",
      },
      activities: [
        {
          id: "teach-mentor",
          label: {
            en: "Teach your mentor one thing you learned",
            fr: "Enseigner à votre mentor une chose apprise",
            de: "Deinem Gegenüber etwas beibringen, das du gelernt hast",
          },
        },
        {
          id: "note-fuzzy-spots",
          label: {
            en: "Note where your explanation got fuzzy",
            fr: "Noter où l’explication est devenue floue",
            de: "Notieren, wo die Erklärung unscharf wurde",
          },
        },
        {
          id: "share-widely",
          label: {
            en: "Share your project or a lesson with someone else",
            fr: "Partager votre projet ou une leçon avec quelqu’un d’autre",
            de: "Projekt oder Erkenntnis mit jemand anderem teilen",
          },
        },
      ],
    },
    {
      week: 8,
      title: {
        en: "Reflect and plan what comes next",
        fr: "Faire le bilan et préparer la suite",
        de: "Bilanz ziehen und weiterplanen",
      },
      guidance: {
        en: "Time to see how far you have come. The mentee repeats the baseline task from week 2 under the same conditions, and you compare the two results side by side using the measures you chose. Talk about which practice methods worked best and which you would drop. Mentor, share what you noticed about how the mentee learns, and what mentoring taught you. Then plan the next stretch: the next sub-skill, a practice rhythm to keep, and where to find feedback without a mentor. Thank each other, and when you are both ready, mark the mentorship completed.",
        fr: "Il est temps de mesurer le chemin parcouru. La personne mentorée refait la tâche de départ de la semaine 2 dans les mêmes conditions, et vous comparez les deux résultats côte à côte avec les critères choisis. Parlez des méthodes d’entraînement qui ont le mieux marché et de celles que vous abandonneriez. Le mentor partage ce qu’il a remarqué sur la façon d’apprendre de la personne mentorée, et ce que le mentorat lui a appris. Préparez ensuite la suite : la prochaine sous-compétence, un rythme d’entraînement à garder et des sources de retours sans mentor. Remerciez-vous mutuellement et, quand vous êtes tous deux prêts, marquez le mentorat comme terminé.",
        de: "Zeit zu sehen, wie weit du gekommen bist. Als Mentee wiederholst du die Ausgangsaufgabe aus Woche 2 unter denselben Bedingungen, und ihr vergleicht beide Ergebnisse nebeneinander anhand der gewählten Maßstäbe. Sprecht darüber, welche Übungsmethoden am besten funktioniert haben und welche ihr weglassen würdet. Als Mentor oder Mentorin erzählst du, was dir daran aufgefallen ist, wie dein Gegenüber lernt, und was du selbst aus dem Mentoring mitnimmst. Plant dann die nächste Etappe: die nächste Teilfähigkeit, einen Übungsrhythmus, den du beibehältst, und wo du auch ohne Mentoring Feedback bekommst. Bedankt euch gegenseitig, und wenn ihr beide so weit seid, markiert das Mentoring als abgeschlossen.",
      },
      activities: [
        {
          id: "repeat-baseline",
          label: {
            en: "Repeat the baseline task from week 2",
            fr: "Refaire la tâche de départ de la semaine 2",
            de: "Die Ausgangsaufgabe aus Woche 2 wiederholen",
          },
        },
        {
          id: "compare-results",
          label: {
            en: "Compare the two results side by side",
            fr: "Comparer les deux résultats côte à côte",
            de: "Beide Ergebnisse nebeneinander vergleichen",
          },
        },
        {
          id: "plan-next",
          label: {
            en: "Plan the next sub-skill and a practice rhythm",
            fr: "Prévoir la prochaine sous-compétence et un rythme d’entraînement",
            de: "Nächste Teilfähigkeit und Übungsrhythmus planen",
          },
        },
        {
          id: "thank-each-other",
          label: {
            en: "Thank each other and close the program",
            fr: "Vous remercier et clore le programme",
            de: "Euch bedanken und das Programm abschließen",
          },
        },
      ],
    },
  ],
  questions: {
    mentor: [
      {
        id: "help_with",
        kind: "long_text",
        label: {
          en: "Which skill can you help with, and up to what level?",
          fr: "Pour quelle compétence pouvez-vous aider, et jusqu’à quel niveau ?",
          de: "Bei welcher Fähigkeit kannst du helfen, und bis zu welchem Niveau?",
        },
        help: {
          en: "Be specific, for example: Python for data analysis, from beginner to intermediate.",
          fr: "Soyez précis, par exemple : Python pour l’analyse de données, du niveau débutant au niveau intermédiaire.",
          de: "Sei konkret, zum Beispiel: Python für Datenanalyse, vom Einstieg bis zum mittleren Niveau.",
        },
        required: true,
      },
      {
        id: "why_help",
        kind: "long_text",
        label: {
          en: "Why do you want to mentor someone?",
          fr: "Pourquoi souhaitez-vous accompagner quelqu’un ?",
          de: "Warum möchtest du jemanden begleiten?",
        },
        help: {
          en: "A sentence or two is enough.",
          fr: "Une ou deux phrases suffisent.",
          de: "Ein, zwei Sätze reichen.",
        },
        required: true,
      },
      {
        id: "topics",
        kind: "multiple_choice",
        label: {
          en: "Which areas can you mentor in?",
          fr: "Dans quels domaines pouvez-vous accompagner quelqu’un ?",
          de: "In welchen Bereichen kannst du jemanden begleiten?",
        },
        help: {
          en: "Pick all that apply.",
          fr: "Plusieurs réponses possibles.",
          de: "Wähle alles aus, was zutrifft.",
        },
        required: true,
        choices: topicChoices,
      },
      {
        id: "levels",
        kind: "multiple_choice",
        label: {
          en: "Which levels are you comfortable mentoring?",
          fr: "À quels niveaux êtes-vous à l’aise pour accompagner quelqu’un ?",
          de: "Auf welchem Niveau kannst du jemanden gut begleiten?",
        },
        required: false,
        choices: levelChoices,
      },
      availability,
      contact,
    ],
    mentee: [
      {
        id: "need_help_with",
        kind: "long_text",
        label: {
          en: "Which skill do you want to develop, and why now?",
          fr: "Quelle compétence souhaitez-vous développer, et pourquoi maintenant ?",
          de: "Welche Fähigkeit möchtest du entwickeln, und warum gerade jetzt?",
        },
        help: {
          en: "For example: presenting confidently at work, because I give my first conference talk in three months.",
          fr: "Par exemple : présenter avec aisance au travail, car je donne ma première conférence dans trois mois.",
          de: "Zum Beispiel: sicher präsentieren im Job, weil ich in drei Monaten meinen ersten Konferenzvortrag halte.",
        },
        required: true,
      },
      {
        id: "mentor_wanted",
        kind: "long_text",
        label: {
          en: "What kind of mentor would help you most?",
          fr: "Quel type de mentor vous aiderait le plus ?",
          de: "Was für ein Mentor oder eine Mentorin würde dir am meisten helfen?",
        },
        help: {
          en: "For example: someone patient with beginners, someone who uses this skill at work, or someone who gives direct feedback.",
          fr: "Par exemple : quelqu’un de patient avec les débutants, qui pratique cette compétence dans son métier, ou qui fait des retours francs.",
          de: "Zum Beispiel: jemand, der mit Einsteigern Geduld hat, die Fähigkeit beruflich nutzt oder direktes Feedback gibt.",
        },
        required: true,
      },
      {
        id: "current_level",
        kind: "single_choice",
        label: {
          en: "Where are you starting from?",
          fr: "Quel est votre niveau de départ ?",
          de: "Wie schätzt du dein aktuelles Niveau ein?",
        },
        required: false,
        choices: levelChoices,
      },
      {
        id: "topics",
        kind: "multiple_choice",
        label: {
          en: "Which areas does your skill belong to?",
          fr: "À quels domaines votre compétence se rattache-t-elle ?",
          de: "Zu welchen Bereichen gehört deine Fähigkeit?",
        },
        help: {
          en: "Pick all that apply.",
          fr: "Plusieurs réponses possibles.",
          de: "Wähle alles aus, was zutrifft.",
        },
        required: true,
        choices: topicChoices,
      },
      availability,
      contact,
    ],
  },
};
