import { createRoute, z } from "@hono/zod-openapi";
import { Locale } from "../../shared/api/users.ts";
import { PROGRAM_TEMPLATES, localizeTemplate } from "../../shared/templates/index.ts";
import { requestLocale } from "../http/locale.ts";
import { createRouter, jsonResponse } from "../http/router.ts";

const TemplateListResponse = z.object({ locale: Locale, templates: z.array(z.record(z.string(), z.unknown())) }).meta({ id: "TemplateListResponse" });

export const templateRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/templates",
    tags: ["Programs"],
    summary: "Program templates, in the requested language (?locale=en|fr|de, else Accept-Language)",
    request: { query: z.object({ locale: Locale.optional() }) },
    responses: { 200: jsonResponse(TemplateListResponse, "Templates with their steps and questions") },
  }),
  (c) => {
    const locale = requestLocale(c);
    // Public reference content: the same for everyone, so browsers and the edge may cache it.
    c.header("Cache-Control", "public, max-age=300");
    c.header("Vary", "Accept-Language");
    return c.json({ locale, templates: PROGRAM_TEMPLATES.map((template) => localizeTemplate(template, locale)) }, 200);
  },
);
