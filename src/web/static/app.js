// Progressive enhancement for GCM Tracker pages. Everything works without it; with it, the review
// queue is fast from the keyboard and uploads show their progress.
(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';

  // Review queue: j/k move, a accept, r reject, digits + Enter reassign.
  const queue = document.getElementById('queue');
  if (queue) {
    const rows = () => [...queue.querySelectorAll('li[data-link]')];
    let index = 0;
    let digits = '';
    const focus = (i) => {
      const list = rows();
      if (!list.length) return;
      index = Math.max(0, Math.min(list.length - 1, i));
      list[index].focus();
    };
    const status = document.getElementById('queue-status');
    const decide = async (row, body) => {
      const res = await fetch(`/api/v1/links/${row.dataset.link}/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify(body),
      });
      if (status)
        status.textContent = res.ok
          ? `${row.dataset.link}: ${body.decision}`
          : (await res.json()).error.message;
      if (res.ok) {
        row.remove();
        focus(index);
      }
    };
    queue.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-decision]');
      if (!button) return;
      e.preventDefault();
      const row = button.closest('li[data-link]');
      const decision = button.dataset.decision;
      const objective = Number(row.querySelector('input[name="objective"]')?.value);
      void decide(row, decision === 'reassign' ? { decision, objective } : { decision });
    });
    document.addEventListener('keydown', (e) => {
      if (
        e.target instanceof HTMLInputElement ||
        e.target instanceof HTMLTextAreaElement ||
        e.target instanceof HTMLSelectElement
      )
        return;
      const row = rows()[index];
      if (e.key === 'j') focus(index + 1);
      else if (e.key === 'k') focus(index - 1);
      else if (e.key === 'a' && row) void decide(row, { decision: 'confirm' });
      else if (e.key === 'r' && row) void decide(row, { decision: 'reject' });
      else if (/^\d$/.test(e.key)) digits = (digits + e.key).slice(-2);
      else if (e.key === 'Enter' && row && digits) {
        void decide(row, { decision: 'reassign', objective: Number(digits) });
        digits = '';
      } else return;
      e.preventDefault();
    });
    focus(0);
  }

  // Upload with a progress bar.
  const upload = document.getElementById('upload-form');
  if (upload) {
    upload.addEventListener('submit', (e) => {
      e.preventDefault();
      const bar = document.getElementById('upload-progress');
      const out = document.getElementById('upload-status');
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/v1/documents');
      xhr.setRequestHeader('x-csrf-token', csrf);
      xhr.upload.onprogress = (p) => {
        if (bar && p.lengthComputable) bar.value = Math.round((p.loaded / p.total) * 100);
      };
      xhr.onload = () => {
        const body = JSON.parse(xhr.responseText);
        if (out) {
          out.textContent =
            xhr.status < 300
              ? `${body.title}: ${body.passages} passages, ${body.actions} actions, ${body.suggestions} suggestions`
              : body.error.message;
        }
        if (xhr.status < 300 && body.documentId) window.location.href = `/documents/${body.documentId}`;
      };
      xhr.send(new FormData(upload));
    });
  }
})();
