import { z } from "zod";

export const Notification = z
  .object({
    id: z.string(),
    kind: z.string(),
    data: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof Notification>;

export const NotificationListResponse = z
  .object({ notifications: z.array(Notification), unreadCount: z.number().int() })
  .meta({ id: "NotificationListResponse" });

export const MarkReadBody = z
  .object({ ids: z.array(z.string()).max(200).optional() })
  .strict()
  .meta({ id: "MarkReadBody", description: "Ids to mark read; all of mine when omitted" });
