import { createSignal, createUniqueId, For, Match, Show, Switch } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Field, TextField } from "../../components/Field.tsx";
import { PlusIcon } from "../../components/Icons.tsx";
import { LengthCount } from "../../components/LengthCount.tsx";
import { Linkified } from "../../components/Linkified.tsx";
import { t } from "../../i18n/index.ts";
import { formatDateTime, formatShortDate } from "./format.ts";
import { ExternalIcon } from "./icons.tsx";
import { COMMENT_MAX, POST_BODY_MAX as BODY_MAX, POST_TITLE_MAX as TITLE_MAX, POST_URL_MAX as URL_MAX } from "../../../../shared/rules/limits.ts";
import { createComment, createPost, pairErrorMessage, safeHttpUrl, type Comment, type Post } from "./pair-api.ts";

type PostsPanelProps = {
  pairId: string;
  /** Undefined until the first load has answered. */
  posts: Post[] | undefined;
  error: unknown;
  onRetry: () => void;
  readOnly: boolean;
  meId: string;
  otherName: string;
  onPost: (post: Post) => void;
  onComment: (comment: Comment) => void;
};

export function PostsPanel(props: PostsPanelProps) {
  const headingId = createUniqueId();
  const [composing, setComposing] = createSignal(false);
  const authorName = (id: string) => (id === props.meId ? t("pair.checkin.you") : props.otherName);

  return (
    <section class="posts" aria-labelledby={headingId}>
      <div class="panel-head">
        <h2 id={headingId} class="panel-title">
          {t("pair.posts.heading")}
        </h2>
        <p class="panel-intro">{t("pair.posts.intro")}</p>
      </div>
      <Show when={!props.readOnly}>
        <Show
          when={composing()}
          fallback={
            <Button variant="secondary" class="posts__new" onClick={() => setComposing(true)}>
              <PlusIcon />
              {t("pair.posts.new")}
            </Button>
          }
        >
          <PostForm
            pairId={props.pairId}
            onDone={(post) => {
              props.onPost(post);
              setComposing(false);
            }}
            onCancel={() => setComposing(false)}
          />
        </Show>
      </Show>
      <Switch>
        <Match when={props.error && !props.posts}>
          <Alert tone="error" title={t("pair.posts.loadError")}>
            <p>{pairErrorMessage(props.error)}</p>
            <Button variant="secondary" onClick={() => props.onRetry()}>
              {t("pair.retry")}
            </Button>
          </Alert>
        </Match>
        <Match when={!props.posts}>
          <p class="muted loading-line" role="status">
            <span class="spinner" aria-hidden="true" />
            {t("pair.posts.loading")}
          </p>
        </Match>
        <Match when={props.posts?.length === 0}>
          <div class="panel-empty">
            <p class="panel-empty__title">{t("pair.posts.emptyTitle")}</p>
            <p class="panel-empty__body">{t("pair.posts.emptyBody")}</p>
          </div>
        </Match>
        <Match when={props.posts}>
          {(posts) => (
            <ul class="post-list" role="list">
              <For each={posts()}>
                {(post) => (
                  <li>
                    <PostCard
                      post={post}
                      pairId={props.pairId}
                      readOnly={props.readOnly}
                      meId={props.meId}
                      authorName={authorName}
                      onComment={props.onComment}
                    />
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function PostForm(props: { pairId: string; onDone: (post: Post) => void; onCancel: () => void }) {
  const [title, setTitle] = createSignal("");
  const [url, setUrl] = createSignal("");
  const [body, setBody] = createSignal("");
  const [errors, setErrors] = createSignal<{ title?: string; url?: string; body?: string }>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);
  // One id per draft: submitting the same draft twice (a retry after a lost answer) stores it once.
  let clientId = crypto.randomUUID();

  function check() {
    const found: { title?: string; url?: string; body?: string } = {};
    if (!title().trim()) found.title = t("pair.posts.titleRequired");
    else if (title().trim().length > TITLE_MAX) found.title = t("pair.posts.titleLong", { max: TITLE_MAX });
    const link = url().trim();
    if (link && (!/^https?:\/\//i.test(link) || !safeHttpUrl(link) || link.length > URL_MAX)) found.url = t("pair.posts.linkInvalid");
    if (body().trim().length > BODY_MAX) found.body = t("pair.posts.bodyLong", { max: BODY_MAX });
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setFormError(null);
    if (!check()) return;
    setSaving(true);
    try {
      const post = await createPost(props.pairId, { clientId, title: title().trim(), body: body().trim(), url: url().trim() || null });
      clientId = crypto.randomUUID();
      props.onDone(post);
    } catch (failure) {
      setFormError(pairErrorMessage(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="post-form card-inset" onSubmit={submit} noValidate aria-label={t("pair.posts.formTitle")}>
      <Show when={formError()}>
        <Alert tone="error" title={t("pair.posts.failed")}>
          <p>{formError()}</p>
        </Alert>
      </Show>
      <TextField label={t("pair.posts.title")} value={title()} onValue={setTitle} error={errors().title} limit={TITLE_MAX} autocomplete="off" />
      <TextField
        label={t("pair.posts.link")}
        hint={t("pair.posts.linkHint")}
        type="url"
        inputMode="url"
        value={url()}
        onValue={setUrl}
        error={errors().url}
        autocomplete="off"
      />
      <Field label={t("pair.posts.body")} error={errors().body} count={{ length: body().length, max: BODY_MAX }}>
        {(control) => <textarea class="input textarea" {...control} rows={5} value={body()} onInput={(event) => setBody(event.currentTarget.value)} />}
      </Field>
      <div class="post-form__actions">
        <Button type="button" variant="ghost" onClick={() => props.onCancel()}>
          {t("pair.posts.cancel")}
        </Button>
        <Button type="submit" loading={saving()} loadingText={t("pair.posts.submitting")}>
          {t("pair.posts.submit")}
        </Button>
      </div>
    </form>
  );
}

function PostCard(props: {
  post: Post;
  pairId: string;
  readOnly: boolean;
  meId: string;
  authorName: (id: string) => string;
  onComment: (comment: Comment) => void;
}) {
  const titleId = createUniqueId();
  // My comments on their way to the room: shown at once, and replaced by the stored comment as soon as
  // it arrives (from the HTTP answer or the room's frame, whichever is first; the same clientId).
  const [sending, setSending] = createSignal<Comment[]>([]);
  const comments = () => {
    const stored = new Set(props.post.comments.filter((c) => c.authorId === props.meId).map((c) => c.clientId));
    return [...props.post.comments, ...sending().filter((c) => !stored.has(c.clientId))];
  };
  const isSending = (comment: Comment) => sending().includes(comment);
  const link = () => safeHttpUrl(props.post.url);
  const host = () => {
    const href = link();
    return href ? new URL(href).host : "";
  };
  return (
    <article class="post" aria-labelledby={titleId}>
      <h3 id={titleId} class="post__title">
        {props.post.title}
      </h3>
      <p class="post__byline">
        {props.authorName(props.post.authorId)} ·{" "}
        <time datetime={new Date(props.post.createdAt).toISOString()} title={formatDateTime(props.post.createdAt)}>
          {formatShortDate(props.post.createdAt)}
        </time>
      </p>
      <Show when={link()}>
        {(href) => (
          <a class="post__link" href={href()} target="_blank" rel="noopener noreferrer">
            <ExternalIcon />
            <span class="post__link-host">{host()}</span>
            <span class="post__link-url">{href()}</span>
            <span class="visually-hidden"> {t("pair.posts.newTab")}</span>
          </a>
        )}
      </Show>
      <Show when={!link() && props.post.url}>
        <p class="post__link post__link--inert">{props.post.url}</p>
      </Show>
      <Show when={props.post.body}>
        <p class="post__body">
          <Linkified text={props.post.body} />
        </p>
      </Show>
      <div class="post__comments">
        <Show when={comments().length > 0}>
          <p class="post__comment-count">{t("pair.posts.comments", { count: comments().length })}</p>
          <ul class="comments" role="list">
            <For each={comments()}>
              {(comment) => (
                <li class="comment" classList={{ "comment--sending": isSending(comment) }}>
                  <p class="comment__meta">
                    <span class="comment__author">{props.authorName(comment.authorId)}</span>
                    <Show when={!isSending(comment)} fallback={<span class="comment__sending">{t("pair.posts.commenting")}</span>}>
                      <time datetime={new Date(comment.createdAt).toISOString()} title={formatDateTime(comment.createdAt)}>
                        {formatShortDate(comment.createdAt)}
                      </time>
                    </Show>
                  </p>
                  <p class="comment__body">
                    <Linkified text={comment.body} />
                  </p>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={!props.readOnly}>
          <CommentForm
            pairId={props.pairId}
            post={props.post}
            meId={props.meId}
            onSending={(comment) => setSending((list) => [...list, comment])}
            onSettled={(clientId) => setSending((list) => list.filter((c) => c.clientId !== clientId))}
            onComment={props.onComment}
          />
        </Show>
      </div>
    </article>
  );
}

function CommentForm(props: {
  pairId: string;
  post: Post;
  meId: string;
  onSending: (comment: Comment) => void;
  onSettled: (clientId: string) => void;
  onComment: (comment: Comment) => void;
}) {
  const inputId = createUniqueId();
  const [body, setBody] = createSignal("");
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let clientId = crypto.randomUUID();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const text = body().trim();
    if (!text || text.length > COMMENT_MAX) return;
    setSaving(true);
    setError(null);
    // Shown at once, as the person's own comment on its way; the server's answer confirms it.
    const sentId = clientId;
    props.onSending({ id: `sending:${sentId}`, clientId: sentId, postId: props.post.id, authorId: props.meId, body: text, createdAt: Date.now() });
    setBody("");
    try {
      const comment = await createComment(props.pairId, props.post.id, { clientId: sentId, body: text });
      clientId = crypto.randomUUID();
      props.onComment(comment);
    } catch (failure) {
      // Back into the field (unless something new was typed meanwhile), to try again with the same id.
      if (!body()) setBody(text);
      setError(pairErrorMessage(failure));
    } finally {
      props.onSettled(sentId);
      setSaving(false);
    }
  }

  return (
    <form class="comment-form" onSubmit={submit}>
      <label for={inputId} class="visually-hidden">
        {t("pair.posts.commentLabel", { title: props.post.title })}
      </label>
      <input
        id={inputId}
        class="input comment-form__input"
        value={body()}
        placeholder={t("pair.posts.commentPlaceholder")}
        onInput={(event) => setBody(event.currentTarget.value)}
        aria-describedby={error() ? `${inputId}-error` : undefined}
      />
      <Button type="submit" variant="secondary" loading={saving()} loadingText={t("pair.posts.commenting")} disabled={!body().trim()}>
        {t("pair.posts.comment")}
      </Button>
      <LengthCount length={body().length} max={COMMENT_MAX} />
      <Show when={error()}>
        <p id={`${inputId}-error`} class="field__error comment-form__error" role="alert">
          {t("pair.posts.commentFailed")} {error()}
        </p>
      </Show>
    </form>
  );
}
