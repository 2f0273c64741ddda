// The complaint form works without JavaScript: the server checks every file and names what it refuses.
// A file far over the limit can make the whole form too large to send, though, and then the page cannot
// keep what was typed; so with JavaScript the size and count are checked before the form leaves.
const input = document.querySelector<HTMLInputElement>('input[data-attachment-check]');
const report = document.querySelector<HTMLElement>('[data-attachment-report]');

function problems(field: HTMLInputElement): string[] {
  const maxBytes = Number(field.dataset.maxBytes);
  const maxFiles = Number(field.dataset.maxFiles);
  const found: string[] = [];
  for (const [i, file] of [...(field.files ?? [])].entries()) {
    if (i >= maxFiles) found.push((field.dataset.countMessage ?? '').replace('{file}', file.name));
    else if (file.size > maxBytes) found.push((field.dataset.sizeMessage ?? '').replace('{file}', file.name));
  }
  return found;
}

if (input && report) {
  const show = () => {
    const found = problems(input);
    report.textContent = found.join(' ');
    report.hidden = found.length === 0;
    input.setAttribute('aria-invalid', found.length ? 'true' : 'false');
    return found.length === 0;
  };
  input.addEventListener('change', show);
  input.form?.addEventListener('submit', (event) => {
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value === 'suggest' || show()) return;
    event.preventDefault();
    input.focus();
  });
}
