import type { Templates } from "./types.ts";

export const fr: Templates = {
  greeting: (name) => `Bonjour ${name},`,
  footerWhy: "Vous recevez cet e-mail en raison de vos réglages de notification dans Mentorship.",
  unsubscribe: (kind) => `Ne plus recevoir les e-mails « ${kind} »`,
  settings: "Choisir ce que nous vous envoyons",
  securityFooter: "Cet e-mail protège votre compte : il est envoyé même si les autres e-mails sont désactivés.",
  kindLabels: {
    paired: "nouveau binôme",
    messages_waiting: "messages en attente",
    checkin_reminder: "rappel du point hebdomadaire",
    meeting_reminder: "rappel de rendez-vous",
    pair_nudge: "relance d’un binôme silencieux",
    feedback_requested: "demande d’avis",
    report_escalated: "signalement transmis",
    join_request: "demande d’adhésion",
    join_request_decided: "réponse à une demande d’adhésion",
    report: "signalement",
    pair_ended: "fin de mentorat",
    admin_digest: "résumé quotidien des admins",
  },
  paired: (d) => ({
    subject: `Vous formez un binôme avec ${d.otherName} dans ${d.programTitle}`,
    lines: [
      d.myRole === "mentee"
        ? `${d.otherName} sera votre mentor dans « ${d.programTitle} ».`
        : `Vous serez le mentor de ${d.otherName} dans « ${d.programTitle} ».`,
      d.otherAbout
        ? `À propos de ${d.otherName} : ${d.otherAbout}`
        : `${d.otherName} n’a pas encore écrit de présentation : demandez-lui dans votre premier message.`,
      `Semaine 1 : ${d.step1Title}.`,
      "Pour commencer, ouvrez votre espace de binôme privé, dites bonjour et convenez de la manière et du moment pour échanger.",
    ],
    list: d.step1Activities,
    action: "Ouvrir votre espace de binôme",
  }),
  messages_waiting: (d) => ({
    subject: d.count === 1 ? `1 nouveau message de ${d.fromName}` : `${d.count} nouveaux messages de ${d.fromName}`,
    lines: [
      d.count === 1
        ? `${d.fromName} vous a écrit dans votre espace de binôme et le message n’est pas encore lu.`
        : `${d.fromName} vous a écrit ${d.count} messages dans votre espace de binôme et ils ne sont pas encore lus.`,
    ],
    list: d.previews,
    action: "Lire et répondre",
  }),
  checkin_reminder: (d) => ({
    subject: `C’est l’heure de votre point hebdomadaire avec ${d.otherName}`,
    lines: [`Une semaine s’est écoulée sans point dans « ${d.programTitle} ».`, "Un point prend une minute : comment allez-vous, et quelle est la suite ?"],
    action: "Faire le point",
  }),
  meeting_reminder: (d) => ({
    subject: d.hoursBefore >= 24 ? `Demain : votre rendez-vous avec ${d.otherName}` : `Dans 1 heure : votre rendez-vous avec ${d.otherName}`,
    lines: [
      `Votre rendez-vous avec ${d.otherName} commence ${d.when}.`,
      "L’ordre du jour, le lieu ou le lien, et le fichier d’agenda sont dans votre espace de binôme.",
    ],
    action: "Voir le rendez-vous",
  }),
  pair_nudge: (d) => ({
    subject: `Aucune nouvelle avec ${d.otherName} depuis ${d.quietDays} jours`,
    lines: [
      `Rien ne s’est passé dans votre espace avec ${d.otherName} depuis ${d.quietDays} jours. Un petit message suffit pour reprendre le fil.`,
      ...(d.stepTitle ? [d.week ? `Cette semaine (semaine ${d.week}) : ${d.stepTitle}.` : `Cette semaine : ${d.stepTitle}.`] : []),
    ],
    action: "Envoyer un message",
  }),
  feedback_requested: (d) => ({
    subject: d.round === "end" ? "Comment s’est passé votre mentorat ?" : "Comment se passe votre mentorat ?",
    lines: [
      d.round === "end"
        ? "Votre mentorat est terminé. Deux minutes : comment cela s’est-il passé, l’objectif est-il atteint, et participeriez-vous de nouveau ?"
        : "Vous êtes à mi-parcours de votre mentorat. Comment cela se passe-t-il, de 1 à 5 ?",
      "Vos réponses restent privées : les admins ne voient que des totaux, dès qu’au moins 3 personnes ont répondu, et jamais vos commentaires.",
    ],
    action: "Donner mon avis",
  }),
  report_escalated: () => ({
    subject: "Un signalement vous a été transmis",
    lines: ["Les admins d’un groupe ont transmis un signalement aux opérateurs.", "Lisez ce que le signalement contient et décidez dans la vue opérateur."],
    action: "Ouvrir la vue opérateur",
  }),
  join_request: (d) => ({
    subject: `${d.requesterName} demande à rejoindre ${d.groupName}`,
    lines: [`${d.requesterName} a demandé à rejoindre ${d.groupName}.`, "Lisez son message, puis acceptez ou refusez la demande."],
    action: "Voir les demandes",
  }),
  join_request_decided: (d) => ({
    subject: d.approved ? `Bienvenue dans ${d.groupName}` : `Votre demande pour rejoindre ${d.groupName}`,
    lines: d.approved
      ? [
          `Votre demande pour rejoindre ${d.groupName} a été acceptée.`,
          "Vous pouvez maintenant vous inscrire à ses programmes ouverts comme mentor ou comme mentoré·e.",
        ]
      : [`Les admins de ${d.groupName} ont refusé votre demande.`, "Vous pouvez chercher un autre groupe dans l’annuaire."],
    action: d.approved ? "Ouvrir le groupe" : "Ouvrir l’annuaire",
  }),
  report: (d) => ({
    subject: `Nouveau signalement dans ${d.groupName}`,
    lines: [`Un membre de ${d.groupName} a envoyé un signalement aux admins du groupe.`, "Examinez-le dans la file des signalements du groupe."],
    action: "Ouvrir les signalements",
  }),
  pair_ended: (d) => ({
    subject: d.outcome === "completed" ? `Votre mentorat avec ${d.otherName} est terminé avec succès` : `Votre mentorat avec ${d.otherName} a pris fin`,
    lines: [
      d.outcome === "completed" ? `Votre mentorat avec ${d.otherName} a été marqué comme terminé. Bravo !` : `Votre mentorat avec ${d.otherName} a été arrêté.`,
      ...(d.reason ? [`Motif : ${d.reason}`] : []),
      "Votre espace de binôme reste consultable ; plus rien ne peut y être ajouté.",
    ],
    action: "Ouvrir l’espace de binôme",
  }),
  admin_digest: (d) => ({
    subject: "Votre résumé quotidien du mentorat",
    lines: [`Ce qui s’est passé dans les programmes que vous gérez (${d.groups.map((g) => g.groupName).join(", ")}) :`],
    action: "Ouvrir vos groupes",
  }),
  digestProgram: (p) =>
    `${p.programTitle} : ${p.newApplications} nouvelle${p.newApplications > 1 ? "s" : ""} candidature${p.newApplications > 1 ? "s" : ""}, ${p.needsAttention} binôme${p.needsAttention > 1 ? "s" : ""} à suivre`,
  digestQuietPair: (q) => `à suivre : ${q.mentorName} et ${q.menteeName}, sans nouvelles depuis ${q.quietDays} jours`,
  daily_summary: (count) => ({
    subject: count === 1 ? "1 notification du jour" : `${count} notifications du jour`,
    lines: ["Vous avez demandé à les recevoir une fois par jour :"],
    action: "Ouvrir Mentorship",
  }),
  verify_email: () => ({
    subject: "Confirmez votre adresse e-mail",
    lines: [
      "Confirmez que cette adresse est bien la vôtre, pour que nous puissions vous envoyer des notifications et des réinitialisations de mot de passe.",
      "Le lien fonctionne une seule fois, pendant 24 heures.",
    ],
    action: "Confirmer mon adresse",
  }),
  email_change: (d) => ({
    subject: "Confirmez votre nouvelle adresse e-mail",
    lines: [
      `Vous avez demandé à utiliser ${d.newEmail} pour votre compte Mentorship. Elle remplacera l’ancienne dès que vous l’aurez confirmée.`,
      "Le lien fonctionne une seule fois, pendant 24 heures. Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail.",
    ],
    action: "Confirmer ma nouvelle adresse",
  }),
  email_changed: (d) => ({
    subject: "Votre adresse e-mail a été modifiée",
    lines: [
      `Votre compte Mentorship utilise désormais ${d.newEmail}. Cette adresse ne recevra plus d’e-mails de notre part.`,
      "Si ce n’est pas vous, réinitialisez immédiatement votre mot de passe et contactez les admins de votre groupe.",
    ],
    action: "Réinitialiser mon mot de passe",
  }),
  password_reset: () => ({
    subject: "Réinitialisez votre mot de passe",
    lines: [
      "Quelqu’un a demandé à réinitialiser le mot de passe de votre compte Mentorship. Si c’est vous, choisissez un nouveau mot de passe :",
      "Le lien fonctionne une seule fois, pendant 1 heure. La réinitialisation vous déconnecte partout. Si vous n’avez rien demandé, ignorez cet e-mail.",
    ],
    action: "Choisir un nouveau mot de passe",
  }),
};
