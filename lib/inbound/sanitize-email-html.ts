import sanitizeHtml from "sanitize-html";

/** Formatting that is safe to show staff; everything else is unwrapped to its text or dropped. */
const ALLOWED_TAGS = [
  "p", "br", "hr", "div", "span", "b", "strong", "i", "em", "u", "ul", "ol", "li", "blockquote", "pre", "code", "a",
  "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6",
];

/**
 * Tags dropped with their content, not just unwrapped: their text is code, styling or form
 * furniture, never part of the message. (img is simply not allowed: a void tag has no text.)
 */
const DROPPED_WITH_CONTENT = [
  "script", "style", "noscript", "template", "title", "head", "xml", "iframe", "frame", "frameset", "object", "embed",
  "applet", "form", "textarea", "select", "option", "button", "svg", "math",
];

const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

/** Links open outside the app and pass on no referrer or ranking; anything but http(s)/mailto becomes text. */
function transformLink(_tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const href = (attribs.href ?? "").trim();
  if (!SAFE_LINK.test(href)) return { tagName: "span", attribs: {} };
  return { tagName: "a", attribs: { href, rel: "noopener noreferrer nofollow", target: "_blank" } };
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  // No style or class anywhere: e-mail CSS can hide text or overlay the app; no on* handlers.
  allowedAttributes: { a: ["href", "rel", "target"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"], "*": ["dir"] },
  // Checked again by sanitize-html after transformLink, so an odd spelling the regex lets through still fails.
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: DROPPED_WITH_CONTENT,
  transformTags: { a: transformLink },
};

/**
 * An inbound message's HTML made safe to render inside the dashboard: basic formatting, tables and
 * http/https/mailto links (opening in a new tab, rel="noopener noreferrer nofollow") only. Scripts,
 * styles, frames, forms, event handlers, style attributes and every image (remote images tell the
 * sender when staff read the mail) are removed. Null when nothing is left.
 */
export function sanitizeEmailHtml(html: string): string | null {
  const clean = sanitizeHtml(html, OPTIONS).trim();
  return clean ? clean : null;
}
