import type { RoomInit } from "../../shared/api/pairs.ts";
import type { RoomStatus } from "../../shared/protocol.ts";
import { DAY_MS, fail, ok, type RoomHost, type RoomResult } from "./host.ts";

type Block = { blocker: string; blocked: string };
type MemberRow = { user_id: string; role: "mentor" | "mentee"; display_name: string };

/**
 * The room's identity and status: its pair, its two members, whether it has ended and who blocked whom.
 * Read on every frame and written only by this object, so it is cached in memory and rebuilt on wake-up.
 */
export class RoomState {
  private memberIds = new Set<string>();
  private members_: readonly MemberRow[] = [];
  private status_: RoomStatus = "active";
  private blocks_: Block[] = [];

  constructor(private readonly host: RoomHost) {}

  load() {
    this.members_ = this.host.sql.exec<MemberRow>("SELECT user_id, role, display_name FROM members").toArray();
    this.memberIds = new Set(this.members_.map((row) => row.user_id));
    this.status_ = (this.meta("status") as RoomStatus | null) ?? "active";
    this.blocks_ = JSON.parse(this.meta("blocks") ?? "[]") as Block[];
  }

  meta(key: string): string | null {
    return this.host.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
  }

  setMeta(key: string, value: string) {
    this.host.sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
  }

  /** Creates the room's identity once; false when it already existed (a retried creation). */
  create(init: RoomInit): boolean {
    const existing = this.meta("pair_id");
    if (existing) {
      if (existing !== init.pairId) throw new Error("This room belongs to another pair.");
      return false;
    }
    this.setMeta("pair_id", init.pairId);
    this.setMeta("program_id", init.programId);
    this.setMeta("group_id", init.groupId);
    this.setMeta("program_title", init.programTitle);
    this.setMeta("started_at", init.startedAt);
    this.setMeta("checkin_cadence_days", String(init.checkinCadenceDays));
    this.setMeta("status", "active");
    this.host.sql.exec("INSERT INTO members (user_id, role, display_name) VALUES (?, 'mentor', ?)", init.mentor.id, init.mentor.displayName);
    this.host.sql.exec("INSERT INTO members (user_id, role, display_name) VALUES (?, 'mentee', ?)", init.mentee.id, init.mentee.displayName);
    return true;
  }

  get pairId(): string | null {
    return this.meta("pair_id");
  }

  /** The two members, from memory: the table changes only at creation and erasure, and both reload. */
  members(): readonly MemberRow[] {
    return this.members_;
  }

  isMember(userId: string): boolean {
    return this.memberIds.has(userId);
  }

  get status(): RoomStatus {
    return this.status_;
  }

  setStatus(status: RoomStatus) {
    this.setMeta("status", status);
    this.status_ = status;
  }

  get blocks(): readonly Block[] {
    return this.blocks_;
  }

  setBlocks(blocks: Block[]) {
    this.setMeta("blocks", JSON.stringify(blocks));
    this.blocks_ = blocks;
  }

  isBlocked(): boolean {
    return this.blocks_.length > 0;
  }

  isBlockedFor(userId: string): boolean {
    return this.blocks_.some((b) => b.blocked === userId);
  }

  cadenceMs(): number {
    return Number(this.meta("checkin_cadence_days") ?? 7) * DAY_MS;
  }

  startedAt(): number {
    return Date.parse(this.meta("started_at") ?? new Date(0).toISOString());
  }

  /** Remembers the last activity for the health signal (messages are read from their own table). */
  touch(at = this.host.now()) {
    this.setMeta("last_activity_at", String(at));
  }

  /** Every write goes through here first: members only, never after the end, never across a block. */
  canWrite(userId: string): RoomResult<true> {
    if (!this.isMember(userId)) return fail("not_found", "This pair does not exist.");
    if (this.status_ !== "active") return fail("pair_ended", "This mentorship has ended. The space is read-only.");
    if (this.blocks_.length) return fail("blocked", "Contact in this pair is blocked.");
    return ok(true);
  }

  canRead(userId: string): RoomResult<true> {
    return this.isMember(userId) ? ok(true) : fail("not_found", "This pair does not exist.");
  }

  /** The status frame both people's screens follow. */
  statusFrame() {
    return { type: "status", status: this.status_, blocked: this.isBlocked() } as const;
  }
}
