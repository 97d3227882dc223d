import { describe, expect, it } from "vitest";
import { escapeHtml, escapeHtmlText, html, raw, SafeHtml } from "../../src/text/html.js";

describe("escapeHtml", () => {
  it("escapes the five characters that can end text or an attribute", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    // Already-escaped text is escaped again: the template never guesses.
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
    expect(escapeHtml("Hòa Khánh — 50,0%")).toBe("Hòa Khánh — 50,0%");
  });

  it("escapeHtmlText leaves quotes as typed (Telegram's HTML mode)", () => {
    expect(escapeHtmlText(`Gõ "hủy" <b> & 'x'`)).toBe(`Gõ "hủy" &lt;b&gt; &amp; 'x'`);
  });
});

describe("html`…`", () => {
  it("escapes every interpolation, in text and in attributes", () => {
    const name = `"><script>alert('x')</script>`;
    const out = html`<input value="${name}"><p>${name}</p>`.value;
    expect(out).toBe(
      `<input value="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"><p>&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>`,
    );
    expect(html`<td>${1 < 2 && "a & b"}</td>`.value).toBe("<td>a &amp; b</td>");
  });

  it("keeps the literal parts and numbers as written", () => {
    expect(html`<rect width="${40.5}" height="${0}"/>`.value).toBe(`<rect width="40.5" height="0"/>`);
  });

  it("puts raw fragments and nested templates in unescaped, once", () => {
    const inner = html`<b>${"<i>"}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe("<p><b>&lt;i&gt;</b></p>");
    expect(html`<style>${raw("a>b{color:red}")}</style>`.value).toBe("<style>a>b{color:red}</style>");
    expect(html`<div>${html`<p>${raw("<br>")}${"<br>"}</p>`}</div>`.value).toBe("<div><p><br>&lt;br&gt;</p></div>");
    expect(`${html`<p>${"&"}</p>`}`).toBe("<p>&amp;</p>");
  });

  it("joins arrays without a separator, each item by the same rules, nested arrays too", () => {
    const items = ["a<b", html`<i>c</i>`, 3, null, false, [["d&e"], raw("<hr>")]];
    expect(html`<ul>${items.map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe(
      "<ul><li>a&lt;b</li><li><i>c</i></li><li>3</li><li></li><li></li><li>d&amp;e<hr></li></ul>",
    );
    expect(html`${["<", ">"]}`.value).toBe("&lt;&gt;");
  });

  it("renders nothing for null, undefined and false, so conditions read naturally", () => {
    const missing: string | undefined = undefined;
    expect(html`<p>${null}${missing}${false}${""}</p>`.value).toBe("<p></p>");
    expect(html`${true}`.value).toBe("true");
    expect(html`a`).toBeInstanceOf(SafeHtml);
  });
});
