import type { Review } from '../reviews.ts';

const STATUS_ORDER = ['completed', 'in_progress', 'delayed', 'planned', 'cancelled', 'unknown'];
/** Markdown control characters in document text are escaped so the text stays text. */
const md = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\n/g, ' ');

export function reviewToMarkdown(review: Review): string {
  const out: string[] = [
    `# ${md(review.title)}`,
    '',
    `Generated ${review.generatedAt.slice(0, 10)}${review.since ? `; changes since ${review.since}` : ''}.`,
    '',
  ];
  for (const s of review.sections) {
    out.push(`## Objective ${s.objective}: ${md(s.title)}`, '', `> ${md(s.commitment)}`, '');
    if (s.narrative) out.push(md(s.narrative), '');
    if (s.gap) out.push('**Gap:** no action is linked to this objective yet.', '');
    const byStatus = [...s.actions].sort(
      (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
    );
    if (byStatus.length) {
      out.push('| Action | Status | Responsible | Timing |', '|---|---|---|---|');
      for (const a of byStatus) {
        const timing = a.start || a.end ? `${a.start ?? ''}–${a.end ?? ''}` : '';
        out.push(
          `| ${md(a.title)} | ${a.status}${a.overdue ? ' (overdue)' : ''} | ${md(a.responsible.join(', '))} | ${timing} |`,
        );
      }
      out.push('');
    }
    if (s.progress.length) {
      out.push(
        'Progress:',
        ...s.progress.map(
          (p) => `- ${p.date} — ${md(p.action)}: ${p.status}${p.note ? `. ${md(p.note)}` : ''}`,
        ),
        '',
      );
    }
    if (s.passages.length)
      out.push(
        'From the documents:',
        ...s.passages.map((p) => `- *${md(p.document)}*: ${md(p.text.slice(0, 400))}`),
        '',
      );
    if (s.contributions.length)
      out.push(
        'Stakeholder contributions:',
        ...s.contributions.map((c) => `- ${md(c.author ?? 'Anonymous')}: ${md(c.text)}`),
        '',
      );
    if (s.changedSince)
      out.push(
        `Since ${review.since}: ${s.changedSince.newActions} new actions, ${s.changedSince.updates} progress updates.`,
        '',
      );
  }
  return out.join('\n');
}
