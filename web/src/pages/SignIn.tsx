import { A, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Alert } from "../components/Alert.tsx";
import { AuthLayout } from "../components/AuthLayout.tsx";
import { Button } from "../components/Button.tsx";
import { TextField } from "../components/Field.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { t } from "../i18n/index.ts";
import { splitApiError } from "../lib/errors.ts";
import { withNext } from "../lib/next.ts";
import { usePageTitle } from "../lib/page.ts";
import { signIn } from "../lib/session.ts";
import { checkEmail, message, type Message } from "../lib/validation.ts";

const FIELDS = ["email", "password"] as const;
type FieldName = (typeof FIELDS)[number];
type Errors = Partial<Record<FieldName, Message>>;

export default function SignIn() {
  usePageTitle(() => t("signin.title"));
  const [params] = useSearchParams();
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [errors, setErrors] = createSignal<Errors>({});
  const [formError, setFormError] = createSignal<Message | null>(null);
  const [submitting, setSubmitting] = createSignal(false);
  let form!: HTMLFormElement;
  let alert: HTMLDivElement | undefined;

  const errorFor = (field: FieldName) => errors()[field]?.();
  const clear = (field: FieldName) => errors()[field] && setErrors((current) => ({ ...current, [field]: undefined }));

  function focusFirstError(found: Errors) {
    const first = FIELDS.find((field) => found[field]);
    if (first) form.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (submitting()) return;
    setFormError(null);
    const found: Errors = {
      email: checkEmail(email()),
      password: password() ? undefined : message("validation.passwordRequired"),
    };
    setErrors(found);
    if (found.email || found.password) {
      focusFirstError(found);
      return;
    }
    setSubmitting(true);
    try {
      // On success the session has a user and the route guard moves on to `next` or home.
      await signIn({ email: email().trim(), password: password() });
    } catch (error) {
      const split = splitApiError(error, FIELDS);
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
      <PageHeading>{t("signin.title")}</PageHeading>
      <p class="lead">{t("signin.intro")}</p>
      <Show when={formError()}>
        {(text) => (
          <Alert tone="error" ref={(el) => (alert = el)}>
            <p>{text()()}</p>
          </Alert>
        )}
      </Show>
      <form ref={form} class="form" novalidate onSubmit={submit} aria-busy={submitting() ? "true" : undefined}>
        <TextField
          label={t("signin.email")}
          name="email"
          type="email"
          autocomplete="username"
          inputmode="email"
          spellcheck={false}
          required
          value={email()}
          onValue={(value) => {
            setEmail(value);
            clear("email");
          }}
          error={errorFor("email")}
        />
        <TextField
          label={t("signin.password")}
          name="password"
          type="password"
          autocomplete="current-password"
          required
          value={password()}
          onValue={(value) => {
            setPassword(value);
            clear("password");
          }}
          error={errorFor("password")}
        />
        <Button type="submit" block loading={submitting()} loadingText={t("signin.submitting")}>
          {t("signin.submit")}
        </Button>
      </form>
      <p class="auth__switch">
        <A href="/forgot-password">{t("signin.forgotLink")}</A>
      </p>
      <p class="auth__switch">
        {t("signin.noAccount")} <A href={withNext("/signup", params.next as string | undefined)}>{t("signin.signUpLink")}</A>
      </p>
    </AuthLayout>
  );
}
