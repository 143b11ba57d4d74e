/** A plain, branded email: both parts, from the same content. */
export type EmailContent = {
  preheader?: string;
  heading: string;
  paragraphs: string[];
  button?: { label: string; url: string };
  footer: string;
  brandColor?: string;
  /** The merchant's logo (an absolute URL), shown above the heading. */
  logo?: { url: string; alt: string };
  /** A customer email's unsubscribe link, under the footer. */
  unsubscribe?: { label: string; url: string };
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function renderEmail(content: EmailContent): { html: string; text: string } {
  const color = /^#[0-9a-fA-F]{6}$/.test(content.brandColor ?? "") ? content.brandColor! : "#3b2314";
  const text = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(content.button ? [`${content.button.label}: ${content.button.url}`, ""] : []),
    "--",
    content.footer,
    ...(content.unsubscribe ? [`${content.unsubscribe.label}: ${content.unsubscribe.url}`] : []),
  ].join("\n");
  const html = `<!doctype html>
<html><body style="margin:0;background:#f5f5f4;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1c1917">
${content.preheader ? `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preheader)}</div>` : ""}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:12px;overflow:hidden">
<tr><td style="background:${color};height:8px"></td></tr>
<tr><td style="padding:32px">
${content.logo ? `<img src="${escapeHtml(content.logo.url)}" alt="${escapeHtml(content.logo.alt)}" height="48" style="display:block;height:48px;width:auto;margin:0 0 16px">` : ""}
<h1 style="margin:0 0 16px;font-size:22px">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((p) => `<p style="margin:0 0 16px;font-size:16px;line-height:1.5">${escapeHtml(p)}</p>`).join("\n")}
${
  content.button
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.button.url)}" style="display:inline-block;background:${color};color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600">${escapeHtml(content.button.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#57534e;word-break:break-all">${escapeHtml(content.button.url)}</p>`
    : ""
}
</td></tr>
<tr><td style="padding:16px 32px;border-top:1px solid #e7e5e4;font-size:12px;color:#78716c">${escapeHtml(content.footer)}${
    content.unsubscribe
      ? `<br><a href="${escapeHtml(content.unsubscribe.url)}" style="color:#57534e">${escapeHtml(content.unsubscribe.label)}</a>`
      : ""
  }</td></tr>
</table></td></tr></table></body></html>`;
  return { html, text };
}
