import { A, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Alert } from "../components/Alert.tsx";
import { AuthLayout } from "../components/AuthLayout.tsx";
import { Button } from "../components/Button.tsx";
import { TextField } from "../components/Field.tsx";
import { PasswordStrength, problemOf, problemText } from "../components/PasswordStrength.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { t } from "../i18n/index.ts";
import { ApiError } from "../lib/api.ts";
import { splitApiError } from "../lib/errors.ts";
import { accountLocale } from "../lib/language.ts";
import { withNext } from "../lib/next.ts";
import { usePageTitle } from "../lib/page.ts";
import { signUp } from "../lib/session.ts";
import {
  checkBirthDate,
  checkDisplayName,
  checkEmail,
  checkNewPassword,
  DISPLAY_NAME_MAX_LENGTH,
  message,
  PASSWORD_MIN_LENGTH,
  todayIso,
  type Message,
} from "../lib/validation.ts";

const FIELDS = ["email", "password", "displayName", "birthDate"] as const;
type FieldName = (typeof FIELDS)[number];
type Errors = Partial<Record<FieldName, Message>>;

export default function SignUp() {
  usePageTitle(() => t("signup.title"));
  const [params] = useSearchParams();
  const [values, setValues] = createSignal<Record<FieldName, string>>({ email: "", password: "", displayName: "", birthDate: "" });
  const [errors, setErrors] = createSignal<Errors>({});
  const [formError, setFormError] = createSignal<Message | null>(null);
  const [submitting, setSubmitting] = createSignal(false);
  let form!: HTMLFormElement;
  let alert: HTMLDivElement | undefined;

  const update = (field: FieldName) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    // A field's message goes away as soon as it is being fixed.
    if (errors()[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const errorFor = (field: FieldName) => errors()[field]?.();

  function focusFirstError(found: Errors) {
    const first = FIELDS.find((field) => found[field]);
    if (first) form.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (submitting()) return;
    setFormError(null);
    const v = values();
    const found: Errors = {
      email: checkEmail(v.email),
      password: checkNewPassword(v.password),
      displayName: checkDisplayName(v.displayName),
      birthDate: checkBirthDate(v.birthDate),
    };
    setErrors(found);
    if (FIELDS.some((field) => found[field])) {
      focusFirstError(found);
      return;
    }
    setSubmitting(true);
    try {
      // On success the session has a user and the route guard moves on to `next` or home.
      await signUp({
        email: v.email.trim(),
        password: v.password,
        displayName: v.displayName.trim(),
        birthDate: v.birthDate,
        locale: accountLocale(),
      });
    } catch (error) {
      // The server's password policy: say which rule, in the reader's language.
      const weak = error instanceof ApiError && error.code === "weak_password" ? problemOf(error.issueFor("password")?.message) : undefined;
      const split = splitApiError(error, FIELDS, {
        codeFields: { underage: "birthDate", email_taken: "email" },
        fieldMessages: {
          email: message("validation.emailInvalid"),
          password: weak ? () => problemText(weak) : message("validation.passwordShort", { min: PASSWORD_MIN_LENGTH }),
          birthDate: message("validation.birthDateInvalid"),
        },
      });
      setErrors(split.fields);
      setFormError(() => split.form);
      if (split.form) alert?.focus();
      else focusFirstError(split.fields);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <AuthLayout>
      <PageHeading>{t("signup.title")}</PageHeading>
      <p class="lead">{t("signup.intro")}</p>
      <Show when={formError()}>
        {(text) => (
          <Alert tone="error" ref={(el) => (alert = el)}>
            <p>{text()()}</p>
          </Alert>
        )}
      </Show>
      <form ref={form} class="form" novalidate onSubmit={submit} aria-busy={submitting() ? "true" : undefined}>
        <TextField
          label={t("signup.email")}
          name="email"
          type="email"
          autocomplete="email"
          inputmode="email"
          spellcheck={false}
          required
          value={values().email}
          onValue={update("email")}
          error={errorFor("email")}
        />
        <TextField
          label={t("signup.password")}
          hint={t("signup.passwordHint", { min: PASSWORD_MIN_LENGTH })}
          name="password"
          type="password"
          autocomplete="new-password"
          minlength={PASSWORD_MIN_LENGTH}
          required
          value={values().password}
          onValue={update("password")}
          error={errorFor("password")}
        />
        <PasswordStrength password={values().password} email={values().email} displayName={values().displayName} />
        <TextField
          label={t("signup.displayName")}
          hint={t("signup.displayNameHint")}
          name="displayName"
          autocomplete="name"
          limit={DISPLAY_NAME_MAX_LENGTH}
          required
          value={values().displayName}
          onValue={update("displayName")}
          error={errorFor("displayName")}
        />
        <TextField
          label={t("signup.birthDate")}
          hint={t("signup.birthDateHint")}
          name="birthDate"
          type="date"
          autocomplete="bday"
          min="1900-01-01"
          max={todayIso()}
          required
          class="field--date"
          value={values().birthDate}
          onValue={update("birthDate")}
          error={errorFor("birthDate")}
        />
        <Button type="submit" block loading={submitting()} loadingText={t("signup.submitting")}>
          {t("signup.submit")}
        </Button>
      </form>
      <p class="auth__switch">
        {t("signup.haveAccount")} <A href={withNext("/signin", params.next as string | undefined)}>{t("signup.signInLink")}</A>
      </p>
    </AuthLayout>
  );
}
