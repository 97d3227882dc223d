import type { Facet } from "../knowledge/analyze.js";
import type { Entry, Guide, Procedure } from "../knowledge/schema.js";
import { CHANNEL_TEXT, formatMoney, LEVEL_TEXT, M, PORTAL_URL, SECTION, TIER_TEXT } from "./messages.js";
import type { Block } from "./types.js";

/**
 * Answer cards: the facet the citizen asked for first, then the rest briefly, then the official
 * link. A missing fee/time is said to be missing (never guessed) and the card points to the
 * procedure page.
 */

const BRIEF_DOCUMENTS = 3;

export function entryCard(entry: Entry, facets: ReadonlySet<Facet>): Block[] {
  return entry.kind === "procedure" ? procedureCard(entry, facets) : guideCard(entry);
}

/** Facets this entry can answer (for follow-up buttons). */
export function availableFacets(entry: Entry): Facet[] {
  if (entry.kind !== "procedure") return [];
  const out: Facet[] = [];
  if (entry.documents.length) out.push("documents");
  out.push("fee");
  if (entry.times.length) out.push("time");
  out.push("where");
  if (entry.steps.length) out.push("steps");
  return out;
}

function procedureCard(p: Procedure, facets: ReadonlySet<Facet>): Block[] {
  const level = LEVEL_TEXT[p.level];
  const blocks: Block[] = [{ type: "heading", text: p.title }, { type: "badge", text: level.badge, tone: level.tone }];
  const asked = [...facets].filter((f) => f !== "online" || facets.size === 1);
  const focused = asked.length > 0;

  if (facets.has("online")) {
    blocks.push({ type: "text", text: p.level_note ? `${level.explain} ${p.level_note}` : level.explain });
  }
  for (const facet of asked) blocks.push(...facetBlocks(p, facet, true));

  if (!focused) {
    if (p.summary) blocks.push({ type: "text", text: p.summary });
    blocks.push(...facetBlocks(p, "where", false));
    blocks.push(...facetBlocks(p, "time", false));
    blocks.push(...facetBlocks(p, "fee", false));
    blocks.push(...facetBlocks(p, "documents", false));
  } else if (!facets.has("online") && p.level !== "toan-trinh" && p.level_note) {
    blocks.push({ type: "text", text: p.level_note });
  }
  if (p.needs_review) blocks.push({ type: "text", text: `⚠️ ${M.needsReview}` });
  blocks.push(linkBlock(p));
  return blocks;
}

function facetBlocks(p: Procedure, facet: Facet, full: boolean): Block[] {
  switch (facet) {
    case "documents": {
      if (p.documents.length === 0) return full ? [{ type: "text", text: `${SECTION.documents}: ${M.missingFact}.` }] : [];
      const items = p.documents.map((d) => (typeof d === "string" ? d : [d.name, d.copies ? `(${d.copies})` : "", d.note ? `— ${d.note}` : ""].filter(Boolean).join(" ")));
      const shown = full ? items : items.slice(0, BRIEF_DOCUMENTS);
      if (!full && items.length > BRIEF_DOCUMENTS) shown.push(`… và ${items.length - BRIEF_DOCUMENTS} giấy tờ khác (bấm "Giấy tờ cần có")`);
      return [{ type: "list", title: SECTION.documents, items: shown }];
    }
    case "fee": {
      if (p.fees.length === 0) return [{ type: "text", text: `${SECTION.fee}: ${M.missingFact}.` }];
      const items = p.fees.map((f) => {
        const what = [f.amount !== undefined ? formatMoney(f.amount) : "", f.note].filter(Boolean).join(" — ");
        // "Mọi hình thức" says nothing when it is the only kind of fee line.
        return f.channel === "moi-kenh" ? what : `${CHANNEL_TEXT[f.channel]}: ${what}`;
      });
      return items.length === 1 && !full ? [{ type: "text", text: `${SECTION.fee}: ${items[0]}` }] : [{ type: "list", title: SECTION.fee, items }];
    }
    case "time": {
      if (p.times.length === 0) return full ? [{ type: "text", text: `${SECTION.time}: ${M.missingFact}.` }] : [];
      const items = p.times.map((t) => (t.channel === "moi-kenh" ? t.text : `${CHANNEL_TEXT[t.channel]}: ${t.text}`));
      return items.length === 1 ? [{ type: "text", text: `${SECTION.time}: ${items[0]}` }] : [{ type: "list", title: SECTION.time, items }];
    }
    case "where": {
      const lines = [`${SECTION.where}: ${p.agency} (${TIER_TEXT[p.tier]}).`];
      if (full && p.reform_note) lines.push(`${SECTION.reform}: ${p.reform_note}`);
      if (full && p.level !== "khong-truc-tuyen") lines.push(`Nộp trực tuyến: Cổng Dịch vụ công quốc gia (${PORTAL_URL}) hoặc ứng dụng VNeID nếu thủ tục có trên đó.`);
      return [{ type: "text", text: lines.join("\n") }];
    }
    case "steps": {
      if (p.steps.length === 0) return full ? [{ type: "text", text: `${SECTION.steps}: ${M.missingFact}.` }] : [];
      return [{ type: "list", title: SECTION.steps, items: p.steps, ordered: true }];
    }
    case "online":
      return p.steps.length > 0 && full ? [{ type: "list", title: SECTION.steps, items: p.steps, ordered: true }] : [];
  }
}

function linkBlock(entry: Entry): Block {
  const url = entry.link ?? PORTAL_URL;
  const label = entry.kind === "procedure" && entry.code ? `${M.detailLink} (mã ${entry.code})` : entry.link ? M.detailLink : M.portalLabel;
  return { type: "link", url, label };
}

function guideCard(g: Guide): Block[] {
  const blocks: Block[] = [{ type: "heading", text: g.title }];
  if (g.summary) blocks.push({ type: "text", text: g.summary });
  if (g.body) blocks.push({ type: "text", text: g.body.trim() });
  if (g.steps.length) blocks.push({ type: "list", items: g.steps, ordered: true });
  if (g.notes.length) blocks.push({ type: "list", title: SECTION.notes, items: g.notes });
  if (g.needs_review) blocks.push({ type: "text", text: `⚠️ ${M.needsReview}` });
  if (g.link) blocks.push({ type: "link", url: g.link, label: M.moreLink });
  return blocks;
}

/** Plain-text rendering of blocks (terminal, Zalo, `ask`). Channels with markup render their own. */
export function blocksToText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case "heading":
        out.push(b.text.toUpperCase() === b.text ? b.text : `【${b.text}】`);
        break;
      case "badge":
      case "text":
        out.push(b.text);
        break;
      case "list": {
        const lines = b.items.map((item, i) => (b.ordered ? `${i + 1}. ${item}` : `• ${item}`));
        out.push(b.title ? `${b.title}:\n${lines.join("\n")}` : lines.join("\n"));
        break;
      }
      case "link":
        out.push(`🔗 ${b.label}: ${b.url}`);
        break;
    }
  }
  return out.join("\n\n");
}
