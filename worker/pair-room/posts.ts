import type { Comment, Post } from "../../shared/protocol.ts";
import { fail, ok, type RoomHost, type RoomResult } from "./host.ts";
import type { RoomState } from "./state.ts";

type PostRow = { id: string; client_id: string; author_id: string; title: string; body: string; url: string | null; created_at: number };
type CommentRow = { id: string; client_id: string; post_id: string; author_id: string; body: string; created_at: number };

const toComment = (r: CommentRow): Comment => ({
  id: r.id,
  clientId: r.client_id,
  postId: r.post_id,
  authorId: r.author_id,
  body: r.body,
  createdAt: r.created_at,
});
const toPost = (r: PostRow, comments: Comment[]): Post => ({
  id: r.id,
  clientId: r.client_id,
  authorId: r.author_id,
  title: r.title,
  body: r.body,
  url: r.url,
  createdAt: r.created_at,
  comments,
});

export type PostInput = { clientId: string; title: string; body: string; url?: string | null | undefined };

/** Posts (a link or a longer text) and their comments, each idempotent by (author, clientId). */
export class Posts {
  constructor(
    private readonly host: RoomHost,
    private readonly state: RoomState,
    private readonly onChange: () => Promise<void>,
  ) {}

  private comments(postId?: string): Comment[] {
    const rows = postId
      ? this.host.sql.exec<CommentRow>("SELECT * FROM comments WHERE post_id = ? ORDER BY created_at, id", postId).toArray()
      : this.host.sql.exec<CommentRow>("SELECT * FROM comments ORDER BY created_at, id").toArray();
    return rows.map(toComment);
  }

  private post(id: string, comments: Comment[]): Post | null {
    const row = this.host.sql.exec<PostRow>("SELECT * FROM posts WHERE id = ?", id).toArray()[0];
    return row ? toPost(row, comments) : null;
  }

  list(userId: string): RoomResult<Post[]> {
    const readable = this.state.canRead(userId);
    if (!readable.ok) return readable;
    const comments = this.comments();
    const rows = this.host.sql.exec<PostRow>("SELECT * FROM posts ORDER BY created_at DESC, id").toArray();
    return ok(
      rows.map((row) =>
        toPost(
          row,
          comments.filter((c) => c.postId === row.id),
        ),
      ),
    );
  }

  async create(userId: string, input: PostInput): Promise<RoomResult<Post>> {
    const existing = this.host.sql.exec<{ id: string }>("SELECT id FROM posts WHERE author_id = ? AND client_id = ?", userId, input.clientId).toArray()[0];
    if (existing && this.state.isMember(userId)) return ok(this.post(existing.id, this.comments(existing.id))!);
    const allowed = this.state.canWrite(userId);
    if (!allowed.ok) return allowed;
    const id = crypto.randomUUID();
    const now = this.host.now();
    this.host.sql.exec(
      "INSERT INTO posts (id, client_id, author_id, title, body, url, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      id,
      input.clientId,
      userId,
      input.title,
      input.body,
      input.url ?? null,
      now,
    );
    this.state.touch(now);
    await this.onChange();
    const post = this.post(id, [])!;
    this.host.broadcast({ type: "post", post });
    return ok(post);
  }

  async comment(userId: string, postId: string, input: { clientId: string; body: string }): Promise<RoomResult<Comment>> {
    const readable = this.state.canRead(userId);
    if (!readable.ok) return readable;
    if (!this.host.sql.exec("SELECT 1 FROM posts WHERE id = ?", postId).toArray().length) return fail("not_found", "There is no such post.");
    const existing = this.host.sql.exec<CommentRow>("SELECT * FROM comments WHERE author_id = ? AND client_id = ?", userId, input.clientId).toArray()[0];
    if (existing) {
      if (existing.post_id === postId) return ok(toComment(existing));
      return fail("client_id_conflict", "This clientId was already used for a comment on another post.");
    }
    const allowed = this.state.canWrite(userId);
    if (!allowed.ok) return allowed;
    const comment: Comment = { id: crypto.randomUUID(), clientId: input.clientId, postId, authorId: userId, body: input.body, createdAt: this.host.now() };
    this.host.sql.exec(
      "INSERT INTO comments (id, client_id, post_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      comment.id,
      comment.clientId,
      postId,
      userId,
      comment.body,
      comment.createdAt,
    );
    this.state.touch(comment.createdAt);
    await this.onChange();
    this.host.broadcast({ type: "comment", comment });
    return ok(comment);
  }
}
