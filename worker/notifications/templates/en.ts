import type { Templates } from "./types.ts";

export const en: Templates = {
  greeting: (name) => `Hello ${name},`,
  footerWhy: "You get this email because of your notification settings in Mentorship.",
  unsubscribe: (kind) => `Unsubscribe from ${kind} emails`,
  settings: "Change what we send you",
  securityFooter: "This email protects your account, so it is sent even when other emails are turned off.",
  kindLabels: {
    paired: "new pairing",
    messages_waiting: "waiting message",
    checkin_reminder: "check-in reminder",
    meeting_reminder: "meeting reminder",
    pair_nudge: "quiet pair nudge",
    feedback_requested: "feedback request",
    report_escalated: "escalated report",
    join_request: "join request",
    join_request_decided: "join request answer",
    report: "report",
    pair_ended: "mentorship ended",
    admin_digest: "daily admin digest",
  },
  paired: (d) => ({
    subject: `You are paired with ${d.otherName} in ${d.programTitle}`,
    lines: [
      d.myRole === "mentee" ? `${d.otherName} will be your mentor in “${d.programTitle}”.` : `You will mentor ${d.otherName} in “${d.programTitle}”.`,
      d.otherAbout
        ? `About ${d.otherName}: ${d.otherAbout}`
        : `${d.otherName} has not written about themselves yet: your first message is a good place to ask.`,
      `Week 1: ${d.step1Title}.`,
      "To start, open your private pair space, say hello, and agree on how and when you will talk.",
    ],
    list: d.step1Activities,
    action: "Open your pair space",
  }),
  messages_waiting: (d) => ({
    subject: d.count === 1 ? `1 new message from ${d.fromName}` : `${d.count} new messages from ${d.fromName}`,
    lines: [
      d.count === 1
        ? `${d.fromName} wrote to you in your pair space and the message is still unread.`
        : `${d.fromName} wrote ${d.count} messages to you in your pair space and they are still unread.`,
    ],
    list: d.previews,
    action: "Read and reply",
  }),
  checkin_reminder: (d) => ({
    subject: `Time for your weekly check-in with ${d.otherName}`,
    lines: [`A week has passed without a check-in in “${d.programTitle}”.`, "A check-in takes a minute: how are you doing, and what is next?"],
    action: "Check in now",
  }),
  meeting_reminder: (d) => ({
    subject: d.hoursBefore >= 24 ? `Tomorrow: your meeting with ${d.otherName}` : `In 1 hour: your meeting with ${d.otherName}`,
    lines: [`Your meeting with ${d.otherName} starts ${d.when}.`, "The agenda, the place or link, and a calendar file are in your pair space."],
    action: "See the meeting",
  }),
  pair_nudge: (d) => ({
    subject: `It has been quiet with ${d.otherName} for ${d.quietDays} days`,
    lines: [
      `Nothing has happened in your pair space with ${d.otherName} for ${d.quietDays} days. A short message is enough to pick up the thread.`,
      ...(d.stepTitle ? [d.week ? `This week (week ${d.week}): ${d.stepTitle}.` : `This week: ${d.stepTitle}.`] : []),
    ],
    action: "Send a message",
  }),
  feedback_requested: (d) => ({
    subject: d.round === "end" ? "How did your mentorship go?" : "How is your mentorship going?",
    lines: [
      d.round === "end"
        ? "Your mentorship has ended. Two minutes: how did it go, was the goal met, and would you take part again?"
        : "You are halfway through your mentorship. How is it going, from 1 to 5?",
      "Your answers are private: the admins only see totals, once at least 3 people have answered, and never your comments.",
    ],
    action: "Give feedback",
  }),
  report_escalated: () => ({
    subject: "A report was escalated to you",
    lines: ["A group's admins escalated a report to the operators.", "Read what the report handed over and decide in the operator view."],
    action: "Open the operator view",
  }),
  join_request: (d) => ({
    subject: `${d.requesterName} asks to join ${d.groupName}`,
    lines: [`${d.requesterName} asked to join ${d.groupName}.`, "Read their message and approve or decline the request."],
    action: "Review join requests",
  }),
  join_request_decided: (d) => ({
    subject: d.approved ? `Welcome to ${d.groupName}` : `Your request to join ${d.groupName}`,
    lines: d.approved
      ? [`Your request to join ${d.groupName} was approved.`, "You can now sign up for its open programs as a mentor or a mentee."]
      : [`The admins of ${d.groupName} declined your request to join.`, "You can look for another group in the directory."],
    action: d.approved ? "Open the group" : "Open the directory",
  }),
  report: (d) => ({
    subject: `New report in ${d.groupName}`,
    lines: [`A member of ${d.groupName} sent a report to the group's admins.`, "Review it in the group's report queue."],
    action: "Open the report queue",
  }),
  pair_ended: (d) => ({
    subject: d.outcome === "completed" ? `Your mentorship with ${d.otherName} is complete` : `Your mentorship with ${d.otherName} has ended`,
    lines: [
      d.outcome === "completed" ? `Your mentorship with ${d.otherName} was marked completed. Well done!` : `Your mentorship with ${d.otherName} was ended.`,
      ...(d.reason ? [`Reason: ${d.reason}`] : []),
      "Your pair space stays readable; nothing new can be added.",
    ],
    action: "Open the pair space",
  }),
  admin_digest: (d) => ({
    subject: "Your daily mentorship digest",
    lines: [`What happened in the programs you run (${d.groups.map((g) => g.groupName).join(", ")}):`],
    action: "Open your groups",
  }),
  digestProgram: (p) =>
    `${p.programTitle}: ${p.newApplications} new application${p.newApplications === 1 ? "" : "s"}, ${p.needsAttention} pair${p.needsAttention === 1 ? "" : "s"} needing attention`,
  digestQuietPair: (q) => `needs attention: ${q.mentorName} and ${q.menteeName}, quiet for ${q.quietDays} days`,
  daily_summary: (count) => ({
    subject: count === 1 ? "1 notification from today" : `${count} notifications from today`,
    lines: ["You asked to get these once a day:"],
    action: "Open Mentorship",
  }),
  verify_email: () => ({
    subject: "Confirm your email address",
    lines: ["Confirm that this is your address, so that we can send you notifications and password resets.", "The link works once, for 24 hours."],
    action: "Confirm my address",
  }),
  email_change: (d) => ({
    subject: "Confirm your new email address",
    lines: [
      `You asked to use ${d.newEmail} for your Mentorship account. It replaces the old address once you confirm it.`,
      "The link works once, for 24 hours. If you did not ask for this, ignore this email.",
    ],
    action: "Confirm my new address",
  }),
  email_changed: (d) => ({
    subject: "Your email address was changed",
    lines: [
      `Your Mentorship account now uses ${d.newEmail}. This address will get no more emails from us.`,
      "If you did not do this, reset your password at once and contact your group's admins.",
    ],
    action: "Reset my password",
  }),
  password_reset: () => ({
    subject: "Reset your password",
    lines: [
      "Someone asked to reset the password of your Mentorship account. If it was you, choose a new password:",
      "The link works once, for 1 hour. Resetting signs you out everywhere. If you did not ask, ignore this email.",
    ],
    action: "Choose a new password",
  }),
};
